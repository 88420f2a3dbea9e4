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
        // The real pack's changelog names its own items, which this pack does not have.
        v["changelog"] = json!([]);
        Pack::from_json(&v.to_string()).unwrap_or_else(|e| panic!("synthetic pack: {e}"))
    })
}

fn run(profile: Value, answers: Value) -> Report<'static> {
    let s: Submission =
        serde_json::from_value(json!({"pack": "gpai-cop-final", "profile": profile, "answers": answers})).unwrap();
    evaluate_with(pack(), &s)
}

/// A pack made of one changed copy of the synthetic chapter (reports borrow from it, so the
/// caller keeps it).
fn pack_of(ch: Value) -> Pack {
    let mut v: Value = serde_json::from_str(gpai_check::pack::builtin()[0].json).unwrap();
    v["chapters"] = json!([ch]);
    // The real pack's changelog names its own items, which this pack does not have.
    v["changelog"] = json!([]);
    Pack::from_json(&v.to_string()).unwrap_or_else(|e| panic!("synthetic pack: {e}"))
}

fn run_with(pack: &Pack, profile: Value, answers: Value) -> Report<'_> {
    let s: Submission =
        serde_json::from_value(json!({"pack": "gpai-cop-final", "profile": profile, "answers": answers})).unwrap();
    evaluate_with(pack, &s)
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
    v["changelog"] = json!([]);
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

/// The synthetic chapter with the mechanisms pack 0.2.0 added: a Form field with parts, a check
/// that applies only where a condition holds, a loose text comparison and a rounding test.
fn chapter_with_parts() -> Value {
    let mut ch = chapter();
    let questions = ch["commitments"][0]["measures"][0]["questions"].as_array_mut().unwrap();
    questions.extend([
        json!({"id": "x_testing", "type": "quantity", "text": "Testing size?", "unit": "items", "min": 0,
               "allowNotApplicable": true, "sources": []}),
        json!({"id": "x_unit", "type": "text", "text": "Unit?", "sources": []}),
        json!({"id": "x_notified", "type": "yes-no", "text": "Notified?", "sources": [],
               "showIf": {"scope": "notificationRequired"}}),
        json!({"id": "x_weeks", "type": "number", "text": "Weeks after notifying?", "unit": "weeks", "min": 0,
               "sources": [],
               "showIf": {"all": [{"scope": "notificationRequired"}, {"answer": {"question": "x_notified", "in": ["yes"]}}]}}),
    ]);
    ch["form"]["fields"][0]["parts"] =
        json!([{"question": "x_testing", "precision": {"significantFigures": 2}}, {"question": "x_unit"}]);
    let reqs = ch["commitments"][0]["measures"][0]["requirements"].as_array_mut().unwrap();
    reqs.push(json!({
        "id": "X-1.1-R3", "kind": "obligation", "text": "Confirmed within 4 weeks of notifying.", "confidence": "P",
        "check": {"when": {"condition": {"scope": "notificationRequired"},
                           "check": {"all": [{"choice": {"question": "x_notified", "met": ["yes"]}}, {"kpi": "X-1.1-R3-K1"}]}}},
        "kpis": [{"id": "X-1.1-R3-K1", "metric": "weeks", "question": "x_weeks", "comparator": "<=", "target": 4,
                  "unit": "weeks", "anchor": "after notifying"}]
    }));
    let xs = ch["crossChecks"].as_array_mut().unwrap();
    xs.push(json!({"id": "X-05", "title": "Note says none", "message": "m", "sources": [{"kind": "form", "ref": "F-3"}],
        "when": {"any": [{"compare": {"left": {"normalised": {"answer": "x_note"}}, "op": "==", "right": {"value": "n a"}}},
                         {"compare": {"left": {"normalised": {"answer": "x_note"}}, "op": "==", "right": {"value": "not applicable"}}}]}}));
    xs.push(json!({"id": "X-06", "title": "Compute differs from the profile's", "message": "m",
        "sources": [{"kind": "form", "ref": "F-2b"}],
        "when": {"not": {"withinRounding": {"answer": "x_compute_aio", "of": {"profile": "training_compute_flop"}}}}}));
    ch
}

fn run_with_parts(profile: Value, answers: Value) -> Report<'static> {
    static PACK: std::sync::OnceLock<Pack> = std::sync::OnceLock::new();
    let pack = PACK.get_or_init(|| {
        let mut v: Value = serde_json::from_str(gpai_check::pack::builtin()[0].json).unwrap();
        v["chapters"] = json!([chapter_with_parts()]);
        v["changelog"] = json!([]);
        Pack::from_json(&v.to_string()).unwrap_or_else(|e| panic!("synthetic pack: {e}"))
    });
    let s: Submission =
        serde_json::from_value(json!({"pack": "gpai-cop-final", "profile": profile, "answers": answers})).unwrap();
    evaluate_with(pack, &s)
}

