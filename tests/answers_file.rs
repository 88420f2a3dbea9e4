//! Reading a file of answers (`answers_file::read_answers`): the shapes a person imports into the
//! page (the examples in `www/examples/`, files made with "Export answers" by every version of
//! the page), and every refusal with its code, its path and words a person can act on.

use std::fs;

use gpai_check::answers_file::{read_answers, read_answers_text, submission_json};
use gpai_check::report::FindingCode;
use gpai_check::{evaluate, ErrorCode, InputError, Submission};
use serde_json::{json, Value};

/// The shipped examples: (file name, text).
fn examples() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = fs::read_dir("www/examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.ends_with("index.json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), fs::read_to_string(&p).unwrap()))
        .collect();
    v.sort();
    assert!(v.len() >= 4, "the four examples of www/examples");
    v
}

/// An answers file as the page's `answersFile()` (www/transfer.js) writes it, from a submission.
fn exported(submission: &Value) -> Value {
    let mut file = json!({
        "format": "gpai-check-answers",
        "formatVersion": 1,
        "pack": submission["pack"],
        "packVersion": submission["packVersion"],
        "title": submission["title"],
        "profile": submission["profile"],
        "answers": submission["answers"],
    });
    if let Some(date) = submission.get("assessmentDate") {
        file["assessmentDate"] = date.clone();
    }
    file["exportedAt"] = json!("2026-11-28T10:00:00.000Z");
    file
}

fn frontier() -> Value {
    serde_json::from_str(include_str!("../www/examples/frontier-systemic-risk.json")).unwrap()
}

fn with(mut file: Value, key: &str, value: Value) -> Value {
    file[key] = value;
    file
}

fn refusal(bytes: &[u8]) -> InputError {
    match read_answers(bytes) {
        Ok(s) => panic!("accepted: {s:?}"),
        Err(e) => e,
    }
}

#[test]
fn every_example_is_read_into_the_submission_it_holds() {
    for (name, text) in examples() {
        let read = read_answers(text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(read, Submission::from_json(&text).unwrap(), "{name}");
        assert_eq!(read.pack, "gpai-cop-final", "{name}");
        assert!(!read.answers.is_empty(), "{name}");
    }
}

#[test]
fn an_exported_answers_file_of_every_example_is_read_into_the_same_submission() {
    for (name, text) in examples() {
        // Edited as text: serde_json (without float_roundtrip) would change 5e24 in the last digit.
        let open = text.find('{').unwrap() + 1;
        let close = text.rfind('}').unwrap();
        let file = format!(
            "{{\"format\": \"gpai-check-answers\", \"formatVersion\": 1,{}, \"exportedAt\": \"2026-11-28T10:00:00.000Z\"}}",
            &text[open..close].trim_end()
        );
        let read = read_answers(file.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(read, Submission::from_json(&text).unwrap(), "{name}");
    }
}

#[test]
fn what_the_page_writes_in_every_form_is_read() {
    // No assessment date (the page writes one only when the profile has it), an empty title,
    // profile answers given as null (unknown), a byte-order mark, and no exportedAt.
    let mut file = exported(&frontier());
    file.as_object_mut().unwrap().remove("assessmentDate");
    file.as_object_mut().unwrap().remove("exportedAt");
    file["title"] = json!("");
    file["profile"]["is_sme"] = Value::Null;
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(serde_json::to_vec_pretty(&file).unwrap());
    let read = read_answers(&bytes).unwrap();
    assert_eq!(read.title.as_deref(), Some(""));
    assert_eq!(read.assessment_date, None);
    assert_eq!(read.profile.is_sme, None);
}

#[test]
fn answers_from_another_pack_version_are_kept_not_refused() {
    let mut file = with(exported(&frontier()), "packVersion", json!("0.0.9"));
    file["answers"]["c_retired_question"] = json!("yes");
    file["answers"]["t_old_figure"] = json!(12);
    let read = read_answers(file.to_string().as_bytes()).unwrap();
    assert_eq!(read.pack_version.as_deref(), Some("0.0.9"));
    assert!(read.answers.contains_key("c_retired_question") && read.answers.contains_key("t_old_figure"));
    // The engine lists them as findings once the page sends them with its own pack version.
    let report = evaluate(&Submission { pack_version: None, ..read }).unwrap();
    let unknown: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == FindingCode::UnknownQuestion)
        .map(|f| f.question_id.to_string())
        .collect();
    assert_eq!(unknown, ["c_retired_question", "t_old_figure"]);
}

#[test]
fn an_answer_that_does_not_fit_its_question_is_a_finding_not_a_refusal() {
    // The page's own reader refused "NaN" for a number; the engine's contract makes it a finding,
    // which the page marks at the question.
    let mut file = exported(&frontier());
    file["answers"]["t_docs_retention_years"] = json!("NaN");
    let read = read_answers(file.to_string().as_bytes()).unwrap();
    let report = evaluate(&read).unwrap();
    assert!(report
        .findings
        .iter()
        .any(|f| f.code == FindingCode::InvalidAnswer && f.question_id == "t_docs_retention_years"));
}

#[test]
fn the_submission_crosses_as_json_without_the_profile_questions_left_unanswered() {
    for (name, text) in examples() {
        let read = read_answers(text.as_bytes()).unwrap();
        let written = submission_json(&read);
        assert_eq!(Submission::from_json(&written).unwrap(), read, "{name}");
        let tree: Value = serde_json::from_str(&written).unwrap();
        let original: Value = serde_json::from_str(&text).unwrap();
        let keys = |v: &Value| v["profile"].as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&tree), keys(&original), "{name}");
    }
}

