//! The engine's mechanisms on a small synthetic pack, independent of the real content:
//! three-valued conditions, comparisons, forms (completeness per recipient, precision),
//! cross-checks, a chapter that also applies by signature, and SME simplifications.

use gpai_check::evaluate::evaluate_with;
use gpai_check::pack::model::Recipient;
use gpai_check::report::{CrossCheckStatus, Report, Status};
use gpai_check::{Pack, Submission};
use serde_json::{json, Value};

fn chapter() -> Value {
    json!({
        "id": "X", "title": "Test chapter", "summary": "A chapter for engine tests.",
        "obligations": ["art55_1a"],
        "alsoAppliesIf": {"profile": {"input": "signed_safety_security_chapter", "equals": true}},
        "alsoAppliesReason": {"text": "You signed this chapter voluntarily.", "source": "Art 56(7)"},
        "notes": [],
        "simplifications": [{"id": "SME-9", "text": "Less detail.", "ref": "test", "confidence": "P", "measures": ["X-1.1"]}],
        "commitments": [{
            "id": "X-1", "title": "Commitment", "summary": "s", "sources": [{"kind": "code", "ref": "X-1"}],
            "confidence": "P",
            "measures": [{
                "id": "X-1.1", "title": "Documentation", "summary": "s", "confidence": "P",
                "sources": [{"kind": "code", "ref": "X-1.1"}, {"kind": "ai-act", "ref": "Art 53(1)(a)"}],
                "requirements": [
                    {"id": "X-1.1-R1", "kind": "obligation", "text": "Every field is filled in.", "confidence": "P",
                     "check": {"formComplete": "F"}},
                    {"id": "X-1.1-R2", "kind": "obligation", "text": "Non-crawlers explain their data.", "confidence": "P",
                     "appliesIf": {"not": {"answer": {"question": "x_crawls", "in": ["yes"]}}},
                     "check": {"provided": {"question": "x_note"}}}
                ],
                "questions": [
                    {"id": "x_params", "type": "quantity", "text": "Parameters?", "unit": "parameters", "min": 0, "sources": []},
                    {"id": "x_compute_nca", "type": "quantity", "text": "Compute (order of magnitude)?", "unit": "FLOP", "min": 0, "sources": []},
                    {"id": "x_compute_aio", "type": "quantity", "text": "Compute?", "unit": "FLOP", "min": 0, "sources": []},
                    {"id": "x_energy", "type": "quantity", "text": "Energy?", "unit": "MWh", "min": 0, "allowNotApplicable": true, "sources": []},
                    {"id": "x_release", "type": "date", "text": "EU release?", "sources": []},
                    {"id": "x_crawls", "type": "yes-no", "text": "Crawl?", "sources": []},
                    {"id": "x_note", "type": "text", "text": "Note?", "sources": []}
                ]
            }]
        }],
        "form": {
            "id": "F", "title": "Test form", "measure": "X-1.1",
            "recipients": [
                {"id": "AIO", "label": "AI Office", "delivery": "on request"},
                {"id": "DP", "label": "Downstream providers", "delivery": "proactively"}
            ],
            "rules": [], "sections": ["S"],
            "fields": [
                {"id": "F-1", "section": "S", "label": "Parameters", "question": "x_params", "recipients": ["AIO"],
                 "precision": {"significantFigures": 2}, "confidence": "P"},
                {"id": "F-2a", "section": "S", "label": "Compute, coarse", "question": "x_compute_nca", "recipients": ["DP"],
                 "precision": {"orderOfMagnitude": true}, "confidence": "P"},
                {"id": "F-2b", "section": "S", "label": "Compute", "question": "x_compute_aio", "recipients": ["AIO"],
                 "precision": {"significantFigures": 2}, "confidence": "P"},
                {"id": "F-3", "section": "S", "label": "Energy", "question": "x_energy", "recipients": ["AIO", "DP"], "confidence": "P"}
            ]
        },
        "crossChecks": [
            {"id": "X-01", "title": "Compute above 1e25 without systemic risk", "message": "m",
             "sources": [{"kind": "ai-act", "ref": "Art 51(2)"}],
             "when": {"all": [{"compare": {"left": {"answer": "x_compute_aio"}, "op": ">", "right": {"value": 1e25}}},
                              {"not": {"scope": "systemicRisk"}}]}},
            {"id": "X-02", "title": "Magnitudes disagree", "message": "m", "sources": [{"kind": "form", "ref": "F-2a"}],
             "when": {"compare": {"left": {"magnitude": {"answer": "x_compute_nca"}}, "op": "!=",
                                  "right": {"magnitude": {"answer": "x_compute_aio"}}}}},
            {"id": "X-03", "title": "Release date and legacy status", "message": "m",
             "sources": [{"kind": "ai-act", "ref": "Art 111(3)"}],
             "when": {"all": [{"compare": {"left": {"answer": "x_release"}, "op": "<", "right": {"value": "2025-08-02"}}},
                              {"profile": {"input": "placed_before_2025_08_02", "equals": false}}]}},
            {"id": "X-04", "title": "Energy N/A without a reason", "message": "m", "sources": [{"kind": "form", "ref": "F-3"}],
             "when": {"all": [{"answer": {"question": "x_energy", "in": ["N/A"]}}, {"not": {"answered": "x_note"}}]}}
        ]
    })
}

