//! The bad-input corpus (`tests/bad-input/`): every file is refused with its stable error code
//! and the path of the offending field, and never panics. `expected.json` lists each file's
//! code and path; the same files are replayed against the JS package by tests/js.

use gpai_check::evaluate_bytes;
use serde_json::Value;

fn expected() -> Vec<(String, String, String)> {
    let v: Value = serde_json::from_str(&std::fs::read_to_string("tests/bad-input/expected.json").unwrap()).unwrap();
    v.as_object()
        .unwrap()
        .iter()
        .map(|(file, e)| (file.clone(), e["code"].as_str().unwrap().into(), e["path"].as_str().unwrap().into()))
        .collect()
}

/// 20 MB of valid JSON: a title far beyond every limit.
fn twenty_megabytes() -> Vec<u8> {
    format!(r#"{{"pack": "gpai-cop-final", "title": "{}"}}"#, "x".repeat(20 * 1024 * 1024)).into_bytes()
}

#[test]
fn every_file_of_the_corpus_is_refused_with_its_code_and_path() {
    let cases = expected();
    assert!(cases.len() >= 40, "the corpus has at least 40 inputs");
    let mut wrong = Vec::new();
    for (file, code, path) in cases {
        let bytes = if file.starts_with("(generated)") {
            twenty_megabytes()
        } else {
            std::fs::read(format!("tests/bad-input/{file}")).unwrap()
        };
        match evaluate_bytes(&bytes) {
            Ok(_) => wrong.push(format!("{file}: accepted")),
            Err(e) => {
                if e.code.as_str() != code || e.path != path {
                    wrong.push(format!(
                        "{file}: got {} at {:?} ({}), expected {code} at {path:?}",
                        e.code.as_str(),
                        e.path,
                        e.message
                    ));
                }
                if !path.is_empty() && !e.to_string().starts_with(&path) {
                    wrong.push(format!("{file}: the message does not start with the path: {e}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_byte_order_mark_is_not_an_error() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(br#"{"pack": "gpai-cop-final"}"#);
    assert!(evaluate_bytes(&bytes).is_ok());
}

#[test]
fn deep_nesting_inside_an_answer_is_refused_as_too_deep_naming_the_answer() {
    let text = format!(
        r#"{{"pack": "gpai-cop-final", "answers": {{"c_crawls_web": {}{}}}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let e = gpai_check::evaluate_json(&text).unwrap_err();
    assert_eq!(e.code.as_str(), "too_deep");
    assert_eq!(e.path, "answers.c_crawls_web[0][0][0][0][0][0]…");
    assert!(e.message.contains("limit of 127 levels"), "{}", e.message);
    // 127 levels, the submission included, are read: the answer is a finding, not an error.
    let fits = format!(
        r#"{{"pack": "gpai-cop-final", "answers": {{"c_crawls_web": {}{}}}}}"#,
        "[".repeat(125),
        "]".repeat(125)
    );
    let report = gpai_check::evaluate_json(&fits).expect("evaluated");
    assert_eq!(report.findings[0].question_id, "c_crawls_web");
}
