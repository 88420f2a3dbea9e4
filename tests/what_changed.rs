//! What changed since an assessment's last check: the reports engine 0.1.0 made of the examples
//! with pack 0.1.0 (`tests/fixtures/pack-0.1.0`, format 1) against what this engine makes of the
//! same answers now, as the page does when such an assessment is opened. Every status that moved
//! must be explained by the pack's changelog or by a changed answer.

use std::collections::{BTreeMap, BTreeSet};

use gpai_check::changes::{compare_checks, compare_json, Cause, CheckSummary, WhatChanged};
use gpai_check::pack::model::ChangeKind;
use gpai_check::report::FindingCode;
use gpai_check::{evaluate, Submission};
use serde_json::Value;

const EXAMPLES: [&str; 4] = ["closed-non-eu", "fine-tuner", "frontier-systemic-risk", "sme-open-weights"];

fn fixture(name: &str, what: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/pack-0.1.0/{name}.{what}.json")).unwrap()
}

/// The old answers evaluated now, as the page evaluates a stored assessment: without the pack
/// version it was answered under.
fn now_of_old_answers(name: &str) -> String {
    let mut s: Value = serde_json::from_str(&fixture(name, "submission")).unwrap();
    s.as_object_mut().unwrap().remove("packVersion");
    let report = evaluate(&serde_json::from_value::<Submission>(s).unwrap()).unwrap();
    serde_json::to_string(&report).unwrap()
}

fn changed(name: &str) -> WhatChanged {
    compare_json(&fixture(name, "report"), &now_of_old_answers(name)).unwrap()
}