#[test]
fn a_form_field_counts_as_answered_only_with_every_part_and_each_part_s_precision() {
    let base = json!({"x_compute_nca": "1e24", "x_compute_aio": "1.0e24", "x_energy": 120, "x_params": "7.3e10"});
    let r = run_with_parts(signed(), base.clone());
    let aio = r.forms[0].recipients.iter().find(|c| c.recipient == Recipient::AiOffice).unwrap();
    assert_eq!(aio.missing, ["F-1"], "the parameters alone do not answer a field with parts");
    assert_eq!(req(&r, "X-1.1-R1").status, Status::Unanswered);
    let missing = &r.chapters[0].measures[0].missing;
    assert!(missing.iter().any(|q| q == "x_testing") && missing.iter().any(|q| q == "x_unit"), "{missing:?}");

    let mut all = base.clone();
    all["x_testing"] = json!("3e9");
    all["x_unit"] = json!("tokens");
    let r = run_with_parts(signed(), all.clone());
    assert_eq!(r.forms[0].answered, r.forms[0].total);
    let p =
        r.forms[0].precision.iter().find(|p| p.question_id == "x_testing").expect("the part's precision is checked");
    assert_eq!((p.field_id.as_ref(), p.pass), ("F-1", false));
    assert_eq!(req(&r, "X-1.1-R1").status, Status::Partial, "one figure short of the part's precision");

    all["x_testing"] = json!("N/A");
    assert_eq!(req(&run_with_parts(signed(), all), "X-1.1-R1").status, Status::Met, "N/A where the part allows it");
}

#[test]
fn a_check_under_a_condition_is_not_applicable_where_it_does_not_hold_and_not_notifying_never_passes() {
    // A voluntary signatory without systemic risk: no notification is required.
    let r = run_with_parts(signed(), json!({}));
    assert_eq!(req(&r, "X-1.1-R3").status, Status::NotApplicable);
    assert!(r.chapters[0].measures[0].kpis.iter().all(|k| k.id != "X-1.1-R3-K1"), "its figure cannot be asked");

    let sr = json!({"training_compute_flop": 2e25, "generates_language_image_or_video": true, "placed_on_eu_market": true,
                    "established_in_eu": true});
    let r = run_with_parts(sr.clone(), json!({}));
    assert_eq!(req(&r, "X-1.1-R3").status, Status::Unanswered);
    assert!(r.chapters[0].measures[0].missing.iter().any(|q| q == "x_notified"));
    let r = run_with_parts(sr.clone(), json!({"x_notified": "no", "x_weeks": 0}));
    assert_eq!(req(&r, "X-1.1-R3").status, Status::NotMet, "not notified: a stored 0 weeks is not used");
    let r = run_with_parts(sr.clone(), json!({"x_notified": "yes", "x_weeks": 3}));
    assert_eq!(req(&r, "X-1.1-R3").status, Status::Met);
    let r = run_with_parts(sr, json!({"x_notified": "yes", "x_weeks": 6}));
    assert_eq!(req(&r, "X-1.1-R3").status, Status::Partial, "notified, but confirmed too late");
}

#[test]
fn texts_compare_loosely_when_normalised() {
    for note in ["N/A", "n/a.", " n.a. ", "Not  applicable.", "NOT APPLICABLE"] {
        assert_eq!(
            cross(&run_with_parts(signed(), json!({"x_note": note})), "X-05"),
            CrossCheckStatus::Tripped,
            "{note:?}"
        );
    }
    for note in ["Not applicable to version 2", "nana", "Base model v1"] {
        assert_eq!(
            cross(&run_with_parts(signed(), json!({"x_note": note})), "X-05"),
            CrossCheckStatus::Passed,
            "{note:?}"
        );
    }
}

