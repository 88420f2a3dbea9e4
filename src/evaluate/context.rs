//! What conditions can see (scope result, profile with defaults, valid answers) and how they
//! are decided: three-valued (Kleene) logic, so that a condition over a question nobody has
//! answered yet is *unknown*, not false.
//!
//! `showIf` shows a question only when its condition is true; `appliesIf` makes an item not
//! applicable when false and undecided (still to answer) when unknown; a cross-check trips when
//! true, passes when false, and is not checked when unknown.

use crate::answers::{Answer, ValidAnswers};
use crate::pack::model::{CompareOp, Comparison, Condition, Operand, Pack, Question, RoundingTest, ScopeFlag};
use crate::pack::QuestionIndex;
use crate::scope::ScopeResult;

/// How deep conditions may refer to each other (through `showIf`) before they count as unknown;
/// guards against cycles in a pack.
const MAX_DEPTH: u8 = 16;

/// A three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Truth {
    True,
    False,
    Unknown,
}

impl Truth {
    pub(crate) fn of(b: bool) -> Self {
        if b {
            Self::True
        } else {
            Self::False
        }
    }
    /// `Some` when decided.
    pub(crate) fn decided(self) -> Option<bool> {
        match self {
            Self::True => Some(true),
            Self::False => Some(false),
            Self::Unknown => None,
        }
    }
    pub(crate) fn from(b: Option<bool>) -> Self {
        b.map_or(Self::Unknown, Self::of)
    }
    pub(crate) fn and(self, other: Self) -> Self {
        match (self, other) {
            (Self::False, _) | (_, Self::False) => Self::False,
            (Self::True, Self::True) => Self::True,
            _ => Self::Unknown,
        }
    }
    pub(crate) fn or(self, other: Self) -> Self {
        self.not().and(other.not()).not()
    }
    pub(crate) fn not(self) -> Self {
        match self {
            Self::True => Self::False,
            Self::False => Self::True,
            Self::Unknown => Self::Unknown,
        }
    }
}

/// A value a comparison works on.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Number(f64),
    Text(String),
}

/// Everything a condition can look at. `'p` is the pack's lifetime, which the report borrows
/// its texts for; `'a` that of this evaluation's scope result and answers.
pub(crate) struct Context<'a, 'p> {
    pub pack: &'p Pack,
    pub scope: &'a ScopeResult,
    /// The profile as JSON with every input present (the default where not given).
    pub profile: serde_json::Value,
    pub answers: &'a ValidAnswers<'p, 'a>,
    /// The pack's questions by id.
    pub questions: QuestionIndex<'p>,
}

impl<'a, 'p> Context<'a, 'p> {
    /// True only when the condition is certainly true.
    pub fn holds(&self, c: &Condition) -> bool {
        self.truth(c, 0) == Truth::True
    }

    pub fn truth(&self, c: &Condition, depth: u8) -> Truth {
        if depth > MAX_DEPTH {
            return Truth::Unknown;
        }
        match c {
            Condition::All(list) => {
                let mut result = Truth::True;
                for c in list {
                    match self.truth(c, depth + 1) {
                        Truth::False => return Truth::False,
                        Truth::Unknown => result = Truth::Unknown,
                        Truth::True => {}
                    }
                }
                result
            }
            Condition::Any(list) => {
                let mut result = Truth::False;
                for c in list {
                    match self.truth(c, depth + 1) {
                        Truth::True => return Truth::True,
                        Truth::Unknown => result = Truth::Unknown,
                        Truth::False => {}
                    }
                }
                result
            }
            Condition::Not(inner) => self.truth(inner, depth + 1).not(),
            Condition::Scope(flag) => Truth::from(self.scope_flag(*flag)),
            Condition::Profile(t) => Truth::of(self.profile.get(&t.input).is_some_and(|v| json_equal(v, &t.equals))),
            Condition::Answer(t) => match self.answer(&t.question, depth + 1) {
                None => Truth::Unknown,
                Some(Answer::Choice(v)) => Truth::of(t.one_of.iter().any(|o| o == v)),
                Some(Answer::Multi(vs)) => Truth::of(vs.iter().any(|v| t.one_of.iter().any(|o| o == v))),
                Some(Answer::NotApplicable) => Truth::of(t.one_of.iter().any(|v| v == "N/A")),
                Some(_) => Truth::False,
            },
            Condition::Answered(q) => Truth::of(self.answer(q, depth + 1).is_some()),
            Condition::Compare(cmp) => self.compare(cmp, depth + 1),
            Condition::WithinRounding(t) => self.within_rounding(t, depth + 1),
        }
    }

    /// See [`Condition::WithinRounding`].
    fn within_rounding(&self, t: &RoundingTest, depth: u8) -> Truth {
        let Some(Answer::Quantity(q)) = self.answer(&t.answer, depth) else {
            return Truth::Unknown;
        };
        let Some(Value::Number(x)) = self.operand(&t.of, depth) else {
            return Truth::Unknown;
        };
        if !(q.value.is_finite() && x.is_finite()) || q.value <= 0.0 {
            return Truth::of(q.value == x);
        }
        // Half a unit of the last significant figure written: 3.8e25 (2 figures) covers
        // 3.75e25 to 3.85e25. A relative allowance of 1e-9 keeps a value on the edge, such as
        // 3.85e25 itself, inside despite binary rounding.
        let exponent = q.value.log10().floor() as i32 - q.significant_figures.max(1) as i32 + 1;
        let half = 0.5 * 10f64.powi(exponent);
        Truth::of((x - q.value).abs() <= half * (1.0 + 1e-9))
    }

