//! The JSON reader for every input and the embedded packs: a serde `Deserializer` over text
//! that knows where it is.
//!
//! It keeps the path of the value being read (`profile.training_compute_flop`, `answers[2]`), so
//! an error names the field without a wrapping deserializer. It replaces serde_json's reader
//! and serde_path_to_error's wrapper around it, which were compiled again for every input type.
//! Its parsing is in plain functions, with only thin dispatch in the generic methods.
//!
//! It reads what serde_json reads, with the same limits: strict JSON (no NaN, no trailing
//! commas, no comments), lists and objects nested at most 127 deep (values that are skipped may
//! nest deeper; inputs are checked for depth before they are read, see [`too_deep_at`]), integers as `u64`/`i64` and everything else as a correctly rounded `f64`; a
//! number too large for `f64` is "out of range" (when skipped, only its syntax is checked). One
//! difference: a lone surrogate escape (`"\ud800"`) is refused even in a skipped value, where
//! serde_json lets it pass. Its tests compare it with serde_json. The writer is in [`write`].

mod write;

pub(crate) use write::to_string;

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Expected, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::forward_to_deserialize_any;

/// How deep lists and objects may nest, counting the outermost as 1 (serde_json's limit).
pub(crate) const MAX_DEPTH: u32 = 127;

/// What went wrong, as a kind to decide on and in serde's words to show; the reader knows
/// where (see [`Reader::path`]). Boxed, like serde_json's, so that every `Result` of the reader
/// is one pointer wide.
#[derive(Debug)]
pub(crate) struct Error(Box<Failure>);

/// An [`Error`]'s contents.
#[derive(Debug)]
struct Failure {
    kind: ErrorKind,
    /// serde's words for the kinds that derived `Deserialize` impls report; empty for the
    /// reader's own errors, whose words are fixed by their kind.
    words: String,
}

/// Why a text could not be read: decided by the reader and by the `de::Error` method a
/// `Deserialize` impl called, never by the words of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    /// Not JSON: what the reader expected or found instead (`expected value`, `trailing comma`).
    Syntax(&'static str),
    /// A value of the wrong type (a string where a number belongs).
    InvalidType,
    /// A value of the right type that is not allowed, or a list of the wrong length.
    InvalidValue,
    /// An object key the type does not have, and the keys it has.
    UnknownField { field: String, expected: &'static [&'static str] },
    /// A field the type requires.
    MissingField(&'static str),
    /// A name that is not one of an enum's variants, and the ones it has.
    UnknownVariant { variant: String, expected: &'static [&'static str] },
    /// A field given twice in one object.
    DuplicateField(&'static str),
    /// A number too large for `f64`.
    NumberOutOfRange,
    /// Lists and objects nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Any other refusal by a `Deserialize` impl, in its own words.
    Custom,
}

impl Error {
    /// Why the text could not be read.
    pub(crate) fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    fn new(kind: ErrorKind, words: String) -> Self {
        Error(Box::new(Failure { kind, words }))
    }
}

/// serde's wording of an error: its `de::Error` methods' default texts, which
/// [`Error`]'s own methods keep beside the kind.
#[derive(Debug)]
struct Words(String);

impl de::Error for Words {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Words(msg.to_string())
    }
}

impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Words {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::new(ErrorKind::Custom, Words::custom(msg).0)
    }
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Error::new(ErrorKind::InvalidType, Words::invalid_type(unexp, exp).0)
    }
    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Error::new(ErrorKind::InvalidValue, Words::invalid_value(unexp, exp).0)
    }
    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        Error::new(ErrorKind::InvalidValue, Words::invalid_length(len, exp).0)
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let words = Words::unknown_variant(variant, expected).0;
        Error::new(ErrorKind::UnknownVariant { variant: variant.to_owned(), expected }, words)
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let words = Words::unknown_field(field, expected).0;
        Error::new(ErrorKind::UnknownField { field: field.to_owned(), expected }, words)
    }
    fn missing_field(field: &'static str) -> Self {
        Error::new(ErrorKind::MissingField(field), Words::missing_field(field).0)
    }
    fn duplicate_field(field: &'static str) -> Self {
        Error::new(ErrorKind::DuplicateField(field), Words::duplicate_field(field).0)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0.kind {
            ErrorKind::Syntax(what) => what,
            ErrorKind::NumberOutOfRange => "number out of range",
            ErrorKind::TooDeep => "recursion limit exceeded",
            _ => &self.0.words,
        })
    }
}

