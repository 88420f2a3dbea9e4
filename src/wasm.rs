//! The JavaScript boundary: the only module that touches wasm-bindgen and js-sys.
//!
//! Each export reads a JS value, calls the core once and returns plain data, like ruff_wasm.
//! Unusable input throws a JS `Error` with `name = "GpaiInputError"`, a stable `code` and the
//! `path` of the offending field; the message starts with that path.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{ErrorCode, InputError};
use crate::Profile;
#[cfg(feature = "evaluation")]
use crate::Submission;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = concat!(include_str!("types.d.ts"), "\n", include_str!("report.d.ts"));

// Values cross the boundary as JSON text, parsed by the same reader (crate::json) as on native, so
// both give the same errors (with field paths, unknown keys refused) and byte-identical reports.
// The replacer turns NaN and the infinities into strings, so that they are reported as wrong
// values instead of silently becoming null as plain JSON.stringify would make them.
//
// Depth is the engine's rule (crate::json::too_deep_at, on the text). JSON.stringify recurses,
// though, and runs out of stack on a value nested some thousands deep before the engine sees any
// text: then, and only then, gpaiDeepPath walks the value with a loop, in JSON.stringify's order,
// to the first list or object deeper than the limit and returns the keys and indices leading
// there, so that the error says where, in the same words as for text.
//
// Only plain objects and arrays are read as objects and lists. JSON.stringify would write a Map
// or a Set as {} (a Map of answers would become no answers at all), a Date as a text, a class
// instance as its own fields: such a value is refused instead (the replacer sees the value
// before its toJSON ran as this[key]), and gpaiNotPlainPath finds where, in JSON.stringify's
// order, so that the error names it.
#[wasm_bindgen(inline_js = "function gpaiIsPlain(v) {
  if (Array.isArray(v)) return true;
  if (Object.prototype.toString.call(v) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}
export function gpaiToJson(value) {
  return JSON.stringify(value, function (key, v) {
    const original = this[key];
    if (original !== null && typeof original === 'object' && !gpaiIsPlain(original)) {
      const e = new TypeError('not a plain object');
      e.name = 'GpaiNotPlain';
      throw e;
    }
    return typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'bigint' ? String(v) : v;
  });
}
export function gpaiNotPlainPath(value) {
  const stack = [{ v: value, up: null, step: '' }];
  for (let visits = 0; stack.length && visits < 10000000; visits++) {
    const node = stack.pop();
    let v = node.v;
    if (v === null || typeof v !== 'object') continue;
    if (!gpaiIsPlain(v)) {
      const steps = [];
      for (let n = node; n.up; n = n.up) steps.push(n.step);
      steps.reverse();
      steps.push(Object.prototype.toString.call(v).slice(8, -1));
      return steps;
    }
    if (typeof v.toJSON === 'function') v = v.toJSON(String(node.step));
    if (v === null || typeof v !== 'object') continue;
    const keys = Array.isArray(v) ? Array.from(v.keys()) : Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: v[keys[i]], up: node, step: keys[i] });
  }
  return null;
}
export function gpaiDeepPath(value, max) {
  const stack = [{ v: value, depth: 1, up: null, step: '' }];
  while (stack.length) {
    const node = stack.pop();
    let v = node.v;
    if (v !== null && typeof v === 'object' && typeof v.toJSON === 'function') v = v.toJSON(String(node.step));
    if (v === null || typeof v !== 'object') continue;
    if (node.depth > max) {
      const steps = [];
      for (let n = node; n.up; n = n.up) steps.push(n.step);
      return steps.reverse();
    }
    const keys = Array.isArray(v) ? Array.from(v.keys()) : Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: v[keys[i]], depth: node.depth + 1, up: node, step: keys[i] });
  }
  return null;
}")]
extern "C" {
    #[wasm_bindgen(catch, js_name = gpaiToJson)]
    fn to_json_text(value: &JsValue) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(js_name = gpaiDeepPath)]
    fn deep_path_of(value: &JsValue, max: u32) -> Option<js_sys::Array>;
    #[wasm_bindgen(js_name = gpaiNotPlainPath)]
    fn not_plain_path_of(value: &JsValue) -> Option<js_sys::Array>;
}

