//! Pack 0.2.0: the corrections of the legal audit (issue #19, part 1) and the questions a provider
//! could misread (part 2), each as a provider or their counsel would check it: on the scope
//! decision, the report, the Markdown and the pack's own changelog. The Form rows and the
//! cross-checks are also probed in `tests/fixtures/cross-checks.json`.

use gpai_check::pack::model::{ChangeKind, ItemKind, Pack, QuestionType};
use gpai_check::report::{Report, Status};
use gpai_check::scope::scope_text;
use gpai_check::{evaluate, report_markdown, scope, Profile, ScopeResult, Submission};
use serde_json::{json, Value};

fn pack() -> &'static Pack {
    gpai_check::pack::get("gpai-cop-final", "pack").expect("the built-in pack")
}

fn decide(v: Value) -> ScopeResult {
    scope(&serde_json::from_value::<Profile>(v).unwrap()).unwrap()
}

fn report(profile: Value, answers: Value) -> Report<'static> {
    let s: Submission =
        serde_json::from_value(json!({"pack": "gpai-cop-final", "profile": profile, "answers": answers})).unwrap();
    evaluate(&s).unwrap()
}

/// A provider of a model with systemic risk (above 10^25 FLOP), placed on the EU market.
fn systemic() -> Value {
    json!({"training_compute_flop": 3e25, "generates_language_image_or_video": true, "placed_on_eu_market": true,
           "established_in_eu": true, "assessment_date": "2026-11-28"})
}

fn reason_ids(s: &ScopeResult, obligation: &str) -> Vec<String> {
    s.obligations.iter().find(|o| o.id == obligation).unwrap().reasons.iter().map(|r| r.id.to_string()).collect()
}

fn reason(id: &str) -> &'static gpai_check::scope::ReasonSpec {
    scope_text().reason_spec(id).unwrap_or_else(|| panic!("{id} in the scope data"))
}

fn requirement(r: &Report, id: &str) -> Status {
    r.chapters.iter().flat_map(|c| &c.measures).flat_map(|m| &m.requirements).find(|q| q.id == id).unwrap().status
}

/// The 0.2.0 changelog entries for an item.
fn changes(item: &str) -> Vec<&'static gpai_check::pack::model::PackChange> {
    pack().changelog[0].changes.iter().filter(|c| c.item == item).collect()
}

// 1.1 A systemic-risk model's notification can fall due before it is placed on the market.
#[test]
fn the_deadline_note_says_the_notification_can_come_before_placing_on_the_market() {
    let s = decide(systemic());
    assert!(s.notes.iter().any(|n| n.id == "deadline.new-model"));
    let note = reason("deadline.new-model");
    assert!(
        note.text.contains("Art 52(1) notification") && note.text.contains("before placing on the market"),
        "{}",
        note.text
    );
    for para in ["27", "31", "114"] {
        assert!(note.source.contains(para), "cites Guidelines para {para}: {}", note.source);
    }
}

// 1.2 A legacy model's notification: due now, and marked as our reading, in the report too.
#[test]
fn a_legacy_model_s_notification_is_due_now_as_our_reading_with_the_reason_in_the_report() {
    let mut p = systemic();
    p["placed_before_2025_08_02"] = json!(true);
    let s = decide(p.clone());
    assert_eq!(s.obligations.iter().find(|o| o.id == "art52_notify").unwrap().applies, Some(true));
    let notify = reason_ids(&s, "art52_notify");
    assert!(notify.contains(&"deadline.legacy-notification".to_string()), "{notify:?}");
    assert!(!notify.contains(&"deadline.legacy".to_string()), "the notification is not given until 2027");
    let why = reason("deadline.legacy-notification");
    assert!(why.interpretation, "marked as the tool's reading");
    assert!(why.source.contains("111(3)") && why.source.contains("52(1)"));
    for other in ["art53_1a", "art55_1a"] {
        assert!(reason_ids(&s, other).contains(&"deadline.legacy".to_string()), "{other} is due by 2 August 2027");
    }
    let md = report_markdown(&report(p, json!({})));
    let line = md.lines().find(|l| l.contains(&why.text)).expect("the reason is in the Markdown report");
    assert!(line.contains(&format!("{} ({}) *(our reading)*", why.text, why.source)), "{line}");
}

