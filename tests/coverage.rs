//! Coverage of the final Code: every measure, requirement, appendix item, Model Documentation
//! Form field, systemic-risk documentation item, SME simplification and KPI of the research
//! reference is in the pack, or in `src/packs/gpai-cop-final/exclusions.json` with a reason.
//!
//! The reference lives beside the repository (`../shared/reference`), as in CI.

use std::collections::BTreeSet;

use gpai_check::Pack;
use serde_json::Value;

/// The reference, or `None` outside CI when it is not beside the repository. In CI (`CI` set) a
/// missing reference fails the test instead of skipping the coverage it exists to check.
fn reference() -> Option<Value> {
    let path = "../shared/reference/code-of-practice-final.json";
    let Ok(text) = std::fs::read_to_string(path) else {
        assert!(std::env::var_os("CI").is_none(), "CI is set but {path} is missing: coverage cannot be checked");
        return None;
    };
    Some(serde_json::from_str(&text).expect("reference JSON"))
}

fn pack() -> Pack {
    let b = gpai_check::pack::builtin().iter().find(|b| b.id == "gpai-cop-final").unwrap();
    Pack::from_json(b.json).unwrap()
}

/// Every id the pack holds: chapters, commitments, measures, requirements, KPIs (and their
/// `requirement:metric` keys), form fields, simplifications.
fn pack_ids(p: &Pack) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for ch in &p.chapters {
        ids.insert(ch.id.clone());
        for s in &ch.simplifications {
            ids.insert(s.id.clone());
        }
        if let Some(f) = &ch.form {
            for field in &f.fields {
                ids.insert(field.id.clone());
                if field.precision.is_some() || !p.question(&field.question).is_some_and(|q| q.options.is_empty()) {
                    // A Form precision or range rule is that field's KPI.
                    ids.insert(format!("{}:form", field.id));
                }
            }
        }
        for c in &ch.commitments {
            ids.insert(c.id.clone());
            for m in &c.measures {
                ids.insert(m.id.clone());
                for r in &m.requirements {
                    ids.insert(r.id.clone());
                    for k in &r.kpis {
                        ids.insert(k.id.clone());
                        ids.insert(format!("{}:{}", r.id, k.metric));
                    }
                }
            }
        }
    }
    ids
}

fn exclusions() -> Vec<(String, String)> {
    let text = std::fs::read_to_string("src/packs/gpai-cop-final/exclusions.json").expect("exclusions.json");
    let v: Value = serde_json::from_str(&text).expect("exclusions.json is JSON");
    v.as_array()
        .expect("a list")
        .iter()
        .map(|e| (e["id"].as_str().unwrap().to_string(), e["reason"].as_str().unwrap_or("").to_string()))
        .collect()
}

#[test]
fn every_item_of_the_reference_is_in_the_pack_or_excluded_with_a_reason() {
    let Some(reference) = reference() else {
        eprintln!("../shared/reference not found: coverage not checked");
        return;
    };
    let ids = pack_ids(&pack());
    let excluded = exclusions();
    for (id, reason) in &excluded {
        assert!(reason.len() >= 20, "exclusion {id} needs a real reason, got {reason:?}");
        assert!(!ids.contains(id), "{id} is both in the pack and excluded");
    }
    let excluded: BTreeSet<&str> = excluded.iter().map(|(id, _)| id.as_str()).collect();
    let mut expected = Vec::new();
    for ch in reference["chapters"].as_array().unwrap() {
        for c in ch["commitments"].as_array().unwrap() {
            for m in c["measures"].as_array().unwrap() {
                expected.push(m["id"].as_str().unwrap().to_string());
                for r in m["requirements"].as_array().unwrap() {
                    expected.push(r["id"].as_str().unwrap().to_string());
                }
            }
        }
        for a in ch["appendices"].as_array().into_iter().flatten() {
            expected.push(a["id"].as_str().unwrap().to_string());
        }
        if let Some(form) = ch.get("model_documentation_form") {
            for f in form["fields"].as_array().unwrap() {
                expected.push(f["id"].as_str().unwrap().to_string());
            }
            for d in form["related_systemic_risk_documentation_outside_form"].as_array().unwrap() {
                expected.push(d["id"].as_str().unwrap().to_string());
            }
        }
    }
    for s in reference["sme_simplifications"].as_array().unwrap() {
        expected.push(s["id"].as_str().unwrap().to_string());
    }
    for k in reference["kpis"].as_array().unwrap() {
        let r = k["ref"].as_str().unwrap();
        // Form rows' KPIs are the Form's precision and range rules.
        expected.push(if r.starts_with("MDF-") {
            format!("{r}:form")
        } else {
            format!("{r}:{}", k["metric"].as_str().unwrap())
        });
    }
    let missing: Vec<&String> =
        expected.iter().filter(|id| !ids.contains(*id) && !excluded.contains(id.as_str())).collect();
    assert!(missing.is_empty(), "{} reference items are neither in the pack nor excluded: {missing:?}", missing.len());
}

#[test]
fn the_pack_holds_every_measure_of_the_code() {
    let p = pack();
    let count = |chapter: &str| {
        p.chapters.iter().filter(|c| c.id == chapter).flat_map(|c| &c.commitments).flat_map(|c| &c.measures).count()
    };
    assert_eq!((count("T"), count("C"), count("SS")), (3, 5, 32));
    let form = p.chapters.iter().find_map(|c| c.form.as_ref()).expect("the Model Documentation Form");
    assert_eq!(form.fields.len(), 47);
    for (ch, _, m) in p.measures() {
        // The training-summary checklist (TS) is the AI Act template, not the Code: it cites the
        // template's sections instead of a Code id.
        if ch.id == "TS" {
            assert!(m.sources.iter().any(|s| s.reference.starts_with("Art 53(1)(d)")), "{} cites Art 53(1)(d)", m.id);
            continue;
        }
        assert!(m.sources.iter().any(|s| s.reference == m.id), "{} cites its own id", m.id);
        assert!(
            m.sources.iter().any(|s| s.reference.starts_with("Art ") || s.reference.starts_with("Annex")),
            "{} cites an AI Act article",
            m.id
        );
    }
}

#[test]
fn every_reference_kpi_number_is_the_packs_number() {
    let Some(reference) = reference() else { return };
    let p = pack();
    for k in reference["kpis"].as_array().unwrap() {
        let (r, metric) = (k["ref"].as_str().unwrap(), k["metric"].as_str().unwrap());
        let ours = p.measures().flat_map(|(_, _, m)| &m.requirements).filter(|q| q.id == r).flat_map(|q| &q.kpis);
        for kpi in ours.filter(|x| x.metric == metric) {
            match (k["value"].as_f64(), k.get("comparator").is_some()) {
                (Some(v), true) => assert_eq!(kpi.target, Some(v), "{r} {metric}"),
                // No comparator in the register: the figure is recorded, or compared with that
                // very number as a reading the requirement's note states; never another number.
                (Some(v), false) => assert!(kpi.target.is_none() || kpi.target == Some(v), "{r} {metric}"),
                (None, _) => assert_eq!(kpi.target, None, "{r} {metric}: the Code sets no number"),
            }
        }
    }
}
