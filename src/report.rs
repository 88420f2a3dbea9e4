//! The report: plain data, deterministic, with a digest over its canonical JSON.
//!
//! No maps: every list is in pack order or sorted by id, so the same input gives the same
//! bytes natively and in wasm. The digest is SHA-256 over the report's JSON with `digest`
//! empty; `verify_digest` recomputes it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::pack::model::{Comparator, Recipient, RequirementKind};
use crate::scope::{Reason, ScopeResult};

/// A text of a report: borrowed from the pack the report was made with (ids, titles, the
/// requirements' texts, sources), owned when the evaluation made it or the report was read
/// back from JSON. Borrowing keeps the report from copying thousands of the pack's texts on
/// every evaluation; it serialises as a plain string either way.
pub type Text<'p> = Cow<'p, str>;

/// The report format this engine writes: 2 (ids, statuses, values and codes; no pack texts).
pub const REPORT_FORMAT: u32 = 2;

/// The engine version, from the crate version.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The status of a measure or requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Every counted requirement is met.
    Met,
    /// An answer shows a gap: something is partly met, or met and not met are mixed.
    Partial,
    /// Nothing answered is met.
    NotMet,
    /// The measure or requirement does not apply to this provider.
    NotApplicable,
    /// No answer shows a gap, but something is still unanswered.
    Unanswered,
}

impl Status {
    /// The status as the report writes it (`not-met`), and as message keys name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::Partial => "partial",
            Self::NotMet => "not-met",
            Self::NotApplicable => "not-applicable",
            Self::Unanswered => "unanswered",
        }
    }

    /// Rank for "never lowers": not met < partial < unanswered < met.
    pub fn rank(self) -> u8 {
        match self {
            Self::NotMet => 0,
            Self::Partial => 1,
            Self::Unanswered => 2,
            Self::Met => 3,
            Self::NotApplicable => 4,
        }
    }
}

/// The whole evaluation of one submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Report<'p> {
    /// The report format: 2. A report holds ids, statuses, values and codes with parameters;
    /// the words (titles, requirement texts, sources) are joined at render time from the pack
    /// (`pack(id)`), the scope texts (`scopeTexts()`) and the message catalogue (`messages()`).
    pub format_version: u32,
    /// The submission's title, if it gave one.
    pub title: Option<String>,
    /// Engine version that produced the report.
    pub engine_version: String,
    /// Pack id.
    pub pack_id: String,
    /// Pack version.
    pub pack_version: String,
    /// Pack digest fixed at build time.
    pub pack_digest: String,
    /// The assessment date used for date-dependent results.
    pub assessment_date: Option<String>,
    /// The AI Act scope decision.
    pub scope: ScopeResult,
    /// Counts overall and per chapter.
    pub summary: Summary,
    /// Per chapter, the measures and their results.
    pub chapters: Vec<ChapterResult<'p>>,
    /// Every question of the pack, in pack order: whether it is asked now and how it is answered.
    /// The page shows exactly the questions marked asked; no other code decides that.
    pub questions: Vec<QuestionState<'p>>,
    /// Questions still to answer, each once, what blocks compliance most first: by the number
    /// of measures waiting on it, then by how many items its answer decides, then pack order.
    pub missing: Vec<MissingQuestion<'p>>,
    /// Documentation forms: completeness per recipient and precision.
    pub forms: Vec<FormResult<'p>>,
    /// Contradictions between answers, each passed, tripped or not yet checkable.
    pub cross_checks: Vec<CrossCheckResult<'p>>,
    /// Problems found in the answers.
    pub findings: Vec<Finding>,
    /// `sha256:` digest of this report's canonical JSON with this field empty; empty until the report
    /// is sealed (`evaluate()` does not seal; `sealedReport`, a bundle or a renderer does).
    pub digest: String,
}

/// One question as the evaluation sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct QuestionState<'p> {
    /// Question id.
    pub id: Text<'p>,
    /// Asked now: its chapter applies and its `showIf` holds on these answers.
    pub asked: bool,
    /// How it is answered.
    pub answer: AnswerState,
}

