//! Evaluation end to end, natively: the golden reports of the shipped examples, and the
//! behaviours a provider relies on (applicability, KPIs, findings, errors, determinism).
//!
//! Goldens live in `tests/golden/<example>.report.json`; `UPDATE_GOLDEN=1 cargo test` rewrites
//! them after an intended change (review the diff). The Node tests replay the same files
//! against the wasm package, so native and wasm are shown to agree.

use std::fs;
use std::path::Path;

use gpai_check::report::Status;
use gpai_check::{evaluate, evaluate_json, report_markdown, ErrorCode, Report, Submission};
use serde_json::{json, Value};

fn pack() -> &'static gpai_check::Pack {
    gpai_check::pack::get("gpai-cop-final", "pack").expect("the built-in pack")
}

fn examples() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = fs::read_dir("www/examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.ends_with("index.json"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), fs::read_to_string(&p).unwrap()))
        .collect();
    v.sort();
    v
}

#[test]
fn golden_reports_of_the_shipped_examples() {
    let examples = examples();
    assert!(examples.len() >= 3, "at least three example submissions ship in www/examples");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    // CI checks the committed goldens; it never rewrites them.
    assert!(!(update && std::env::var_os("CI").is_some()), "UPDATE_GOLDEN is refused under CI");
    for (name, text) in examples {
        let report = evaluate_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let outputs = [
            ("report.json", serde_json::to_string_pretty(&report).unwrap() + "\n"),
            ("report.md", report_markdown(&report)),
        ];
        for (ext, actual) in outputs {
            let path = Path::new("tests/golden").join(format!("{name}.{ext}"));
            if update {
                fs::create_dir_all("tests/golden").unwrap();
                fs::write(&path, &actual).unwrap();
                continue;
            }
            let expected = fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("{} is missing; run UPDATE_GOLDEN=1 cargo test", path.display()));
            assert!(actual == expected, "{name}: output differs from {}; review, then UPDATE_GOLDEN=1", path.display());
        }
    }
}

#[test]
fn the_index_lists_every_example() {
    let index: Value = serde_json::from_str(&fs::read_to_string("www/examples/index.json").unwrap()).unwrap();
    let listed: Vec<&str> = index.as_array().unwrap().iter().map(|e| e["file"].as_str().unwrap()).collect();
    for (name, _) in examples() {
        assert!(listed.contains(&format!("{name}.json").as_str()), "{name} not in index.json");
    }
}

fn report_of(v: Value) -> Report<'static> {
    evaluate(&serde_json::from_value::<Submission>(v).unwrap()).unwrap()
}

fn measure<'a>(r: &'a Report<'static>, id: &str) -> &'a gpai_check::report::MeasureResult<'static> {
    r.chapters.iter().flat_map(|c| &c.measures).find(|m| m.id == id).unwrap()
}

fn chapter<'a>(r: &'a Report<'static>, id: &str) -> &'a gpai_check::report::ChapterResult<'static> {
    r.chapters.iter().find(|c| c.id == id).unwrap()
}

fn in_scope(answers: Value) -> Value {
    json!({
        "pack": "gpai-cop-final",
        "profile": {"significant_generality": "yes", "placed_on_eu_market": true, "established_in_eu": true,
                    "training_compute_flop": 5e23},
        "answers": answers,
    })
}

#[test]
fn the_open_source_exemption_makes_transparency_not_applicable_but_keeps_copyright() {
    let r = report_of(json!({
        "pack": "gpai-cop-final",
        "profile": {
            "significant_generality": "yes", "placed_on_eu_market": true, "established_in_eu": true,
            "training_compute_flop": 5e23, "is_open_source_licence": true, "weights_public": true,
            "architecture_and_usage_info_public": true, "monetised": false
        }
    }));
    let t = chapter(&r, "T");
    assert_eq!(t.applicable, Some(false));
    assert!(t.reasons.iter().any(|x| x.id == "open-source.exempt"));
    assert!(t.measures.iter().all(|m| m.status == Status::NotApplicable));
    assert_eq!(chapter(&r, "C").applicable, Some(true));
    assert_eq!(measure(&r, "C-1.1").status, Status::Unanswered);
    // The open-source variant of C-1.4 applies instead of the usage-terms requirement.
    let c14 = measure(&r, "C-1.4");
    let req = |id: &str| c14.requirements.iter().find(|q| q.id == id).unwrap();
    assert!(req("C-1.4-R3").counted && !req("C-1.4-R2").counted);
}