// 1.3 SS-1.1-R9: the stated reason for leaving out legacy models is corrected.
#[test]
fn ss_1_1_r9_states_the_right_reason_for_leaving_out_legacy_models() {
    let note = pack().lookup().requirement("SS-1.1-R9").unwrap().note.clone().unwrap();
    assert!(!note.contains("both deadlines count from a placing on the market"), "{note}");
    assert!(note.contains("counts from the notification") && note.contains("Art 111(3)"), "{note}");
    assert!(note.starts_with("Our reading"), "marked as our reading: {note}");
    let mut legacy = systemic();
    legacy["placed_before_2025_08_02"] = json!(true);
    assert_eq!(requirement(&report(legacy, json!({})), "SS-1.1-R9"), Status::NotApplicable, "the exclusion stays");
}

// 1.4 SS-8.3-R2, indicator (7): publishing is protected, and the test is reasonable grounds.
#[test]
fn the_risk_culture_indicator_protects_publishing_on_reasonable_grounds_not_good_faith() {
    let text = &pack().lookup().requirement("SS-8.3-R2").unwrap().text;
    assert!(!text.contains("good faith"), "{text}");
    assert!(text.contains("publishes") && text.contains("reasonable grounds to believe it is true"), "{text}");
    let help = pack().question("ss_responsibility_risk_culture").unwrap().help.clone().unwrap();
    assert!(!help.contains("good-faith") && help.contains("reasonable grounds"), "{help}");
}

// 1.5 Other evidence of high-impact capabilities still triggers the notification, as our reading.
#[test]
fn other_evidence_of_high_impact_capabilities_triggers_the_notification_as_our_reading() {
    let s = decide(json!({"training_compute_flop": 5e24, "generates_language_image_or_video": true,
                          "placed_on_eu_market": true, "established_in_eu": true,
                          "high_impact_capabilities_other_evidence": true}));
    assert_eq!(s.notification_required, Some(true), "the cautious reading is kept");
    assert!(reason_ids(&s, "art52_notify").contains(&"sr.other-high-impact-evidence".to_string()));
    let r = reason("sr.other-high-impact-evidence");
    assert!(r.interpretation);
    assert!(r.source.contains("footnotes 6-7") && r.source.contains("51(3)"), "{}", r.source);
}

// 1.6 SME and small mid-cap: the definitions' sources, not a template section.
#[test]
fn the_sme_and_small_mid_cap_questions_name_their_definitions() {
    let input = |id: &str| scope_text().inputs.iter().find(|i| i.id == id).unwrap();
    let sme = input("is_sme");
    assert!(sme.source.starts_with("Commission Recommendation 2003/361/EC"), "{}", sme.source);
    assert!(sme.help.as_deref().unwrap().contains("2003/361/EC"));
    let smc = input("is_small_mid_cap");
    assert!(!smc.source.contains("template"), "{}", smc.source);
    let help = smc.help.as_deref().unwrap();
    assert!(help.contains("neither that chapter nor its glossary defines the term"), "{help}");
    assert!(help.contains("not encoded"), "the reported definition is named, not guessed: {help}");
}

// 1.7 The pack states the law it encodes, with dates, and names later texts it does not encode.
#[test]
fn the_pack_states_the_law_it_encodes_and_names_what_it_does_not_encode_yet() {
    let law = &pack().law;
    let encoded: Vec<(&str, Option<&str>)> =
        law.iter().filter(|l| l.encoded).map(|l| (l.title.as_str(), l.date.as_deref())).collect();
    assert!(encoded.iter().any(|(t, d)| t.contains("Code of Practice") && *d == Some("2025-07-10")), "{encoded:?}");
    assert!(encoded.iter().any(|(t, d)| t.contains("C(2025) 5045") && *d == Some("2025-07-18")), "{encoded:?}");
    assert!(encoded.iter().any(|(t, _)| t.contains("2024/1689")), "{encoded:?}");
    let not_yet: Vec<&gpai_check::pack::model::LawText> = law.iter().filter(|l| !l.encoded).collect();
    for named in ["2026/1744", "Revision of the Commission Guidelines"] {
        let l = not_yet.iter().find(|l| l.title.contains(named)).unwrap_or_else(|| panic!("{named} is named"));
        assert!(l.date.is_none(), "{named}: no date is guessed");
        assert!(l.note.contains("not checked"), "{named}: {}", l.note);
    }
    let md = report_markdown(&report(systemic(), json!({})));
    let head: Vec<&str> = md.lines().take(8).collect();
    assert!(head
        .iter()
        .any(|l| l.starts_with("- Law encoded:") && l.contains("10 July 2025") && l.contains("C(2025) 5045")));
    assert!(head.iter().any(|l| l.starts_with("- Not encoded yet") && l.contains("2026/1744")), "{head:?}");
}