/// Whether a question has an answer the engine can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum AnswerState {
    /// A valid answer.
    Answered,
    /// No answer (or null).
    Unanswered,
    /// An answer that does not fit the question; a finding says why.
    Invalid,
}

/// Counts of measure statuses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Measures met.
    pub met: u32,
    /// Measures partly met.
    pub partial: u32,
    /// Measures not met.
    pub not_met: u32,
    /// Measures not applicable.
    pub not_applicable: u32,
    /// Measures not answered yet.
    pub unanswered: u32,
    /// All measures.
    pub total: u32,
}

impl Counts {
    /// Adds one measure of `status`.
    pub fn add(&mut self, status: Status) {
        self.total += 1;
        match status {
            Status::Met => self.met += 1,
            Status::Partial => self.partial += 1,
            Status::NotMet => self.not_met += 1,
            Status::NotApplicable => self.not_applicable += 1,
            Status::Unanswered => self.unanswered += 1,
        }
    }
}

/// Summary counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Over every measure of the pack.
    pub overall: Counts,
    /// Per chapter, in pack order.
    pub chapters: Vec<ChapterCounts>,
    /// Cross-check outcomes.
    pub cross_checks: CrossCheckCounts,
}

/// How many cross-checks passed, tripped, or could not be checked yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CrossCheckCounts {
    /// No contradiction.
    pub passed: u32,
    /// A contradiction was found.
    pub tripped: u32,
    /// An answer it needs is missing.
    pub not_checked: u32,
}

/// Counts for one chapter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ChapterCounts {
    /// Chapter id.
    pub id: String,
    /// Whether the chapter applies; null while the scope decision is undecided.
    pub applicable: Option<bool>,
    /// Its measure counts.
    pub counts: Counts,
}

/// One chapter's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ChapterResult<'p> {
    /// Chapter id (its title and summary: the pack's chapter of that id).
    pub id: Text<'p>,
    /// Whether it applies; null while the scope decision is undecided.
    pub applicable: Option<bool>,
    /// The AI Act obligations behind it.
    pub obligations: Cow<'p, [String]>,
    /// Why it applies or not: the reason ids of its obligations from the scope decision, and
    /// `<chapter>.also-applies` when only the pack's own condition makes it apply.
    pub reasons: Vec<Reason>,
    /// Chapter notes that hold for this provider.
    pub notes: Vec<NoteResult<'p>>,
    /// SME and small mid-cap simplifications (listed when the profile says SME or SMC).
    pub simplifications: Vec<SimplificationResult<'p>>,
    /// Its measures.
    pub measures: Vec<MeasureResult<'p>>,
}

/// A simplification that applies to this provider, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SimplificationResult<'p> {
    /// Id, e.g. `SME-4`.
    pub id: Text<'p>,
    /// The measures it concerns.
    pub measures: Cow<'p, [String]>,
    /// Whether its source is unconfirmed.
    pub unconfirmed: bool,
}

/// Completeness of a documentation form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FormResult<'p> {
    /// Form id, e.g. `MDF`.
    pub id: Text<'p>,
    /// The measure that asks for it.
    pub measure_id: Text<'p>,
    /// Whether its chapter applies.
    pub applicable: bool,
    /// Required fields answered.
    pub answered: u32,
    /// Required fields.
    pub total: u32,
    /// Per recipient column.
    pub recipients: Vec<RecipientCompleteness<'p>>,
    /// Precision rules of the answered number fields.
    pub precision: Vec<PrecisionResult<'p>>,
}

/// Completeness for one recipient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RecipientCompleteness<'p> {
    /// The recipient.
    pub recipient: Recipient,
    /// Its fields answered.
    pub answered: u32,
    /// Its fields.
    pub total: u32,
    /// Field ids still empty.
    pub missing: Vec<Text<'p>>,
}

/// The kinds of precision rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum PrecisionRule {
    /// At least N significant figures.
    SignificantFigures,
    /// Only a power of ten.
    OrderOfMagnitude,
}

