//! The engine's words are data: a report carries codes with parameters, and every code it can
//! give has its words in the catalogue (`src/messages/en.json`), so that a renderer in any
//! language is a new file, not new code.

use gpai_check::messages::{explanation, format, problem, template};
use gpai_check::report::{Explanation, ExplanationGroup, Problem, Status};
use gpai_check::{evaluate, Submission};
use serde_json::json;

fn every_problem() -> Vec<Problem> {
    vec![
        Problem::UnknownQuestion,
        Problem::OneOf { options: vec!["yes".into(), "no".into()] },
        Problem::OptionList { options: vec!["a".into(), "b".into()] },
        Problem::RepeatedOption,
        Problem::FiniteNumber,
        Problem::NumberBetween { min: 1.0, max: 30.0 },
        Problem::NumberAtLeast { min: 0.5 },
        Problem::NumberAtMost { max: 14.0 },
        Problem::Number,
        Problem::Quantity,
        Problem::QuantityOrNotApplicable,
        Problem::QuantityRange,
        Problem::TooLong { max: 20000 },
        Problem::TooShort { min: 30 },
        Problem::Date,
        Problem::WebAddress,
        Problem::Text,
    ]
}

#[test]
fn every_code_the_engine_gives_has_its_words() {
    for p in every_problem() {
        let words = problem(&p);
        assert!(!words.is_empty() && !words.contains('{'), "{}: {words:?}", p.code());
        // The JSON code is the message key's.
        assert_eq!(serde_json::to_value(&p).unwrap()["code"], p.code());
    }
    for s in [Status::Met, Status::Partial, Status::NotMet, Status::Unanswered, Status::NotApplicable] {
        assert!(!template(&format!("status.{}", s.as_str())).is_empty(), "{s:?}");
        assert!(!template(&format!("status-in-list.{}", s.as_str())).is_empty(), "{s:?}");
    }
    for e in [Explanation::DoesNotApply, Explanation::Undecided, Explanation::NothingToCheck] {
        assert!(!explanation(&e).is_empty(), "{e:?}");
    }
}

#[test]
fn parameters_fill_the_templates() {
    assert_eq!(
        problem(&Problem::NumberBetween { min: 1.0, max: 30.0 }),
        "Expected a number from 1 to 30; the answer is ignored until it is corrected."
    );
    assert_eq!(
        problem(&Problem::OneOf { options: vec!["yes".into(), "no".into()] }),
        "Expected one of: yes, no; the answer is ignored until it is corrected."
    );
    let e = Explanation::Requirements {
        status: Status::Partial,
        count: 3,
        groups: vec![
            ExplanationGroup { status: Status::Met, ids: vec!["A".into(), "B".into()] },
            ExplanationGroup { status: Status::NotMet, ids: vec!["C".into()] },
        ],
    };
    assert_eq!(explanation(&e), "Partly met: of 3 required items, 2 met (A, B); 1 not met (C).");
    let one = Explanation::Requirements {
        status: Status::Met,
        count: 1,
        groups: vec![ExplanationGroup { status: Status::Met, ids: vec!["A".into()] }],
    };
    assert_eq!(explanation(&one), "Met: of 1 required item, 1 met (A).");
    assert_eq!(format("explanation.group", &[("count", "2"), ("status", "met"), ("ids", "A, B")]), "2 met (A, B)");
    // One pass: a value that looks like a parameter is written as it is, and a parameter without
    // a value stays visible rather than vanishing.
    assert_eq!(format("explanation.group", &[("count", "{ids}"), ("status", "met"), ("ids", "A")]), "{ids} met (A)");
    assert_eq!(format("explanation.group", &[("status", "met"), ("ids", "A")]), "{count} met (A)");
}

#[test]
fn a_report_carries_codes_not_english_sentences() {
    let s: Submission = serde_json::from_value(json!({
        "pack": "gpai-cop-final",
        "profile": {"significant_generality": "yes", "placed_on_eu_market": true, "established_in_eu": true,
                    "training_compute_flop": 5e23},
        "answers": {"t_downstream_response_days": "soon", "c_policy_exists": "perhaps", "no_such_question": 1}
    }))
    .unwrap();
    let report = evaluate(&s).unwrap();
    let json = serde_json::to_value(&report).unwrap();
    for f in json["findings"].as_array().unwrap() {
        assert!(f.get("message").is_none(), "{f}");
        assert!(f["problem"]["code"].is_string(), "{f}");
    }
    let codes: Vec<&str> = report.findings.iter().map(|f| f.problem.code()).collect();
    assert!(codes.contains(&"unknown-question") && codes.contains(&"one-of"), "{codes:?}");
    let text = json.to_string();
    assert!(!text.contains("the answer is ignored"), "a finding's words are not in the report");
    assert!(!text.contains("required items,"), "an explanation's words are not in the report");
}