/// Measure statuses read straight from a report's JSON, either format.
fn statuses(report: &str) -> BTreeMap<String, String> {
    let r: Value = serde_json::from_str(report).unwrap();
    r["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["measures"].as_array().unwrap())
        .map(|m| (m["id"].as_str().unwrap().to_string(), m["status"].as_str().unwrap().to_string()))
        .collect()
}

fn pack_changes(c: &[Cause]) -> Vec<String> {
    c.iter()
        .filter_map(|c| match c {
            Cause::PackChange { changes } => Some(changes.clone()),
            _ => None,
        })
        .flatten()
        .collect()
}

fn entry_for(item: &str) -> String {
    let pack = gpai_check::pack::get("gpai-cop-final", "pack").unwrap();
    pack.changelog[0].changes.iter().find(|c| c.item == item).unwrap_or_else(|| panic!("{item}")).id.clone()
}

#[test]
fn every_status_a_0_1_0_assessment_sees_move_is_listed_and_explained() {
    let mut moved_somewhere = 0;
    for name in EXAMPLES {
        let (old, new) = (fixture(name, "report"), now_of_old_answers(name));
        let w = compare_json(&old, &new).unwrap();
        assert_eq!((w.before.pack_version.as_str(), w.before.report_format), ("0.1.0", 1), "{name}");
        assert_eq!(w.after.pack_version, "0.2.0");
        assert!(w.statuses_known);
        let (a, b) = (statuses(&old), statuses(&new));
        let expected: BTreeSet<&String> = b.keys().filter(|id| a.get(*id) != b.get(*id)).collect();
        let listed: BTreeSet<&String> = w.measures.iter().map(|m| &m.id).collect();
        assert_eq!(listed, expected, "{name}: every moved status and only those");
        for m in &w.measures {
            assert_eq!(m.before.map(|s| serde_json::to_value(s).unwrap()), Some(Value::from(a[&m.id].clone())));
            // Explained by the changelog, or by the scope decision (the measure's chapter applies
            // differently); never only "the engine changed", never unexplained.
            let specific = m.causes.iter().any(|c| {
                matches!(
                    c,
                    Cause::PackChange { .. } | Cause::ChapterApplicability { .. } | Cause::AnswersChanged { .. }
                )
            });
            assert!(specific, "{name} {}: {:?}", m.id, m.causes);
            assert!(!m.causes.iter().any(|c| matches!(c, Cause::Unexplained)), "{name} {}", m.id);
            assert!(!m.requirements.is_empty(), "{name} {}: the requirements that moved are named", m.id);
        }
        for x in &w.cross_checks {
            assert!(!pack_changes(&x.causes).is_empty(), "{name} {}: {:?}", x.id, x.causes);
        }
        moved_somewhere += w.measures.len();
    }
    assert!(moved_somewhere > 0, "pack 0.2.0 moves statuses of the examples");
}

#[test]
fn the_frontier_example_sees_why_each_of_its_measures_moved() {
    let w = changed("frontier-systemic-risk");
    let measure = |id: &str| w.measures.iter().find(|m| m.id == id).unwrap_or_else(|| panic!("{id} moved"));
    // The Form now asks for the testing and validation sizes and the measured period.
    assert!(pack_changes(&measure("T-1.1").causes).contains(&entry_for("MDF-6.4a")));
    // The intermediate-report question was replaced: its old answer is not read with the new meaning.
    assert!(pack_changes(&measure("SS-9.3").causes).contains(&entry_for("ss_incident_intermediate_report_weeks")));
    assert_eq!(w.measures.len(), 2, "nothing else moved: {:?}", w.measures.iter().map(|m| &m.id).collect::<Vec<_>>());

    let removed: Vec<(&str, bool)> = w
        .questions
        .iter()
        .filter(|q| q.change == ChangeKind::Removed)
        .map(|q| (q.id.as_str(), q.concerns_you))
        .collect();
    assert!(removed.contains(&("t_mdf_6_4_details", true)), "the provider had answered it: {removed:?}");
    let added: Vec<&str> =
        w.questions.iter().filter(|q| q.change == ChangeKind::Added && q.concerns_you).map(|q| q.id.as_str()).collect();
    for q in ["t_mdf_6_4_unit", "ss_art52_notified", "ss_incident_intermediate_report_interval_weeks"] {
        assert!(added.contains(&q), "{q} is asked now: {added:?}");
    }
    let invalid =
        w.findings_appeared.iter().find(|f| f.question_id == "t_mdf_3_2b").expect("a single licence is now invalid");
    assert_eq!(invalid.code, FindingCode::InvalidAnswer);
    assert_eq!(invalid.changes, [entry_for("t_mdf_3_2b")]);
    let unknown = w.findings_appeared.iter().find(|f| f.question_id == "t_ai_office_response_days").unwrap();
    assert_eq!(unknown.code, FindingCode::UnknownQuestion);

    let gone: Vec<&str> = w.cross_checks.iter().filter(|x| x.after.is_none()).map(|x| x.id.as_str()).collect();
    assert_eq!(gone, ["X-21", "X-22", "X-23"]);
    let new: Vec<&str> = w.cross_checks.iter().filter(|x| x.before.is_none()).map(|x| x.id.as_str()).collect();
    assert_eq!(new, ["X-33"]);
    assert!(w.relevant_changes.contains(&entry_for("SS-1.1-R9")));
    assert!(w.changes.len() >= w.relevant_changes.len());
}

#[test]
fn a_summary_compares_as_the_report_it_was_made_of() {
    for name in EXAMPLES {
        let old = fixture(name, "report");
        let summary = CheckSummary::from_json(&old).unwrap();
        let text = serde_json::to_string(&summary).unwrap();
        assert!(text.len() * 5 < old.len(), "{name}: a summary is a fraction of the report ({} bytes)", text.len());
        let now = now_of_old_answers(name);
        assert_eq!(compare_json(&text, &now).unwrap(), compare_json(&old, &now).unwrap(), "{name}");
    }
}

#[test]
fn the_same_check_again_changes_nothing() {
    let now = now_of_old_answers("frontier-systemic-risk");
    let w = compare_json(&now, &now).unwrap();
    assert!(w.changes.is_empty() && w.measures.is_empty() && w.cross_checks.is_empty() && w.questions.is_empty());
    assert!(w.findings_appeared.is_empty() && w.findings_gone.is_empty());
}

#[test]
fn changed_answers_are_named_as_the_cause() {
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string("www/examples/frontier-systemic-risk.json").unwrap()).unwrap();
    let report = |s: &Value| {
        serde_json::to_string(&evaluate(&serde_json::from_value::<Submission>(s.clone()).unwrap()).unwrap()).unwrap()
    };
    let mut later = base.clone();
    later["answers"]["ss_incident_intermediate_report_interval_weeks"] = Value::from(4);
    let w = compare_json(&report(&base), &report(&later)).unwrap();
    let m = w.measures.iter().find(|m| m.id == "SS-9.3").expect("SS-9.3 moved from partial to met");
    assert_eq!(m.causes.len(), 1);
    match &m.causes[0] {
        Cause::AnswersChanged { questions } => {
            assert_eq!(questions, &["ss_incident_intermediate_report_interval_weeks"])
        }
        other => panic!("{other:?}"),
    }
    assert!(w.changes.is_empty(), "same pack version: no changelog entry");
}