/// The synthetic pack, made once: reports borrow their texts from the pack they were made with.
fn pack() -> &'static Pack {
    static PACK: std::sync::OnceLock<Pack> = std::sync::OnceLock::new();
    PACK.get_or_init(|| {
        let mut v: Value = serde_json::from_str(gpai_check::pack::builtin()[0].json).unwrap();
        v["chapters"] = json!([chapter()]);
        Pack::from_json(&v.to_string()).unwrap_or_else(|e| panic!("synthetic pack: {e}"))
    })
}

fn run(profile: Value, answers: Value) -> Report<'static> {
    let s: Submission =
        serde_json::from_value(json!({"pack": "gpai-cop-final", "profile": profile, "answers": answers})).unwrap();
    evaluate_with(pack(), &s)
}

/// In scope, no systemic risk, chapter signed voluntarily.
fn signed() -> Value {
    json!({"significant_generality": "yes", "placed_on_eu_market": true, "established_in_eu": true,
           "training_compute_flop": 1e24, "signed_safety_security_chapter": true})
}

fn req<'a>(r: &'a Report<'static>, id: &str) -> &'a gpai_check::report::RequirementResult<'static> {
    r.chapters[0].measures[0].requirements.iter().find(|q| q.id == id).unwrap()
}

fn cross(r: &Report, id: &str) -> CrossCheckStatus {
    r.cross_checks.iter().find(|x| x.id == id).unwrap().status
}

#[test]
fn a_chapter_applies_by_its_obligations_or_by_signature_with_the_reason_first() {
    let unsigned = run(
        json!({"significant_generality": "yes", "placed_on_eu_market": true, "training_compute_flop": 1e24}),
        json!({}),
    );
    assert_eq!(unsigned.chapters[0].applicable, Some(false));
    let r = run(signed(), json!({}));
    assert_eq!(r.chapters[0].applicable, Some(true));
    assert_eq!(r.chapters[0].reasons[0].id, "X.also-applies");
    // An applying chapter gives the reasons it applies, never why one of its obligations does not.
    let ids: Vec<&str> = r.chapters[0].reasons.iter().map(|x| &*x.id).collect();
    assert_eq!(ids, ["X.also-applies"], "not the obligation's below-threshold reason");
    let ids: Vec<&str> = unsigned.chapters[0].reasons.iter().map(|x| &*x.id).collect();
    assert!(ids.iter().all(|id| id.starts_with("sr.")), "a chapter that does not apply says why not: {ids:?}");
    let sr = run(
        json!({"training_compute_flop": 2e25, "generates_language_image_or_video": true, "placed_on_eu_market": true}),
        json!({}),
    );
    assert_eq!(sr.chapters[0].applicable, Some(true), "applies by its obligation (systemic risk)");
}

#[test]
fn an_unknown_condition_leaves_the_item_unanswered_and_asks_the_question_it_needs() {
    let r = run(signed(), json!({}));
    assert_eq!(req(&r, "X-1.1-R2").status, Status::Unanswered);
    assert!(r.chapters[0].measures[0].missing.iter().any(|q| q == "x_crawls"));
    let r = run(signed(), json!({"x_crawls": "yes"}));
    assert_eq!(req(&r, "X-1.1-R2").status, Status::NotApplicable);
    let r = run(signed(), json!({"x_crawls": "no", "x_note": "We license all data."}));
    assert_eq!(req(&r, "X-1.1-R2").status, Status::Met);
}

#[test]
fn form_completeness_is_counted_per_recipient() {
    let r = run(signed(), json!({"x_params": "7.3e10", "x_energy": "N/A"}));
    let f = &r.forms[0];
    assert_eq!((f.answered, f.total), (2, 4));
    let aio = f.recipients.iter().find(|c| c.recipient == Recipient::AiOffice).unwrap();
    assert_eq!(
        (aio.answered, aio.total, aio.missing.iter().map(|m| &**m).collect::<Vec<&str>>()),
        (2, 3, vec!["F-2b"])
    );
    let dp = f.recipients.iter().find(|c| c.recipient == Recipient::DownstreamProviders).unwrap();
    assert_eq!((dp.answered, dp.total), (1, 2));
    assert_eq!(req(&r, "X-1.1-R1").status, Status::Unanswered);
    assert!(r.chapters[0].measures[0].missing.iter().any(|q| q == "x_compute_aio"));
}