#[test]
fn an_empty_assessment_is_undecided_not_out_of_scope() {
    let r = report_of(json!({"pack": "gpai-cop-final", "profile": {}, "answers": {}}));
    let s = &r.scope;
    assert_eq!((s.in_scope, s.is_gpai_model, s.systemic_risk), (None, None, None));
    assert_eq!(s.is_provider, Some(true), "own model under own name: the reference's defaults decide it");
    assert!(s.obligations.iter().all(|o| o.applies.is_none()), "no obligation is said not to apply");
    // What to ask, in the order the scope questions are asked.
    assert_eq!(
        s.decided_by,
        ["training_compute_flop", "generates_language_image_or_video", "placed_on_eu_market", "established_in_eu"]
    );
    assert!(s.notes.iter().any(|n| n.id == "note.scope-undecided"));
    // No measure is "not applicable": each waits for the scope decision.
    assert_eq!(r.summary.overall.not_applicable, 0);
    assert_eq!(r.summary.overall.unanswered, r.summary.overall.total);
    assert!(r.chapters.iter().all(|c| c.applicable.is_none()));
    assert_eq!(measure(&r, "T-1.1").explanation, gpai_check::report::Explanation::Undecided);
    assert!(gpai_check::messages::explanation(&measure(&r, "T-1.1").explanation).starts_with("Not decided yet"));
    // The SME's real "not a provider" verdict reads differently from the empty state.
    let not_provider = report_of(json!({"pack": "gpai-cop-final", "profile": {
        "training_compute_flop": 5e23, "generates_language_image_or_video": true,
        "org_develops_or_commissions_model": false
    }}));
    assert_eq!(not_provider.scope.in_scope, Some(false));
    assert!(not_provider.scope.decided_by.is_empty());
    assert_eq!(not_provider.summary.overall.not_applicable, not_provider.summary.overall.total);
}

#[test]
fn the_report_says_which_questions_are_asked_now_and_how_each_is_answered() {
    use gpai_check::report::AnswerState;
    let state = |r: &Report<'static>, id: &str| {
        let q = r.questions.iter().find(|q| q.id == id).unwrap_or_else(|| panic!("{id} listed"));
        (q.asked, q.answer)
    };
    let follow_up = "c_crawler_respects_access_controls";
    // A follow-up is asked only once the answer it follows makes it relevant.
    let r = report_of(in_scope(json!({})));
    assert_eq!(state(&r, "c_crawls_web"), (true, AnswerState::Unanswered));
    assert_eq!(state(&r, follow_up), (false, AnswerState::Unanswered));
    let r = report_of(in_scope(json!({"c_crawls_web": "yes", (follow_up): "maybe"})));
    assert_eq!(state(&r, "c_crawls_web"), (true, AnswerState::Answered));
    assert_eq!(state(&r, follow_up), (true, AnswerState::Invalid));
    // An answer that does not fit is not used: the follow-up is not asked on its strength.
    let r = report_of(in_scope(json!({"c_crawls_web": "perhaps"})));
    assert_eq!(state(&r, "c_crawls_web"), (true, AnswerState::Invalid));
    assert_eq!(state(&r, follow_up), (false, AnswerState::Unanswered));
    // Every question of the pack is listed once, in pack order.
    let pack = gpai_check::pack::get("gpai-cop-final", "pack").unwrap();
    let ids: Vec<&str> = pack.measures().flat_map(|(_, _, m)| &m.questions).map(|q| q.id.as_str()).collect();
    assert_eq!(r.questions.iter().map(|q| q.id.as_ref()).collect::<Vec<_>>(), ids);
    // Nothing is asked in a chapter that does not apply, or while the scope is undecided.
    let empty = report_of(json!({"pack": "gpai-cop-final", "profile": {}, "answers": {}}));
    assert!(empty.questions.iter().all(|q| !q.asked));
    let safety = r.questions.iter().find(|q| q.id.starts_with("ss_")).unwrap();
    assert!(!safety.asked, "no systemic risk, chapter not signed: nothing of Safety and Security is asked");
}

#[test]
fn out_of_scope_providers_get_no_applicable_measure() {
    let r = report_of(json!({"pack": "gpai-cop-final", "profile": {"sole_purpose_scientific_research": true}}));
    assert_eq!(r.summary.overall.not_applicable, r.summary.overall.total);
    assert!(r.missing.is_empty());
}

