//! The JavaScript boundary: the only module that touches wasm-bindgen and js-sys.
//!
//! Each export reads a JS value, calls the core once and returns plain data, like ruff_wasm.
//! Unusable input throws a JS `Error` with `name = "GpaiInputError"`, a stable `code` and the
//! `path` of the offending field; the message starts with that path.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::InputError;
use crate::{Profile, Report, Submission};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("types.d.ts");

fn to_js_error(e: &InputError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("GpaiInputError");
    // Reflect::set on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code.as_str().into());
    let _ = js_sys::Reflect::set(&err, &"path".into(), &e.path.as_str().into());
    err.into()
}

fn from_js<T: DeserializeOwned>(value: JsValue, root: &str) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        let e = InputError::new(crate::ErrorCode::InvalidType, root, "expected an object, got nothing");
        return Err(to_js_error(&e));
    }
    let de = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let err = InputError::from_serde(e.path().to_string(), e.inner().to_string());
        let err = if root.is_empty() { err } else { err.within(root) };
        to_js_error(&err)
    })
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    // Maps as plain objects, None as null: the same shape as the JSON goldens.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    // Serialising plain report data cannot fail.
    value.serialize(&ser).unwrap_or(JsValue::NULL)
}

/// Lists the built-in rule packs: id, version, title, publication date, digest.
#[wasm_bindgen(unchecked_return_type = "PackSummary[]")]
pub fn packs() -> JsValue {
    to_js(&crate::pack::summaries())
}

/// Returns the whole built-in pack with this id (chapters, measures, requirements, questions).
///
/// Throws `GpaiInputError` with code `unknown_pack` for an unknown id.
#[wasm_bindgen(unchecked_return_type = "Pack")]
pub fn pack(id: &str) -> Result<JsValue, JsValue> {
    crate::pack::get(id, "id").map(to_js).map_err(|e| to_js_error(&e))
}

/// The profile questions of the scope decision, in the order to ask them.
#[wasm_bindgen(js_name = scopeQuestions, unchecked_return_type = "ScopeQuestion[]")]
pub fn scope_questions() -> JsValue {
    to_js(&crate::scope::scope_text().inputs)
}

/// Decides which AI Act obligations apply to this profile, and why.
///
/// Throws `GpaiInputError` for an unknown key, a wrong type or an impossible value.
#[wasm_bindgen(unchecked_return_type = "ScopeResult")]
pub fn scope(#[wasm_bindgen(unchecked_param_type = "Profile")] profile: JsValue) -> Result<JsValue, JsValue> {
    let profile: Profile = from_js(profile, "")?;
    crate::scope(&profile).map(|s| to_js(&s)).map_err(|e| to_js_error(&e))
}

/// Evaluates a submission `{ pack, packVersion?, title?, profile, answers, assessmentDate? }`.
///
/// Answer problems are findings in the report; unusable input throws `GpaiInputError`.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(#[wasm_bindgen(unchecked_param_type = "Submission")] submission: JsValue) -> Result<JsValue, JsValue> {
    let submission: Submission = from_js(submission, "")?;
    crate::evaluate(&submission).map(|r| to_js(&r)).map_err(|e| to_js_error(&e))
}

/// Renders a report (as returned by `evaluate`) as Markdown.
#[wasm_bindgen(js_name = reportMarkdown)]
pub fn report_markdown(#[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue) -> Result<String, JsValue> {
    let report: Report = from_js(report, "report")?;
    Ok(crate::report_markdown(&report))
}

/// The engine version (the crate version).
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    crate::report::ENGINE_VERSION.to_string()
}