impl std::error::Error for Error {}

/// One step of the path: an object key (by the offset of its opening quote) or a list index.
enum Step {
    Key(usize),
    Index(usize),
}

/// One step of a path, as text: an object key or a list index.
pub(crate) enum PathStep<'a> {
    /// An object key, unescaped.
    Key(Cow<'a, str>),
    /// A list index.
    Index(usize),
}

/// Appends a step to a path in serde_path_to_error's notation: `a.b[2].c`.
fn push_step(out: &mut String, step: PathStep<'_>) {
    match step {
        PathStep::Index(i) => out.push_str(&format!("[{i}]")),
        PathStep::Key(key) => {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&key);
        }
    }
}

/// The key whose opening quote is at `at` ("" should it not be a string).
fn key_at(text: &str, at: usize) -> Cow<'_, str> {
    if text.as_bytes().get(at) != Some(&b'"') {
        return Cow::Borrowed("");
    }
    let mut r = Reader::new(text);
    r.pos = at;
    r.string().unwrap_or_default()
}

/// The path these steps lead to, in the notation of every error: `a.b[2].c`. Only the JS
/// boundary walks a value by steps.
#[cfg(target_arch = "wasm32")]
pub(crate) fn path<'a>(steps: impl IntoIterator<Item = PathStep<'a>>) -> String {
    let mut out = String::new();
    for step in steps {
        push_step(&mut out, step);
    }
    out
}

/// How many steps the path of a too-deep value names before it ends in "…".
const DEEP_PATH_STEPS: usize = 8;

/// The path of a value nested too deep: its first steps (enough to say where it starts), then
/// "…" instead of the hundred-odd steps that follow.
pub(crate) fn deep_path<'a>(steps: impl IntoIterator<Item = PathStep<'a>>) -> String {
    let mut out = String::new();
    for (n, step) in steps.into_iter().enumerate() {
        if n == DEEP_PATH_STEPS {
            out.push('…');
            break;
        }
        push_step(&mut out, step);
    }
    out
}

/// Where `text` nests lists and objects deeper than [`MAX_DEPTH`]: the [`deep_path`] of the first
/// list or object past the limit, in the order of the text; `None` when nothing is that deep.
///
/// It looks only at brackets, strings and commas, before anything is read, so a too-deep input
/// is refused the same way wherever the depth is: in a value that is read, in one that is
/// skipped (an answer nested in a list), or in one of the wrong type. Syntax is left to the
/// reader. No recursion: 100,000 brackets are a loop of 100,000 steps.
pub(crate) fn too_deep_at(text: &str) -> Option<String> {
    // The open lists and objects: a list's current index, an object's current key (the offset
    // of its opening quote, once read).
    enum Open {
        List(usize),
        Object(Option<usize>),
    }
    let bytes = text.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    // Whether the next string is a key of the innermost object.
    let mut key_next = false;
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        match b {
            b'"' => {
                let start = pos;
                pos = plain_run_end(bytes, pos + 1);
                while let Some(&c) = bytes.get(pos) {
                    match c {
                        b'"' => break,
                        b'\\' => pos += 2,
                        _ => pos += 1,
                    }
                    pos = plain_run_end(bytes, pos);
                }
                if key_next {
                    if let Some(Open::Object(key)) = open.last_mut() {
                        *key = Some(start);
                    }
                    key_next = false;
                }
            }
            b'[' | b'{' => {
                if open.len() >= MAX_DEPTH as usize {
                    return Some(deep_path(open.iter().map(|o| match o {
                        Open::List(i) => PathStep::Index(*i),
                        Open::Object(key) => PathStep::Key(key.map_or(Cow::Borrowed(""), |at| key_at(text, at))),
                    })));
                }
                key_next = b == b'{';
                open.push(if key_next { Open::Object(None) } else { Open::List(0) });
            }
            b']' | b'}' => {
                open.pop();
                key_next = false;
            }
            b',' => match open.last_mut() {
                Some(Open::List(i)) => *i += 1,
                Some(Open::Object(_)) => key_next = true,
                None => {}
            },
            _ => {}
        }
        pos += 1;
    }
    None
}