#[test]
fn a_check_known_only_by_its_pack_version_lists_the_changes_that_concern_it() {
    let now = now_of_old_answers("closed-non-eu");
    let w = compare_json(r#"{"packId": "gpai-cop-final", "packVersion": "0.1.0"}"#, &now).unwrap();
    assert!(!w.statuses_known);
    assert!(w.measures.is_empty() && w.cross_checks.is_empty());
    let all: Vec<&String> =
        gpai_check::pack::get("gpai-cop-final", "pack").unwrap().changelog[0].changes.iter().map(|c| &c.id).collect();
    assert_eq!(w.changes.iter().collect::<Vec<_>>(), all);
    // A legacy model without systemic risk: the SS chapter does not apply, so its changes do not concern it.
    assert!(!w.relevant_changes.contains(&entry_for("SS-8.3-R2")), "{:?}", w.relevant_changes);
    assert!(w.relevant_changes.contains(&entry_for("MDF-6.4a")));
    assert!(w.findings_appeared.iter().any(|f| f.question_id == "t_mdf_3_2b"));
}

#[test]
fn checks_of_different_packs_or_unreadable_ones_are_refused_with_the_field() {
    let now = now_of_old_answers("fine-tuner");
    let e = compare_json(r#"{"packId": "another-pack", "packVersion": "0.1.0"}"#, &now).unwrap_err();
    assert_eq!(e.path, "before.packId");
    let e = compare_json(r#"{"packVersion": "0.1.0"}"#, &now).unwrap_err();
    assert_eq!(e.path, "before.packId", "{e}");
    let e =
        compare_json(r#"{"packId": "gpai-cop-final", "packVersion": "0.1.0", "summaryVersion": 9}"#, &now).unwrap_err();
    assert_eq!(e.path, "before.summaryVersion");
    let before = CheckSummary::from_json(&fixture("fine-tuner", "report")).unwrap();
    let after = CheckSummary::from_json(&now).unwrap();
    assert!(compare_checks(&before, &after).is_ok());
}

#[test]
fn a_chapter_that_applies_differently_is_the_reason_its_measures_moved() {
    // Engine 0.1.0 read an unknown compute as "no systemic risk"; engine 0.2.0 leaves it undecided.
    let w = changed("fine-tuner");
    let ss: Vec<_> = w.measures.iter().filter(|m| m.id.starts_with("SS-")).collect();
    assert_eq!(ss.len(), 32, "every Safety and Security measure moved");
    for m in ss {
        assert_eq!(
            m.causes,
            [
                Cause::ChapterApplicability { chapter: "SS".into(), before: Some(false), after: None },
                Cause::EngineChanged
            ],
            "{}",
            m.id
        );
    }
}

/// The hand-written TypeScript declarations (src/types.d.ts) name every field the Rust types
/// serialise, so that a field added to one is not missing from the other. Native only, as
/// schemars is.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_typescript_declarations_name_every_field_of_the_comparison() {
    let types = std::fs::read_to_string("src/types.d.ts").unwrap();
    for schema in [
        serde_json::to_value(schemars::schema_for!(WhatChanged)).unwrap(),
        serde_json::to_value(schemars::schema_for!(CheckSummary)).unwrap(),
    ] {
        let mut defs: Vec<&Value> = schema["$defs"].as_object().map(|d| d.values().collect()).unwrap_or_default();
        defs.push(&schema);
        for def in defs.iter().flat_map(|d| d.get("oneOf").and_then(Value::as_array).into_iter().flatten().chain([*d]))
        {
            for field in def.get("properties").and_then(Value::as_object).into_iter().flatten().map(|(k, _)| k) {
                assert!(types.contains(&format!(" {field}: ")) || types.contains(&format!(" {field}?: ")), "{field}");
            }
        }
    }
}