#[test]
fn crawling_questions_apply_only_to_providers_that_crawl() {
    let r = report_of(in_scope(json!({})));
    assert_eq!(measure(&r, "C-1.2").status, Status::Unanswered);
    assert!(measure(&r, "C-1.2").missing.iter().any(|q| q == "c_crawls_web"));
    let r = report_of(in_scope(json!({"c_crawls_web": "no"})));
    assert_eq!(measure(&r, "C-1.2").status, Status::NotApplicable);
    assert_eq!(measure(&r, "C-1.3").status, Status::NotApplicable);
    let r = report_of(in_scope(json!({"c_crawls_web": "yes", "c_crawler_respects_access_controls": "no"})));
    assert_eq!(measure(&r, "C-1.2").status, Status::NotMet);
}

#[test]
fn a_measure_is_met_only_when_every_required_item_is() {
    let full = json!({
        "c_policy_exists": "yes", "c_policy_single_document": "yes",
        "c_policy_document_ref": "Copyright policy v2, 2026-03", "c_policy_responsibilities": "yes"
    });
    assert_eq!(measure(&report_of(in_scope(full.clone())), "C-1.1").status, Status::Met);
    let mut partly = full.clone();
    partly["c_policy_responsibilities"] = json!("partly");
    assert_eq!(measure(&report_of(in_scope(partly)), "C-1.1").status, Status::Partial);
    let mut missing = full.clone();
    missing.as_object_mut().unwrap().remove("c_policy_document_ref");
    let r = report_of(in_scope(missing));
    // Nothing answered shows a gap, but the evidence is missing: open, not partly compliant.
    assert_eq!(measure(&r, "C-1.1").status, Status::Unanswered);
    assert_eq!(measure(&r, "C-1.1").missing, ["c_policy_document_ref"]);
    // The encouraged summary is optional: not missing, not counted.
    assert!(!measure(&r, "C-1.1").requirements.iter().find(|q| q.id == "C-1.1-R4").unwrap().counted);
}

#[test]
fn a_list_answer_meets_each_item_it_names_and_no_other() {
    // SS-8.2: resources for systemic-risk responsibilities, human, financial, information and
    // knowledge, and computational; each is an item of its own. A provider that names two of
    // the four partly meets it; one that names none does not meet it.
    let systemic = |resources: Value| {
        let mut v = in_scope(json!({"ss_responsibility_resources": resources}));
        v["profile"]["training_compute_flop"] = json!(4e25);
        let r = report_of(v);
        measure(&r, "SS-8.2").requirements.iter().find(|q| q.id == "SS-8.2-R1").unwrap().status
    };
    assert_eq!(systemic(json!(["human", "financial", "information_knowledge", "computational"])), Status::Met);
    assert_eq!(systemic(json!(["human", "financial"])), Status::Partial);
    assert_eq!(systemic(json!(["none"])), Status::NotMet);
}

#[test]
fn an_item_that_turns_on_an_undecided_scope_decision_is_open_not_inapplicable() {
    // The training summary names the authorised representative only for a provider established
    // outside the EU (Art 54). Until the provider says where it is established, that item is
    // still to settle, never "not applicable"; once it says, it is decided.
    let representative = |established: Value| {
        let mut v = in_scope(json!({}));
        v["profile"]["established_in_eu"] = established;
        let r = report_of(v);
        let q = measure(&r, "TS-1").requirements.iter().find(|q| q.id == "TS-1.1-representative").unwrap().clone();
        (q.status, q.counted)
    };
    assert_eq!(representative(Value::Null), (Status::Unanswered, true));
    assert_eq!(representative(json!(true)), (Status::NotApplicable, false));
    assert_eq!(representative(json!(false)), (Status::Unanswered, true));
}

#[test]
fn kpis_compare_the_stated_figure_with_the_codes_number() {
    let r = report_of(in_scope(json!({"t_downstream_response_days": 21, "t_docs_retention_years": 10})));
    let k = measure(&r, "T-1.2").kpis.iter().find(|k| k.id == "T-1.2-R4-K1").unwrap();
    assert_eq!((k.value, k.target, k.pass), (Some(21.0), Some(14.0), Some(false)));
    let k = measure(&r, "T-1.1").kpis.iter().find(|k| k.id == "T-1.1-R3-K1").unwrap();
    assert_eq!(k.pass, Some(true));
    let r = report_of(in_scope(json!({"t_downstream_response_days": 14, "t_downstream_further_info": "yes"})));
    let req = measure(&r, "T-1.2").requirements.iter().find(|q| q.id == "T-1.2-R4").unwrap();
    assert_eq!(req.status, Status::Met);
}

