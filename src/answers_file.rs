//! Reading a file of answers: what a person imports into the page, or a portal receives.
//!
//! Two shapes are read into a [`Submission`] (see `docs/answers-file.md`):
//! - the answers file that the page's "Export answers" writes: `{ "format": "gpai-check-answers",
//!   "formatVersion": 1, "pack", "packVersion", "title", "profile", "answers", "assessmentDate"?,
//!   "exportedAt" }`;
//! - a plain submission `{ pack, packVersion?, title?, profile, answers, assessmentDate? }`, the
//!   shape of the examples in `www/examples/` and of what a portal stores.
//!
//! A refusal is an [`InputError`] naming the field, with a message a person can act on; a file
//! that is neither shape (a list, a single value, a report, an object with none of the fields)
//! is refused with `invalid_type` at the root (empty path).
//!
//! Not refused: a `packVersion` other than the built-in pack's (answers to questions that version
//! does not have are kept in `answers`, and the engine lists them as findings), and answers that
//! do not fit their question (findings, as in every evaluation).

use serde_json::Value;

use crate::answers::RawAnswer;
use crate::error::{ErrorCode, InputError};
use crate::json::ErrorKind;
use crate::submission::{file_text, Submission};

/// The value of `format` in an answers file.
pub const FORMAT: &str = "gpai-check-answers";
/// The answers-file format version this engine writes and reads.
pub const FORMAT_VERSION: u64 = 1;

/// The fields of a submission, in the order the page writes them.
const SUBMISSION_FIELDS: [&str; 6] = ["pack", "packVersion", "title", "profile", "answers", "assessmentDate"];
/// The fields only an answers file has.
const FILE_FIELDS: [&str; 3] = ["format", "formatVersion", "exportedAt"];

/// Reads the bytes of a file (UTF-8 JSON, a byte-order mark allowed): an answers file or a
/// plain submission.
///
/// # Errors
/// `too_large`, `invalid_json` (not UTF-8, not JSON, empty), `invalid_type` (at the root: not an
/// answers file or a submission), `invalid_value` (`format`, `formatVersion`), `unknown_field`
/// (with the nearest known key), `missing_field`, `unknown_pack`, and what
/// [`Submission::validate`] refuses; each with the field path.
pub fn read_answers(bytes: &[u8]) -> Result<Submission, InputError> {
    read_text(file_text(bytes)?)
}

/// As [`read_answers`], from text (read exactly as its UTF-8 bytes).
///
/// # Errors
/// As [`read_answers`].
pub fn read_answers_text(text: &str) -> Result<Submission, InputError> {
    read_answers(text.as_bytes())
}

fn read_text(text: &str) -> Result<Submission, InputError> {
    if text.trim().is_empty() {
        return Err(InputError::new(ErrorCode::InvalidJson, "", "the file is empty"));
    }
    let tree: Value = crate::error::read_json(text, true).map_err(|(e, kind)| match (e.code, kind) {
        (ErrorCode::InvalidJson, _) => {
            InputError { message: format!("the file is not valid JSON ({})", e.message), ..e }
        }
        (_, ErrorKind::NumberOutOfRange) => InputError { message: "the number is too large to be read".into(), ..e },
        _ => e,
    })?;
    let Value::Object(top) = &tree else {
        return Err(not_answers(&format!("the file holds {}", kind(&tree))));
    };
    if let Some(path) = proto_key(&tree) {
        return Err(InputError::new(
            ErrorCode::UnknownField,
            path,
            "a \"__proto__\" key, which no answers file or submission has",
        ));
    }
    let is_file = check_format(top)?;
    if !is_file && top.contains_key("digest") && top.contains_key("chapters") {
        return Err(not_answers("this is a gpai-check report, not answers"));
    }
    let known: Vec<&str> =
        SUBMISSION_FIELDS.iter().chain(if is_file { &FILE_FIELDS[..] } else { &[] }).copied().collect();
    if !is_file && !SUBMISSION_FIELDS.iter().any(|f| top.contains_key(*f)) {
        return Err(not_answers("the file has none of the fields \"pack\", \"profile\" and \"answers\""));
    }
    if let Some(key) = top.keys().find(|k| !known.contains(&k.as_str())) {
        let hint = closest(key, known.iter().copied()).map(|k| format!(" (did you mean \"{k}\"?)")).unwrap_or_default();
        return Err(InputError::new(
            ErrorCode::UnknownField,
            key.as_str(),
            format!("the format has no such field{hint}"),
        ));
    }
    // The submission's own reader reads both shapes: an answers file without the three fields
    // only it has (checked above) is a submission. Written back from the tree, the text has
    // other lines and columns, so only the field path locates a problem there.
    let submission: Submission = if is_file {
        let mut fields = top.clone();
        for f in FILE_FIELDS {
            fields.remove(f);
        }
        let text = crate::json::to_string(&Value::Object(fields)).unwrap_or_default();
        crate::error::parse_json(&text, false)
    } else {
        crate::error::parse_json(text, true)
    }
    .map_err(|e| explain(e, top))?;
    submission.validate().map_err(|e| explain(e, top))?;
    if let Some((id, _)) = submission.answers.iter().find(|(_, a)| !is_answer_shape(a)) {
        return Err(InputError::new(
            ErrorCode::InvalidType,
            format!("answers.{id}"),
            format!(
                "an answer is a text, a number, true or false, or a list of option ids; the file has {}",
                top.get("answers").and_then(|a| a.get(id)).map_or_else(|| "something else".into(), kind)
            ),
        ));
    }
    crate::pack::get(&submission.pack, "pack")?;
    Ok(submission)
}

