//! A provider's answers: raw values as they arrive, checked against the pack's questions.
//!
//! An answer that does not fit its question (wrong type, unknown option, NaN, impossible date)
//! becomes a finding and counts as unanswered; it is never an exception and never dropped
//! silently. Answers to ids the pack does not know are listed as findings too.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::date;
pub use crate::number::{parse_quantity, Quantity};
use crate::pack::model::{Question, QuestionType};
use crate::pack::{option_ids, IdMap, QuestionIndex};
use crate::report::{Finding, FindingCode, Problem, Severity};

/// The longest text answer accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// An answer value as it arrived, before it is checked against its question.
#[derive(Debug, Clone, PartialEq)]
pub enum RawAnswer {
    /// `null`: the question is cleared.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number, possibly NaN or infinite when it came from JavaScript.
    Number(f64),
    /// A string.
    Text(String),
    /// An array of scalars.
    List(Vec<RawAnswer>),
    /// Anything else (objects, nested arrays): always invalid.
    Other,
}

impl<'de> Deserialize<'de> for RawAnswer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor { nested: false })
    }
}

struct RawVisitor {
    /// Inside a list, lists and objects are not read (no deep recursion on hostile input).
    nested: bool,
}

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawAnswer;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an answer value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<RawAnswer, E> {
        Ok(RawAnswer::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<RawAnswer, E> {
        Ok(RawAnswer::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawAnswer, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawAnswer, E> {
        Ok(RawAnswer::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawAnswer, E> {
        Ok(RawAnswer::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawAnswer, E> {
        Ok(RawAnswer::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawAnswer, E> {
        Ok(RawAnswer::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAnswer, E> {
        Ok(RawAnswer::Text(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<RawAnswer, E> {
        Ok(RawAnswer::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawAnswer, A::Error> {
        if self.nested {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(RawAnswer::Other);
        }
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(NestedSeed)? {
            items.push(item);
        }
        Ok(RawAnswer::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawAnswer, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(RawAnswer::Other)
    }
}

struct NestedSeed;

impl<'de> de::DeserializeSeed<'de> for NestedSeed {
    type Value = RawAnswer;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawAnswer, D::Error> {
        d.deserialize_any(RawVisitor { nested: true })
    }
}

impl Serialize for RawAnswer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Null | Self::Other => s.serialize_unit(),
            Self::Bool(b) => s.serialize_bool(*b),
            // Non-finite numbers have no JSON form; they are reported as invalid anyway.
            Self::Number(n) if n.is_finite() => s.serialize_f64(*n),
            Self::Number(_) => s.serialize_unit(),
            Self::Text(t) => s.serialize_str(t),
            Self::List(l) => l.serialize(s),
        }
    }
}

/// An answer that fits its question. It borrows instead of copying: option ids from the pack
/// (`'p`, or the fixed yes/partly/no), texts from the submission (`'s`), so that checking the
/// answers copies no string.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer<'p, 's> {
    /// A yes/partly/no, yes/no or single-choice option id.
    Choice(&'p str),
    /// Selected option ids of a multiple-choice question.
    Multi(Vec<&'p str>),
    /// A finite number.
    Number(f64),
    /// A number whose written precision counts.
    Quantity(Quantity),
    /// `"N/A"` to a quantity question that allows it.
    NotApplicable,
    /// A date, a URL or a text (non-empty, trimmed).
    Text(&'s str),
}

impl Answer<'_, '_> {
    /// The numeric value of a number or quantity answer.
    pub fn number(&self) -> Option<f64> {
        match self {
            Self::Number(n) => Some(*n),
            Self::Quantity(q) => Some(q.value),
            _ => None,
        }
    }
}

/// The precision of a number given as a JSON number: as its shortest decimal form shows it.
fn quantity_of_number(value: f64) -> Quantity {
    // `{:e}` prints the shortest form that reads back to the same value, e.g. 7.3e10.
    parse_quantity(&format!("{value:e}")).unwrap_or(Quantity { value, significant_figures: 1, power_of_ten: false })
}

/// The answers that fit their questions, each with its question, by question id (the pack's,
/// hashed like the [`QuestionIndex`]): one lookup finds both.
pub type ValidAnswers<'p, 's> = IdMap<&'p str, (&'p Question, Answer<'p, 's>)>;

/// Checks every raw answer against the pack; returns the valid ones and a finding for each
/// problem. `null` answers are simply absent.
pub fn check<'p, 's>(
    questions: &QuestionIndex<'p>,
    raw: &'s BTreeMap<String, RawAnswer>,
) -> (ValidAnswers<'p, 's>, Vec<Finding>) {
    let mut valid = ValidAnswers::with_capacity_and_hasher(raw.len(), Default::default());
    let mut findings = Vec::new();
    for (id, value) in raw {
        if *value == RawAnswer::Null {
            continue;
        }
        let Some(q) = questions.get(id.as_str()) else {
            findings.push(Finding {
                code: FindingCode::UnknownQuestion,
                severity: Severity::Warning,
                question_id: id.clone(),
                problem: Problem::UnknownQuestion,
            });
            continue;
        };
        match validate(q, value) {
            Ok(Some(a)) => {
                valid.insert(q.id.as_str(), (q, a));
            }
            Ok(None) => {}
            Err(problem) => findings.push(Finding {
                code: FindingCode::InvalidAnswer,
                severity: Severity::Error,
                question_id: id.clone(),
                problem,
            }),
        }
    }
    (valid, findings)
}

/// `Ok(None)` for an empty answer (blank text, empty selection), which counts as unanswered.
fn validate<'p, 's>(q: &'p Question, value: &'s RawAnswer) -> Result<Option<Answer<'p, 's>>, Problem> {
    let allowed = option_ids(q);
    // The pack's own id for the option written, if it is one.
    let option = |t: &str| allowed.clone().find(|o| *o == t);
    let options = || allowed.clone().map(String::from).collect::<Vec<_>>();
    match (q.kind, value) {
        (QuestionType::YesPartlyNo | QuestionType::YesNo | QuestionType::SingleChoice, RawAnswer::Text(t)) => {
            if t.is_empty() {
                Ok(None)
            } else if let Some(o) = option(t) {
                Ok(Some(Answer::Choice(o)))
            } else {
                Err(Problem::OneOf { options: options() })
            }
        }
        (QuestionType::YesPartlyNo | QuestionType::YesNo | QuestionType::SingleChoice, _) => {
            Err(Problem::OneOf { options: options() })
        }
        (QuestionType::MultiChoice, RawAnswer::List(items)) => {
            let mut ids: Vec<&'p str> = Vec::with_capacity(items.len());
            for item in items {
                let Some(o) = (match item {
                    RawAnswer::Text(t) => option(t),
                    _ => None,
                }) else {
                    return Err(Problem::OptionList { options: options() });
                };
                if ids.contains(&o) {
                    return Err(Problem::RepeatedOption);
                }
                ids.push(o);
            }
            Ok((!ids.is_empty()).then_some(Answer::Multi(ids)))
        }
        (QuestionType::MultiChoice, _) => Err(Problem::OptionList { options: options() }),
        (QuestionType::Number, RawAnswer::Number(n)) => {
            if !n.is_finite() {
                return Err(Problem::FiniteNumber);
            }
            if q.min.is_some_and(|m| *n < m) || q.max.is_some_and(|m| *n > m) {
                return Err(match (q.min, q.max) {
                    (Some(min), Some(max)) => Problem::NumberBetween { min, max },
                    (Some(min), None) => Problem::NumberAtLeast { min },
                    (None, Some(max)) => Problem::NumberAtMost { max },
                    (None, None) => Problem::Number,
                });
            }
            Ok(Some(Answer::Number(*n)))
        }
        (QuestionType::Number, _) => Err(Problem::Number),
        (QuestionType::Quantity, RawAnswer::Text(t))
            if q.allow_not_applicable && t.trim().eq_ignore_ascii_case("n/a") =>
        {
            Ok(Some(Answer::NotApplicable))
        }
        (QuestionType::Quantity, RawAnswer::Text(t)) if t.trim().is_empty() => Ok(None),
        (QuestionType::Quantity, RawAnswer::Number(_) | RawAnswer::Text(_)) => {
            let quantity = match value {
                RawAnswer::Number(n) if n.is_finite() => Some(quantity_of_number(*n)),
                RawAnswer::Text(t) => parse_quantity(t),
                _ => None,
            };
            let Some(quantity) = quantity else {
                return Err(if q.allow_not_applicable { Problem::QuantityOrNotApplicable } else { Problem::Quantity });
            };
            if q.min.is_some_and(|m| quantity.value < m) || q.max.is_some_and(|m| quantity.value > m) {
                return Err(Problem::QuantityRange);
            }
            Ok(Some(Answer::Quantity(quantity)))
        }
        (QuestionType::Quantity, _) => {
            Err(if q.allow_not_applicable { Problem::QuantityOrNotApplicable } else { Problem::Quantity })
        }
        (QuestionType::Date | QuestionType::Text | QuestionType::Url, RawAnswer::Text(t)) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            let chars = t.chars().count();
            if chars > MAX_TEXT_CHARS {
                return Err(Problem::TooLong { max: MAX_TEXT_CHARS as u32 });
            }
            if let Some(min) = q.min_length.filter(|m| chars < *m as usize) {
                return Err(Problem::TooShort { min });
            }
            match q.kind {
                QuestionType::Date if !date::is_valid(t) => Err(Problem::Date),
                QuestionType::Url if !is_web_address(t) => Err(Problem::WebAddress),
                _ => Ok(Some(Answer::Text(t))),
            }
        }
        (QuestionType::Date, _) => Err(Problem::Date),
        (QuestionType::Text, _) => Err(Problem::Text),
        (QuestionType::Url, _) => Err(Problem::WebAddress),
    }
}

fn is_web_address(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !r.chars().any(char::is_whitespace)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(kind: QuestionType) -> Question {
        Question {
            id: "q".into(),
            kind,
            text: "?".into(),
            help: None,
            options: Vec::new(),
            unit: None,
            min: Some(0.0),
            max: None,
            allow_not_applicable: false,
            min_length: Some(3),
            show_if: None,
            sources: Vec::new(),
        }
    }

    #[test]
    fn yes_partly_no_accepts_its_three_values_only() {
        let yq = q(QuestionType::YesPartlyNo);
        assert_eq!(validate(&yq, &RawAnswer::Text("partly".into())), Ok(Some(Answer::Choice("partly"))));
        assert!(validate(&yq, &RawAnswer::Text("maybe".into())).is_err());
        assert!(validate(&yq, &RawAnswer::Bool(true)).is_err());
        assert_eq!(validate(&yq, &RawAnswer::Text(String::new())), Ok(None));
    }

    #[test]
    fn multiple_choice_takes_each_listed_option_once_and_answers_with_the_packs_ids() {
        let mut mq = q(QuestionType::MultiChoice);
        for id in ["text", "images"] {
            mq.options.push(crate::pack::model::ChoiceOption { id: id.into(), label: id.into() });
        }
        let list = |items: &[RawAnswer]| RawAnswer::List(items.to_vec());
        let text = |t: &str| RawAnswer::Text(t.into());
        let both = list(&[text("images"), text("text")]);
        let Ok(Some(Answer::Multi(ids))) = validate(&mq, &both) else { panic!("two listed options are valid") };
        assert_eq!(ids, ["images", "text"]);
        // The ids are the pack's own strings, not copies of the submission's.
        assert!(std::ptr::eq(ids[0], mq.options[1].id.as_str()));
        assert_eq!(validate(&mq, &list(&[text("text"), text("text")])), Err(Problem::RepeatedOption));
        assert_eq!(
            validate(&mq, &list(&[text("text"), text("audio")])),
            Err(Problem::OptionList { options: vec!["text".into(), "images".into()] })
        );
        assert!(validate(&mq, &list(&[text("text"), RawAnswer::Number(1.0)])).is_err());
        assert_eq!(validate(&mq, &list(&[])), Ok(None));
    }

    #[test]
    fn numbers_must_be_finite_and_in_range() {
        let nq = q(QuestionType::Number);
        assert_eq!(validate(&nq, &RawAnswer::Number(14.0)), Ok(Some(Answer::Number(14.0))));
        assert!(validate(&nq, &RawAnswer::Number(f64::NAN)).is_err());
        assert!(validate(&nq, &RawAnswer::Number(f64::INFINITY)).is_err());
        assert!(matches!(validate(&nq, &RawAnswer::Number(-1.0)), Err(Problem::NumberAtLeast { min }) if min == 0.0));
        assert!(validate(&nq, &RawAnswer::Text("14".into())).is_err(), "a number as a string is not a number");
    }

    #[test]
    fn quantities_keep_the_precision_they_were_written_with() {
        let q = |s: &str| parse_quantity(s).map(|q| (q.value, q.significant_figures, q.power_of_ten));
        assert_eq!(q("2.4e25"), Some((2.4e25, 2, false)));
        assert_eq!(q("7.3 x 10^10"), Some((7.3e10, 2, false)));
        assert_eq!(q("1.0×10^2"), Some((100.0, 2, true)));
        assert_eq!(q("10^24"), Some((1e24, 1, true)));
        assert_eq!(q("3e13"), Some((3e13, 1, false)));
        assert_eq!(q("0.00120"), Some((0.0012, 3, false)));
        assert_eq!(q("1,000"), None);
        assert_eq!(q("about 1e24"), None);
        assert_eq!(q("inf"), None);
        assert_eq!(quantity_of_number(7.3e10).significant_figures, 2);
        assert_eq!(quantity_of_number(1e24).significant_figures, 1);
    }

    #[test]
    fn dates_and_addresses_are_checked() {
        assert!(validate(&q(QuestionType::Date), &RawAnswer::Text("2025-02-30".into())).is_err());
        assert!(validate(&q(QuestionType::Date), &RawAnswer::Text("2025-02-28".into())).unwrap().is_some());
        assert!(validate(&q(QuestionType::Url), &RawAnswer::Text("javascript:alert(1)".into())).is_err());
        assert!(validate(&q(QuestionType::Url), &RawAnswer::Text("https://example.com/crawler".into())).is_ok());
        assert!(validate(&q(QuestionType::Url), &RawAnswer::Text("https://".into())).is_err());
    }

    #[test]
    fn evidence_shorter_than_the_minimum_does_not_count() {
        assert_eq!(validate(&q(QuestionType::Text), &RawAnswer::Text("-".into())), Err(Problem::TooShort { min: 3 }));
        assert!(validate(&q(QuestionType::Text), &RawAnswer::Text("v2.1".into())).unwrap().is_some());
    }

    #[test]
    fn overlong_text_is_refused() {
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        assert!(validate(&q(QuestionType::Text), &RawAnswer::Text(long)).is_err());
    }

    #[test]
    fn raw_answers_keep_nan_apart_from_null_and_flatten_nothing() {
        let v: RawAnswer = serde_json::from_str("[\"a\", [1, [2]], {\"x\": 1}]").unwrap();
        assert_eq!(v, RawAnswer::List(vec![RawAnswer::Text("a".into()), RawAnswer::Other, RawAnswer::Other]));
        let v: RawAnswer = serde_json::from_str("null").unwrap();
        assert_eq!(v, RawAnswer::Null);
    }
}