/// One precision check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PrecisionResult<'p> {
    /// Field id.
    pub field_id: Text<'p>,
    /// Its question.
    pub question_id: Text<'p>,
    /// The rule.
    pub rule: PrecisionRule,
    /// Significant figures required.
    pub required: Option<u32>,
    /// Significant figures written.
    pub found: Option<u32>,
    /// Whether the answer keeps the rule.
    pub pass: bool,
}

/// Outcome of a cross-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CrossCheckStatus {
    /// The answers agree.
    Passed,
    /// The answers contradict each other.
    Tripped,
    /// An answer it needs is missing.
    NotChecked,
}

/// One cross-check's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CrossCheckResult<'p> {
    /// Id, e.g. `X-01`.
    pub id: Text<'p>,
    /// Outcome.
    pub status: CrossCheckStatus,
    /// The questions it reads.
    pub questions: Vec<Text<'p>>,
}

/// A chapter note shown in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct NoteResult<'p> {
    /// Note id.
    pub id: Text<'p>,
    /// Whether its source is unconfirmed.
    pub unconfirmed: bool,
}

/// One measure's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MeasureResult<'p> {
    /// The Code's id.
    pub id: Text<'p>,
    /// The commitment it belongs to.
    pub commitment_id: Text<'p>,
    /// Status.
    pub status: Status,
    /// Why, as a code with parameters (the words: `messages::explanation`, or the page's
    /// message catalogue).
    pub explanation: Explanation<'p>,
    /// Whether the measure rests on an unconfirmed source.
    pub unconfirmed: bool,
    /// Each requirement's result.
    pub requirements: Vec<RequirementResult<'p>>,
    /// Each KPI's result.
    pub kpis: Vec<KpiResult<'p>>,
    /// Question ids still to answer for this measure.
    pub missing: Vec<Text<'p>>,
    /// Ids of SME/SMC simplifications that concern this measure (when the profile says SME or SMC).
    pub simplifications: Vec<Text<'p>>,
}

/// One requirement's result, with the trace that produced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RequirementResult<'p> {
    /// The reference's id, e.g. `C-1.3-R1`.
    pub id: Text<'p>,
    /// Kind of statement.
    pub kind: RequirementKind,
    /// Status.
    pub status: Status,
    /// Whether it decides the measure's status (obligations that apply).
    pub counted: bool,
    /// Whether it rests on an unconfirmed source.
    pub unconfirmed: bool,
    /// Which answers, through which rule, gave the status.
    pub trace: Vec<TraceStep<'p>>,
}

/// The rule a trace step applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// An applicability condition did not hold.
    NotApplicable,
    /// Whether the item applies depends on a question not answered yet.
    ApplicabilityUnknown,
    /// Every required field of a documentation form was looked at.
    FormComplete,
    /// Context with nothing to check.
    NothingToCheck,
    /// A choice answer was compared with the accepted options.
    Choice,
    /// Evidence was required to be present.
    Provided,
    /// A KPI figure was compared with the Code's target.
    Kpi,
}

/// One step of a trace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TraceStep<'p> {
    /// The rule applied.
    pub rule: Rule,
    /// The question whose answer was used.
    pub question_id: Option<Text<'p>>,
    /// The answer used (null when unanswered).
    pub answer: Option<TraceAnswer<'p>>,
    /// The KPI compared.
    pub kpi_id: Option<Text<'p>>,
    /// What this step gave.
    pub outcome: Status,
}

/// An answer as a trace shows it: a text (an option id, a date, a URL, a description, or
/// `N/A`), the option ids of a multiple choice, or a number. In JSON, a string, a list of
/// strings or a number. Option ids borrow from the pack.
#[derive(Debug, Clone, PartialEq)]
pub enum TraceAnswer<'p> {
    /// A single option id or a text.
    Text(Text<'p>),
    /// The selected option ids.
    List(Vec<Text<'p>>),
    /// A number (always finite: answers are checked first).
    Number(f64),
}

impl Serialize for TraceAnswer<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(t) => s.serialize_str(t),
            Self::List(l) => l.serialize(s),
            Self::Number(n) => s.serialize_f64(*n),
        }
    }
}

