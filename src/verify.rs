//! Verifiable results: a bundle carries a submission and the report computed from it; `verify`
//! computes the report again with the built-in pack and says whether it matches, naming the
//! first difference.
//!
//! What this proves: the report is exactly what this engine version and this pack give for
//! these answers (nothing was edited, nothing was computed with another pack or engine). What
//! it does not prove: that the answers are true.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::InputError;
use crate::report::ENGINE_VERSION;
use crate::submission::Submission;

/// A result as a portal receives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResultBundle {
    /// What the provider submitted.
    pub submission: Submission,
    /// The report as received (kept as plain JSON so that any change to it is visible).
    pub report: Value,
    /// The pack id the report claims.
    pub pack_id: String,
    /// The pack digest the report claims.
    pub pack_digest: String,
    /// The engine version that claims to have computed it.
    pub engine_version: String,
}

/// The verdict of [`verify`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The report is exactly what this engine and pack compute for the submission.
    Match,
    /// The bundle names another pack, or another version of it.
    PackDiffers,
    /// The bundle names another engine version.
    EngineDiffers,
    /// The report is in another format (format 1, from engine 0.1.x, held the pack's texts):
    /// recompute it from the bundle's submission with this engine.
    FormatDiffers,
    /// The report differs from the recomputed one.
    ReportDiffers,
}

/// The first place where the received report and the recomputed one differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Difference {
    /// JSON path, e.g. `chapters[1].measures[0].status`.
    pub path: String,
    /// The recomputed value.
    pub expected: Value,
    /// The received value.
    pub found: Value,
}

/// What [`verify`] found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// True only for [`Verdict::Match`].
    pub valid: bool,
    /// The verdict.
    pub verdict: Verdict,
    /// One sentence for a person.
    pub message: String,
    /// The first difference, when the reports differ.
    pub first_difference: Option<Difference>,
    /// The digest of the recomputed report (null when it could not be recomputed).
    pub recomputed_digest: Option<String>,
    /// This engine's version.
    pub engine_version: String,
}

/// What a renderer (Markdown, OSCAL) may render: the engine's own evaluation, of a submission or
/// of a bundle that verifies. A report handed in from outside is never rendered as it is: a
/// status edited in JavaScript would come out under the genuine digest.
#[derive(Debug, Clone, PartialEq)]
pub enum Renderable {
    /// Answers: evaluated here.
    Submission(Submission),
    /// A sealed result: rendered only if it verifies.
    Bundle(ResultBundle),
}

impl Renderable {
    /// The submission to render: the one given, or the bundle's.
    pub fn submission(&self) -> &Submission {
        match self {
            Self::Submission(s) => s,
            Self::Bundle(b) => &b.submission,
        }
    }
}

/// The documents of the engine's own evaluation of `input` (see [`crate::documents`]):
/// refused as [`own_report`] refuses.
///
/// # Errors
/// As [`own_report`].
pub fn own_documents(input: &Renderable) -> Result<Vec<crate::documents::Document>, InputError> {
    own_documents_in(input, None)
}

/// As [`own_documents`], in a language (see [`crate::documents::model_documentation_in`]).
///
/// # Errors
/// As [`own_report`].
pub fn own_documents_in(
    input: &Renderable,
    locale: Option<&crate::locale::Locale>,
) -> Result<Vec<crate::documents::Document>, InputError> {
    let report = own_report(input)?;
    let pack = crate::pack::get(&report.pack_id, "pack")?;
    let mut docs = crate::documents::model_documentation_in(pack, input.submission(), &report, locale);
    docs.extend(crate::documents::published_documents_in(pack, input.submission(), &report, locale));
    Ok(docs)
}

/// The engine's own (sealed) report for what a renderer was given.
///
/// # Errors
/// As [`crate::evaluate`]; `not_verified` for a bundle that does not verify, naming the first
/// difference.
pub fn own_report(input: &Renderable) -> Result<crate::Report<'static>, InputError> {
    match input {
        Renderable::Submission(s) => crate::evaluate(s),
        Renderable::Bundle(b) => {
            let v = verify(b)?;
            if !v.valid {
                let path = v.first_difference.as_ref().map_or_else(String::new, |d| d.path.clone());
                return Err(InputError::new(
                    crate::ErrorCode::NotVerified,
                    if path.is_empty() { "report".to_string() } else { format!("report.{path}") },
                    format!("the bundle does not verify ({}), so it is not rendered", v.message),
                ));
            }
            crate::evaluate(&b.submission)
        }
    }
}

/// Wraps a submission and its report into a bundle.
///
/// # Errors
/// As [`crate::evaluate`].
pub fn bundle(submission: &Submission) -> Result<ResultBundle, InputError> {
    let report = crate::evaluate(submission)?;
    Ok(ResultBundle {
        submission: submission.clone(),
        pack_id: report.pack_id.clone(),
        pack_digest: report.pack_digest.clone(),
        engine_version: report.engine_version.clone(),
        report: serde_json::to_value(&report).unwrap_or(Value::Null),
    })
}

