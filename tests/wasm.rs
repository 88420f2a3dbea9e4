//! The wasm boundary, run by `wasm-pack test --node`: JS values in, plain JS objects out,
//! errors as JS `Error`s with name, code and path, and the same digests as the native goldens.
#![cfg(target_arch = "wasm32")]

use gpai_check::{wasm, Submission};
use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("property")
}

fn error_of(r: Result<JsValue, JsValue>) -> (String, String, String) {
    let e = r.expect_err("should throw");
    let s = |k| get(&e, k).as_string().unwrap_or_default();
    (s("name"), s("code"), s("path"))
}

#[wasm_bindgen_test]
fn evaluate_returns_a_plain_object_with_camel_case_keys() {
    let r = wasm::evaluate(js(include_str!("../www/examples/closed-non-eu.json"))).unwrap();
    assert!(get(&r, "packId").as_string().as_deref() == Some("gpai-cop-final"));
    assert!(get(&get(&r, "scope"), "inScope").as_bool() == Some(true));
    assert!(js_sys::Array::is_array(&get(&r, "chapters")));
}

#[wasm_bindgen_test]
fn the_report_digest_equals_the_native_golden() {
    for (example, golden) in [
        (include_str!("../www/examples/closed-non-eu.json"), include_str!("golden/closed-non-eu.report.json")),
        (include_str!("../www/examples/fine-tuner.json"), include_str!("golden/fine-tuner.report.json")),
        (include_str!("../www/examples/sme-open-weights.json"), include_str!("golden/sme-open-weights.report.json")),
        (
            include_str!("../www/examples/frontier-systemic-risk.json"),
            include_str!("golden/frontier-systemic-risk.report.json"),
        ),
    ] {
        let r = wasm::sealed_report(js(example)).unwrap();
        assert_eq!(get(&r, "digest"), get(&js(golden), "digest"));
        // evaluate() does not seal: the same report with an empty digest.
        let unsealed = wasm::evaluate(js(example)).unwrap();
        assert_eq!(get(&unsealed, "digest").as_string().as_deref(), Some(""));
        Reflect::set(&unsealed, &"digest".into(), &get(&r, "digest")).unwrap();
        assert_eq!(JSON::stringify(&unsealed).unwrap().as_string(), JSON::stringify(&r).unwrap().as_string());
    }
}