/// The submission as JSON text for JavaScript: what [`Submission`] writes (the profile leaves
/// out the questions not answered).
pub fn submission_json(submission: &Submission) -> String {
    // Writing plain data cannot fail.
    crate::json::to_string(submission).unwrap_or_default()
}

/// Checks `format`, `formatVersion` and `exportedAt`; true for an answers file.
fn check_format(top: &serde_json::Map<String, Value>) -> Result<bool, InputError> {
    match top.get("format") {
        None => return Ok(false),
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(InputError::new(
                ErrorCode::InvalidValue,
                "format",
                format!("must be \"{FORMAT}\" in an answers file; the file has {}", kind(other)),
            ))
        }
    }
    match top.get("formatVersion") {
        Some(v) if v.as_u64() == Some(FORMAT_VERSION) => {}
        None => {
            return Err(InputError::new(
                ErrorCode::MissingField,
                "formatVersion",
                format!("an answers file says which version of the format it has (\"formatVersion\": {FORMAT_VERSION})"),
            ))
        }
        Some(v) if v.as_u64().is_some_and(|n| n > FORMAT_VERSION) => {
            return Err(InputError::new(
                ErrorCode::InvalidValue,
                "formatVersion",
                format!(
                    "the file was made by a newer gpai-check (format version {v}); this checker reads version {FORMAT_VERSION}"
                ),
            ))
        }
        Some(v) => {
            return Err(InputError::new(
                ErrorCode::InvalidValue,
                "formatVersion",
                format!("must be {FORMAT_VERSION}; the file has {}", kind(v)),
            ))
        }
    }
    match top.get("exportedAt") {
        None | Some(Value::String(_)) => Ok(true),
        Some(v) => Err(InputError::new(
            ErrorCode::InvalidType,
            "exportedAt",
            format!("must be a text (the time of the export); the file has {}", kind(v)),
        )),
    }
}

/// The refusal of a file that is neither an answers file nor a submission.
fn not_answers(what: &str) -> InputError {
    InputError::new(
        ErrorCode::InvalidType,
        "",
        format!(
            "{what}; a file of answers is an object {{ \"pack\", \"profile\", \"answers\", … }}, as \"Export answers\" \
             writes it"
        ),
    )
}

/// The path of the first `"__proto__"` key, breadth first: no answers file has one, and a page
/// that copied it into an object would change that object's prototype.
fn proto_key(tree: &Value) -> Option<String> {
    let mut queue = vec![(tree, String::new())];
    let mut next = 0;
    while let Some((value, path)) = queue.get(next).cloned() {
        next += 1;
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    let at = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                    if key == "__proto__" {
                        return Some(at);
                    }
                    queue.push((v, at));
                }
            }
            Value::Array(items) => queue.extend(items.iter().enumerate().map(|(i, v)| (v, format!("{path}[{i}]")))),
            _ => {}
        }
    }
    None
}

