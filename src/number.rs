//! Numbers as people write them: one syntax for every figure a provider types, read here and
//! nowhere else. The Model Documentation Form's quantities use [`parse_quantity`]; the page's
//! profile and number fields use [`parse_field`] through the wasm export `parseNumber`. The
//! syntax is described once, in `docs/numbers.md`.

use serde::Serialize;

/// The longest number text read, in characters.
pub const MAX_NUMBER_CHARS: usize = 64;

/// A number as the provider wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quantity {
    /// Its value.
    pub value: f64,
    /// Significant figures as written (trailing zeros count; leading zeros do not).
    pub significant_figures: u32,
    /// Written as a power of ten (1, 10, 1e24, 10^24).
    pub power_of_ten: bool,
}

/// Why a typed text is not a number the field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberError {
    /// Not in the number syntax (words, commas, several numbers, over 64 characters).
    NotANumber,
    /// Beyond the largest number a double holds (`1e999`).
    TooLarge,
    /// Below zero where the field takes zero or more.
    Negative,
}

impl NumberError {
    /// A sentence for the person typing.
    pub fn message(self) -> &'static str {
        match self {
            Self::NotANumber => "Enter a number using digits, e.g. 800000000, 2.4e25 or 2.4x10^25.",
            Self::TooLarge => "This number is too large.",
            Self::Negative => "Enter a number of zero or more.",
        }
    }
}

/// Reads a number written as `2.4e25`, `2.4E25`, `2.4x10^25`, `2.4×10^25`, `10^24` or a plain
/// decimal; spaces anywhere and underscores between digits are ignored (`800 000 000`,
/// `800_000_000`). `None` for anything else (words, commas, several numbers, non-finite values).
pub fn parse_quantity(written: &str) -> Option<Quantity> {
    read(written).ok()
}

/// Reads a field as typed: `Ok(None)` when it is blank, the number, or why it is not one.
/// `allow_negative: false` refuses numbers below zero (the profile's figures).
///
/// # Errors
/// [`NumberError`] with the reason.
pub fn parse_field(text: &str, allow_negative: bool) -> Result<Option<Quantity>, NumberError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let quantity = read(text)?;
    if !allow_negative && quantity.value < 0.0 {
        return Err(NumberError::Negative);
    }
    Ok(Some(quantity))
}

fn read(written: &str) -> Result<Quantity, NumberError> {
    if written.chars().count() > MAX_NUMBER_CHARS {
        return Err(NumberError::NotANumber);
    }
    let chars: Vec<char> = written.chars().filter(|c| !c.is_whitespace()).collect();
    // An underscore groups digits only between two digits ("1_000"); anywhere else it is wrong.
    let mut text = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_digits =
            i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c != '_' || !between_digits {
            text.push(c);
        }
    }
    for times in ["×10^", "x10^", "X10^", "*10^"] {
        text = text.replace(times, "e");
    }
    if let Some(exponent) = text.strip_prefix("10^") {
        text = format!("1e{exponent}");
    }
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')) {
        return Err(NumberError::NotANumber);
    }
    let value: f64 = text.parse().map_err(|_| NumberError::NotANumber)?;
    if !value.is_finite() {
        return Err(NumberError::TooLarge);
    }
    let mantissa = text.split(['e', 'E']).next().unwrap_or("");
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let significant = digits.trim_start_matches('0');
    Ok(Quantity {
        value,
        significant_figures: (significant.len() as u32).max(1),
        power_of_ten: significant.trim_end_matches('0') == "1",
    })
}

/// What the page gets for a typed field: the number, or a coded refusal (blank is `None`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ParsedNumber {
    /// `{ value, significantFigures, powerOfTen }`.
    Number(Quantity),
    /// `{ error: { code, message } }`.
    Refused {
        /// Why, with a sentence for the person typing.
        error: Refusal,
    },
}

/// A coded refusal: `{ code, message }`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Refusal {
    /// Stable code: `not-a-number`, `too-large` or `negative`.
    pub code: NumberError,
    /// What to do about it.
    pub message: &'static str,
}

