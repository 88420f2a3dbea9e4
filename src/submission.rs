//! A submission: which pack, the profile, the answers and the assessment date.
//!
//! Parsing throws (as an [`InputError`] naming the field) only when the submission cannot be
//! evaluated at all; answer problems become findings later.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::answers::RawAnswer;
use crate::date;
use crate::error::{ErrorCode, InputError};
use crate::profile::Profile;

/// The largest submission accepted as JSON text, in bytes.
pub const MAX_SUBMISSION_BYTES: usize = 4 * 1024 * 1024;
/// The largest result bundle accepted as JSON text (`verify`, and the renderers given a bundle),
/// in bytes: three submissions' worth. A bundle is its submission (at most
/// [`MAX_SUBMISSION_BYTES`]) plus that submission's report, which is the pack's own part (about
/// 250 KB for the built-in pack, answered in full) plus what it repeats of the submission: a
/// text answer at most once (in the trace of the requirement that uses it) and each answer's id
/// at most once (in a finding). So every bundle `resultBundle` makes is read back; the Node
/// attack tests build the largest ones and check that each text is repeated at most once.
pub const MAX_BUNDLE_BYTES: usize = 3 * MAX_SUBMISSION_BYTES;
/// The most answers a submission may carry.
pub const MAX_ANSWERS: usize = 5_000;
/// The longest title accepted, in characters (Unicode code points, as `chars()` counts them).
pub const MAX_TITLE_CHARS: usize = 500;

/// The engine's limits on its input, as `limits()` hands them to JavaScript: the page uses these
/// instead of constants of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// [`MAX_SUBMISSION_BYTES`]: a submission as JSON text (UTF-8), or an answers file.
    pub max_submission_bytes: usize,
    /// [`MAX_BUNDLE_BYTES`]: a result bundle as JSON text (UTF-8).
    pub max_bundle_bytes: usize,
    /// [`MAX_ANSWERS`].
    pub max_answers: usize,
    /// [`MAX_TITLE_CHARS`], in Unicode code points (Rust's `chars()`), not UTF-16 code units.
    pub max_title_chars: usize,
    /// The longest text answer, in code points.
    pub max_text_chars: usize,
    /// The longest number text (docs/numbers.md), in code points.
    pub max_number_chars: usize,
    /// How deep lists and objects may nest, the submission itself counting as 1.
    pub max_depth: u32,
}

/// The limits the engine applies.
pub const LIMITS: Limits = Limits {
    max_submission_bytes: MAX_SUBMISSION_BYTES,
    max_bundle_bytes: MAX_BUNDLE_BYTES,
    max_answers: MAX_ANSWERS,
    max_title_chars: MAX_TITLE_CHARS,
    max_text_chars: crate::answers::MAX_TEXT_CHARS,
    max_number_chars: crate::number::MAX_NUMBER_CHARS,
    max_depth: crate::json::MAX_DEPTH,
};

/// What `evaluate` takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Submission {
    /// The pack id, e.g. `gpai-cop-final`.
    pub pack: String,
    /// The pack version the answers were given for; must match the built-in pack if present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_version: Option<String>,
    /// A name for this assessment (usually the model's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The scope profile.
    #[serde(default)]
    pub profile: Profile,
    /// Answers by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, RawAnswer>,
    /// `YYYY-MM-DD`; overrides `profile.assessment_date`. Without it, nothing depends on today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_date: Option<String>,
}

impl Submission {
    /// Parses a submission from JSON text.
    ///
    /// # Errors
    /// `too_large`, `invalid_json`, `invalid_type`, `missing_field`, `unknown_field`,
    /// `invalid_value`, each with the field path.
    pub fn from_json(text: &str) -> Result<Submission, InputError> {
        if text.len() > MAX_SUBMISSION_BYTES {
            return Err(InputError::new(
                ErrorCode::TooLarge,
                "",
                format!("the submission is {} bytes; the limit is {MAX_SUBMISSION_BYTES}", text.len()),
            ));
        }
        let s: Submission = crate::error::parse_json(text, true)?;
        s.validate()?;
        Ok(s)
    }