/// Reads one JSON value from `text` into any `Deserialize` type.
pub(crate) struct Reader<'de> {
    text: &'de str,
    pos: usize,
    depth: u32,
    path: Vec<Step>,
}

enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

/// The reader's own error of `kind` (its words are the kind's).
fn reader_error(kind: ErrorKind) -> Error {
    Error::new(kind, String::new())
}

/// Not JSON: `what` was expected, or found instead.
fn syntax(what: &'static str) -> Error {
    reader_error(ErrorKind::Syntax(what))
}

/// The end of the run of plain string characters (not `"`, `\\` or a control character) that
/// starts at `pos`. Eight bytes at a time: strings are most of a pack's text, and the first
/// evaluation in the page parses the pack in V8's baseline compiler.
fn plain_run_end(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether any byte of `v` is zero, or below `n` (exact for n <= 128).
    let below = |v: u64, n: u8| v.wrapping_sub(ONES * u64::from(n)) & !v & HIGH;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if below(v ^ (ONES * u64::from(b'"')), 1) | below(v ^ (ONES * u64::from(b'\\')), 1) | below(v, 0x20) != 0 {
            break;
        }
        pos += 8;
    }
    while bytes.get(pos).is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20) {
        pos += 1;
    }
    pos
}

/// What must follow a value inside the list or object that `close` ends.
fn separator_expected(close: u8) -> &'static str {
    if close == b']' {
        "expected `,` or `]`"
    } else {
        "expected `,` or `}`"
    }
}

impl<'de> Reader<'de> {
    pub(crate) fn new(text: &'de str) -> Self {
        Self { text, pos: 0, depth: 0, path: Vec::with_capacity(16) }
    }