// 1.8 The Model Documentation Form rows.
#[test]
fn the_licence_row_records_several_licences_with_free_text() {
    let q = pack().question("t_mdf_3_2b").unwrap();
    assert_eq!(q.kind, QuestionType::MultiChoice);
    let field =
        pack().chapters.iter().find_map(|c| c.form.as_ref()).unwrap().fields.iter().find(|f| f.id == "MDF-3.2b");
    let parts: Vec<&str> = field.unwrap().parts.iter().map(|p| p.question.as_str()).collect();
    assert_eq!(parts, ["t_mdf_3_2b_details"]);
    let r = report(systemic(), json!({"t_mdf_3_2b": ["free-and-open-source", "proprietary"]}));
    assert!(r.findings.is_empty(), "dual licensing is an answer: {:?}", r.findings);
}

#[test]
fn data_sizes_and_training_time_are_form_fields_for_their_recipients() {
    use gpai_check::pack::model::Recipient::{AiOffice, NationalAuthorities};
    let form = pack().chapters.iter().find_map(|c| c.form.as_ref()).unwrap();
    let field = |id: &str| form.fields.iter().find(|f| f.id == id).unwrap();
    let questions = |id: &str| field(id).questions().map(|(q, _)| q.to_string()).collect::<Vec<_>>();
    assert_eq!(field("MDF-6.4a").recipients, [NationalAuthorities]);
    assert_eq!(questions("MDF-6.4a"), ["t_mdf_6_4a", "t_mdf_6_4a_testing", "t_mdf_6_4a_validation", "t_mdf_6_4_unit"]);
    assert_eq!(field("MDF-6.4b").recipients, [AiOffice]);
    assert_eq!(questions("MDF-6.4b"), ["t_mdf_6_4b", "t_mdf_6_4b_testing", "t_mdf_6_4b_validation", "t_mdf_6_4_unit"]);
    assert_eq!(questions("MDF-7.1a"), ["t_mdf_7_1a", "t_mdf_7_1_period"]);
    assert_eq!(field("MDF-7.1b").recipients, [AiOffice]);
    assert_eq!(questions("MDF-7.1b"), ["t_mdf_7_1b", "t_mdf_7_1_period", "t_mdf_7_1b_hardware_days"]);
    // The sizes keep their precision: two figures for the AI Office, one for national authorities.
    let precision =
        |id: &str, q: &str| field(id).questions().find(|(x, _)| *x == q).unwrap().1.unwrap().significant_figures;
    assert_eq!(precision("MDF-6.4a", "t_mdf_6_4a_testing"), Some(1));
    assert_eq!(precision("MDF-6.4b", "t_mdf_6_4b_validation"), Some(2));
}

#[test]
fn no_help_text_says_what_national_authorities_get_wrongly() {
    for (_, _, m) in pack().measures() {
        for q in &m.questions {
            let help = q.help.as_deref().unwrap_or("");
            assert!(!help.contains("national authorities get only the period measured"), "{}: {help}", q.id);
        }
    }
}

// 2. Questions a provider could misread.
#[test]
fn the_intermediate_report_question_asks_for_the_interval_between_reports() {
    let q = pack().question("ss_incident_intermediate_report_interval_weeks").unwrap();
    assert!(q.text.contains("between one report on it and the next"), "{}", q.text);
    let kpi = pack().lookup().kpi("SS-9.3-R6-K1").unwrap();
    assert_eq!(kpi.question, q.id);
    assert!(pack().question("ss_incident_intermediate_report_weeks").is_none());
}