impl ParsedNumber {
    /// [`parse_field`]'s result as the page gets it.
    pub fn of(text: &str, allow_negative: bool) -> Option<ParsedNumber> {
        match parse_field(text, allow_negative) {
            Ok(q) => q.map(ParsedNumber::Number),
            Err(code) => Some(ParsedNumber::Refused { error: Refusal { code, message: code.message() } }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Option<(f64, u32, bool)> {
        parse_quantity(s).map(|q| (q.value, q.significant_figures, q.power_of_ten))
    }

    #[test]
    fn scientific_notation_is_read_in_every_spelling() {
        assert_eq!(q("2.4e25"), Some((2.4e25, 2, false)));
        assert_eq!(q("2.4E25"), Some((2.4e25, 2, false)));
        assert_eq!(q("2.4x10^25"), Some((2.4e25, 2, false)));
        assert_eq!(q("2.4X10^25"), Some((2.4e25, 2, false)));
        assert_eq!(q("2.4×10^25"), Some((2.4e25, 2, false)));
        assert_eq!(q("2.4*10^25"), Some((2.4e25, 2, false)));
        assert_eq!(q("7.3 x 10^10"), Some((7.3e10, 2, false)));
        assert_eq!(q("3x10^22"), Some((3e22, 1, false)));
        assert_eq!(q("2x10^24"), Some((2e24, 1, false)));
        assert_eq!(q("5e+24"), Some((5e24, 1, false)));
        assert_eq!(q("2x10^-3"), Some((0.002, 1, false)));
    }

    #[test]
    fn a_bare_power_of_ten_is_one_significant_figure() {
        assert_eq!(q("10^24"), Some((1e24, 1, true)));
        assert_eq!(q("1e24"), Some((1e24, 1, true)));
        assert_eq!(q("1.0×10^2"), Some((100.0, 2, true)));
        assert_eq!(q("3e13"), Some((3e13, 1, false)));
    }

    #[test]
    fn written_precision_counts_trailing_zeros_not_leading_ones() {
        assert_eq!(q("0.00120"), Some((0.0012, 3, false)));
        assert_eq!(q("800000000"), Some((8e8, 9, false)));
        assert_eq!(q(".5"), Some((0.5, 1, false)));
    }

    #[test]
    fn spaces_and_underscores_group_digits_without_changing_the_precision() {
        assert_eq!(q("800 000 000"), q("800000000"));
        assert_eq!(q("800_000_000"), q("800000000"));
        assert_eq!(q("1_000.5"), Some((1000.5, 5, false)));
        assert_eq!(q(" 2.4e25 "), q("2.4e25"));
        assert_eq!(q("_1000"), None, "an underscore groups digits only between digits");
        assert_eq!(q("1000_"), None);
        assert_eq!(q("1__000"), None);
        assert_eq!(q("1_e5"), None);
    }

    #[test]
    fn anything_else_is_refused() {
        for text in [
            "1,000",
            "about 1e24",
            "inf",
            "NaN",
            "infinity",
            "0x10",
            "1e",
            "e5",
            ".",
            "1.2.3",
            "--1",
            "2.4e25x",
            "1e5e5",
            "10^",
            "x10^5",
            "2 4e",
        ] {
            assert_eq!(q(text), None, "{text:?}");
        }
        assert_eq!(q(&"1".repeat(MAX_NUMBER_CHARS + 1)), None, "longer than the limit");
        assert!(q(&"1".repeat(MAX_NUMBER_CHARS)).is_some());
    }

    #[test]
    fn a_field_says_blank_number_or_why_not() {
        assert_eq!(parse_field("   ", false), Ok(None));
        assert_eq!(parse_field("3x10^22", false).map(|q| q.map(|q| q.value)), Ok(Some(3e22)));
        assert_eq!(parse_field("2.4e25x", false), Err(NumberError::NotANumber));
        assert_eq!(parse_field("1e999", false), Err(NumberError::TooLarge));
        assert_eq!(parse_field("-5", false), Err(NumberError::Negative));
        assert_eq!(parse_field("-5", true).map(|q| q.map(|q| q.value)), Ok(Some(-5.0)));
        assert_eq!(parse_field("-0", false).map(|q| q.map(|q| q.value)), Ok(Some(0.0)), "minus zero is zero");
    }

    #[test]
    fn the_page_gets_a_value_or_a_coded_refusal() {
        let json =
            |text: &str, allow_negative| crate::json::to_string(&ParsedNumber::of(text, allow_negative)).unwrap();
        assert_eq!(json("3x10^22", false), r#"{"value":3e+22,"significantFigures":1,"powerOfTen":false}"#);
        assert_eq!(json("", false), "null");
        assert_eq!(json("-1", false), r#"{"error":{"code":"negative","message":"Enter a number of zero or more."}}"#);
        assert!(json("1,5", true).starts_with(r#"{"error":{"code":"not-a-number","message":"Enter a number"#));
    }
}