    /// The next byte after whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(self.pos) {
            self.pos += 1;
        }
        bytes.get(self.pos).copied()
    }

    /// Consumes `byte` after whitespace, or fails with `msg`.
    fn expect(&mut self, byte: u8, msg: &'static str) -> Result<(), Error> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.end_or(msg))
        }
    }

    /// `msg`, or "EOF while parsing" when the text has ended.
    fn end_or(&self, msg: &'static str) -> Error {
        syntax(if self.pos >= self.text.len() { "EOF while parsing a value" } else { msg })
    }

    /// Consumes the literal `word` (`null`, `true`, `false`).
    fn word(&mut self, word: &str) -> Result<(), Error> {
        if self.text.as_bytes()[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.end_or("expected value"))
        }
    }

    /// Reads `true` or `false`; the reader is at its first letter.
    fn boolean(&mut self) -> Result<bool, Error> {
        let value = self.text.as_bytes()[self.pos] == b't';
        self.word(if value { "true" } else { "false" })?;
        Ok(value)
    }

    /// Reads a string; the reader is at its opening quote. Borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'de, str>, Error> {
        let bytes = self.text.as_bytes();
        self.pos += 1;
        let start = self.pos;
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            self.pos = plain_run_end(bytes, self.pos);
            let Some(&b) = bytes.get(self.pos) else {
                return Err(syntax("EOF while parsing a string"));
            };
            match b {
                b'"' => {
                    let tail = &self.text[run..self.pos];
                    self.pos += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    let escaped = match bytes.get(self.pos) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            s.push(c);
                            run = self.pos;
                            continue;
                        }
                        Some(_) => return Err(syntax("invalid escape")),
                        None => return Err(syntax("EOF while parsing a string")),
                    };
                    s.push(escaped);
                    self.pos += 1;
                    run = self.pos;
                }
                _ => return Err(syntax("control character (\\u0000-\\u001F) found while parsing a string")),
            }
        }
    }

    /// Four hex digits, then the low half of a surrogate pair when the first is a high half.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                if !self.text[self.pos..].starts_with("\\u") {
                    return Err(syntax("lone leading surrogate in hex escape"));
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(syntax("lone leading surrogate in hex escape"));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(syntax("lone trailing surrogate in hex escape")),
            c => c,
        };
        char::from_u32(code).ok_or_else(|| syntax("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or_else(|| syntax("EOF while parsing a string"))?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(syntax("invalid escape"));
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| syntax("invalid escape"))
    }

    /// Reads a number's literal by JSON's grammar, and whether it is an integer. Skipping stops
    /// here, as in serde_json: a skipped 1e999 is not out of range.
    fn number_literal(&mut self) -> Result<(&'de str, bool), Error> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let digits = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos - from
        };
        let mut pos = start;
        let negative = bytes.get(pos) == Some(&b'-');
        if negative {
            pos += 1;
        }
        let leading_zero = bytes.get(pos) == Some(&b'0');
        let whole = digits(&mut pos);
        if whole == 0 || (leading_zero && whole > 1) {
            self.pos = pos;
            return Err(self.end_or("invalid number"));
        }
        let mut integer = true;
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            integer = false;
            if digits(&mut pos) == 0 {
                self.pos = pos;
                return Err(self.end_or("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(pos) {
            pos += 1;
            integer = false;
            if let Some(b'+' | b'-') = bytes.get(pos) {
                pos += 1;
            }
            if digits(&mut pos) == 0 {
                self.pos = pos;
                return Err(self.end_or("invalid number"));
            }
        }
        self.pos = pos;
        Ok((&self.text[start..pos], integer))
    }

    /// Reads a number: `u64` or `i64` when it is an integer that fits, else `f64`.
    fn number(&mut self) -> Result<Number, Error> {
        let (literal, integer) = self.number_literal()?;
        if integer {
            if literal.starts_with('-') {
                // `-0` is the float -0.0, as in serde_json.
                if let Ok(n @ (..=-1)) = literal.parse::<i64>() {
                    return Ok(Number::Signed(n));
                }
            } else if let Ok(n) = literal.parse::<u64>() {
                return Ok(Number::Unsigned(n));
            }
        }
        match literal.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Number::Float(f)),
            _ => Err(reader_error(ErrorKind::NumberOutOfRange)),
        }
    }

    /// Skips one value of any kind. Without recursion and without a depth limit, like
    /// serde_json; inputs have been checked for depth before (`crate::error::parse_json`).
    fn skip(&mut self) -> Result<(), Error> {
        // The closing bytes of the lists and objects the reader is inside.
        let mut open: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                Some(b'"') => drop(self.string()?),
                Some(b'-' | b'0'..=b'9') => {
                    self.number_literal()?;
                }
                Some(b'n') => self.word("null")?,
                Some(b't' | b'f') => {
                    self.boolean()?;
                }
                Some(open_byte @ (b'[' | b'{')) => {
                    let close = if open_byte == b'[' { b']' } else { b'}' };
                    self.pos += 1;
                    open.push(close);
                    if self.more(close, true)? {
                        if close == b'}' {
                            self.key()?;
                        }
                        continue;
                    }
                    // Empty: closed below, like any finished list or object.
                }
                _ => return Err(self.end_or("expected value")),
            }
            // After a value: close what ends here, then go on after a comma.
            while let Some(&close) = open.last() {
                if self.more(close, false)? {
                    if close == b'}' {
                        self.key()?;
                    }
                    break;
                }
                self.pos += 1;
                open.pop();
            }
            if open.is_empty() {
                return Ok(());
            }
        }
    }

    /// Consumes `[` or `{` (already peeked) and counts the depth.
    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(reader_error(ErrorKind::TooDeep));
        }
        self.pos += 1;
        Ok(())
    }

    /// Consumes the closing `]` or `}` of a list or object the visitor has finished.
    fn close(&mut self, close: u8) -> Result<(), Error> {
        self.depth -= 1;
        match self.peek() {
            Some(b) if b == close => {
                self.pos += 1;
                Ok(())
            }
            Some(b',') => Err(syntax("trailing characters")),
            _ => Err(self.end_or(separator_expected(close))),
        }
    }

    /// Whether another element or entry follows; consumes the comma before it.
    fn more(&mut self, close: u8, first: bool) -> Result<bool, Error> {
        match self.peek() {
            Some(b) if b == close => return Ok(false),
            _ if first => return Ok(true),
            Some(b',') => self.pos += 1,
            _ => return Err(self.end_or(separator_expected(close))),
        }
        if self.peek() == Some(close) {
            return Err(syntax("trailing comma"));
        }
        Ok(true)
    }

    /// Reads an object key and the colon after it; returns the key and its offset.
    fn key(&mut self) -> Result<(Cow<'de, str>, usize), Error> {
        if self.peek() != Some(b'"') {
            return Err(self.end_or("key must be a string"));
        }
        let at = self.pos;
        let key = self.string()?;
        self.expect(b':', "expected `:`")?;
        Ok((key, at))
    }

    /// The "invalid type" error for the value ahead, as serde words it.
    fn unexpected(&mut self, expected: &dyn Expected) -> Error {
        let found = match self.peek() {
            Some(b'"') => match self.string() {
                Ok(s) => return de::Error::invalid_type(Unexpected::Str(&s), expected),
                Err(e) => return e,
            },
            Some(b'-' | b'0'..=b'9') => match self.number() {
                Ok(Number::Unsigned(n)) => Unexpected::Unsigned(n),
                Ok(Number::Signed(n)) => Unexpected::Signed(n),
                Ok(Number::Float(f)) => Unexpected::Float(f),
                Err(e) => return e,
            },
            Some(b't') => Unexpected::Bool(true),
            Some(b'f') => Unexpected::Bool(false),
            Some(b'n') => Unexpected::Unit,
            Some(b'[') => Unexpected::Seq,
            Some(b'{') => Unexpected::Map,
            _ => return self.end_or("expected value"),
        };
        de::Error::invalid_type(found, expected)
    }

    /// Fails unless only whitespace is left.
    pub(crate) fn end(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(syntax("trailing characters")),
        }
    }

    /// Where the reader is, in serde_path_to_error's notation: `a.b[2].c`, empty at the root.
    pub(crate) fn path(&self) -> String {
        let mut out = String::new();
        for step in &self.path {
            match step {
                Step::Index(i) => push_step(&mut out, PathStep::Index(*i)),
                Step::Key(at) => push_step(&mut out, PathStep::Key(key_at(self.text, *at))),
            }
        }
        out
    }

    /// Line and column (1-based, in bytes) of the reader's position.
    pub(crate) fn position(&self) -> (usize, usize) {
        let before = &self.text[..self.pos.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |n| n + 1) + 1;
        (line, column)
    }

    /// Hands a list or object to the visitor, then checks that it is closed.
    fn list<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        self.enter()?;
        let value = visitor.visit_seq(List { r: self, index: 0 })?;
        self.close(b']')?;
        Ok(value)
    }

    fn object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        self.enter()?;
        let value = visitor.visit_map(Object { r: self, first: true, key: 0 })?;
        self.close(b'}')?;
        Ok(value)
    }

    fn text_value<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(Text(self.string()?), visitor)
    }

    fn number_value<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        match self.number()? {
            Number::Unsigned(n) => visitor.visit_u64(n),
            Number::Signed(n) => visitor.visit_i64(n),
            Number::Float(f) => visitor.visit_f64(f),
        }
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b'"') => self.text_value(visitor),
            Some(b'-' | b'0'..=b'9') => self.number_value(visitor),
            Some(b'n') => {
                self.word("null")?;
                visitor.visit_unit()
            }
            Some(b't' | b'f') => visitor.visit_bool(self.boolean()?),
            Some(b'[') => self.list(visitor),
            Some(b'{') => self.object(visitor),
            _ => Err(self.end_or("expected value")),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b't' | b'f') => visitor.visit_bool(self.boolean()?),
            _ => Err(self.unexpected(&visitor)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => self.number_value(visitor),
            _ => Err(self.unexpected(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b'"') => self.text_value(visitor),
            _ => Err(self.unexpected(&visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.peek() == Some(b'n') {
            self.word("null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.peek() == Some(b'n') {
            self.word("null")?;
            visitor.visit_unit()
        } else {
            Err(self.unexpected(&visitor))
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b'[') => self.list(visitor),
            _ => Err(self.unexpected(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b'{') => self.object(visitor),
            _ => Err(self.unexpected(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.peek() {
            // A unit variant: its name.
            Some(b'"') => visitor.visit_enum(UnitVariant(self.string()?)),
            // A variant with data: `{ "name": data }`.
            Some(b'{') => {
                self.enter()?;
                let value = visitor.visit_enum(VariantWithData { r: self })?;
                self.path.pop();
                self.close(b'}')?;
                Ok(value)
            }
            _ => Err(self.unexpected(&visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip()?;
        visitor.visit_unit()
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    forward_to_deserialize_any! { bytes byte_buf }
}

/// The elements of a list, each under its index in the path.
struct List<'r, 'de> {
    r: &'r mut Reader<'de>,
    index: usize,
}

impl<'de> SeqAccess<'de> for List<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if !self.r.more(b']', self.index == 0)? {
            return Ok(None);
        }
        self.r.path.push(Step::Index(self.index));
        let value = seed.deserialize(&mut *self.r)?;
        self.r.path.pop();
        self.index += 1;
        Ok(Some(value))
    }
}

/// The entries of an object. A key is in the path while it is read (an unknown field is named)
/// and while its value is read; between the two (a duplicate field) it is not.
struct Object<'r, 'de> {
    r: &'r mut Reader<'de>,
    first: bool,
    key: usize,
}

impl<'de> MapAccess<'de> for Object<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        if !self.r.more(b'}', self.first)? {
            return Ok(None);
        }
        self.first = false;
        let (key, at) = self.r.key()?;
        self.r.path.push(Step::Key(at));
        let key = seed.deserialize(Text(key))?;
        self.r.path.pop();
        self.key = at;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.r.path.push(Step::Key(self.key));
        let value = seed.deserialize(&mut *self.r)?;
        self.r.path.pop();
        Ok(value)
    }
}

/// A string already read (a value, an object key or a variant name), handed to a visitor.
struct Text<'de>(Cow<'de, str>);

impl<'de> de::Deserializer<'de> for Text<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// A unit variant written as its name.
struct UnitVariant<'de>(Cow<'de, str>);

impl<'de> de::EnumAccess<'de> for UnitVariant<'de> {
    type Error = Error;
    type Variant = NoData;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, NoData), Error> {
        Ok((seed.deserialize(Text(self.0))?, NoData))
    }
}

/// What follows a unit variant's name: nothing.
struct NoData;

impl<'de> de::VariantAccess<'de> for NoData {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value, Error> {
        Err(de::Error::invalid_type(Unexpected::UnitVariant, &"a variant with a value"))
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Error> {
        Err(de::Error::invalid_type(Unexpected::UnitVariant, &"a tuple variant"))
    }
    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], _: V) -> Result<V::Value, Error> {
        Err(de::Error::invalid_type(Unexpected::UnitVariant, &"a struct variant"))
    }
}

/// A variant with data, `{ "name": data }`: the name is in the path while the data is read.
struct VariantWithData<'r, 'de> {
    r: &'r mut Reader<'de>,
}

impl<'r, 'de> de::EnumAccess<'de> for VariantWithData<'r, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Error> {
        let (key, at) = self.r.key()?;
        self.r.path.push(Step::Key(at));
        let value = seed.deserialize(Text(key))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for VariantWithData<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        de::Deserializer::deserialize_unit(&mut *self.r, de::IgnoredAny).map(drop)
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(&mut *self.r)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(&mut *self.r, visitor)
    }
    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_map(&mut *self.r, visitor)
    }
}