/// The steps of a path as JS gives them: keys as strings, list indices as numbers.
fn path_steps(steps: &js_sys::Array) -> Vec<crate::json::PathStep<'static>> {
    steps
        .iter()
        .map(|step| match step.as_f64() {
            Some(i) => crate::json::PathStep::Index(i as usize),
            None => crate::json::PathStep::Key(step.as_string().unwrap_or_default().into()),
        })
        .collect()
}

/// The error for a value that is not a plain object or array (a Map, a Set, a Date, a class
/// instance), if `error` (from gpaiToJson) says the value holds one: `invalid_type` at its path.
fn not_plain_value(value: &JsValue, error: &JsValue) -> Option<InputError> {
    let name = js_sys::Reflect::get(error, &"name".into()).ok()?.as_string()?;
    if name != "GpaiNotPlain" {
        return None;
    }
    let steps = not_plain_path_of(value)?;
    let kind = steps.pop().as_string().unwrap_or_default();
    let path = crate::json::path(path_steps(&steps));
    Some(InputError::new(
        ErrorCode::InvalidType,
        path,
        format!("expected a plain object (or a list, or a single value), got a {kind}"),
    ))
}

/// The too-deep error for a JS value, if `error` (from JSON.stringify) is the stack running out
/// on a value nested deeper than the limit.
fn too_deep_value(value: &JsValue, error: &JsValue) -> Option<InputError> {
    if !error.is_instance_of::<js_sys::RangeError>() {
        return None;
    }
    let steps = deep_path_of(value, crate::json::MAX_DEPTH)?;
    let path = crate::json::deep_path(path_steps(&steps));
    Some(InputError::too_deep(path))
}

fn to_js_error(e: &InputError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("GpaiInputError");
    // Reflect::set on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code.as_str().into());
    let _ = js_sys::Reflect::set(&err, &"path".into(), &e.path.as_str().into());
    err.into()
}

/// Reads a JS value as a submission (at most `MAX_SUBMISSION_BYTES` as JSON text).
fn from_js<T: DeserializeOwned>(value: &JsValue, root: &str) -> Result<T, JsValue> {
    from_js_within(value, root, crate::submission::MAX_SUBMISSION_BYTES)
}

/// Reads a JS value of at most `limit` bytes as JSON text.
fn from_js_within<T: DeserializeOwned>(value: &JsValue, root: &str, limit: usize) -> Result<T, JsValue> {
    let text = match to_json_text(value) {
        Ok(Some(text)) if !value.is_null() => text,
        Ok(_) => {
            return Err(to_js_error(&InputError::new(ErrorCode::InvalidType, root, "expected an object, got nothing")))
        }
        Err(e) => {
            if let Some(err) = too_deep_value(value, &e).or_else(|| not_plain_value(value, &e)) {
                return Err(to_js_error(&if root.is_empty() { err } else { err.within(root) }));
            }
            // JSON.stringify throws on cycles; the message names the cycle's start.
            let msg = js_sys::Error::from(e).message().as_string().unwrap_or_default();
            return Err(to_js_error(&InputError::new(ErrorCode::InvalidJson, root, format!("cannot read it: {msg}"))));
        }
    };
    if text.len() > limit {
        return Err(to_js_error(&InputError::new(
            ErrorCode::TooLarge,
            root,
            format!("{} bytes; the limit is {limit}", text.len()),
        )));
    }
    crate::error::parse_json(&text, false)
        .map_err(|err| to_js_error(&if root.is_empty() { err } else { err.within(root) }))
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    // Writing plain data cannot fail, and JSON.parse accepts what crate::json writes.
    let text = crate::json::to_string(value).unwrap_or_default();
    js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
}

#[cfg(feature = "evaluation")]
/// Lists the built-in rule packs: id, version, title, publication date, digest.
#[wasm_bindgen(unchecked_return_type = "PackSummary[]")]
pub fn packs() -> JsValue {
    to_js(&crate::pack::summaries())
}

