//! A golden report of a submission that contradicts itself and falls short: the Model
//! Documentation Form gives two compute figures that cannot both be right, the provider
//! crawls the web but the Form does not say so, and the crawler neither respects access
//! controls nor excludes infringing sites (C-1.2 not met). The examples' goldens hold neither a
//! tripped cross-check nor a not-met measure, so without this one a change to how either is
//! reported would pass unseen.
//!
//! The submission is `tests/fixtures/contradictions.json`; its reports are
//! `tests/golden/contradictions.report.json` and `.report.md`, which `UPDATE_GOLDEN=1 cargo test
//! --test contradictions` rewrites after an intended change (review the diff). The Node tests
//! replay the same files against the wasm package (`tests/js/contradictions.test.mjs`).

use std::fs;
use std::path::Path;

use gpai_check::report::{CrossCheckStatus, Status};
use gpai_check::{evaluate_json, report_markdown};

const FIXTURE: &str = "tests/fixtures/contradictions.json";

#[test]
fn the_report_of_contradicting_answers_is_the_golden_one() {
    let text = fs::read_to_string(FIXTURE).unwrap();
    let report = evaluate_json(&text).unwrap();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    // CI checks the committed goldens; it never rewrites them.
    assert!(!(update && std::env::var_os("CI").is_some()), "UPDATE_GOLDEN is refused under CI");
    let outputs = [
        ("report.json", serde_json::to_string_pretty(&report).unwrap() + "\n"),
        ("report.md", report_markdown(&report)),
    ];
    for (ext, actual) in outputs {
        let path = Path::new("tests/golden").join(format!("contradictions.{ext}"));
        if update {
            fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!("{} is missing; run UPDATE_GOLDEN=1 cargo test --test contradictions", path.display())
        });
        assert!(actual == expected, "output differs from {}; review, then UPDATE_GOLDEN=1", path.display());
    }
}

/// What the golden is for: were the fixture to stop contradicting itself, the golden would
/// still match after an update, and hold nothing this test is meant to guard.
#[test]
fn the_golden_holds_tripped_cross_checks_and_a_measure_not_met() {
    let report = evaluate_json(&fs::read_to_string(FIXTURE).unwrap()).unwrap();
    assert!(report.findings.is_empty(), "every answer is valid: {:?}", report.findings);
    let tripped: Vec<&str> =
        report.cross_checks.iter().filter(|x| x.status == CrossCheckStatus::Tripped).map(|x| &*x.id).collect();
    // X-33 (pack 0.2.0): the profile's compute and the Form's differ past the Form's rounding,
    // the same contradiction X-01 reads as a scope question.
    assert_eq!(tripped, ["X-01", "X-16", "X-33"]);
    let not_met: Vec<&str> = report
        .chapters
        .iter()
        .flat_map(|c| &c.measures)
        .filter(|m| m.status == Status::NotMet)
        .map(|m| &*m.id)
        .collect();
    assert_eq!(not_met, ["C-1.2"]);
    assert_eq!(report.summary.cross_checks.tripped, 3);
    assert_eq!(report.summary.overall.not_met, 1);
    // The Markdown a legal team reads says so too.
    let md = report_markdown(&report);
    for id in ["X-01", "X-16", "X-33", "C-1.2"] {
        assert!(md.contains(id), "the Markdown report names {id}");
    }
}
