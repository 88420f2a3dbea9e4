//! The JSON writer for the reports and everything else that crosses to JavaScript: a serde
//! `Serializer` that writes compact JSON, byte for byte what `serde_json::to_string` writes.
//!
//! Writing the report is a quarter of `evaluate()` in the browser, and most of the report is
//! text. serde_json looks at every byte of a string on its own and hands each piece to an
//! `io::Write`; this writer finds the runs that need no escape eight bytes at a time (as the
//! reader does) and appends them to a `String`. Numbers are written as serde_json writes them:
//! integers in decimal, finite floats by the `zmij` crate that serde_json uses (the shortest
//! form that reads back the same: `1e+23`, `0.03`, `2.0`), NaN and the infinities as `null`.
//! Its tests compare it with serde_json.

use std::fmt::{self, Display};

use serde::ser::{self, Serialize};

use super::plain_run_end;

/// Why a value could not be written: a map key that JSON cannot have, or an error that a
/// `Serialize` implementation raised itself.
#[derive(Debug)]
pub(crate) struct Error(String);

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// `value` as compact JSON text.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut w = Writer { out: String::with_capacity(256) };
    value.serialize(&mut w)?;
    Ok(w.out)
}

struct Writer {
    out: String,
}

impl Writer {
    fn string(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.out.reserve(bytes.len() + 2);
        self.out.push('"');
        let mut start = 0;
        loop {
            let end = plain_run_end(bytes, start);
            // `end` is at an ASCII byte or at the end, so both slices fall on char boundaries.
            self.out.push_str(&s[start..end]);
            let Some(&b) = bytes.get(end) else { break };
            self.escape(b);
            start = end + 1;
        }
        self.out.push('"');
    }

    /// The escape serde_json writes for `"`, `\` or a control character.
    fn escape(&mut self, b: u8) {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 15)]));
                return;
            }
        };
        self.out.push_str(short);
    }

    /// An integer (or a boolean) as Rust displays it: what serde_json writes too.
    fn display(&mut self, v: impl Display) -> Result<(), Error> {
        use fmt::Write;
        // Writing to a String cannot fail.
        let _ = write!(self.out, "{v}");
        Ok(())
    }

    /// A finite float in zmij's shortest form; `false` for NaN and the infinities.
    fn finite(&mut self, v: impl zmij::Float, is_finite: bool) -> bool {
        if is_finite {
            self.out.push_str(zmij::Buffer::new().format_finite(v));
        }
        is_finite
    }

    fn float(&mut self, v: impl zmij::Float, is_finite: bool) -> Result<(), Error> {
        if !self.finite(v, is_finite) {
            self.out.push_str("null");
        }
        Ok(())
    }

    /// Opens an object for an enum variant with data: `{"name":`.
    fn variant_key(&mut self, variant: &str) {
        self.out.push('{');
        self.string(variant);
        self.out.push(':');
    }
}

/// A list or an object being written; `first` until its first element, `close` what ends it
/// (`]`, `}`, or `]}` and `}}` for enum variants, which sit inside an object of their own).
pub(crate) struct Compound<'w> {
    w: &'w mut Writer,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    fn separator(&mut self) {
        if !self.first {
            self.w.out.push(',');
        }
        self.first = false;
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.separator();
        self.w.string(key);
        self.w.out.push(':');
        value.serialize(&mut *self.w)
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.separator();
        value.serialize(&mut *self.w)
    }

    fn end(self) -> Result<(), Error> {
        self.w.out.push_str(self.close);
        Ok(())
    }
}