#[cfg(feature = "evaluation")]
/// Returns the whole built-in pack with this id (chapters, measures, requirements, questions).
///
/// Throws `GpaiInputError` with code `unknown_pack` for an unknown id.
#[wasm_bindgen(unchecked_return_type = "Pack")]
pub fn pack(id: &str) -> Result<JsValue, JsValue> {
    // The embedded text is the pack exactly as validated and digested at build time. Handing it
    // to JSON.parse keeps the code that would serialise a parsed pack out of the wasm, and it is
    // found without parsing: the page asks for the pack while it starts, and parsing it in the
    // wasm can wait for the first evaluation.
    let text = crate::pack::text(id, "id").map_err(|e| to_js_error(&e))?;
    Ok(js_sys::JSON::parse(text).unwrap_or(JsValue::NULL))
}

/// The engine's message catalogue (`src/messages/en.json`): `{ language, status, note,
/// messages: { key: template } }`. A report's codes (a measure's `explanation`, a finding's
/// `problem`) are put into words with it, at render time.
#[wasm_bindgen(unchecked_return_type = "MessageCatalogue")]
pub fn messages() -> JsValue {
    js_sys::JSON::parse(crate::messages::EN).unwrap_or(JsValue::NULL)
}

/// The profile questions of the scope decision, in the order to ask them.
#[wasm_bindgen(js_name = scopeQuestions, unchecked_return_type = "ScopeQuestion[]")]
pub fn scope_questions() -> JsValue {
    to_js(&crate::scope::scope_text().inputs)
}

/// The words of the scope decision, which `scope()` and reports name by id: each obligation's
/// article and title, and each reason's text, legal source and `interpretation` mark (the
/// tool's reading), with the profile questions and the Act's key dates.
/// `{ asOf, inputs, obligations, reasons, dates }`.
#[wasm_bindgen(js_name = scopeTexts, unchecked_return_type = "ScopeTexts")]
pub fn scope_texts() -> JsValue {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Texts<'a> {
        as_of: &'a str,
        inputs: &'a [crate::scope::InputSpec],
        obligations: &'a [crate::scope::ObligationSpec],
        reasons: &'a [crate::scope::ReasonSpec],
        dates: crate::scope::KeyDates,
    }
    let text = crate::scope::scope_text();
    to_js(&Texts {
        as_of: &text.as_of,
        inputs: &text.inputs,
        obligations: &text.obligations,
        reasons: &text.reasons,
        dates: crate::scope::KEY_DATES,
    })
}

/// Decides which AI Act obligations apply to this profile, and why.
///
/// Throws `GpaiInputError` for an unknown key, a wrong type or an impossible value.
#[wasm_bindgen(unchecked_return_type = "ScopeResult")]
pub fn scope(#[wasm_bindgen(unchecked_param_type = "Profile")] profile: JsValue) -> Result<JsValue, JsValue> {
    let profile: Profile = from_js(&profile, "")?;
    crate::scope(&profile).map(|s| to_js(&s)).map_err(|e| to_js_error(&e))
}

#[cfg(feature = "evaluation")]
/// Evaluates a submission `{ pack, packVersion?, title?, profile, answers, assessmentDate? }`:
/// the fast call for every change, not sealed (`digest` is empty; see `sealedReport`).
///
/// Answer problems are findings in the report; unusable input throws `GpaiInputError`.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(#[wasm_bindgen(unchecked_param_type = "Submission")] submission: JsValue) -> Result<JsValue, JsValue> {
    let submission: Submission = from_js(&submission, "")?;
    report_to_js(crate::evaluate_unsealed_text(&submission))
}

#[cfg(feature = "exports")]
/// As `evaluate`, sealed: `digest` is the SHA-256 of the report's canonical JSON. For a report
/// that leaves the page (a download, a print, a portal's record).
#[wasm_bindgen(js_name = sealedReport, unchecked_return_type = "Report")]
pub fn sealed_report(
    #[wasm_bindgen(unchecked_param_type = "Submission")] submission: JsValue,
) -> Result<JsValue, JsValue> {
    let submission: Submission = from_js(&submission, "")?;
    report_to_js(crate::evaluate_text(&submission).map(|(_, text)| text))
}