fn verdict(verdict: Verdict, message: String, recomputed: Option<String>, diff: Option<Difference>) -> Verification {
    Verification {
        valid: verdict == Verdict::Match,
        verdict,
        message,
        first_difference: diff,
        recomputed_digest: recomputed,
        engine_version: ENGINE_VERSION.to_string(),
    }
}

/// Recomputes the bundle's report and compares. Unusable input (an unknown pack, a submission
/// that cannot be evaluated) is an error; a report that does not match is a verdict.
///
/// # Errors
/// As [`crate::evaluate`] for the bundled submission.
pub fn verify(b: &ResultBundle) -> Result<Verification, InputError> {
    let format = b.report.get("formatVersion").and_then(Value::as_u64).unwrap_or(1);
    if format != u64::from(crate::report::REPORT_FORMAT) {
        let msg = format!(
            "the report is in format {format} (engine {}); this engine writes format {}: evaluate the bundle's submission again to get a report it can verify",
            b.engine_version,
            crate::report::REPORT_FORMAT
        );
        return Ok(verdict(Verdict::FormatDiffers, msg, None, None));
    }
    if b.engine_version != ENGINE_VERSION {
        let msg = format!("computed by engine {}, this is engine {ENGINE_VERSION}", b.engine_version);
        return Ok(verdict(Verdict::EngineDiffers, msg, None, None));
    }
    let pack = crate::pack::get(&b.pack_id, "packId")?;
    if pack.digest != b.pack_digest {
        let msg = format!("the report names pack digest {}, this checker has {}", b.pack_digest, pack.digest);
        return Ok(verdict(Verdict::PackDiffers, msg, None, None));
    }
    let mut submission = b.submission.clone();
    if submission.pack != b.pack_id {
        let msg = format!("the submission names pack {:?}, the bundle {:?}", submission.pack, b.pack_id);
        return Ok(verdict(Verdict::PackDiffers, msg, None, None));
    }
    submission.pack_version.get_or_insert_with(|| pack.version.clone());
    let recomputed = crate::evaluate(&submission).map_err(|e| e.within("submission"))?;
    let expected = serde_json::to_value(&recomputed).unwrap_or(Value::Null);
    // Content first (keys in alphabetical order), the digest last: an edited value is named
    // even when the digest was recomputed to match it, and an edit of the digest alone is
    // found too.
    let (mut expected_content, mut found_content) = (expected.clone(), b.report.clone());
    for v in [&mut expected_content, &mut found_content] {
        if let Some(map) = v.as_object_mut() {
            map.remove("digest");
        }
    }
    let diff = first_difference(&expected_content, &found_content, String::new())
        .or_else(|| first_difference(&expected["digest"], &b.report["digest"], "digest".into()));
    if let Some(diff) = diff {
        let msg = format!("the report differs from the recomputed one at {}", display_path(&diff.path));
        return Ok(verdict(Verdict::ReportDiffers, msg, Some(recomputed.digest.clone()), Some(diff)));
    }
    let msg = "the report is exactly what this engine and pack compute for this submission".to_string();
    Ok(verdict(Verdict::Match, msg, Some(recomputed.digest), None))
}

fn display_path(p: &str) -> &str {
    if p.is_empty() {
        "the top level"
    } else {
        p
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The first difference between two JSON values (object keys in alphabetical order, arrays in
/// order). Numbers compare by value,
/// so `15000000` and `15000000.0` are equal.
pub fn first_difference(expected: &Value, found: &Value, path: String) -> Option<Difference> {
    let differ = || Some(Difference { path: path.clone(), expected: expected.clone(), found: found.clone() });
    match (expected, found) {
        (Value::Number(a), Value::Number(b)) => (a.as_f64() != b.as_f64()).then(differ).flatten(),
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                match b.get(k) {
                    Some(w) => {
                        if let Some(d) = first_difference(v, w, join(&path, k)) {
                            return Some(d);
                        }
                    }
                    None => return Some(Difference { path: join(&path, k), expected: v.clone(), found: Value::Null }),
                }
            }
            b.keys().find(|k| !a.contains_key(*k)).map(|k| Difference {
                path: join(&path, k),
                expected: Value::Null,
                found: b[k].clone(),
            })
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                if let Some(d) = first_difference(v, w, format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (a.len() != b.len()).then(|| Difference {
                path: format!("{path}[{}]", a.len().min(b.len())),
                expected: a.get(b.len()).cloned().unwrap_or(Value::Null),
                found: b.get(a.len()).cloned().unwrap_or(Value::Null),
            })
        }
        _ => (expected != found).then(differ).flatten(),
    }
}