/// Parses `text` into `T`; on failure, the message and the path of the value being read.
pub(crate) fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> Result<T, (Error, Reader<'de>)> {
    let mut reader = Reader::new(text);
    match T::deserialize(&mut reader).and_then(|value| reader.end().map(|()| value)) {
        Ok(value) => Ok(value),
        Err(e) => Err((e, reader)),
    }
}

#[cfg(test)]
mod tests {
    use super::from_str;
    use crate::error::{parse_json, ErrorCode};
    use serde_json::Value;

    /// What serde_json makes of `text`, and what this reader makes of it.
    fn both(text: &str) -> (Option<Value>, Option<Value>) {
        (serde_json::from_str::<Value>(text).ok(), from_str::<Value>(text).map_err(|(e, _)| e).ok())
    }

    /// Whether serde_json and this reader agree on skipping `text` (`IgnoredAny`, as for the
    /// parts of an answer that are never read).
    fn skips_alike(text: &str) -> bool {
        let expected = serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
        expected == from_str::<serde::de::IgnoredAny>(text).is_ok()
    }

    /// Equal, except that a float may differ in its last bit: serde_json's default float
    /// parsing is not always correctly rounded (3.8e285 becomes 3.8000000000000004e285), this
    /// reader's is.
    fn same(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) if x.is_f64() && y.is_f64() => {
                let (x, y) = (x.as_f64().unwrap_or_default(), y.as_f64().unwrap_or_default());
                x.to_bits().abs_diff(y.to_bits()) <= 1
            }
            (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|((kx, x), (ky, y))| kx == ky && same(x, y))
            }
            _ => a == b,
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let deep = format!("{}1{}", "[".repeat(127), "]".repeat(127));
        let texts = [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "12",
            "-12",
            "1.5",
            "-1.25e-3",
            "1E5",
            "2e+3",
            "1e25",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1.7976931348623157e308",
            "5e-324",
            r#""""#,
            r#""plain""#,
            r#""esc \" \\ \/ \b \f \n \r \t end""#,
            r#""\u00e9\u20AC \ud83d\ude00 é €""#,
            "[]",
            "[ 1 , [ ] , { } ]",
            r#"{"a": {"b": [1, 2, {"c": null}]}, "d": "e"}"#,
            r#"{"a": 1, "a": 2}"#,
            "\n\t\r {\"k\"\n:\n[\"v\"]\n}\n",
            &deep,
        ];
        for text in texts {
            let (expected, got) = both(text);
            let Some(expected) = expected else { panic!("serde_json reads {text:?}") };
            assert!(got.as_ref().is_some_and(|got| same(got, &expected)), "{text:?}: {got:?}, expected {expected:?}");
            assert!(skips_alike(text), "skipping {text:?}");
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        let too_deep = format!("{}1{}", "[".repeat(128), "]".repeat(128));
        let texts = [
            "",
            " ",
            "nul",
            "tru",
            "True",
            "NaN",
            "Infinity",
            "-Infinity",
            "01",
            "-01",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "1e+",
            "0x10",
            "1e999",
            "-1e999",
            "[1,]",
            "[1 2]",
            "[",
            "]",
            "{",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{1:2}",
            "{\"a\":}",
            "\"abc",
            "\"a\nb\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "\"\\udc00\"",
            "1 2",
            "{} x",
            "[] []",
            "/* c */ 1",
            &too_deep,
        ];
        for text in texts {
            let (expected, got) = both(text);
            assert!(expected.is_none(), "serde_json refuses {text:?}");
            assert!(got.is_none(), "the reader refuses {text:?}, got {got:?}");
            // When skipping, serde_json does not pair `\u` escapes; this reader refuses a lone
            // surrogate wherever it stands (the text is not Unicode).
            let lone_surrogate = text.contains("\\ud800") || text.contains("\\udc00");
            assert!(skips_alike(text) || lone_surrogate, "skipping {text:?}");
        }
    }

    /// 3,000 seeded mutations of a real submission: accepted and refused alike, with the same
    /// value when accepted.
    #[test]
    fn agrees_with_serde_json_on_mutated_submissions() {
        let original = include_str!("../../www/examples/frontier-systemic-risk.json");
        let alphabet = b"{}[]\",:\\ 0123456789.-+eEnul\n\ttrfas";
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let (mut accepted, mut refused) = (0, 0);
        for _ in 0..3_000 {
            let mut bytes = original.as_bytes().to_vec();
            for _ in 0..1 + next(3) {
                let at = next(bytes.len());
                match next(3) {
                    0 => drop(bytes.remove(at)),
                    1 => bytes.insert(at, alphabet[next(alphabet.len())]),
                    _ => bytes[at] = alphabet[next(alphabet.len())],
                }
            }
            let Ok(text) = String::from_utf8(bytes) else { continue };
            let (expected, got) = both(&text);
            let agree = match (&expected, &got) {
                (Some(x), Some(y)) => same(x, y),
                (x, y) => x.is_none() && y.is_none(),
            };
            assert!(agree, "{text}\nserde_json: {expected:?}\nreader: {got:?}");
            assert!(skips_alike(&text), "skipping {text}");
            if expected.is_some() {
                accepted += 1;
            } else {
                refused += 1;
            }
        }
        assert!(accepted > 300 && refused > 300, "both kinds are exercised: {accepted} / {refused}");
    }

    /// Any JSON value, with strings of any characters (escapes, controls, astral planes) and
    /// numbers of every kind.
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn any_value() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
            any::<String>().prop_map(Value::String),
            // Mostly the characters JSON escapes.
            "[\\x00-\\x20\"\\\\/aé€😀]{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, ..Default::default() })]

        /// What serde_json writes, compact or pretty, reads back as exactly the same value
        /// (floats to the bit: the reader rounds correctly, serde_json writes the shortest form).
        #[test]
        fn reads_back_what_serde_json_writes(v in any_value()) {
            for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
                let got = from_str::<Value>(&text).map_err(|(e, _)| e.to_string());
                proptest::prop_assert_eq!(got.as_ref(), Ok(&v), "{}", text);
            }
        }
    }

    #[test]
    fn an_error_names_the_field_being_read() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Inner {
            #[allow(dead_code)]
            n: u32,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Outer {
            #[allow(dead_code)]
            items: Vec<Inner>,
        }
        let cases = [
            (r#"{"items": [{"n": 1}, {"n": "2"}]}"#, ErrorCode::InvalidType, "items[1].n"),
            (r#"{"items": [{"n": 1}, {"m": 2}]}"#, ErrorCode::UnknownField, "items[1].m"),
            (r#"{"items": [{}]}"#, ErrorCode::MissingField, "items[0].n"),
            (r#"{"items": [{"n": 1, "n": 2}]}"#, ErrorCode::InvalidJson, "items[0].n"),
            (r#"{"items": [{"n": -1}]}"#, ErrorCode::InvalidValue, "items[0].n"),
            (r#"{"items": [{"n": 1e999}]}"#, ErrorCode::InvalidValue, "items[0].n"),
            (r#"{"items": [{"n": NaN}]}"#, ErrorCode::InvalidJson, "items[0].n"),
            (r#"{"it\u0065ms": {"n": 1}}"#, ErrorCode::InvalidType, "items"),
            (r#"{"items": []} {}"#, ErrorCode::InvalidJson, ""),
            ("[]", ErrorCode::InvalidType, ""),
        ];
        for (text, code, path) in cases {
            let e = parse_json::<Outer>(text, false).unwrap_err();
            assert_eq!((e.code, e.path.as_str()), (code, path), "{text}: {e}");
        }
    }

    #[test]
    fn a_file_error_says_where_in_the_text() {
        let e = parse_json::<Value>("{\n  \"a\": [1,\n   2,, 3]\n}", true).unwrap_err();
        assert_eq!(e.path, "a[2]");
        assert!(e.message.ends_with("at line 3 column 6"), "{}", e.message);
        let e = parse_json::<Value>("[1,, 2]", false).unwrap_err();
        assert!(!e.message.contains("line"), "{}", e.message);
    }
}