    /// Parses a submission from bytes as read from a file: UTF-8 (a byte-order mark is
    /// allowed), then JSON.
    ///
    /// # Errors
    /// `too_large`, or `invalid_json` naming the first byte that is not UTF-8, then as
    /// [`Submission::from_json`].
    pub fn from_slice(bytes: &[u8]) -> Result<Submission, InputError> {
        Self::from_json(file_text(bytes)?)
    }

    /// Checks what types cannot: limits, dates, profile values.
    ///
    /// # Errors
    /// The first problem, with its path.
    pub fn validate(&self) -> Result<(), InputError> {
        if self.pack.trim().is_empty() {
            return Err(InputError::new(ErrorCode::InvalidValue, "pack", "name a pack id, e.g. \"gpai-cop-final\""));
        }
        if self.answers.len() > MAX_ANSWERS {
            return Err(InputError::new(
                ErrorCode::TooLarge,
                "answers",
                format!("{} answers; the limit is {MAX_ANSWERS}", self.answers.len()),
            ));
        }
        if self.title.as_ref().is_some_and(|t| t.chars().count() > MAX_TITLE_CHARS) {
            return Err(InputError::new(ErrorCode::TooLarge, "title", format!("at most {MAX_TITLE_CHARS} characters")));
        }
        if let Some(d) = &self.assessment_date {
            if !date::is_valid(d) {
                return Err(InputError::new(
                    ErrorCode::InvalidValue,
                    "assessmentDate",
                    "must be a real calendar date written YYYY-MM-DD",
                ));
            }
        }
        self.profile.validate().map_err(|e| e.within("profile"))
    }
}

/// The text of a file's bytes: at most [`MAX_SUBMISSION_BYTES`], UTF-8 (a byte-order mark is
/// allowed and dropped). Shared by every reader of files, so they refuse the same bytes alike.
///
/// # Errors
/// `too_large`, or `invalid_json` naming the first byte that is not UTF-8.
pub(crate) fn file_text(bytes: &[u8]) -> Result<&str, InputError> {
    check_file_size(bytes.len())?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        InputError::new(
            ErrorCode::InvalidJson,
            "",
            format!("the file is not UTF-8 text (invalid byte at position {})", e.valid_up_to()),
        )
    })
}

/// A size as a person reads it: "6.0 MB" (MiB, one decimal, rounded down; no float formatting).
fn megabytes(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    format!("{}.{} MB", bytes / MIB, bytes % MIB * 10 / MIB)
}

/// Refuses a file of `bytes` bytes when it is larger than [`MAX_SUBMISSION_BYTES`]: callers that
/// hold a file outside the engine's memory ask before copying it in.
///
/// # Errors
/// `too_large`, with the file's size and the limit.
pub fn check_file_size(bytes: usize) -> Result<(), InputError> {
    if bytes > MAX_SUBMISSION_BYTES {
        return Err(InputError::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "the file is {} ({bytes} bytes); the limit is {} ({MAX_SUBMISSION_BYTES} bytes)",
                megabytes(bytes),
                megabytes(MAX_SUBMISSION_BYTES)
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_title(title: String) -> Submission {
        Submission { pack: "gpai-cop-final".into(), title: Some(title), ..Submission::default() }
    }

    #[test]
    fn a_title_is_counted_in_code_points_so_500_emoji_fit_and_501_do_not() {
        // Each emoji is one code point, two UTF-16 code units and four UTF-8 bytes.
        assert!(with_title("😀".repeat(MAX_TITLE_CHARS)).validate().is_ok());
        let e = with_title("😀".repeat(MAX_TITLE_CHARS + 1)).validate().unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::TooLarge, "title"));
    }

    #[test]
    fn the_limits_handed_to_javascript_are_the_ones_applied() {
        let text = crate::json::to_string(&LIMITS).unwrap();
        assert_eq!(
            text,
            r#"{"maxSubmissionBytes":4194304,"maxBundleBytes":12582912,"maxAnswers":5000,"maxTitleChars":500,"maxTextChars":20000,"maxNumberChars":64,"maxDepth":127}"#
        );
    }
}