#[wasm_bindgen_test]
fn a_misspelt_profile_key_throws_with_its_path() {
    let (name, code, path) = error_of(wasm::scope(js(r#"{"training_compute_flops": 1e24}"#)));
    assert_eq!(
        (name.as_str(), code.as_str(), path.as_str()),
        ("GpaiInputError", "unknown_field", "training_compute_flops")
    );
}

#[wasm_bindgen_test]
fn nan_in_the_profile_is_refused_not_taken_as_unknown() {
    let p = js("{}");
    Reflect::set(&p, &"training_compute_flop".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let (_, code, path) = error_of(wasm::scope(p));
    assert_eq!((code.as_str(), path.as_str()), ("invalid_type", "training_compute_flop"));
}

#[wasm_bindgen_test]
fn nothing_at_all_is_an_error_not_a_crash() {
    let (name, code, _) = error_of(wasm::evaluate(JsValue::UNDEFINED));
    assert_eq!((name.as_str(), code.as_str()), ("GpaiInputError", "invalid_type"));
    let (_, code, path) = error_of(wasm::pack("nope"));
    assert_eq!((code.as_str(), path.as_str()), ("unknown_pack", "id"));
}

#[wasm_bindgen_test]
fn renderers_render_only_the_engines_own_evaluation() {
    let example = include_str!("../www/examples/fine-tuner.json");
    let md = wasm::report_markdown(js(example), None).unwrap();
    assert!(md.starts_with("# gpai-check report: "));
    // A report edited in JavaScript (a status turned to met, digest kept) is never rendered.
    let report = wasm::evaluate(js(example)).unwrap();
    let (_, code, _) = error_of(wasm::report_markdown(report.clone(), None).map(JsValue::from));
    assert_eq!(code, "not_verified");
    let (_, code, _) = error_of(wasm::oscal_assessment_results(report));
    assert_eq!(code, "not_verified");
    // A bundle renders while it verifies, and not once its report is edited.
    let bundle = wasm::result_bundle(js(example)).unwrap();
    assert_eq!(wasm::report_markdown(bundle.clone(), None).unwrap(), md);
    let measure = Reflect::get(
        &Reflect::get(&Reflect::get(&get(&bundle, "report"), &"chapters".into()).unwrap(), &0.into()).unwrap(),
        &"measures".into(),
    )
    .unwrap();
    Reflect::set(&Reflect::get(&measure, &0.into()).unwrap(), &"status".into(), &"met".into()).unwrap();
    let (_, code, path) = error_of(wasm::report_markdown(bundle.clone(), None).map(JsValue::from));
    assert_eq!((code.as_str(), path.as_str()), ("not_verified", "report.chapters[0].measures[0].status"));
    let (_, code, _) = error_of(wasm::oscal_assessment_results(bundle));
    assert_eq!(code, "not_verified");
}

#[wasm_bindgen_test]
fn read_answers_gives_each_example_back_as_its_submission() {
    for example in [
        include_str!("../www/examples/closed-non-eu.json"),
        include_str!("../www/examples/fine-tuner.json"),
        include_str!("../www/examples/sme-open-weights.json"),
        include_str!("../www/examples/frontier-systemic-risk.json"),
    ] {
        let bytes = js_sys::Uint8Array::from(example.as_bytes());
        let read = wasm::read_answers(bytes.into()).unwrap();
        let text = JSON::stringify(&read).unwrap().as_string().unwrap();
        assert_eq!(Submission::from_json(&text).unwrap(), Submission::from_json(example).unwrap());
        let digest = |s: JsValue| get(&wasm::sealed_report(s).unwrap(), "digest");
        assert_eq!(digest(read), digest(js(example)));
        let from_text = wasm::read_answers(example.into()).unwrap();
        assert_eq!(JSON::stringify(&from_text).unwrap().as_string(), Some(text));
    }
}

#[wasm_bindgen_test]
fn read_answers_throws_coded_errors_with_paths() {
    let bytes = |text: &str| JsValue::from(js_sys::Uint8Array::from(text.as_bytes()));
    let (name, code, path) = error_of(wasm::read_answers(bytes("[1, 2]")));
    assert_eq!((name.as_str(), code.as_str(), path.as_str()), ("GpaiInputError", "invalid_type", ""));
    let (_, code, path) = error_of(wasm::read_answers(bytes(
        r#"{"format": "gpai-check-answers", "formatVersion": 1, "pack": "gpai-cop-final", "profile": {"is_smee": true}}"#,
    )));
    assert_eq!((code.as_str(), path.as_str()), ("unknown_field", "profile.is_smee"));
    let (_, code, _) = error_of(wasm::read_answers(js_sys::Uint8Array::new_with_length(5 * 1024 * 1024).into()));
    assert_eq!(code, "too_large");
    let (_, code, _) = error_of(wasm::read_answers(JsValue::from_f64(42.0)));
    assert_eq!(code, "invalid_type");
}

#[wasm_bindgen_test]
fn parse_number_reads_the_forms_syntax_and_codes_what_it_refuses() {
    let read = |text: &str, allow_negative: bool| {
        let options = js(&format!(r#"{{"allowNegative": {allow_negative}}}"#));
        wasm::parse_number(text, Some(options.into()))
    };
    let three = read("3x10^22", false);
    assert_eq!(get(&three, "value").as_f64(), Some(3e22));
    assert_eq!(get(&three, "significantFigures").as_f64(), Some(1.0));
    assert_eq!(get(&read("2.4×10^25", false), "value").as_f64(), Some(2.4e25));
    assert_eq!(get(&read("10^24", false), "powerOfTen").as_bool(), Some(true));
    assert_eq!(get(&read("800_000 000", false), "value").as_f64(), Some(8e8));
    assert!(read("  ", false).is_null(), "a blank field is null");
    let code = |v: JsValue| get(&get(&v, "error"), "code").as_string();
    assert_eq!(code(read("2.4e25x", false)).as_deref(), Some("not-a-number"));
    assert_eq!(code(read("1e999", false)).as_deref(), Some("too-large"));
    assert_eq!(code(read("-5", false)).as_deref(), Some("negative"));
    assert_eq!(get(&read("-5", true), "value").as_f64(), Some(-5.0));
    assert_eq!(get(&wasm::parse_number("-5", None), "value").as_f64(), Some(-5.0), "negatives by default");
}

#[wasm_bindgen_test]
fn limits_are_the_ones_evaluate_applies() {
    let l = wasm::limits();
    let max = get(&l, "maxTitleChars").as_f64().unwrap() as usize;
    assert_eq!(max, 500);
    assert_eq!(get(&l, "maxDepth").as_f64(), Some(127.0));
    let submission = |title: String| {
        let s = js(r#"{"pack": "gpai-cop-final"}"#);
        Reflect::set(&s, &"title".into(), &title.into()).unwrap();
        s
    };
    assert!(wasm::evaluate(submission("😀".repeat(max))).is_ok());
    let (_, code, path) = error_of(wasm::evaluate(submission("😀".repeat(max + 1))));
    assert_eq!((code.as_str(), path.as_str()), ("too_large", "title"));
}

#[wasm_bindgen_test]
fn a_value_nested_5000_deep_is_too_deep_with_its_path() {
    let answers = js("{}");
    let mut inner = answers.clone();
    for _ in 1..5000 {
        let next = js("{}");
        Reflect::set(&inner, &"a".into(), &next).unwrap();
        inner = next;
    }
    let submission = js(r#"{"pack": "gpai-cop-final", "profile": {}}"#);
    Reflect::set(&submission, &"answers".into(), &answers).unwrap();
    let e = wasm::evaluate(submission).expect_err("too deep");
    let s = |k| get(&e, k).as_string().unwrap_or_default();
    assert_eq!((s("name").as_str(), s("code").as_str()), ("GpaiInputError", "too_deep"));
    assert_eq!(s("path"), "answers.a.a.a.a.a.a.a…");
    assert!(s("message").contains("nested deeper than the limit of 127 levels"), "{}", s("message"));
    // The same words from JSON text.
    let text =
        format!(r#"{{"pack": "gpai-cop-final", "answers": {}{{}}{}}}"#, r#"{"a": "#.repeat(4999), "}".repeat(4999));
    let (_, code, path) = error_of(wasm::evaluate_json(text.into()));
    assert_eq!((code.as_str(), path.as_str()), ("too_deep", "answers.a.a.a.a.a.a.a…"));
}
