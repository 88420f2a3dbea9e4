//! Errors for unusable input: the second of the three tiers (house style).
//!
//! Problems in a provider's answers are findings in the report, never errors. An `InputError`
//! means the input cannot be evaluated at all: wrong shape, unknown pack, unsupported version,
//! impossible values. It always names the offending field path.

use std::fmt;

/// Why an input cannot be used, with a stable machine code and the path of the bad field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Stable code, e.g. `unknown_field`; never changes meaning.
    pub code: ErrorCode,
    /// Path of the offending field, e.g. `profile.training_compute_flop` (empty for the root).
    pub path: String,
    /// A sentence a person can act on.
    pub message: String,
}

/// The stable error codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The text is not JSON, or not UTF-8.
    InvalidJson,
    /// A field has the wrong type (e.g. a string where a number belongs).
    InvalidType,
    /// A required field is missing.
    MissingField,
    /// A field that the format does not know (often a typo).
    UnknownField,
    /// A value of the right type that is not allowed (negative compute, NaN, impossible date).
    InvalidValue,
    /// No built-in pack has that id.
    UnknownPack,
    /// The pack id exists, but not in the requested version.
    PackVersionMismatch,
    /// The input exceeds a documented size limit.
    TooLarge,
    /// Lists and objects are nested deeper than the limit (`limits().maxDepth`, 127).
    TooDeep,
    /// A pack file breaks the pack format's own rules (duplicate ids, dangling references).
    InvalidPack,
    /// What a renderer was given is not the engine's own evaluation: a report handed in, or a
    /// bundle whose report does not verify.
    NotVerified,
}

impl ErrorCode {
    /// Every code.
    pub const ALL: [ErrorCode; 11] = [
        Self::InvalidJson,
        Self::InvalidType,
        Self::MissingField,
        Self::UnknownField,
        Self::InvalidValue,
        Self::UnknownPack,
        Self::PackVersionMismatch,
        Self::TooLarge,
        Self::TooDeep,
        Self::InvalidPack,
        Self::NotVerified,
    ];

    /// The code as it appears on the JS `Error` (`error.code`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidJson => "invalid_json",
            Self::InvalidType => "invalid_type",
            Self::MissingField => "missing_field",
            Self::UnknownField => "unknown_field",
            Self::InvalidValue => "invalid_value",
            Self::UnknownPack => "unknown_pack",
            Self::PackVersionMismatch => "pack_version_mismatch",
            Self::TooLarge => "too_large",
            Self::TooDeep => "too_deep",
            Self::InvalidPack => "invalid_pack",
            Self::NotVerified => "not_verified",
        }
    }
}

impl InputError {
    /// An error of `code` at `path`.
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code, path: path.into(), message: message.into() }
    }

    /// Classifies a serde message and attaches the path the reader was at.
    pub(crate) fn from_serde(path: String, message: String) -> Self {
        // A missing or repeated field is named in the message, not in the path: name it there too.
        let named = ["missing field `", "duplicate field `"]
            .iter()
            .find_map(|prefix| message.strip_prefix(prefix).and_then(|m| m.split('`').next()));
        let path = match named {
            Some(field) if path.is_empty() => field.to_string(),
            Some(field) => format!("{path}.{field}"),
            None => path,
        };
        let starts = |p: &str| message.starts_with(p);
        let code = if starts("unknown field") {
            ErrorCode::UnknownField
        } else if starts("missing field") {
            ErrorCode::MissingField
        } else if starts("invalid type") {
            ErrorCode::InvalidType
        } else if starts("unknown variant") || starts("number out of range") || starts("invalid value") {
            ErrorCode::InvalidValue
        } else if message.contains("recursion limit") {
            return Self::too_deep(path);
        } else {
            // Syntax: "expected ...", "EOF while parsing", "trailing characters", "duplicate field",
            // control characters, lone surrogates.
            ErrorCode::InvalidJson
        };
        Self { code, path, message }
    }

    /// Lists and objects nested deeper than the limit, at `path` (a shortened path, see
    /// `json::deep_path`). The same code and words whether JSON text or a JS value was too deep.
    pub fn too_deep(path: impl Into<String>) -> Self {
        Self::new(
            ErrorCode::TooDeep,
            path,
            format!("lists and objects are nested deeper than the limit of {} levels", crate::json::MAX_DEPTH),
        )
    }

    /// Prefixes the path with an outer field name.
    pub(crate) fn within(mut self, outer: &str) -> Self {
        self.path = if self.path.is_empty() { outer.to_string() } else { format!("{outer}.{}", self.path) };
        self
    }
}

/// Parses JSON text into `T`, turning a failure into an [`InputError`] with the field path.
/// `with_position` adds "at line L column C" (useful for files people wrote; noise for JSON the
/// wasm adapter produced itself).
pub(crate) fn parse_json<'de, T: serde::Deserialize<'de>>(
    text: &'de str,
    with_position: bool,
) -> Result<T, InputError> {
    // Depth first, wherever it is: an answer nested too deep is refused like a profile field
    // nested too deep, and like the same value handed over from JavaScript.
    if let Some(path) = crate::json::too_deep_at(text) {
        return Err(InputError::too_deep(path));
    }
    crate::json::from_str(text).map_err(|(e, reader)| {
        let mut message = e.to_string();
        if with_position {
            let (line, column) = reader.position();
            message = format!("{message} at line {line} column {column}");
        }
        InputError::from_serde(reader.path(), message)
    })
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_declared_for_typescript() {
        let types = include_str!("types.d.ts");
        for code in ErrorCode::ALL {
            assert!(types.contains(&format!("\"{}\"", code.as_str())), "src/types.d.ts lacks {}", code.as_str());
        }
    }

    #[test]
    fn too_deep_json_is_refused_wherever_it_is_naming_where_it_starts() {
        let deep = |open: &str, close: &str, n: usize| format!("{}1{}", open.repeat(n), close.repeat(n));
        // In an answer (skipped when read), in the profile (a field of the wrong type), anywhere.
        let answer = format!(r#"{{"pack": "p", "answers": {{"q": {}}}}}"#, deep("[", "]", 100_000));
        let e = parse_json::<crate::Submission>(&answer, true).unwrap_err();
        assert_eq!(e.code, ErrorCode::TooDeep);
        assert_eq!(e.path, "answers.q[0][0][0][0][0][0]…");
        assert_eq!(
            e.to_string(),
            "answers.q[0][0][0][0][0][0]…: lists and objects are nested deeper than the limit of 127 levels"
        );
        let keys = format!(r#"{{"answers": {}}}"#, deep(r#"{"a": "#, "}", 200));
        let e = parse_json::<crate::Submission>(&keys, true).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::TooDeep, "answers.a.a.a.a.a.a.a…"));
        // 127 levels are allowed; the first list past them is named, after its siblings.
        let fits = format!(r#"{{"pack": "gpai-cop-final", "answers": {{"q": {}}}}}"#, deep("[", "]", 125));
        assert_ne!(parse_json::<crate::Submission>(&fits, true).map_err(|e| e.code), Err(ErrorCode::TooDeep));
        let e = parse_json::<crate::Submission>(r#"{"x": [1, {"b,\"[": 2}, [3]]}"#, false).map(|_| ()).unwrap_err();
        assert_ne!(e.code, ErrorCode::TooDeep, "brackets and commas inside strings do not count");
        let short = crate::json::too_deep_at(&format!(r#"[0, {{"n": 1, "k\"e,y": {}}}]"#, deep("[", "]", 126)));
        assert_eq!(short.as_deref(), Some("[1].k\"e,y[0][0][0][0][0][0]…"));
    }
}