#[test]
fn where_the_code_sets_no_number_the_kpi_says_so_instead_of_passing_or_failing() {
    let r = report_of(in_scope(json!({"c_complaint_handling_target_days": 90})));
    let k = measure(&r, "C-1.5")
        .kpis
        .iter()
        .find(|k| pack().lookup().kpi(&k.id).unwrap().metric == "complaint_handling_time")
        .unwrap();
    assert_eq!((k.value, k.target, k.comparator, k.pass), (Some(90.0), None, None, None));
}

#[test]
fn answer_problems_are_findings_and_count_as_unanswered() {
    let r = report_of(in_scope(json!({
        "c_policy_exists": "absolutely",
        "t_downstream_response_days": "14",
        "c_policy_summary_url": "javascript:alert(1)",
        "c_no_such_question": "yes"
    })));
    let codes: Vec<(&str, String)> =
        r.findings.iter().map(|f| (f.question_id.as_str(), format!("{:?}", f.code))).collect();
    assert!(codes.contains(&("c_policy_exists", "InvalidAnswer".into())));
    assert!(codes.contains(&("t_downstream_response_days", "InvalidAnswer".into())));
    assert!(codes.contains(&("c_policy_summary_url", "InvalidAnswer".into())));
    assert!(codes.contains(&("c_no_such_question", "UnknownQuestion".into())));
    assert_eq!(measure(&r, "C-1.1").status, Status::Unanswered);
}

#[test]
fn the_trace_names_the_answer_and_the_source_behind_each_status() {
    let r = report_of(in_scope(json!({"c_policy_exists": "partly"})));
    let req = measure(&r, "C-1.1").requirements.iter().find(|q| q.id == "C-1.1-R1").unwrap();
    assert_eq!(req.status, Status::Partial);
    let step = &req.trace[0];
    assert_eq!(step.question_id.as_deref(), Some("c_policy_exists"));
    assert_eq!(serde_json::to_value(&step.answer).unwrap(), json!("partly"));
    // The report holds ids; the source line comes from the pack the report was made with.
    let source = pack().lookup().requirement_sources(&req.id);
    assert!(source.starts_with("C-1.1-R1") && source.contains("Art 53(1)(c)"), "{source}");
}

#[test]
fn every_status_comes_with_an_explanation_and_sources() {
    for (name, text) in examples() {
        let r = evaluate_json(&text).unwrap();
        for (chapter, m) in r.chapters.iter().flat_map(|c| c.measures.iter().map(move |m| (&*c.id, m))) {
            assert!(!gpai_check::messages::explanation(&m.explanation).is_empty(), "{name} {}", m.id);
            // The explanation's groups are exactly the counted requirements, by status.
            if let gpai_check::report::Explanation::Requirements { status, count, groups } = &m.explanation {
                assert_eq!(*status, m.status, "{name} {}", m.id);
                assert_eq!(*count as usize, m.requirements.iter().filter(|q| q.counted).count());
                for g in groups {
                    let ids: Vec<_> =
                        m.requirements.iter().filter(|q| q.counted && q.status == g.status).map(|q| &q.id).collect();
                    assert_eq!(g.ids.iter().collect::<Vec<_>>(), ids, "{name} {}", m.id);
                }
            }
            let code_chapter = chapter != "TS";
            // The report names the measure; its sources are the pack's, joined when rendered.
            let lookup = pack().lookup();
            let sources = &lookup.measure(&m.id).unwrap_or_else(|| panic!("{} is in the pack", m.id)).sources;
            assert!(!code_chapter || sources.iter().any(|s| s.reference == m.id), "{name} {} cites its Code id", m.id);
            assert!(sources.iter().any(|s| s.reference.starts_with("Art ")), "{name} {} cites an article", m.id);
            for q in &m.requirements {
                assert!(!q.trace.is_empty(), "{name} {}", q.id);
            }
            if matches!(m.status, Status::Unanswered | Status::Partial) && m.kpis.iter().all(|k| k.pass != Some(false))
            {
                let open = m.requirements.iter().any(|q| q.counted && q.status != Status::Met);
                assert!(open, "{name} {}: a status below met names the item behind it", m.id);
            }
        }
    }
}