/// The report made from its text, written once.
#[cfg(feature = "evaluation")]
fn report_to_js(result: Result<String, InputError>) -> Result<JsValue, JsValue> {
    let text = result.map_err(|e| to_js_error(&e))?;
    // crate::json writes what JSON.parse reads; should that ever fail, say so rather than hand
    // back null in place of a report.
    js_sys::JSON::parse(&text)
        .map_err(|_| js_sys::Error::new("gpai-check: the report could not cross to JavaScript").into())
}

#[cfg(feature = "evaluation")]
/// Evaluates a submission given as JSON text or as the bytes of a file (`Uint8Array`), exactly
/// as the native engine reads files: for portals that receive uploads. Not sealed, as
/// `evaluate`. Bad text or bytes throw
/// `GpaiInputError` (e.g. `invalid_json` for a file that is not UTF-8).
#[wasm_bindgen(js_name = evaluateJson, unchecked_return_type = "Report")]
pub fn evaluate_json(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let submission = if let Some(text) = input.as_string() {
        Submission::from_json(&text)
    } else if input.is_instance_of::<js_sys::Uint8Array>() {
        Submission::from_slice(&js_sys::Uint8Array::new(&input).to_vec())
    } else {
        Err(InputError::new(ErrorCode::InvalidType, "", "expected JSON text or the bytes of a file"))
    };
    report_to_js(submission.and_then(|s| crate::evaluate_unsealed_text(&s)))
}

#[cfg(feature = "exports")]
/// What a renderer was given, read as a submission or a result bundle. A report is refused:
/// a renderer renders only the engine's own evaluation (see `verify::own_report`).
fn renderable(input: &JsValue) -> Result<crate::verify::Renderable, JsValue> {
    use crate::verify::Renderable;
    let has = |key: &str| input.is_object() && js_sys::Reflect::has(input, &key.into()).unwrap_or(false);
    if has("submission") && has("report") {
        return from_js_within(input, "", crate::submission::MAX_BUNDLE_BYTES).map(Renderable::Bundle);
    }
    if has("chapters") && has("scope") {
        return Err(to_js_error(&InputError::new(
            ErrorCode::NotVerified,
            "",
            "a report is not rendered as it is given (an edited status would come out under the genuine digest); \
             pass the submission it was made from, or a result bundle (resultBundle) that verifies",
        )));
    }
    from_js(input, "").map(Renderable::Submission)
}

#[cfg(feature = "exports")]
/// The engine's own sealed report of a submission, or of a bundle that verifies.
fn own_report(input: &JsValue) -> Result<crate::Report<'static>, JsValue> {
    crate::verify::own_report(&renderable(input)?).map_err(|e| to_js_error(&e))
}