#[test]
fn not_having_notified_never_passes_the_framework_deadline() {
    let full =
        json!({"ss_framework_confirmed_weeks_after_notification": 0, "ss_framework_confirmed_weeks_before_market": 8});
    let mut not_notified = full.clone();
    not_notified["ss_art52_notified"] = json!("no");
    let r = report(systemic(), not_notified);
    assert_eq!(requirement(&r, "SS-1.1-R9"), Status::Partial, "a stored 0 weeks no longer passes");
    let m = r.chapters.iter().flat_map(|c| &c.measures).find(|m| m.id == "SS-1.1").unwrap();
    assert!(m.kpis.iter().all(|k| k.id != "SS-1.1-R9-K1" || k.pass != Some(true)));

    let mut notified = full;
    notified["ss_art52_notified"] = json!("yes");
    assert_eq!(requirement(&report(systemic(), notified), "SS-1.1-R9"), Status::Met);

    // A voluntary signatory without systemic risk has no notification to count from.
    let voluntary = json!({"training_compute_flop": 5e24, "generates_language_image_or_video": true,
        "placed_on_eu_market": true, "established_in_eu": true, "signed_safety_security_chapter": true});
    let r = report(voluntary, json!({"ss_framework_confirmed_weeks_before_market": 8}));
    assert_eq!(requirement(&r, "SS-1.1-R9"), Status::Met);
    let asked: Vec<&str> = r.questions.iter().filter(|q| q.asked).map(|q| q.id.as_ref()).collect();
    assert!(
        !asked.contains(&"ss_art52_notified") && !asked.contains(&"ss_framework_confirmed_weeks_after_notification")
    );
}

#[test]
fn the_response_and_complaint_figures_ask_for_one_figure_each() {
    for (id, kpi) in
        [("t_ai_office_response_target_days", "T-1.2-R2-K1"), ("c_complaint_handling_target_days", "C-1.5-R3-K1")]
    {
        let q = pack().question(id).unwrap();
        assert!(q.text.contains("aim to"), "{}: asks for the procedure's target: {}", id, q.text);
        let both = format!("{} {}", q.text, q.help.as_deref().unwrap_or(""));
        assert!(!both.contains("longest"), "{id} does not also ask for the longest case: {both}");
        assert_eq!(pack().lookup().kpi(kpi).unwrap().question, id);
    }
}

// Every correction and question fix is in the pack's changelog, with its reason and source.
#[test]
fn every_change_of_0_2_0_is_in_the_pack_changelog_with_a_reason_and_a_source() {
    let p = pack();
    assert_eq!(p.version, "0.2.0");
    assert_eq!(p.changelog[0].version, p.version);
    assert!(p.changelog.iter().any(|v| v.version == "0.1.0"));
    let expected = [
        ("deadline.new-model", ItemKind::ScopeReason, ChangeKind::Changed),
        ("deadline.legacy-notification", ItemKind::ScopeReason, ChangeKind::Added),
        ("SS-1.1-R9", ItemKind::Requirement, ChangeKind::Changed),
        ("SS-8.3-R2", ItemKind::Requirement, ChangeKind::Changed),
        ("sr.other-high-impact-evidence", ItemKind::ScopeReason, ChangeKind::Changed),
        ("is_sme", ItemKind::ProfileInput, ChangeKind::Changed),
        ("is_small_mid_cap", ItemKind::ProfileInput, ChangeKind::Changed),
        ("t_mdf_3_2b", ItemKind::Question, ChangeKind::Changed),
        ("MDF-6.4a", ItemKind::FormField, ChangeKind::Changed),
        ("MDF-6.4b", ItemKind::FormField, ChangeKind::Changed),
        ("MDF-7.1a", ItemKind::FormField, ChangeKind::Changed),
        ("MDF-7.1b", ItemKind::FormField, ChangeKind::Changed),
        ("t_mdf_6_4_details", ItemKind::Question, ChangeKind::Removed),
        ("t_mdf_7_1_details", ItemKind::Question, ChangeKind::Removed),
        ("ss_incident_intermediate_report_interval_weeks", ItemKind::Question, ChangeKind::Added),
        ("ss_art52_notified", ItemKind::Question, ChangeKind::Added),
        ("t_ai_office_response_target_days", ItemKind::Question, ChangeKind::Added),
        ("c_complaint_handling_target_days", ItemKind::Question, ChangeKind::Added),
        ("X-14", ItemKind::CrossCheck, ChangeKind::Changed),
        ("X-33", ItemKind::CrossCheck, ChangeKind::Added),
    ];
    for (item, kind, change) in expected {
        let found = changes(item);
        let c = found.first().unwrap_or_else(|| panic!("{item} is in the 0.2.0 changelog"));
        assert_eq!((c.item_kind, c.change), (kind, change), "{item}");
        assert!(c.reason.len() > 40, "{item}: a real reason");
        assert!(!c.sources.is_empty(), "{item}: a source");
    }
    assert!(p.law.iter().any(|l| !changes(&l.id).is_empty()), "stating the law is a change too");
}