/// A text, a list of texts, or a number, as [`TraceAnswer`] writes them.
#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for TraceAnswer<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TraceAnswer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The answer a trace step used: an option id or a text, the option ids of a multiple choice, or a number.",
            "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }, { "type": "number" }]
        })
    }
}

impl<'de> Deserialize<'de> for TraceAnswer<'_> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = TraceAnswer<'static>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string, a list of strings or a number")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(TraceAnswer::Text(Cow::Owned(v.to_string())))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(TraceAnswer::Number(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(TraceAnswer::Number(v as f64))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(TraceAnswer::Number(v as f64))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(Cow::Owned(item));
                }
                Ok(TraceAnswer::List(items))
            }
        }
        d.deserialize_any(V)
    }
}

/// One KPI's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct KpiResult<'p> {
    /// KPI id.
    pub id: Text<'p>,
    /// The requirement it belongs to.
    pub requirement_id: Text<'p>,
    /// The question holding the provider's figure.
    pub question_id: Text<'p>,
    /// The provider's figure.
    pub value: Option<f64>,
    /// How it is compared; null when the Code sets no number.
    pub comparator: Option<Comparator>,
    /// The Code's number; null when it sets none.
    pub target: Option<f64>,
    /// Pass or fail; null when unanswered or when the Code sets no number.
    pub pass: Option<bool>,
    /// Whether the KPI rests on an unconfirmed source.
    pub unconfirmed: bool,
}

/// A question still to answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MissingQuestion<'p> {
    /// Question id.
    pub question_id: Text<'p>,
    /// The first measure (in pack order) that needs it; `measure_ids[0]`.
    pub measure_id: Text<'p>,
    /// Every measure whose status waits on it (lists it in its `missing`), in pack order.
    pub measure_ids: Vec<Text<'p>>,
    /// How many of the pack's questions, requirements, measures, form fields and chapters are
    /// asked or apply depending on its answer (their `showIf` or `appliesIf` refers to it).
    pub gates: u32,
}

/// What kind of problem a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum FindingCode {
    /// An answer to an id the pack does not know.
    UnknownQuestion,
    /// An answer that does not fit its question.
    InvalidAnswer,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Kept, but has no effect.
    Warning,
    /// Must be corrected; counts as unanswered meanwhile.
    Error,
}

/// A problem in the answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// What kind.
    pub code: FindingCode,
    /// How serious.
    pub severity: Severity,
    /// The answer's key.
    pub question_id: String,
    /// What is wrong, as a code with parameters (the words: `messages::problem`).
    pub problem: Problem,
}

/// Why a measure has its status: a code with parameters. In JSON, `{ "code": "requirements",
/// "status", "count", "groups": [{ "status", "ids" }] }` or `{ "code": "does-not-apply" }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Explanation<'p> {
    /// The measure does not apply to this provider (its chapter's reasons say why).
    DoesNotApply,
    /// Whether it applies waits for the scope decision.
    Undecided,
    /// It applies, but none of its requirements decides its status.
    NothingToCheck,
    /// `count` required items decide the `status`; `groups` lists them by status (met, partly
    /// met, not met, unanswered; empty groups left out).
    Requirements {
        /// The measure's status.
        status: Status,
        /// How many required items count.
        count: u32,
        /// The counted items by status.
        groups: Vec<ExplanationGroup<'p>>,
    },
}

/// Requirements of one status, in an [`Explanation`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExplanationGroup<'p> {
    /// Their status.
    pub status: Status,
    /// Their ids, in pack order.
    pub ids: Vec<Text<'p>>,
}