#[cfg(feature = "exports")]
/// The locale of a renderer's options (`{ locale }`), if one is given: English when not.
fn locale_of(options: &Option<js_sys::Object>) -> Result<Option<crate::locale::Locale>, JsValue> {
    let Some(options) = options else { return Ok(None) };
    let value = js_sys::Reflect::get(options, &"locale".into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let locale: serde_json::Value = from_js_within(&value, "locale", crate::locale::MAX_LOCALE_BYTES)?;
    crate::locale::Locale::from_value(locale).map(Some).map_err(|e| to_js_error(&e))
}

#[cfg(feature = "exports")]
/// Renders as Markdown the engine's own evaluation of a submission, or of a result bundle that
/// verifies, in English or in the language of `{ locale }` (a file of `locales/`, e.g. the
/// package's `locales/de.json`): its header says the language and its status. Throws
/// `GpaiInputError` `not_verified` for a report handed in or a bundle that does not verify, and
/// names the field of a locale that is not one (`locale.status`).
#[wasm_bindgen(js_name = reportMarkdown)]
pub fn report_markdown(
    #[wasm_bindgen(unchecked_param_type = "Submission | ResultBundle")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RenderOptions")] options: Option<js_sys::Object>,
) -> Result<String, JsValue> {
    let locale = locale_of(&options)?;
    Ok(crate::report_markdown_in(&own_report(&input)?, locale.as_ref()))
}

#[cfg(feature = "exports")]
/// Evaluates a submission and wraps both in a result bundle
/// `{ submission, report, packId, packDigest, engineVersion }` that a portal can `verify`.
#[wasm_bindgen(js_name = resultBundle, unchecked_return_type = "ResultBundle")]
pub fn result_bundle(
    #[wasm_bindgen(unchecked_param_type = "Submission")] submission: JsValue,
) -> Result<JsValue, JsValue> {
    let submission: Submission = from_js(&submission, "")?;
    crate::verify::bundle(&submission).map(|b| to_js(&b)).map_err(|e| to_js_error(&e))
}

#[cfg(feature = "exports")]
/// Recomputes a bundle's report with the built-in pack and says whether it matches, naming the
/// first difference. Proves consistency (same answers, same pack, same engine), not truth.
#[wasm_bindgen(unchecked_return_type = "Verification")]
pub fn verify(#[wasm_bindgen(unchecked_param_type = "ResultBundle")] bundle: JsValue) -> Result<JsValue, JsValue> {
    // A bundle is a submission and its report: it has a limit of its own, sized so that every
    // bundle `resultBundle` makes is read back (see MAX_BUNDLE_BYTES).
    let bundle: crate::verify::ResultBundle = from_js_within(&bundle, "", crate::submission::MAX_BUNDLE_BYTES)?;
    crate::verify::verify(&bundle).map(|v| to_js(&v)).map_err(|e| to_js_error(&e))
}

#[cfg(feature = "exports")]
/// The engine's own evaluation of a submission, or of a result bundle that verifies, as an OSCAL
/// assessment-results document (JSON object). Refuses a report as `reportMarkdown` does.
#[wasm_bindgen(js_name = oscalAssessmentResults, unchecked_return_type = "OscalAssessmentResults")]
pub fn oscal_assessment_results(
    #[wasm_bindgen(unchecked_param_type = "Submission | ResultBundle")] input: JsValue,
) -> Result<JsValue, JsValue> {
    Ok(to_js(&crate::oscal_assessment_results(&own_report(&input)?)))
}

/// Whether `value` is an error this package threw for unusable input: an `Error` named
/// `GpaiInputError` with a string `code` and `path`. For a `catch` block: narrows the type in
/// TypeScript, with no cast.
#[wasm_bindgen(js_name = isGpaiInputError, unchecked_return_type = "value is GpaiInputError")]
pub fn is_gpai_input_error(value: &JsValue) -> bool {
    let text = |key: &str| js_sys::Reflect::get(value, &key.into()).ok().and_then(|v| v.as_string());
    value.is_instance_of::<js_sys::Error>()
        && text("name").as_deref() == Some("GpaiInputError")
        && text("code").is_some()
        && text("path").is_some()
}

#[cfg(feature = "exports")]
/// The documents a provider hands over, from the engine's own evaluation of a submission or of a
/// result bundle that verifies: the Model Documentation Form filled in for each recipient
/// (AI Office, national competent authorities, downstream providers), each with its title, file
/// name, media type, Markdown text and content as data, in English or in the language of
/// `{ locale }` (as `reportMarkdown`). Refuses a report as `reportMarkdown` does.
#[wasm_bindgen(unchecked_return_type = "ProviderDocument[]")]
pub fn documents(
    #[wasm_bindgen(unchecked_param_type = "Submission | ResultBundle")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RenderOptions")] options: Option<js_sys::Object>,
) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    let docs = crate::verify::own_documents_in(&renderable(&input)?, locale.as_ref()).map_err(|e| to_js_error(&e))?;
    Ok(to_js(&docs))
}