/// Whether an answer has a shape the page can show at a question: not an object, and a list of
/// texts only.
fn is_answer_shape(answer: &RawAnswer) -> bool {
    match answer {
        RawAnswer::Other => false,
        RawAnswer::List(items) => items.iter().all(|i| matches!(i, RawAnswer::Text(_))),
        _ => true,
    }
}

/// Rewrites the reader's words for a person: the profile question's expected value and the
/// value the file has, or the nearest profile question to a misspelt key.
fn explain(mut e: InputError, top: &serde_json::Map<String, Value>) -> InputError {
    let inputs = &crate::scope::scope_text().inputs;
    if let Some(key) = e.path.strip_prefix("profile.") {
        if e.code == ErrorCode::UnknownField {
            let hint = closest(key, inputs.iter().map(|i| i.id.as_str()))
                .map(|k| format!(" (did you mean \"{k}\"?)"))
                .unwrap_or_default();
            e.message = format!(
                "the checker has no profile question \"{key}\"{hint}; a misspelt key would silently change the \
                 scope decision, so the file is refused"
            );
        } else if let (Some(input), Some(found)) =
            (inputs.iter().find(|i| i.id == key), top.get("profile").and_then(|p| p.get(key)))
        {
            let expected = match input.kind.as_str() {
                "bool" => "true or false".to_string(),
                "number" => "a number of zero or more".to_string(),
                "enum" => format!("one of {}", input.values.join(", ")),
                _ => "a date written YYYY-MM-DD".to_string(),
            };
            e.message = format!("expected {expected}; the file has {}", kind(found));
        }
        return e;
    }
    if e.code == ErrorCode::MissingField && e.path == "pack" {
        e.message = "a file of answers names its rule pack, e.g. \"pack\": \"gpai-cop-final\"".into();
        return e;
    }
    let expected = match e.path.as_str() {
        "pack" => "the id of a rule pack, e.g. \"gpai-cop-final\"",
        "packVersion" | "title" => "a text",
        "profile" => "an object of profile answers by question id",
        "answers" => "an object of answers by question id",
        "assessmentDate" => "a real calendar date written YYYY-MM-DD",
        _ => return e,
    };
    if let Some(found) = top.get(e.path.as_str()) {
        if matches!(e.code, ErrorCode::InvalidType | ErrorCode::InvalidValue) {
            e.message = format!("must be {expected}; the file has {}", kind(found));
        }
    }
    e
}

/// A value as a message names it: short, texts quoted.
fn kind(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Array(_) => "a JSON list".into(),
        Value::Object(_) => "an object".into(),
        Value::String(s) if s.chars().count() > 60 => {
            format!("the text \"{}…\"", s.chars().take(57).collect::<String>())
        }
        Value::String(s) => format!("the text \"{s}\""),
        Value::Bool(b) => b.to_string(),
        Value::Number(_) => crate::json::to_string(value).map(|n| format!("the number {n}")).unwrap_or_default(),
    }
}

/// The candidate nearest to a misspelt key (at most 3 edits away), if any; the first of equals.
pub(crate) fn closest<'a>(key: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best = None;
    let mut best_distance = 4;
    for candidate in candidates {
        let d = edit_distance(key, candidate);
        if d < best_distance {
            best = Some(candidate);
            best_distance = d;
        }
    }
    best
}

/// The Levenshtein distance between two texts, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut row = Vec::with_capacity(b.len() + 1);
        row.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            row.push(substitute.min(previous[j + 1] + 1).min(row[j] + 1));
        }
        previous = row;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("is_sme", "is_sme"), 0);
        assert_eq!(edit_distance("is_smee", "is_sme"), 1);
        assert_eq!(edit_distance("answer", "answers"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn closest_takes_the_nearest_within_three_edits_or_none() {
        assert_eq!(closest("is_smee", ["is_sme", "is_small_mid_cap"]), Some("is_sme"));
        assert_eq!(closest("answer", SUBMISSION_FIELDS), Some("answers"));
        assert_eq!(closest("something_else", SUBMISSION_FIELDS), None);
    }

    #[test]
    fn kind_quotes_texts_and_shortens_long_ones() {
        assert_eq!(kind(&Value::from("NaN")), "the text \"NaN\"");
        assert_eq!(kind(&Value::from(2)), "the number 2");
        assert!(kind(&Value::from("x".repeat(100))).ends_with("xxx…\""));
        assert_eq!(kind(&serde_json::json!([1])), "a JSON list");
    }
}