impl Writer {
    fn compound(&mut self, open: char, close: &'static str) -> Compound<'_> {
        self.out.push(open);
        Compound { w: self, first: true, close }
    }
}

impl<'w> ser::Serializer for &'w mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w>;
    type SerializeTuple = Compound<'w>;
    type SerializeTupleStruct = Compound<'w>;
    type SerializeTupleVariant = Compound<'w>;
    type SerializeMap = Compound<'w>;
    type SerializeStruct = Compound<'w>;
    type SerializeStructVariant = Compound<'w>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.display(v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.display(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.display(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.display(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.display(v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.display(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.display(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.display(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.display(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.display(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.display(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float(v, v.is_finite())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v, v.is_finite())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut list = self.compound('[', "]");
        for b in v {
            list.element(b)?;
        }
        list.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant_key(variant);
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'w>, Error> {
        Ok(self.compound('[', "]"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'w>, Error> {
        Ok(self.compound('[', "]"))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'w>, Error> {
        Ok(self.compound('[', "]"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w>, Error> {
        self.variant_key(variant);
        Ok(self.compound('[', "]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'w>, Error> {
        Ok(self.compound('{', "}"))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'w>, Error> {
        Ok(self.compound('{', "}"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w>, Error> {
        self.variant_key(variant);
        Ok(self.compound('{', "}}"))
    }
}

/// serde's four kinds of list (sequence, tuple, tuple struct, tuple variant) are written alike.
macro_rules! list {
    ($kind:ident, $method:ident) => {
        impl ser::$kind for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    };
}

list!(SerializeSeq, serialize_element);
list!(SerializeTuple, serialize_element);
list!(SerializeTupleStruct, serialize_field);
list!(SerializeTupleVariant, serialize_field);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.separator();
        key.serialize(KeyWriter(&mut *self.w))?;
        self.w.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

/// Structs and struct variants are written alike.
macro_rules! record {
    ($kind:ident) => {
        impl ser::$kind for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    };
}

record!(SerializeStruct);
record!(SerializeStructVariant);

/// Writes a map key: JSON keys are strings, so strings, characters and unit variants are
/// written as strings, and numbers and booleans in quotes, as serde_json does (`Some` and
/// newtype structs as what they hold); anything else (and a float that is not finite) is an
/// error.
struct KeyWriter<'w>(&'w mut Writer);

fn key_must_be_a_string() -> Error {
    Error("key must be a string".to_string())
}

impl KeyWriter<'_> {
    fn quoted(self, write: impl FnOnce(&mut Writer) -> Result<(), Error>) -> Result<(), Error> {
        self.0.out.push('"');
        write(self.0)?;
        self.0.out.push('"');
        Ok(())
    }

    fn float_key(self, v: impl zmij::Float, is_finite: bool) -> Result<(), Error> {
        if !is_finite {
            return Err(Error("float key must be finite (got NaN or +/-inf)".to_string()));
        }
        self.quoted(|w| {
            w.finite(v, true);
            Ok(())
        })
    }
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.string(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.quoted(|w| w.display(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.quoted(|w| w.display(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.quoted(|w| w.display(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.quoted(|w| w.display(v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.quoted(|w| w.display(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.quoted(|w| w.display(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.quoted(|w| w.display(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.quoted(|w| w.display(v))
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.quoted(|w| w.display(v))
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.quoted(|w| w.display(v))
    }
    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.quoted(|w| w.display(v))
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float_key(v, v.is_finite())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float_key(v, v.is_finite())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::{Serialize, Serializer};

    use super::to_string;

    /// Asserts that this writer writes `value` byte for byte as serde_json does.
    #[track_caller]
    fn same<T: Serialize + ?Sized>(value: &T) {
        assert_eq!(to_string(value).unwrap(), serde_json::to_string(value).unwrap());
    }

    #[test]
    fn the_reports_and_everything_else_that_crosses_to_javascript_are_written_as_serde_json_does() {
        let mut examples = 0;
        for entry in std::fs::read_dir("www/examples").unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let Ok(submission) = crate::Submission::from_json(&text) else { continue };
            let (report, sealed) = crate::evaluate_text(&submission).unwrap();
            assert_eq!(sealed, serde_json::to_string(&report).unwrap(), "{}", path.display());
            same(&report);
            same(&crate::scope(&submission.profile).unwrap());
            same(&crate::verify::bundle(&submission).unwrap());
            same(&crate::oscal_assessment_results(&report));
            examples += 1;
        }
        assert!(examples >= 4, "the example submissions were found");
        same(&crate::pack::summaries());
        same(&crate::scope::scope_text().inputs);
        for pack in crate::pack::parsed() {
            same(pack);
        }
    }

    #[test]
    fn every_character_is_escaped_as_serde_json_escapes_it_wherever_it_stands() {
        // Each ASCII character and a few wider ones, at every place within and around an
        // eight-byte chunk, alone and next to another that needs an escape.
        let mut specials: Vec<char> = (0u8..0x80).map(char::from).collect();
        specials.extend(['é', '€', '😀', '\u{2028}', '\u{7f}', '\u{ffff}']);
        for c in specials {
            for before in 0..18 {
                for after in [0, 1, 7, 8, 9] {
                    let s = format!("{}{c}{}", "a".repeat(before), "b".repeat(after));
                    same(&s);
                    same(&format!("{s}\"{c}\\"));
                }
            }
        }
        same("");
        same(&"x".repeat(10_000));
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        same(&[0u64, 1, 9, 10, 99, 100, 12_345, u64::from(u32::MAX), u64::MAX]);
        same(&[0i64, -1, -9, -10, i64::MIN, i64::MAX]);
        same(&(i8::MIN, i16::MIN, i32::MIN, u8::MAX, u16::MAX, u32::MAX, i128::MIN, u128::MAX));
        let floats = [
            0.0,
            -0.0,
            1.0,
            -2.5,
            0.03,
            1e23,
            1e25 / 3.0,
            15_000_000.0,
            1e-7,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        same(&floats);
        same(&floats.map(|f| f as f32));
        // Floats from spread-out bit patterns.
        let mut bits: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..5000 {
            bits = bits.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            same(&f64::from_bits(bits));
            same(&f32::from_bits((bits >> 32) as u32));
        }
    }

    #[test]
    fn every_shape_serde_has_is_written_as_serde_json_writes_it() {
        #[derive(Serialize)]
        struct Unit;
        #[derive(Serialize)]
        struct Newtype(u8);
        #[derive(Serialize)]
        struct Tuple(u8, &'static str);
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Record {
            first_name: &'static str,
            #[serde(skip_serializing_if = "Option::is_none")]
            skipped: Option<u8>,
            nothing: Option<u8>,
            some: Option<u8>,
            empty: Vec<u8>,
            nested: Vec<Vec<u8>>,
            unit: (),
            unit_struct: Unit,
            c: char,
        }
        #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
        enum Kind {
            Plain,
            Newtype(u8),
            Tuple(u8, u8),
            Struct { a: u8 },
        }
        struct Bytes;
        impl Serialize for Bytes {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&[0, 7, 255])
            }
        }
        same(&Unit);
        same(&Newtype(3));
        same(&Tuple(1, "two"));
        same(&Record {
            first_name: "Ada",
            skipped: None,
            nothing: None,
            some: Some(4),
            empty: vec![],
            nested: vec![vec![], vec![1, 2]],
            unit: (),
            unit_struct: Unit,
            c: '"',
        });
        same(&[Kind::Plain, Kind::Newtype(1), Kind::Tuple(2, 3), Kind::Struct { a: 4 }]);
        same(&Bytes);
        same(&(true, false, ()));
        same(&BTreeMap::<String, u8>::new());
        same(&BTreeMap::from([("b\n".to_string(), 1), ("a".to_string(), 2)]));
        same(&BTreeMap::from([(Kind::Plain, 1)]));
        same(&BTreeMap::from([(-3i64, 'x'), (4, 'y')]));
        same(&BTreeMap::from([(u64::MAX, 1)]));
        same(&BTreeMap::from([(i128::MIN, 1)]));
        same(&BTreeMap::from([(true, 1), (false, 2)]));
        same(&BTreeMap::from([('k', 1)]));
        same(&BTreeMap::from([(Some("a"), 1)]));
        same(&BTreeMap::from([(Some(3u8), 1)]));
    }

    #[test]
    fn a_key_serde_json_refuses_is_refused() {
        struct Keys<K>(K);
        impl<K: Serialize + Clone> Serialize for Keys<K> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map([(self.0.clone(), 1)])
            }
        }
        #[derive(Serialize, Clone)]
        struct Id(&'static str);
        same(&Keys(Id("k\n")));
        assert_eq!(to_string(&Keys(Id("k"))).unwrap(), r#"{"k":1}"#);
        for (good, text) in [(1.5f64, r#"{"1.5":1}"#), (-0.0, r#"{"-0.0":1}"#)] {
            same(&Keys(good));
            assert_eq!(to_string(&Keys(good)).unwrap(), text);
        }
        for bad in [f64::NAN, f64::INFINITY] {
            assert_eq!(
                to_string(&Keys(bad)).unwrap_err().to_string(),
                serde_json::to_string(&Keys(bad)).unwrap_err().to_string()
            );
        }
        for (ours, theirs) in [
            (
                to_string(&Keys(vec![1])).map_err(|e| e.to_string()),
                serde_json::to_string(&Keys(vec![1])).map_err(|e| e.to_string()),
            ),
            (
                to_string(&Keys(None::<u8>)).map_err(|e| e.to_string()),
                serde_json::to_string(&Keys(None::<u8>)).map_err(|e| e.to_string()),
            ),
            (
                to_string(&Keys(())).map_err(|e| e.to_string()),
                serde_json::to_string(&Keys(())).map_err(|e| e.to_string()),
            ),
        ] {
            assert_eq!(ours, theirs);
            assert!(ours.is_err());
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, ..Default::default() })]

        /// Any JSON value (strings of any characters, numbers of every kind, nested lists and
        /// objects) is written as serde_json writes it.
        #[test]
        fn any_value_is_written_as_serde_json_writes_it(v in super::super::tests::any_value()) {
            proptest::prop_assert_eq!(to_string(&v).unwrap(), serde_json::to_string(&v).unwrap());
        }
    }
}