/// (what, file bytes, code, path, words the message must contain)
fn refusals() -> Vec<(&'static str, Vec<u8>, ErrorCode, &'static str, &'static str)> {
    let file = || exported(&frontier());
    let bytes = |v: Value| v.to_string().into_bytes();
    let report = include_str!("golden/fine-tuner.report.json");
    use ErrorCode::*;
    vec![
        ("an empty file", vec![], InvalidJson, "", "the file is empty"),
        ("only spaces", b"  \n ".to_vec(), InvalidJson, "", "the file is empty"),
        ("not JSON", b"{ answers: yes".to_vec(), InvalidJson, "", "the file is not valid JSON (key must be a string at line 1"),
        ("latin-1 text", b"{\"title\":\"\xe9\"}".to_vec(), InvalidJson, "", "not UTF-8 text"),
        ("a JSON list", bytes(json!([file()])), InvalidType, "", "the file holds a JSON list"),
        ("a JSON text", b"\"gpai-check-answers\"".to_vec(), InvalidType, "", "the file holds the text \"gpai-check-answers\""),
        ("a report", report.as_bytes().to_vec(), InvalidType, "", "this is a gpai-check report, not answers"),
        ("an object of something else", bytes(json!({"name": "x"})), InvalidType, "", "none of the fields \"pack\""),
        ("another format", bytes(with(file(), "format", json!("gpai-check-report"))), InvalidValue, "format", "must be \"gpai-check-answers\" in an answers file; the file has the text \"gpai-check-report\""),
        ("a newer format version", bytes(with(file(), "formatVersion", json!(2))), InvalidValue, "formatVersion", "made by a newer gpai-check (format version 2); this checker reads version 1"),
        ("a format version as text", bytes(with(file(), "formatVersion", json!("1"))), InvalidValue, "formatVersion", "must be 1; the file has the text \"1\""),
        ("no format version", { let mut f = file(); f.as_object_mut().unwrap().remove("formatVersion"); bytes(f) }, MissingField, "formatVersion", "\"formatVersion\": 1"),
        ("exportedAt as a number", bytes(with(file(), "exportedAt", json!(5))), InvalidType, "exportedAt", "must be a text"),
        ("an unknown field", bytes(with(file(), "answer", json!({}))), UnknownField, "answer", "the format has no such field (did you mean \"answers\"?)"),
        ("a file's field in a plain submission", bytes(with(frontier(), "exportedAt", json!("2026-11-28T10:00:00Z"))), UnknownField, "exportedAt", "no such field"),
        ("more than 4 MB", vec![b' '; 6 * 1024 * 1024], TooLarge, "", "the file is 6.0 MB (6291456 bytes); the limit is 4.0 MB"),
        ("an unknown pack", bytes(with(file(), "pack", json!("gpai-cop-draft"))), UnknownPack, "pack", "\"gpai-cop-draft\"; known packs: gpai-cop-final"),
        ("no pack", bytes(json!({"profile": {}, "answers": {}})), MissingField, "pack", "names its rule pack, e.g. \"pack\": \"gpai-cop-final\""),
        ("the pack as a number", bytes(with(file(), "pack", json!(7))), InvalidType, "pack", "must be the id of a rule pack, e.g. \"gpai-cop-final\"; the file has the number 7"),
        ("answers as a list", bytes(with(file(), "answers", json!(["yes"]))), InvalidType, "answers", "must be an object of answers by question id; the file has a JSON list"),
        ("the profile as a text", bytes(with(file(), "profile", json!("SME"))), InvalidType, "profile", "must be an object of profile answers by question id; the file has the text \"SME\""),
        ("a misspelt profile key", bytes(with(file(), "profile", json!({"is_smee": true}))), UnknownField, "profile.is_smee", "no profile question \"is_smee\" (did you mean \"is_sme\"?)"),
        ("a profile number as text", bytes(with(file(), "profile", json!({"training_compute_flop": "NaN"}))), InvalidType, "profile.training_compute_flop", "expected a number of zero or more; the file has the text \"NaN\""),
        ("a negative profile number", bytes(with(file(), "profile", json!({"training_compute_flop": -1}))), InvalidValue, "profile.training_compute_flop", "expected a number of zero or more; the file has the number -1"),
        ("a profile option it does not have", bytes(with(file(), "profile", json!({"significant_generality": "maybe"}))), InvalidValue, "profile.significant_generality", "expected one of unknown, yes, no; the file has the text \"maybe\""),
        ("a profile date that is no date", bytes(with(file(), "profile", json!({"assessment_date": "2026-02-30"}))), InvalidValue, "profile.assessment_date", "expected a date written YYYY-MM-DD; the file has the text \"2026-02-30\""),
        ("a number too large for a double", br#"{"pack":"gpai-cop-final","answers":{"t_docs_retention_years":1e999}}"#.to_vec(), InvalidValue, "answers.t_docs_retention_years", "the number is too large to be read"),
        ("an object as an answer", bytes(with(file(), "answers", json!({"c_policy_exists": {"value": "yes"}}))), InvalidType, "answers.c_policy_exists", "an answer is a text, a number, true or false, or a list of option ids; the file has an object"),
        ("a list of numbers as an answer", bytes(with(file(), "answers", json!({"t_mdf_1_4": [1, 2]}))), InvalidType, "answers.t_mdf_1_4", "a list of option ids"),
        ("an impossible date", bytes(with(file(), "assessmentDate", json!("2026-02-30"))), InvalidValue, "assessmentDate", "must be a real calendar date written YYYY-MM-DD; the file has the text \"2026-02-30\""),
        ("a title too long", bytes(with(file(), "title", json!("x".repeat(501)))), TooLarge, "title", "at most 500 characters"),
        ("a __proto__ answer", br#"{"format":"gpai-check-answers","formatVersion":1,"pack":"gpai-cop-final","profile":{},"answers":{"__proto__":{"polluted":"yes"}}}"#.to_vec(), UnknownField, "answers.__proto__", "\"__proto__\""),
        ("a __proto__ in the profile", br#"{"pack":"gpai-cop-final","profile":{"__proto__":{"is_sme":true}}}"#.to_vec(), UnknownField, "profile.__proto__", "\"__proto__\""),
        ("a __proto__ deep in a list", br#"{"pack":"gpai-cop-final","answers":{"x":[{"__proto__":1}]}}"#.to_vec(), UnknownField, "answers.x[0].__proto__", "\"__proto__\""),
        ("a field given twice", br#"{"pack":"gpai-cop-final","pack":"gpai-cop-final"}"#.to_vec(), InvalidJson, "pack", "duplicate field"),
    ]
}

/// Prints every message as it checks it, for review:
/// `cargo test --test answers_file every_refusal -- --nocapture`.
#[test]
fn every_refusal_has_its_code_its_path_and_words_a_person_can_act_on() {
    let mut wrong = Vec::new();
    for (what, bytes, code, path, words) in refusals() {
        let e = refusal(&bytes);
        println!("{what}: {e}");
        if e.code != code || e.path != path || !e.message.contains(words) {
            wrong.push(format!(
                "{what}: expected {code:?} at {path:?} with {words:?}; got {:?} at {:?}: {}",
                e.code, e.path, e.message
            ));
        }
        if !e.path.is_empty() && !e.to_string().starts_with(&e.path) {
            wrong.push(format!("{what}: the error does not start with its path: {e}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn text_is_read_as_the_bytes_are() {
    for (what, bytes, ..) in refusals() {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            assert_eq!(read_answers_text(text).unwrap_err(), refusal(&bytes), "{what}");
        }
    }
    let (_, text) = &examples()[0];
    assert_eq!(read_answers_text(text).unwrap(), read_answers(text.as_bytes()).unwrap());
}