#[test]
fn a_figure_is_within_rounding_of_a_quantity_as_written() {
    let with = |profile_compute: f64, written: &str| {
        let mut p = signed();
        p["training_compute_flop"] = json!(profile_compute);
        cross(&run_with_parts(p, json!({"x_compute_aio": written})), "X-06")
    };
    assert_eq!(with(3e25, "3.8e25"), CrossCheckStatus::Tripped, "3e25 is not what 3.8e25 rounds");
    assert_eq!(with(3.84e25, "3.8e25"), CrossCheckStatus::Passed);
    assert_eq!(with(3.75e25, "3.8e25"), CrossCheckStatus::Passed, "the lower edge");
    assert_eq!(with(3.74e25, "3.8e25"), CrossCheckStatus::Tripped);
    assert_eq!(with(3.84e25, "3.80e25"), CrossCheckStatus::Tripped, "a trailing zero narrows the rounding");
    assert_eq!(with(3.4e25, "3e25"), CrossCheckStatus::Passed, "one figure covers 2.5e25 to 3.5e25");
    assert_eq!(cross(&run_with_parts(signed(), json!({})), "X-06"), CrossCheckStatus::NotChecked);
}

#[test]
fn every_comparator_of_the_pack_format_judges_a_figure_on_its_target_as_its_words_say() {
    // The built-in pack uses "<=", ">=" and "<"; a pack may use any of the five. A figure of
    // exactly 10 against a target of 10, and one on each side of it.
    let mut ch = chapter();
    let comparators = [("<=", "at-most"), (">=", "at-least"), ("<", "below"), (">", "above"), ("==", "equal")];
    let kpis: Vec<Value> = comparators
        .iter()
        .map(|(op, name)| {
            json!({"id": format!("X-K-{name}"), "metric": name, "question": "x_days", "comparator": op,
                   "target": 10, "unit": "days", "anchor": "test"})
        })
        .collect();
    let measure = &mut ch["commitments"][0]["measures"][0];
    measure["questions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "x_days", "type": "number", "text": "Days?", "min": 0, "sources": []}));
    measure["requirements"].as_array_mut().unwrap().push(json!({
        "id": "X-1.1-R3", "kind": "obligation", "text": "Within the target.", "confidence": "P",
        "check": {"kpi": "X-K-at-most"}, "kpis": kpis,
    }));
    let pack = pack_of(ch);
    let pass = |figure: f64| -> Vec<Option<bool>> {
        let s: Submission = serde_json::from_value(
            json!({"pack": "gpai-cop-final", "profile": signed(), "answers": {"x_days": figure}}),
        )
        .unwrap();
        let r = evaluate_with(&pack, &s);
        let kpis = &r.chapters[0].measures[0].kpis;
        comparators.iter().map(|(_, name)| kpis.iter().find(|k| k.id == format!("X-K-{name}")).unwrap().pass).collect()
    };
    //                               <=           >=           <            >            ==
    assert_eq!(pass(9.0), [Some(true), Some(false), Some(true), Some(false), Some(false)]);
    assert_eq!(pass(10.0), [Some(true), Some(true), Some(false), Some(false), Some(true)]);
    assert_eq!(pass(11.0), [Some(false), Some(true), Some(false), Some(true), Some(false)]);
}

#[test]
fn an_item_ruled_out_by_an_answer_is_not_applicable_while_the_scope_is_still_undecided() {
    // An item for providers that need an authorised representative (undecided: the
    // establishment is not given) and that crawl: a provider that says it does not crawl is out
    // of it whatever its establishment turns out to be; one that crawls waits for the answer.
    let mut ch = chapter();
    ch["commitments"][0]["measures"][0]["requirements"].as_array_mut().unwrap().push(json!({
        "id": "X-1.1-R3", "kind": "obligation", "text": "Non-EU crawlers name their representative.",
        "confidence": "P", "check": {"provided": {"question": "x_note"}},
        "appliesIf": {"all": [{"scope": "authorisedRepresentativeRequired"}, {"answer": {"question": "x_crawls", "in": ["yes"]}}]},
    }));
    let pack = pack_of(ch);
    let mut profile = signed();
    profile["established_in_eu"] = Value::Null;
    let status = |crawls: &str| {
        let s: Submission = serde_json::from_value(
            json!({"pack": "gpai-cop-final", "profile": profile.clone(), "answers": {"x_crawls": crawls}}),
        )
        .unwrap();
        let r = evaluate_with(&pack, &s);
        assert_eq!(r.scope.authorised_representative_required, None, "the establishment is not given");
        r.chapters[0].measures[0].requirements.iter().find(|q| q.id == "X-1.1-R3").unwrap().status
    };
    assert_eq!(status("no"), Status::NotApplicable);
    assert_eq!(status("yes"), Status::Unanswered);
}

#[test]
fn a_partial_option_in_a_list_answer_gives_partial() {
    // A list question whose check counts one option as meeting it and another as partly.
    let mut ch = chapter();
    let measure = &mut ch["commitments"][0]["measures"][0];
    measure["questions"].as_array_mut().unwrap().push(json!({
        "id": "x_channels", "type": "multi-choice", "text": "Channels?", "sources": [],
        "options": [{"id": "public", "label": "Public"}, {"id": "on_request", "label": "On request"},
                    {"id": "none", "label": "None"}],
    }));
    measure["requirements"].as_array_mut().unwrap().push(json!({
        "id": "X-1.1-R3", "kind": "obligation", "text": "Published.", "confidence": "P",
        "check": {"choice": {"question": "x_channels", "met": ["public"], "partial": ["on_request"]}},
    }));
    let pack = pack_of(ch);
    let status = |channels: Value| {
        let s: Submission = serde_json::from_value(
            json!({"pack": "gpai-cop-final", "profile": signed(), "answers": {"x_channels": channels}}),
        )
        .unwrap();
        let r = evaluate_with(&pack, &s);
        r.chapters[0].measures[0].requirements.iter().find(|q| q.id == "X-1.1-R3").unwrap().status
    };
    assert_eq!(status(json!(["public", "on_request"])), Status::Met);
    assert_eq!(status(json!(["on_request"])), Status::Partial);
    assert_eq!(status(json!(["none"])), Status::NotMet);
}

/// Adds questions to the synthetic measure.
fn with_questions(mut ch: Value, questions: impl IntoIterator<Item = Value>) -> Value {
    ch["commitments"][0]["measures"][0]["questions"].as_array_mut().unwrap().extend(questions);
    ch
}

fn asked(r: &Report, id: &str) -> bool {
    r.questions.iter().find(|q| q.id == id).unwrap_or_else(|| panic!("{id} listed")).asked
}

#[test]
fn conditions_may_refer_to_each_other_16_levels_deep_and_no_deeper() {
    // MAX_DEPTH: beyond 16 levels a condition counts as unknown, which is what stops a cycle.
    // Three chains of questions, each shown when the one before is answered: through `answer`
    // (one level a link), through `compare` (one level a link), and through all, any, not, not
    // and `answered` (five levels a link). With every question answered, a question is shown
    // exactly while its chain stays within 16 levels.
    let yes_no = |id: String, show_if: Option<Value>| {
        let mut q = json!({"id": id, "type": "yes-no", "text": "Chained?", "sources": []});
        if let Some(c) = show_if {
            q["showIf"] = c;
        }
        q
    };
    let mut questions = Vec::new();
    let mut answers = json!({});
    for k in 0..=18 {
        let by_answer = (k > 0).then(|| json!({"answer": {"question": format!("x_a{}", k - 1), "in": ["yes"]}}));
        questions.push(yes_no(format!("x_a{k}"), by_answer));
        answers[format!("x_a{k}")] = json!("yes");
        let mut number =
            json!({"id": format!("x_c{k}"), "type": "number", "text": "Chained?", "min": 0, "sources": []});
        if k > 0 {
            number["showIf"] =
                json!({"compare": {"left": {"answer": format!("x_c{}", k - 1)}, "op": ">=", "right": {"value": 1}}});
        }
        questions.push(number);
        answers[format!("x_c{k}")] = json!(1);
    }
    for k in 0..=4 {
        let nested =
            (k > 0).then(|| json!({"all": [{"any": [{"not": {"not": {"answered": format!("x_n{}", k - 1)}}}]}]}));
        questions.push(yes_no(format!("x_n{k}"), nested));
        answers[format!("x_n{k}")] = json!("yes");
    }
    let pack = pack_of(with_questions(chapter(), questions));
    let r = run_with(&pack, signed(), answers);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    // The 17th link of a one-level chain reaches level 16; the 18th, level 17.
    assert!(asked(&r, "x_a17") && !asked(&r, "x_a18"));
    assert!(asked(&r, "x_c17") && !asked(&r, "x_c18"));
    // Three five-level links reach level 14; the fourth, level 19.
    assert!(asked(&r, "x_n3") && !asked(&r, "x_n4"));
}

#[test]
fn questions_that_show_each_other_in_a_cycle_are_never_shown_and_nothing_hangs() {
    // A pack whose questions are shown only when each other is answered: a cycle, through
    // `answer`, through `answered` and through `compare`. None can ever be asked; the
    // evaluation ends and says so, whatever the answers.
    let pair = |a: &str, b: &str, kind: &str, condition: &dyn Fn(&str) -> Value| {
        [
            json!({"id": a, "type": kind, "text": "Cycle?", "min": 0, "sources": [], "showIf": condition(b)}),
            json!({"id": b, "type": kind, "text": "Cycle?", "min": 0, "sources": [], "showIf": condition(a)}),
        ]
    };
    let mut questions = Vec::new();
    questions.extend(pair("x_p", "x_q", "yes-no", &|o| json!({"answer": {"question": o, "in": ["yes"]}})));
    questions.extend(pair("x_r", "x_s", "yes-no", &|o| json!({"answered": o})));
    questions.extend(pair(
        "x_t",
        "x_u",
        "number",
        &|o| json!({"compare": {"left": {"answer": o}, "op": ">=", "right": {"value": 1}}}),
    ));
    for q in &mut questions {
        if q["type"] == "yes-no" {
            q.as_object_mut().unwrap().remove("min");
        }
    }
    let pack = pack_of(with_questions(chapter(), questions));
    let answers = json!({"x_p": "yes", "x_q": "yes", "x_r": "yes", "x_s": "yes", "x_t": 1, "x_u": 1});
    let r = run_with(&pack, signed(), answers);
    for id in ["x_p", "x_q", "x_r", "x_s", "x_t", "x_u"] {
        assert!(!asked(&r, id), "{id} is in a cycle");
    }
}

#[test]
fn an_item_that_turns_on_a_question_never_shown_is_not_applicable() {
    // The question is shown to SMEs only; this provider is not one. An item that depends on its
    // answer does not wait for an answer the provider is never asked.
    let mut ch = with_questions(
        chapter(),
        [json!({"id": "x_sme_only", "type": "yes-no", "text": "SME?", "sources": [],
                "showIf": {"profile": {"input": "is_sme", "equals": true}}})],
    );
    ch["commitments"][0]["measures"][0]["requirements"].as_array_mut().unwrap().push(json!({
        "id": "X-1.1-R3", "kind": "obligation", "text": "For SMEs that said yes.", "confidence": "P",
        "appliesIf": {"answer": {"question": "x_sme_only", "in": ["yes"]}},
        "check": {"provided": {"question": "x_note"}},
    }));
    let pack = pack_of(ch);
    let r = run_with(&pack, signed(), json!({"x_sme_only": "yes"}));
    assert!(!asked(&r, "x_sme_only"));
    let q = r.chapters[0].measures[0].requirements.iter().find(|q| q.id == "X-1.1-R3").unwrap();
    assert_eq!((q.status, q.counted), (Status::NotApplicable, false));
}

#[test]
fn a_profile_condition_compares_numbers_by_value() {
    // An item for providers with no turnover yet: the pack writes 0, the profile's 0 is a
    // decimal; they are the same number.
    let mut ch = chapter();
    ch["commitments"][0]["measures"][0]["requirements"].as_array_mut().unwrap().push(json!({
        "id": "X-1.1-R3", "kind": "obligation", "text": "Start-ups say so.", "confidence": "P",
        "appliesIf": {"profile": {"input": "worldwide_annual_turnover_eur", "equals": 0}},
        "check": {"provided": {"question": "x_note"}},
    }));
    let pack = pack_of(ch);
    let status = |turnover: f64| {
        let mut profile = signed();
        profile["worldwide_annual_turnover_eur"] = json!(turnover);
        let r = run_with(&pack, profile, json!({}));
        r.chapters[0].measures[0].requirements.iter().find(|q| q.id == "X-1.1-R3").unwrap().status
    };
    assert_eq!(status(0.0), Status::Unanswered);
    assert_eq!(status(1e8), Status::NotApplicable);
}

#[test]
fn a_form_field_that_does_not_apply_is_not_counted_and_one_not_yet_decided_is() {
    // A field for crawlers only: left out for a provider that does not crawl, counted for one
    // that does, and counted while the provider has not said.
    let mut ch =
        with_questions(chapter(), [json!({"id": "x_crawl_list", "type": "text", "text": "Crawlers?", "sources": []})]);
    ch["form"]["fields"].as_array_mut().unwrap().push(json!({
        "id": "F-4", "section": "S", "label": "Crawlers", "question": "x_crawl_list", "recipients": ["AIO"],
        "appliesIf": {"answer": {"question": "x_crawls", "in": ["yes"]}}, "confidence": "P",
    }));
    let pack = pack_of(ch);
    let total = |answers: Value| {
        let r = run_with(&pack, signed(), answers);
        let f = &r.forms[0];
        (f.total, f.recipients.iter().find(|x| x.recipient == Recipient::AiOffice).map(|x| x.total))
    };
    assert_eq!(total(json!({"x_crawls": "no"})), (4, Some(3)));
    assert_eq!(total(json!({"x_crawls": "yes"})), (5, Some(4)));
    assert_eq!(total(json!({})), (5, Some(4)));
}
