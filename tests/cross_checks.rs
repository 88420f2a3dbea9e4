//! Every cross-check of the pack, on the real content: a fully answered, consistent submission
//! trips none of them; for each one, a variant of it that introduces exactly that contradiction
//! trips exactly the checks its case lists (itself, and where one contradiction is rightly seen
//! by two checks, both: no check trips silently beside another). Boundary probes guard against false alarms (range edges, rounding up to the next
//! power of ten, accepted contests, N/A with a reason).
//!
//! Cases live in `tests/fixtures/cross-checks.json`: `base` is a submission; each case gives
//! profile and answer changes, answers to drop, and the exact set of checks it trips.

use std::collections::BTreeSet;

use gpai_check::report::{CrossCheckStatus, Report};
use gpai_check::{evaluate, Submission};
use serde_json::Value;

fn fixture() -> Value {
    serde_json::from_str(&std::fs::read_to_string("tests/fixtures/cross-checks.json").unwrap()).unwrap()
}

fn variant(base: &Value, case: &Value) -> Report<'static> {
    let mut s = base.clone();
    for (k, v) in case["profile"].as_object().unwrap() {
        s["profile"][k] = v.clone();
    }
    for (k, v) in case["answers"].as_object().unwrap() {
        s["answers"][k] = v.clone();
    }
    for d in case["drop"].as_array().unwrap() {
        s["answers"].as_object_mut().unwrap().remove(d.as_str().unwrap());
    }
    let submission: Submission = serde_json::from_value(s).unwrap();
    evaluate(&submission).unwrap()
}

fn tripped(r: &Report) -> BTreeSet<String> {
    r.cross_checks.iter().filter(|x| x.status == CrossCheckStatus::Tripped).map(|x| x.id.to_string()).collect()
}

#[test]
fn a_consistent_submission_trips_no_cross_check() {
    let f = fixture();
    let r = variant(&f["base"], &serde_json::json!({"profile": {}, "answers": {}, "drop": []}));
    assert!(r.findings.is_empty(), "the base answers are all valid: {:?}", r.findings);
    assert!(tripped(&r).is_empty(), "base trips {:?}", tripped(&r));
}

#[test]
fn every_cross_check_trips_on_its_contradiction() {
    let f = fixture();
    let base = &f["base"];
    let mut covered = BTreeSet::new();
    for case in f["trips"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let r = variant(base, case);
        assert!(r.findings.is_empty(), "{id}: {:?}", r.findings);
        // The exact set: a case that also trips another check says so, or it is a false alarm.
        let expected: BTreeSet<String> =
            case["trips"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect();
        assert!(expected.contains(id), "{id}: its case must list it among the checks it trips");
        assert_eq!(tripped(&r), expected, "{id}: the checks this case trips");
        covered.insert(id.to_string());
    }
    let all: BTreeSet<String> = variant(base, &serde_json::json!({"profile": {}, "answers": {}, "drop": []}))
        .cross_checks
        .iter()
        .map(|x| x.id.to_string())
        .collect();
    assert!(all.len() >= 15, "at least 15 cross-checks");
    let untested: Vec<&String> = all.difference(&covered).collect();
    assert!(untested.is_empty(), "cross-checks without a tripping case: {untested:?}");
}

#[test]
fn every_cross_check_also_passes_in_a_case_without_its_contradiction() {
    let f = fixture();
    let mut cases = vec![serde_json::json!({"profile": {}, "answers": {}, "drop": []})];
    cases.extend(f["probes"].as_array().unwrap().iter().cloned());
    let mut passed = BTreeSet::new();
    let mut all = BTreeSet::new();
    for case in &cases {
        for x in variant(&f["base"], case).cross_checks {
            all.insert(x.id.to_string());
            if x.status == CrossCheckStatus::Passed {
                passed.insert(x.id.to_string());
            }
        }
    }
    let never: Vec<&String> = all.difference(&passed).collect();
    assert!(never.is_empty(), "cross-checks never seen passing: {never:?}");
}

#[test]
fn boundary_probes_give_the_expected_outcome() {
    let f = fixture();
    for probe in f["probes"].as_array().unwrap() {
        let (name, item, expect) =
            (probe["name"].as_str().unwrap(), probe["item"].as_str().unwrap(), probe["expect"].as_str().unwrap());
        let r = variant(&f["base"], probe);
        let got = if let Some(x) = r.cross_checks.iter().find(|x| x.id == item) {
            serde_json::to_value(x.status).unwrap()
        } else {
            let q = r.chapters.iter().flat_map(|c| &c.measures).flat_map(|m| &m.requirements).find(|q| q.id == item);
            serde_json::to_value(q.unwrap_or_else(|| panic!("{name}: no item {item}")).status).unwrap()
        };
        assert_eq!(got, Value::from(expect), "{name}: {item}");
        // And nothing else trips: a probe changes one thing, at an edge.
        let others: Vec<String> = tripped(&r).into_iter().filter(|x| x != item).collect();
        assert!(others.is_empty(), "{name}: also trips {others:?}");
    }
}