/// Reads a number as a person typed it, in the one syntax of docs/numbers.md (`2.4e25`,
/// `2.4x10^25`, `2.4×10^25`, `10^24`, digits grouped by spaces or underscores): `null` for a
/// blank field, `{ value, significantFigures, powerOfTen }`, or `{ error: { code, message } }`
/// with `code` one of `not-a-number`, `too-large`, `negative`. Never throws: a typed number is an
/// answer, and answers are data. `{ allowNegative: false }` refuses numbers below zero, as the
/// profile does.
#[wasm_bindgen(js_name = parseNumber, unchecked_return_type = "ParsedNumber")]
pub fn parse_number(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "{ allowNegative?: boolean }")] options: Option<js_sys::Object>,
) -> JsValue {
    let allow_negative = options
        .and_then(|o| js_sys::Reflect::get(&o, &"allowNegative".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(true);
    to_js(&crate::number::ParsedNumber::of(text, allow_negative))
}

/// The engine's limits on its input: `{ maxSubmissionBytes, maxBundleBytes, maxAnswers, maxTitleChars,
/// maxTextChars, maxNumberChars, maxDepth }`. Titles and texts are counted in Unicode code points
/// (`Array.from(text).length`), not in UTF-16 code units (`text.length`).
#[wasm_bindgen(unchecked_return_type = "Limits")]
pub fn limits() -> JsValue {
    to_js(&crate::submission::LIMITS)
}

#[cfg(feature = "evaluation")]
/// What a comparison keeps of a report: statuses, cross-checks, findings and answer fingerprints,
/// a third of the report or less (questions added and removed come from the pack's changelog).
/// Reads a report of format 1 or 2 (or a summary).
/// For storing beside an assessment, to compare with its next check (`whatChanged`).
#[wasm_bindgen(js_name = reportSummary, unchecked_return_type = "CheckSummary")]
pub fn report_summary(
    #[wasm_bindgen(unchecked_param_type = "Report | CheckSummary")] report: JsValue,
) -> Result<JsValue, JsValue> {
    Ok(to_js(&check_of(&report, "")?.compact()))
}

#[cfg(feature = "evaluation")]
/// What changed between an earlier check of an assessment and the check made now: statuses that
/// moved and why (the pack's changelog entries, changed answers, a chapter that applies
/// differently), questions added or removed, findings and cross-checks that appeared or went
/// away. Each side is a report (format 1, as engine 0.1 wrote it, or 2), a `reportSummary`, or
/// `{ packId, packVersion }` alone when nothing else was kept.
#[wasm_bindgen(js_name = whatChanged, unchecked_return_type = "WhatChanged")]
pub fn what_changed(
    #[wasm_bindgen(unchecked_param_type = "Report | CheckSummary | { packId: string; packVersion: string }")]
    before: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Report | CheckSummary")] after: JsValue,
) -> Result<JsValue, JsValue> {
    let (before, after) = (check_of(&before, "before")?, check_of(&after, "after")?);
    crate::changes::compare_checks(&before, &after).map(|w| to_js(&w)).map_err(|e| to_js_error(&e))
}

#[cfg(feature = "evaluation")]
fn check_of(value: &JsValue, root: &str) -> Result<crate::changes::CheckSummary, JsValue> {
    let input: crate::changes::summary::CheckIn = from_js(value, root)?;
    crate::changes::CheckSummary::of_input(input)
        .map_err(|e| to_js_error(&if root.is_empty() { e } else { e.within(root) }))
}

/// The engine version (the crate version).
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    crate::report::ENGINE_VERSION.to_string()
}

#[cfg(feature = "exports")]
/// Reads a file of answers, given as JSON text or as the bytes of a file (`Uint8Array`): the
/// answers file the page's "Export answers" writes, or a plain submission. Returns the
/// submission, with the profile questions left unanswered omitted. Throws `GpaiInputError`
/// naming the field (`invalid_type` with an empty path: neither an answers file nor a submission).
#[wasm_bindgen(js_name = readAnswers, unchecked_return_type = "Submission")]
pub fn read_answers(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let submission = if let Some(text) = input.as_string() {
        crate::answers_file::read_answers_text(&text)
    } else if input.is_instance_of::<js_sys::Uint8Array>() {
        let bytes = js_sys::Uint8Array::new(&input);
        // A file too large is refused before its bytes are copied into the wasm's memory.
        crate::submission::check_file_size(bytes.length() as usize)
            .and_then(|()| crate::answers_file::read_answers(&bytes.to_vec()))
    } else {
        Err(InputError::new(ErrorCode::InvalidType, "", "expected JSON text or the bytes of a file"))
    };
    let submission = submission.map_err(|e| to_js_error(&e))?;
    Ok(js_sys::JSON::parse(&crate::answers_file::submission_json(&submission)).unwrap_or(JsValue::NULL))
}