#[test]
fn the_same_input_gives_the_same_report_byte_for_byte() {
    for (_, text) in examples() {
        let a = evaluate_json(&text).unwrap();
        let b = evaluate_json(&text).unwrap();
        assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
        assert!(a.verify_digest());
    }
}

#[test]
fn a_changed_report_no_longer_matches_its_digest() {
    let (_, text) = &examples()[0];
    let mut r = evaluate_json(text).unwrap();
    r.chapters[1].measures[0].status = Status::Met;
    r.summary.overall.met += 1;
    assert!(!r.verify_digest());
}

#[test]
fn unusable_submissions_throw_errors_naming_the_field() {
    let cases = [
        (r#"{"pack": "gpai-cop-draft"}"#, ErrorCode::UnknownPack, "pack"),
        (r#"{"pack": "gpai-cop-final", "packVersion": "9.9.9"}"#, ErrorCode::PackVersionMismatch, "packVersion"),
        (r#"{"profile": {}}"#, ErrorCode::MissingField, "pack"),
        (r#"{"pack": "gpai-cop-final", "answer": {}}"#, ErrorCode::UnknownField, "answer"),
        (r#"{"pack": "gpai-cop-final", "profile": {"is_sme": "yes"}}"#, ErrorCode::InvalidType, "profile.is_sme"),
        (
            r#"{"pack": "gpai-cop-final", "profile": {"training_compute_flop": -5}}"#,
            ErrorCode::InvalidValue,
            "profile.training_compute_flop",
        ),
        (r#"{"pack": "gpai-cop-final", "assessmentDate": "2026-02-29"}"#, ErrorCode::InvalidValue, "assessmentDate"),
        (r#"{"pack": "gpai-cop-final", "answers": []}"#, ErrorCode::InvalidType, "answers"),
        (r#"{"pack": "gpai-cop-final""#, ErrorCode::InvalidJson, ""),
        ("", ErrorCode::InvalidJson, ""),
    ];
    for (text, code, path) in cases {
        let e = evaluate_json(text).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (code, path), "{text}: {e}");
        assert!(e.to_string().starts_with(path), "the message starts with the path: {e}");
    }
    let huge = format!(r#"{{"pack": "gpai-cop-final", "title": "{}"}}"#, "x".repeat(5 * 1024 * 1024));
    assert_eq!(evaluate_json(&huge).unwrap_err().code, ErrorCode::TooLarge);
}

#[test]
fn the_markdown_report_shows_verdicts_kpis_and_digests() {
    let text = fs::read_to_string("www/examples/closed-non-eu.json").unwrap();
    let r = evaluate_json(&text).unwrap();
    let md = report_markdown(&r);
    assert!(md.contains(&r.digest) && md.contains(&r.pack_digest));
    assert!(md.contains("### T-1.2 Providing relevant information: Partly met"));
    assert!(md.contains("| downstream_provider_request_response (T-1.2-R4-K1) | 21 days | at most 14 days | fail |"));
    assert!(md.contains("EUR 24,000,000"));
}

/// For each question, how many of the pack's items (chapters, measures, requirements, questions,
/// form fields; not notes, not cross-checks) have a condition referring to it, read straight
/// from the pack's JSON rather than through the engine's model.
fn gates_in_pack_json() -> std::collections::BTreeMap<String, u32> {
    fn refs(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                for (k, x) in o {
                    match (k.as_str(), x) {
                        ("answered", Value::String(q)) | ("answer", Value::String(q)) => out.push(q.clone()),
                        ("answer", Value::Object(t)) if t.contains_key("question") => {
                            out.push(t["question"].as_str().unwrap().to_string())
                        }
                        _ => refs(x, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
            _ => {}
        }
    }
    fn walk(v: &Value, count: &mut std::collections::BTreeMap<String, u32>) {
        match v {
            Value::Object(o) => {
                let mut qs = Vec::new();
                for key in ["showIf", "appliesIf", "alsoAppliesIf"] {
                    if let Some(c) = o.get(key) {
                        refs(c, &mut qs);
                    }
                }
                qs.sort();
                qs.dedup();
                for q in qs {
                    *count.entry(q).or_default() += 1;
                }
                for (k, x) in o {
                    if !matches!(
                        k.as_str(),
                        "showIf" | "appliesIf" | "alsoAppliesIf" | "notes" | "rules" | "crossChecks"
                    ) {
                        walk(x, count);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, count)),
            _ => {}
        }
    }
    let pack: Value = serde_json::from_str(gpai_check::pack::builtin()[0].json).unwrap();
    let mut count = std::collections::BTreeMap::new();
    walk(&pack, &mut count);
    count
}

/// Checks `report.missing` against the per-measure `missing` lists: every question once, with
/// every measure that waits on it, ordered by that count, then by gates, then pack order.
fn assert_missing_is_ordered(name: &str, r: &Report) {
    let measures: Vec<&gpai_check::report::MeasureResult> = r.chapters.iter().flat_map(|c| &c.measures).collect();
    // Each question's measures in pack order, and its pack position: (first measure, place in its list).
    let mut waiting: Vec<(String, Vec<String>, (usize, usize))> = Vec::new();
    for (mi, m) in measures.iter().enumerate() {
        for (qi, q) in m.missing.iter().enumerate() {
            match waiting.iter_mut().find(|w| &w.0 == q) {
                Some(w) => w.1.push(m.id.to_string()),
                None => waiting.push((q.to_string(), vec![m.id.to_string()], (mi, qi))),
            }
        }
    }
    assert_eq!(r.missing.len(), waiting.len(), "{name}: one entry per missing question");
    let gates = gates_in_pack_json();
    let mut keys = Vec::new();
    for e in &r.missing {
        let (_, ids, position) = waiting
            .iter()
            .find(|w| w.0 == e.question_id)
            .unwrap_or_else(|| panic!("{name}: {} is listed but no measure waits on it", e.question_id));
        assert_eq!(&e.measure_ids, ids, "{name}: the measures waiting on {}", e.question_id);
        assert_eq!(e.measure_id, ids[0], "{name}: measureId is the first of measureIds");
        let g = gates.get(&*e.question_id).copied().unwrap_or(0);
        assert_eq!(e.gates, g, "{name}: gates of {}", e.question_id);
        keys.push((std::cmp::Reverse(ids.len()), std::cmp::Reverse(g), *position));
    }
    for (i, pair) in keys.windows(2).enumerate() {
        assert!(pair[0] < pair[1], "{name}: entry {i} ({:?}) before {:?}", pair[0], pair[1]);
    }
    let first = r.missing.first().map_or(0, |e| e.measure_ids.len());
    assert!(r.missing.iter().all(|e| e.measure_ids.len() <= first), "{name}: the first entry blocks the most");
}

#[test]
fn the_missing_list_puts_what_blocks_most_measures_first() {
    // The frontier example without the three answers that several measures wait on, and
    // without a few that one measure waits on.
    let mut v: Value =
        serde_json::from_str(&fs::read_to_string("www/examples/frontier-systemic-risk.json").unwrap()).unwrap();
    let answers = v["answers"].as_object_mut().unwrap();
    for q in
        ["c_policy_document_ref", "ss_security_scope", "c_crawls_web", "ss_safe_ref_similarly_safe_scope", "t_mdf_1_1"]
    {
        assert!(answers.remove(q).is_some(), "the example answers {q}");
    }
    let r = report_of(v.clone());
    assert_missing_is_ordered("frontier, partly answered", &r);
    let top: Vec<&str> = r.missing.iter().take(3).map(|e| &*e.question_id).collect();
    assert!(r.missing[0].measure_ids.len() >= 3, "{top:?}");
    assert!(r.missing[..3].iter().all(|e| e.measure_ids.len() > 1 && e.gates > 0), "{top:?}");
    assert!(r.missing[3..].iter().all(|e| e.measure_ids.len() == 1), "{:?}", r.missing);

    // Answering the top question takes it off the list, and nothing else jumps the queue.
    let top = r.missing[0].question_id.to_string();
    v["answers"][&top] = json!("yes");
    let after = report_of(v);
    assert_missing_is_ordered("frontier, top answered", &after);
    assert!(after.missing.iter().all(|e| e.question_id != top));

    for (name, text) in examples() {
        assert_missing_is_ordered(&name, &evaluate_json(&text).unwrap());
    }
    assert_missing_is_ordered("nothing answered", &report_of(in_scope(json!({}))));
}
