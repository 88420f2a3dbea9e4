//! gpai-check: checks a GPAI model provider's answers against the EU General-Purpose AI Code
//! of Practice and the AI Act obligations behind it.
//!
//! The boundary rule: this crate's core knows nothing of JavaScript. Only `wasm.rs` (compiled
//! for `wasm32` alone) touches wasm-bindgen or js-sys; it reads JS input, calls the functions
//! below and returns plain data. The law lives in data (`src/packs/`), not in code: the scope
//! decision's logic is code, its texts are data; measures, requirements, questions and KPIs
//! are data only.
//!
//! One call per user action: [`evaluate`] does the whole evaluation at once.

pub mod answers;
pub mod answers_file;
pub mod changes;
pub mod date;
pub mod documents;
pub mod error;
pub mod evaluate;
mod json;
pub mod locale;
pub mod markdown;
pub mod messages;
pub mod number;
pub mod oscal;
pub mod pack;
pub mod profile;
pub mod report;
pub mod scope;
pub mod submission;
pub mod verify;

/// The JavaScript boundary (wasm32 only); public so that the boundary tests can call it.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{ErrorCode, InputError};
pub use pack::model::Pack;
pub use profile::Profile;
pub use report::Report;
pub use scope::ScopeResult;
pub use submission::Submission;

/// Decides which AI Act obligations apply to the profile, and why.
///
/// # Errors
/// `invalid_value` for impossible values (negative or non-finite compute, bad dates).
pub fn scope(profile: &Profile) -> Result<ScopeResult, InputError> {
    profile.validate()?;
    Ok(scope::decide(profile))
}

/// Evaluates a submission against the built-in pack it names.
///
/// # Errors
/// `unknown_pack`, `pack_version_mismatch`, or a validation error of the submission.
pub fn evaluate(submission: &Submission) -> Result<Report<'static>, InputError> {
    evaluate_text(submission).map(|(report, _)| report)
}

/// As [`evaluate`], and the report's JSON text (byte for byte what `serde_json::to_string(&report)` writes).
///
/// # Errors
/// As [`evaluate`].
pub fn evaluate_text(submission: &Submission) -> Result<(Report<'static>, String), InputError> {
    Ok(evaluate::evaluate_with_text(pack_of(submission)?, submission))
}

/// The report's JSON text without sealing it: `digest` is empty, and the text is the canonical
/// form the digest would be computed over. The fast call for every change a person makes;
/// seal ([`evaluate`], [`evaluate_text`], a bundle) where a result leaves the page.
///
/// # Errors
/// As [`evaluate`].
pub fn evaluate_unsealed_text(submission: &Submission) -> Result<String, InputError> {
    let report = evaluate::evaluate_with(pack_of(submission)?, submission);
    // Writing plain structs, vectors and numbers cannot fail (only a map key can).
    Ok(json::to_string(&report).unwrap_or_default())
}

/// The submission checked, and the built-in pack it names.
fn pack_of(submission: &Submission) -> Result<&'static Pack, InputError> {
    submission.validate()?;
    let pack = pack::get(&submission.pack, "pack")?;
    if let Some(v) = &submission.pack_version {
        if v != &pack.version {
            return Err(InputError::new(
                ErrorCode::PackVersionMismatch,
                "packVersion",
                format!(
                    "the answers were given for {} version {v}, but this checker has version {}; \
                     migrate the answers or drop packVersion",
                    pack.id, pack.version
                ),
            ));
        }
    }
    Ok(pack)
}

/// Parses a submission from JSON text and evaluates it.
///
/// # Errors
/// As [`Submission::from_json`] and [`evaluate`].
pub fn evaluate_json(text: &str) -> Result<Report<'static>, InputError> {
    evaluate(&Submission::from_json(text)?)
}

/// Parses a submission from the bytes of a file (UTF-8 JSON) and evaluates it.
///
/// # Errors
/// As [`Submission::from_slice`] and [`evaluate`].
pub fn evaluate_bytes(bytes: &[u8]) -> Result<Report<'static>, InputError> {
    evaluate(&Submission::from_slice(bytes)?)
}

/// The report as an OSCAL assessment-results document (see [`oscal`] for the mapping).
pub fn oscal_assessment_results(report: &Report) -> serde_json::Value {
    let published = pack::get(&report.pack_id, "packId").map(|p| p.publication_date.clone()).unwrap_or_default();
    let date = if published.is_empty() { "1970-01-01".to_string() } else { published };
    oscal::assessment_results(report, &date)
}

/// Renders a report as Markdown for people, in English.
pub fn report_markdown(report: &Report) -> String {
    markdown::render(report)
}

/// Renders a report as Markdown for people in a language (`None`: English); texts the locale
/// lacks stay English, and the header says the language and its status.
pub fn report_markdown_in(report: &Report, locale: Option<&locale::Locale>) -> String {
    markdown::render_in(report, locale)
}