/// What is wrong with an answer: a code with what the words need. In JSON, `{ "code":
/// "one-of", "options": [...] }`, `{ "code": "number-between", "min", "max" }`, ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Problem {
    /// An answer to an id the pack does not know: kept, not used.
    UnknownQuestion,
    /// Not one of the question's options.
    OneOf {
        /// The option ids.
        options: Vec<String>,
    },
    /// Not a list of the question's options.
    OptionList {
        /// The option ids.
        options: Vec<String>,
    },
    /// An option chosen twice.
    RepeatedOption,
    /// NaN or an infinity.
    FiniteNumber,
    /// Outside the question's range.
    NumberBetween {
        /// Smallest allowed.
        min: f64,
        /// Largest allowed.
        max: f64,
    },
    /// Below the question's minimum.
    NumberAtLeast {
        /// Smallest allowed.
        min: f64,
    },
    /// Above the question's maximum.
    NumberAtMost {
        /// Largest allowed.
        max: f64,
    },
    /// Not a number.
    Number,
    /// Not a quantity (`2.4e25`, `7.3x10^10`).
    Quantity,
    /// Not a quantity, nor N/A where the question allows it.
    QuantityOrNotApplicable,
    /// A quantity outside the question's range.
    QuantityRange,
    /// Longer than the engine's limit.
    TooLong {
        /// Characters allowed.
        max: u32,
    },
    /// Shorter than the question asks for.
    TooShort {
        /// Characters needed.
        min: u32,
    },
    /// Not a real date written YYYY-MM-DD.
    Date,
    /// Not a web address.
    WebAddress,
    /// Not a text.
    Text,
}

impl Problem {
    /// The code, as in JSON and in message keys (`problem.<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownQuestion => "unknown-question",
            Self::OneOf { .. } => "one-of",
            Self::OptionList { .. } => "option-list",
            Self::RepeatedOption => "repeated-option",
            Self::FiniteNumber => "finite-number",
            Self::NumberBetween { .. } => "number-between",
            Self::NumberAtLeast { .. } => "number-at-least",
            Self::NumberAtMost { .. } => "number-at-most",
            Self::Number => "number",
            Self::Quantity => "quantity",
            Self::QuantityOrNotApplicable => "quantity-or-not-applicable",
            Self::QuantityRange => "quantity-range",
            Self::TooLong { .. } => "too-long",
            Self::TooShort { .. } => "too-short",
            Self::Date => "date",
            Self::WebAddress => "web-address",
            Self::Text => "text",
        }
    }
}

impl Report<'_> {
    /// The canonical JSON of the report (as the digest covers it, with `digest` empty).
    pub fn canonical_json(&self) -> String {
        let mut copy = self.clone();
        copy.digest = String::new();
        // Writing plain structs, vectors and numbers cannot fail (only a map key can).
        crate::json::to_string(&copy).expect("report serialises")
    }

    /// Computes and stores the digest (in place: no copy of the report), and returns the sealed
    /// report's JSON: the canonical text with the digest put in, so that a caller who needs the
    /// text (the wasm boundary) does not serialise the report a second time.
    pub fn seal(&mut self) -> String {
        self.digest.clear();
        // Writing plain structs, vectors and numbers cannot fail (only a map key can).
        let mut text = crate::json::to_string(self).expect("report serialises");
        self.digest = digest_of(&text);
        // `digest` is the last field, so the canonical text ends with it, empty.
        const EMPTY_DIGEST_END: &str = "\"digest\":\"\"}";
        debug_assert!(text.ends_with(EMPTY_DIGEST_END));
        text.truncate(text.len() - 2);
        text.push_str(&self.digest);
        text.push_str("\"}");
        text
    }

    /// True when the stored digest matches the content.
    pub fn verify_digest(&self) -> bool {
        self.digest == digest_of(&self.canonical_json())
    }
}

/// `sha256:` + hex of the SHA-256 of `text`.
pub fn digest_of(text: &str) -> String {
    // Fed in 4 KB pieces, each one call of SHA-256's block function. V8 swaps a wasm function's
    // baseline code for optimised code only between calls: hashed in one piece, the page's first
    // report (about 200 KB) would be hashed in baseline code throughout.
    let mut hasher = Sha256::new();
    for piece in text.as_bytes().chunks(4096) {
        hasher.update(piece);
    }
    let hash = hasher.finalize();
    let mut out = String::with_capacity(71);
    out.push_str("sha256:");
    for b in hash {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}