#[test]
fn precision_rules_count_significant_figures_as_written() {
    let full = |params: Value, nca: Value| {
        run(signed(), json!({"x_params": params, "x_compute_nca": nca, "x_compute_aio": "2.4e25", "x_energy": 120}))
    };
    let ok = full(json!("7.3e10"), json!("10^25"));
    assert!(ok.forms[0].precision.iter().all(|p| p.pass), "{:?}", ok.forms[0].precision);
    assert_eq!(req(&ok, "X-1.1-R1").status, Status::Met);
    let coarse = full(json!("7e10"), json!(1e25));
    let p = coarse.forms[0].precision.iter().find(|p| p.field_id == "F-1").unwrap();
    assert_eq!((p.required, p.found, p.pass), (Some(2), Some(1), false));
    assert_eq!(req(&coarse, "X-1.1-R1").status, Status::Partial, "a precision failure is a known gap");
    let not_a_power = full(json!("7.3e10"), json!("3e24"));
    assert!(!not_a_power.forms[0].precision.iter().find(|p| p.field_id == "F-2a").unwrap().pass);
}

#[test]
fn cross_checks_trip_pass_or_wait_for_their_answers() {
    let r = run(signed(), json!({}));
    assert!(r.cross_checks.iter().all(|x| x.status == CrossCheckStatus::NotChecked));
    assert_eq!(r.summary.cross_checks.not_checked, 4);

    let r = run(signed(), json!({"x_compute_aio": "2.4e25", "x_compute_nca": "1e24"}));
    assert_eq!(cross(&r, "X-01"), CrossCheckStatus::Tripped, "above 1e25 while the scope says no systemic risk");
    assert_eq!(cross(&r, "X-02"), CrossCheckStatus::Tripped, "10^24 is not the magnitude of 2.4e25");
    let r = run(signed(), json!({"x_compute_aio": "2.4e25", "x_compute_nca": "1e25"}));
    assert_eq!(cross(&r, "X-02"), CrossCheckStatus::Passed);
    let mut sr = signed();
    sr["training_compute_flop"] = json!(2.4e25);
    let r = run(sr, json!({"x_compute_aio": "2.4e25"}));
    assert_eq!(cross(&r, "X-01"), CrossCheckStatus::Passed);

    let r = run(signed(), json!({"x_release": "2025-01-15"}));
    assert_eq!(cross(&r, "X-03"), CrossCheckStatus::Tripped, "released before 2 Aug 2025 but not a legacy model");
    let mut legacy = signed();
    legacy["placed_before_2025_08_02"] = json!(true);
    assert_eq!(cross(&run(legacy, json!({"x_release": "2025-01-15"})), "X-03"), CrossCheckStatus::Passed);
    assert_eq!(cross(&run(signed(), json!({"x_release": "2025-09-01"})), "X-03"), CrossCheckStatus::Passed);

    assert_eq!(cross(&run(signed(), json!({"x_energy": "N/A"})), "X-04"), CrossCheckStatus::Tripped);
    assert_eq!(
        cross(&run(signed(), json!({"x_energy": "n/a", "x_note": "Supplier withheld power data."})), "X-04"),
        CrossCheckStatus::Passed
    );
    assert_eq!(cross(&run(signed(), json!({"x_energy": 35})), "X-04"), CrossCheckStatus::Passed);
}

#[test]
fn quantities_that_cannot_be_read_are_findings() {
    let r = run(signed(), json!({"x_params": "about 7e10", "x_compute_aio": "N/A"}));
    let ids: Vec<&str> = r.findings.iter().map(|f| f.question_id.as_str()).collect();
    assert_eq!(ids, ["x_compute_aio", "x_params"], "N/A is accepted only where the question allows it");
}

#[test]
fn sme_simplifications_are_listed_where_they_apply_for_smes_and_small_mid_caps_only() {
    let r = run(signed(), json!({}));
    assert!(r.chapters[0].simplifications.is_empty());
    for flag in ["is_sme", "is_small_mid_cap"] {
        let mut p = signed();
        p[flag] = json!(true);
        let r = run(p, json!({}));
        assert_eq!(r.chapters[0].simplifications[0].id, "SME-9");
        assert_eq!(r.chapters[0].measures[0].simplifications, ["SME-9"]);
    }
}

#[test]
fn the_validator_refuses_dangling_form_and_comparison_references() {
    let mut v: Value = serde_json::from_str(gpai_check::pack::builtin()[0].json).unwrap();
    let mut ch = chapter();
    ch["form"]["fields"][0]["question"] = json!("x_missing");
    v["chapters"] = json!([ch]);
    let e = Pack::from_json(&v.to_string()).unwrap_err();
    assert!(e.path.ends_with("form.fields[0].question"), "{e}");
    let mut ch = chapter();
    ch["crossChecks"][0]["when"] =
        json!({"compare": {"left": {"answer": "x_crawls"}, "op": ">", "right": {"value": 1}}});
    v["chapters"] = json!([ch]);
    let e = Pack::from_json(&v.to_string()).unwrap_err();
    assert!(e.message.contains("cannot be compared"), "{e}");
}
