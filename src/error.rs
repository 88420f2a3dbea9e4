//! Errors for unusable input: the second of the three tiers (house style).
//!
//! Problems in a provider's answers are findings in the report, never errors. An `InputError`
//! means the input cannot be evaluated at all: wrong shape, unknown pack, unsupported version,
//! impossible values. It always names the offending field path.

use std::fmt;

use crate::json::{self, ErrorKind};

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

    /// The JSON reader's error `e`, coded by its kind, at `path` (where the reader was) or at the
    /// field the kind names; `position` (line, column) is added to the message.
    pub(crate) fn from_json(e: &json::Error, path: String, position: Option<(usize, usize)>) -> Self {
        let code = match e.kind() {
            ErrorKind::Syntax(_) => ErrorCode::InvalidJson,
            ErrorKind::InvalidType => ErrorCode::InvalidType,
            ErrorKind::InvalidValue
            | ErrorKind::UnknownVariant { .. }
            | ErrorKind::NumberOutOfRange
            | ErrorKind::Custom => ErrorCode::InvalidValue,
            ErrorKind::UnknownField { .. } => ErrorCode::UnknownField,
            ErrorKind::MissingField(_) => ErrorCode::MissingField,
            // A key given twice: which value was meant is not in the text.
            ErrorKind::DuplicateField(_) => ErrorCode::InvalidJson,
            ErrorKind::TooDeep => return Self::too_deep(path),
        };
        // A missing or repeated field is not where the reader is (it is in the object there).
        let path = match e.kind() {
            ErrorKind::MissingField(field) | ErrorKind::DuplicateField(field) => join(path, field),
            _ => path,
        };
        let message = match position {
            Some((line, column)) => format!("{e} at line {line} column {column}"),
            None => e.to_string(),
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

/// `path.field`, or `field` at the root.
fn join(mut path: String, field: &str) -> String {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(field);
    path
}

/// Parses JSON text into `T`, turning a failure into an [`InputError`] with the field path.
/// `with_position` adds "at line L column C" (useful for files people wrote; noise for JSON the
/// wasm adapter produced itself).
pub(crate) fn parse_json<'de, T: serde::Deserialize<'de>>(
    text: &'de str,
    with_position: bool,
) -> Result<T, InputError> {
    read_json(text, with_position).map_err(|(e, _)| e)
}

/// As [`parse_json`], with the reader's kind of error beside the [`InputError`] made of it, for
/// a caller that words a kind its own way.
pub(crate) fn read_json<'de, T: serde::Deserialize<'de>>(
    text: &'de str,
    with_position: bool,
) -> Result<T, (InputError, ErrorKind)> {
    // Depth first, wherever it is: an answer nested too deep is refused like a profile field
    // nested too deep, and like the same value handed over from JavaScript.
    if let Some(path) = json::too_deep_at(text) {
        return Err((InputError::too_deep(path), ErrorKind::TooDeep));
    }
    json::from_str(text).map_err(|(e, reader)| {
        let position = if with_position { Some(reader.position()) } else { None };
        (InputError::from_json(&e, reader.path(), position), e.kind().clone())
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
    fn each_kind_of_reader_error_has_its_code_and_path() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Shape {
            n: u32,
            pair: Option<(u8, u8)>,
            choice: Option<Choice>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(rename_all = "kebab-case")]
        enum Choice {
            A,
            B,
        }
        let fields: &[&str] = &["n", "pair", "choice"];
        let cases: [(&str, ErrorKind, ErrorCode, &str); 10] = [
            (r#"{"n": }"#, ErrorKind::Syntax("expected value"), ErrorCode::InvalidJson, "n"),
            (r#"{"n": 1} x"#, ErrorKind::Syntax("trailing characters"), ErrorCode::InvalidJson, ""),
            (r#"{"n": "1"}"#, ErrorKind::InvalidType, ErrorCode::InvalidType, "n"),
            (r#"{"n": -1}"#, ErrorKind::InvalidValue, ErrorCode::InvalidValue, "n"),
            (r#"{"n": 1, "pair": [1]}"#, ErrorKind::InvalidValue, ErrorCode::InvalidValue, "pair"),
            (
                r#"{"n": 1, "m": 2}"#,
                ErrorKind::UnknownField { field: "m".into(), expected: fields },
                ErrorCode::UnknownField,
                "m",
            ),
            (r#"{"pair": null}"#, ErrorKind::MissingField("n"), ErrorCode::MissingField, "n"),
            (r#"{"n": 1, "n": 2}"#, ErrorKind::DuplicateField("n"), ErrorCode::InvalidJson, "n"),
            (
                r#"{"n": 1, "choice": "c"}"#,
                ErrorKind::UnknownVariant { variant: "c".into(), expected: &["a", "b"] },
                ErrorCode::InvalidValue,
                "choice",
            ),
            (r#"{"n": 1e999}"#, ErrorKind::NumberOutOfRange, ErrorCode::InvalidValue, "n"),
        ];
        for (text, kind, code, path) in cases {
            let (e, got) = read_json::<Shape>(text, false).unwrap_err();
            assert_eq!((got, e.code, e.path.as_str()), (kind, code, path), "{text}: {e}");
        }
        // Under an outer field, a missing or repeated field is named after the object's path.
        let (e, _) = read_json::<Vec<Shape>>(r#"[{"n": 1}, {"n": 1, "n": 2}]"#, false).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidJson, "[1].n"));
        let (e, _) = read_json::<std::collections::BTreeMap<String, Shape>>(r#"{"x": {}}"#, false).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingField, "x.n"));
        // Too deep for the reader itself (`parse_json` refuses it before reading).
        let deep = format!("{{\"a\": {}1{}}}", "[".repeat(127), "]".repeat(127));
        let (e, reader) = json::from_str::<serde_json::Value>(&deep).map(drop).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::TooDeep);
        let e = InputError::from_json(&e, reader.path(), Some(reader.position()));
        assert_eq!(e, InputError::too_deep(reader.path()));
        assert!(e.path.starts_with("a[0][0]"), "{}", e.path);
    }

    /// A `Deserialize` impl that refuses every value with `words`, through `de::Error::custom`.
    struct Refuses(&'static str);

    impl<'de> serde::de::DeserializeSeed<'de> for Refuses {
        type Value = ();
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            <serde::de::IgnoredAny as serde::Deserialize>::deserialize(d)?;
            Err(serde::de::Error::custom(self.0))
        }
    }

    /// Reads `{"field": <anything>}` with the field's value refused in `words`.
    fn refused_in_words(words: &'static str) -> InputError {
        let text = r#"{"field": 1}"#;
        let mut reader = crate::json::Reader::new(text);
        let e = serde::de::Deserializer::deserialize_map(&mut reader, RefusingMap(words)).unwrap_err();
        InputError::from_json(&e, reader.path(), None)
    }

    /// Visits an object, refusing the value of its one field in `words`.
    struct RefusingMap(&'static str);

    impl<'de> serde::de::Visitor<'de> for RefusingMap {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            map.next_key::<String>()?;
            map.next_value_seed(Refuses(self.0))
        }
    }

    #[test]
    fn a_refusal_in_its_own_words_is_classified_by_its_kind_not_its_words() {
        // Words that read like serde's for other kinds: each is a custom refusal of a value,
        // at the field being read, and its words are kept.
        for words in [
            "unknown field `pack`, expected `title`",
            "missing field `pack`",
            "duplicate field `pack`",
            "invalid type: string \"x\", expected a number",
            "recursion limit exceeded",
            "number out of range",
            "expected value",
        ] {
            let e = refused_in_words(words);
            assert_eq!((e.code, e.path.as_str(), e.message.as_str()), (ErrorCode::InvalidValue, "field", words));
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
        let short = json::too_deep_at(&format!(r#"[0, {{"n": 1, "k\"e,y": {}}}]"#, deep("[", "]", 126)));
        assert_eq!(short.as_deref(), Some("[1].k\"e,y[0][0][0][0][0][0]…"));
    }
}