    /// Whether the condition reads a scope decision that is undecided.
    pub fn mentions_undecided_scope(&self, c: Option<&Condition>) -> bool {
        match c {
            None => false,
            Some(Condition::All(l) | Condition::Any(l)) => l.iter().any(|c| self.mentions_undecided_scope(Some(c))),
            Some(Condition::Not(inner)) => self.mentions_undecided_scope(Some(inner)),
            Some(Condition::Scope(flag)) => self.scope_flag(*flag).is_none(),
            Some(_) => false,
        }
    }

    /// A scope decision as conditions see it: undecided is unknown.
    fn scope_flag(&self, flag: ScopeFlag) -> Option<bool> {
        let s = self.scope;
        match flag {
            ScopeFlag::InScope => s.in_scope,
            ScopeFlag::SystemicRisk => s.systemic_risk,
            ScopeFlag::OpenSourceExempt => s.open_source_exempt,
            ScopeFlag::LimitedToModification => s.limited_to_modification,
            ScopeFlag::LegacyModel => s.legacy_model,
            ScopeFlag::NotificationRequired => s.notification_required,
            ScopeFlag::AuthorisedRepresentativeRequired => s.authorised_representative_required,
        }
    }

    fn compare(&self, c: &Comparison, depth: u8) -> Truth {
        let (Some(left), Some(right)) = (self.operand(&c.left, depth), self.operand(&c.right, depth)) else {
            return Truth::Unknown;
        };
        let ordering = match (&left, &right) {
            (Value::Number(a), Value::Number(b)) => a.partial_cmp(b),
            (Value::Text(a), Value::Text(b)) => Some(a.cmp(b)),
            _ => None,
        };
        let Some(o) = ordering else { return Truth::Unknown };
        use std::cmp::Ordering::*;
        Truth::of(match c.op {
            CompareOp::Less => o == Less,
            CompareOp::AtMost => o != Greater,
            CompareOp::Greater => o == Greater,
            CompareOp::AtLeast => o != Less,
            CompareOp::Equal => o == Equal,
            CompareOp::NotEqual => o != Equal,
        })
    }

    fn operand(&self, o: &Operand, depth: u8) -> Option<Value> {
        match o {
            Operand::Answer(q) => match self.answer(q, depth)? {
                Answer::Number(n) => Some(Value::Number(*n)),
                Answer::Quantity(q) => Some(Value::Number(q.value)),
                Answer::Text(t) => Some(Value::Text(t.to_string())),
                Answer::Choice(_) | Answer::Multi(_) | Answer::NotApplicable => None,
            },
            Operand::Profile(input) => json_value(self.profile.get(input)?),
            Operand::Value(v) => json_value(v),
            Operand::Magnitude(inner) => match self.operand(inner, depth)? {
                Value::Number(x) if x > 0.0 => Some(Value::Number(x.log10().floor())),
                _ => None,
            },
            Operand::Normalised(inner) => match self.operand(inner, depth)? {
                Value::Text(t) => Some(Value::Text(normalise(&t))),
                Value::Number(_) => None,
            },
        }
    }

    /// Whether the question is shown: its `showIf` is certainly true (or absent).
    pub fn visible(&self, q: &Question, depth: u8) -> bool {
        q.show_if.as_ref().map_or(true, |c| self.truth(c, depth) == Truth::True)
    }

    /// The answer to a question if it is valid and the question is shown.
    pub fn answer(&self, id: &str, depth: u8) -> Option<&'a Answer<'p, 'a>> {
        let (q, a) = self.answers.get(id)?;
        self.visible(q, depth).then_some(a)
    }
}

/// See [`Operand::Normalised`]: ASCII letters in lower case, letters and digits kept, every
/// other run of ASCII one space. Characters beyond ASCII are kept as written: Unicode case
/// tables would weigh more in the wasm than the few texts compared this way need.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || !c.is_ascii() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

fn json_value(v: &serde_json::Value) -> Option<Value> {
    match v {
        serde_json::Value::Number(n) => n.as_f64().map(Value::Number),
        serde_json::Value::String(s) => Some(Value::Text(s.clone())),
        _ => None,
    }
}

fn json_equal(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// Questions a condition refers to (for listing what must be answered to decide it).
pub(crate) fn referenced_questions<'a>(c: &'a Condition, out: &mut Vec<&'a str>) {
    fn operand<'a>(o: &'a Operand, out: &mut Vec<&'a str>) {
        match o {
            Operand::Answer(q) => out.push(q),
            Operand::Magnitude(inner) | Operand::Normalised(inner) => operand(inner, out),
            Operand::Profile(_) | Operand::Value(_) => {}
        }
    }
    match c {
        Condition::All(l) | Condition::Any(l) => l.iter().for_each(|c| referenced_questions(c, out)),
        Condition::Not(inner) => referenced_questions(inner, out),
        Condition::Answer(t) => out.push(&t.question),
        Condition::Answered(q) => out.push(q),
        Condition::Compare(c) => {
            operand(&c.left, out);
            operand(&c.right, out);
        }
        Condition::WithinRounding(t) => {
            out.push(&t.answer);
            operand(&t.of, out);
        }
        Condition::Scope(_) | Condition::Profile(_) => {}
    }
}
