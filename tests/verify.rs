//! Verifiable results: a bundle verifies when untouched, and any change (a status, the digest,
//! an answer, the pack, the engine) is named. Numbers written by JavaScript (15000000 for
//! 15000000.0) still verify.

use gpai_check::verify::{bundle, verify, ResultBundle, Verdict};
use gpai_check::{ErrorCode, Submission};
use serde_json::{json, Value};

fn example() -> ResultBundle {
    let s: Submission =
        serde_json::from_str(&std::fs::read_to_string("www/examples/closed-non-eu.json").unwrap()).unwrap();
    bundle(&s).unwrap()
}

#[test]
fn an_untouched_bundle_verifies() {
    let v = verify(&example()).unwrap();
    assert!(v.valid, "{}", v.message);
    assert_eq!(v.verdict, Verdict::Match);
    assert_eq!(v.recomputed_digest.as_deref(), example().report["digest"].as_str());
}

#[test]
fn a_bundle_that_went_through_javascript_still_verifies() {
    // JSON.stringify writes whole numbers without ".0"; the comparison is by value.
    let mut b = example();
    let text = serde_json::to_string(&b.report).unwrap().replace("24000000.0", "24000000");
    b.report = serde_json::from_str(&text).unwrap();
    assert_eq!(b.report["scope"]["maxFineEur"], json!(24000000));
    assert!(verify(&b).unwrap().valid);
}

#[test]
fn a_changed_status_is_found_and_named() {
    let mut b = example();
    b.report["chapters"][0]["measures"][1]["status"] = json!("met");
    let v = verify(&b).unwrap();
    assert_eq!(v.verdict, Verdict::ReportDiffers);
    let d = v.first_difference.unwrap();
    assert_eq!(d.path, "chapters[0].measures[1].status");
    assert_eq!((d.expected, d.found), (json!("partial"), json!("met")));
}

#[test]
fn a_recomputed_digest_cannot_hide_an_edit() {
    let mut b = example();
    b.report["summary"]["overall"]["met"] = json!(99);
    b.report["digest"] = json!("sha256:0000000000000000000000000000000000000000000000000000000000000000");
    let v = verify(&b).unwrap();
    assert!(!v.valid);
    assert_eq!(v.first_difference.unwrap().path, "summary.overall.met");
    let mut b = example();
    b.report["digest"] = json!("sha256:1111111111111111111111111111111111111111111111111111111111111111");
    assert_eq!(verify(&b).unwrap().first_difference.unwrap().path, "digest");
}

#[test]
fn a_changed_answer_no_longer_matches_the_report() {
    let mut b = example();
    b.submission.answers.insert("t_downstream_response_days".into(), gpai_check::answers::RawAnswer::Number(7.0));
    let v = verify(&b).unwrap();
    assert_eq!(v.verdict, Verdict::ReportDiffers);
}

#[test]
fn another_pack_or_engine_is_reported_as_such() {
    let mut b = example();
    b.pack_digest = "sha256:feed".into();
    assert_eq!(verify(&b).unwrap().verdict, Verdict::PackDiffers);
    let mut b = example();
    b.engine_version = "0.0.1".into();
    assert_eq!(verify(&b).unwrap().verdict, Verdict::EngineDiffers);
    let mut b = example();
    b.pack_id = "gpai-cop-draft".into();
    let e = verify(&b).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::UnknownPack, "packId"));
}

#[test]
fn a_bundle_of_report_format_1_is_refused_as_such_and_says_what_to_do() {
    // As engine 0.1.0 made them: no formatVersion, the pack's texts inside.
    let mut b = example();
    b.engine_version = "0.1.0".into();
    let report = b.report.as_object_mut().unwrap();
    report.remove("formatVersion");
    report.insert("packTitle".into(), json!("General-Purpose AI Code of Practice (final)"));
    report.insert("engineVersion".into(), json!("0.1.0"));
    let v = verify(&b).unwrap();
    assert!(!v.valid);
    assert_eq!(v.verdict, Verdict::FormatDiffers);
    assert!(v.message.contains("format 1") && v.message.contains("engine 0.1.0"), "{}", v.message);
    assert!(v.message.contains("evaluate the bundle's submission again"), "{}", v.message);
    // A report of this format from this engine verifies (the check is not a blanket refusal).
    assert_eq!(example().report["formatVersion"], json!(2));
    assert!(verify(&example()).unwrap().valid);
}

#[test]
fn an_added_field_in_the_report_is_a_difference() {
    let mut b = example();
    b.report["approvedBy"] = Value::String("someone".into());
    assert_eq!(verify(&b).unwrap().first_difference.unwrap().path, "approvedBy");
}

#[test]
fn oscal_findings_cover_the_applicable_measures_with_stable_uuids() {
    let s: Submission =
        serde_json::from_str(&std::fs::read_to_string("www/examples/closed-non-eu.json").unwrap()).unwrap();
    let report = gpai_check::evaluate(&s).unwrap();
    let doc = gpai_check::oscal_assessment_results(&report);
    let result = &doc["assessment-results"]["results"][0];
    let applicable = report
        .chapters
        .iter()
        .flat_map(|c| &c.measures)
        .filter(|m| m.status != gpai_check::report::Status::NotApplicable)
        .count();
    assert_eq!(result["findings"].as_array().unwrap().len(), applicable);
    let t12 = result["findings"].as_array().unwrap().iter().find(|f| f["target"]["target-id"] == "T-1.2").unwrap();
    assert_eq!(t12["target"]["status"], json!({"state": "not-satisfied", "reason": "partial"}));
    assert_eq!(doc, gpai_check::oscal_assessment_results(&report), "same report, same document");
    assert_eq!(doc["assessment-results"]["metadata"]["last-modified"], "2026-11-28T00:00:00Z");
}

#[test]
fn oscal_says_an_undecided_scope_is_undecided_not_out_of_scope() {
    let s: Submission =
        serde_json::from_value(json!({"pack": "gpai-cop-final", "profile": {}, "answers": {}})).unwrap();
    let report = gpai_check::evaluate(&s).unwrap();
    let doc = gpai_check::oscal_assessment_results(&report);
    let remarks = doc["assessment-results"]["results"][0]["remarks"].as_str().unwrap();
    assert!(remarks.starts_with("Scope not decided yet: answer Training compute"), "{remarks}");
    assert!(!remarks.contains("Not applicable to this provider"), "{remarks}");
}
