//! The rule-pack data model: what a pack file says, as Rust types.
//!
//! A pack is the Code of Practice as data: chapters -> commitments -> measures -> requirements,
//! each with the Code's own id, a paraphrase, its legal sources and a confidence code. Questions
//! belong to measures; requirements are checked through questions; KPIs are numbers a provider
//! states and the pack compares with a target. Conditions (`appliesIf`, `showIf`) are data.
//!
//! This module only describes; `pack::validate` checks that references resolve and
//! `evaluate` gives the data its meaning. It must stay free of wasm and of I/O.

use serde::{Deserialize, Serialize};

/// The version of the pack format this engine reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole rule pack, as assembled from its chapter files at build time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pack {
    /// Pack format version; must equal [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Stable pack id, e.g. `gpai-cop-final`.
    pub id: String,
    /// Version of this pack's content (semver); changes whenever the content changes.
    pub version: String,
    /// Human title.
    pub title: String,
    /// Publication date of the text the pack encodes (`YYYY-MM-DD`).
    pub publication_date: String,
    /// Who published the encoded text.
    pub publisher: String,
    /// A short caution shown with every report (not legal advice, paraphrase).
    pub disclaimer: String,
    /// Set at build time: `sha256:` + hex digest of the pack's canonical JSON (empty in files).
    #[serde(default)]
    pub digest: String,
    /// What each confidence code means and whether it counts as unconfirmed.
    pub confidence_levels: Vec<ConfidenceLevel>,
    /// The research sources that confidence codes and notes refer to.
    pub sources: Vec<SourceDoc>,
    /// The texts of law the pack encodes, with their dates, and later ones it does not encode
    /// yet (named, never guessed at).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub law: Vec<LawText>,
    /// What each version of the pack changed, newest first: the first entry is this version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changelog: Vec<PackRelease>,
    /// The chapters, in the Code's order.
    pub chapters: Vec<Chapter>,
    /// Where each question sits, by id: made on first use by [`Pack::question_index`].
    #[serde(skip)]
    pub question_positions: super::QuestionPositions,
}

/// One confidence code of the reference catalogue (e.g. `P`, `S2`, `R`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConfidenceLevel {
    /// The code, e.g. `S2`.
    pub code: String,
    /// What it means.
    pub meaning: String,
    /// True when items with this code must be shown as unconfirmed.
    pub unconfirmed: bool,
}

/// A research source the pack rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SourceDoc {
    /// Source id, e.g. `SRC-S2a`.
    pub id: String,
    /// Kind, e.g. `primary`, `secondary`, `official web page`.
    pub kind: String,
    /// What it is, paraphrased.
    pub description: String,
}

/// A text of law (or of soft law such as the Code or the Guidelines) and whether the pack
/// encodes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LawText {
    /// Stable id, e.g. `guidelines-c-2025-5045`.
    pub id: String,
    /// What it is, e.g. "Commission Guidelines on the scope of the obligations for GPAI models,
    /// C(2025) 5045 final".
    pub title: String,
    /// Its date (`YYYY-MM-DD`), where it is known from its official text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Whether the pack encodes it. A text that could not be checked against its official
    /// version is named with `encoded: false`, never guessed at.
    pub encoded: bool,
    /// What the pack takes from it, or why it is not encoded.
    pub note: String,
}

/// One version of a pack and what it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PackRelease {
    /// The version, e.g. `0.2.0`.
    pub version: String,
    /// When it was made (`YYYY-MM-DD`).
    pub date: String,
    /// What the version is about, in a sentence.
    pub summary: String,
    /// Each item added, removed or changed, with why.
    #[serde(default)]
    pub changes: Vec<PackChange>,
}

/// One change of a pack version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PackChange {
    /// Stable id, e.g. `0.2.0-04`.
    pub id: String,
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// What kind of item.
    pub item_kind: ItemKind,
    /// The item's id (a question, requirement, KPI, Form field, cross-check, scope reason or
    /// profile input id).
    pub item: String,
    /// Pack items whose results this change can move besides those the item belongs to (for a
    /// removed item, where it was): measure, cross-check or question ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affects: Vec<String>,
    /// What changed and why, paraphrased.
    pub reason: String,
    /// The sources the change rests on.
    pub sources: Vec<SourceRef>,
}

/// How an item changed between pack versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// New in this version.
    Added,
    /// Gone in this version.
    Removed,
    /// Its meaning, wording, type, source or mark changed.
    Changed,
}

/// The kinds of item a pack change can concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    /// A question of the pack.
    Question,
    /// A requirement (its text, note, check or condition).
    Requirement,
    /// A KPI.
    Kpi,
    /// A Model Documentation Form field.
    FormField,
    /// A cross-check.
    CrossCheck,
    /// A reason or note of the scope decision (`scopeTexts().reasons`).
    ScopeReason,
    /// A profile input of the scope decision.
    ProfileInput,
    /// The law the pack states it encodes.
    Law,
}

/// A citation of a legal or Code source for an item.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SourceRef {
    /// What is cited.
    pub kind: SourceKind,
    /// The reference within it, e.g. `C-1.3`, `Art 53(1)(c)`, `para 63`.
    #[serde(rename = "ref")]
    pub reference: String,
}

/// The kinds of source an item can cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// The Code of Practice (its own ids).
    Code,
    /// The AI Act, Regulation (EU) 2024/1689.
    AiAct,
    /// The Commission Guidelines on the scope of GPAI obligations, C(2025) 5045.
    Guidelines,
    /// Another EU directive (e.g. 2019/790 on copyright).
    Directive,
    /// The Commission template for the public training-content summary.
    Template,
    /// The Model Documentation Form.
    Form,
}

/// A chapter of the Code (Transparency, Copyright, Safety and Security).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Chapter {
    /// `T`, `C` or `SS`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Plain-language summary of what the chapter asks.
    pub summary: String,
    /// AI Act obligation ids (from the scope decision) this chapter implements; the chapter
    /// applies when at least one of them applies.
    pub obligations: Vec<String>,
    /// Extra condition on top of the obligations (both must hold).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Condition>,
    /// The chapter also applies when this holds, even if none of its obligations applies
    /// (e.g. a provider without systemic risk that signed the Safety and Security chapter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub also_applies_if: Option<Condition>,
    /// Why the chapter applies when only `also_applies_if` holds, shown as its reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub also_applies_reason: Option<ReasonText>,
    /// Chapter-level notes (recital-level context), shown with the chapter.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Simplifications for SMEs and small mid-caps, and the measures they concern.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub simplifications: Vec<Simplification>,
    /// The chapter's commitments.
    pub commitments: Vec<Commitment>,
    /// A documentation form whose fields are questions of one of the chapter's measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<DocumentationForm>,
    /// Contradictions between answers that a careful reviewer would catch.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cross_checks: Vec<CrossCheck>,
    /// A document the provider publishes, written from the chapter's answers (the public
    /// training-content summary on the Commission's template).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<PublishedDocument>,
}

/// A document written from answers for the public (e.g. the training-content summary): its
/// sections and items in the template's order, each the answer to one question or a profile
/// input. An item is in the document while its question is asked; the engine's `asked` decides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublishedDocument {
    /// Stable id, e.g. `training-summary`.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Who reads it, e.g. "The public".
    pub recipient: String,
    /// How it reaches them, e.g. "published on the provider's website".
    pub delivery: String,
    /// The yes/no question that says the document is written in the checker.
    pub written_here: String,
    /// The question that names the model (for the header and the file name).
    pub model_question: String,
    /// The question that gives the document's version.
    pub version_question: String,
    /// Its sections, in the template's order.
    pub sections: Vec<PublishedSection>,
}

/// A section of a [`PublishedDocument`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublishedSection {
    /// Its title, e.g. "1. General information".
    pub title: String,
    /// Its items, in order.
    pub items: Vec<PublishedItem>,
}

/// One item of a [`PublishedDocument`]: the answer to `question`, or the value of the profile
/// input `profile` shown by the label of `values`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublishedItem {
    /// The template's section number, e.g. `2.3`, or `header`.
    #[serde(rename = "ref")]
    pub reference: String,
    /// What the item is, as the document shows it.
    pub label: String,
    /// The question that holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The profile input that holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Labels for the profile input's values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<ChoiceOption>,
}

/// Who a Form item is for (Model Documentation Form columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Recipient {
    /// The AI Office, on request.
    #[serde(rename = "AIO")]
    AiOffice,
    /// National competent authorities, through an AI Office request.
    #[serde(rename = "NCA")]
    NationalAuthorities,
    /// Downstream providers, proactively.
    #[serde(rename = "DP")]
    DownstreamProviders,
}

/// A recipient column of a form, with how it receives the items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecipientSpec {
    /// The recipient.
    pub id: Recipient,
    /// Human label.
    pub label: String,
    /// How it gets the items, e.g. "on request" or "proactively".
    pub delivery: String,
}

/// A documentation form, e.g. the Model Documentation Form of Transparency Measure 1.1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DocumentationForm {
    /// Form id, e.g. `MDF`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// The measure whose `questions` hold the fields' questions.
    pub measure: String,
    /// The recipient columns.
    pub recipients: Vec<RecipientSpec>,
    /// Form-wide rules (e.g. `MDF-H1`), shown with the form.
    #[serde(default)]
    pub rules: Vec<Note>,
    /// Section titles in order.
    pub sections: Vec<String>,
    /// The fields.
    pub fields: Vec<FormField>,
}

/// How precisely a number must be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Precision {
    /// At least this many significant figures (e.g. 2 for 7.3e10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub significant_figures: Option<u32>,
    /// Only the order of magnitude, written as a power of ten (e.g. 1e24).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub order_of_magnitude: bool,
}

/// A field of a documentation form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FormField {
    /// The reference's id, e.g. `MDF-2.7a`.
    pub id: String,
    /// The section title it belongs to.
    pub section: String,
    /// The field's name.
    pub label: String,
    /// The question that holds its value (in the form's measure).
    pub question: String,
    /// Who it is for.
    pub recipients: Vec<Recipient>,
    /// Precision rule for numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
    /// The Annex point it serves (the analyst's mapping).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annex_ref: Option<String>,
    /// Confidence code.
    pub confidence: String,
    /// Caveat from the reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The field is required only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Condition>,
    /// Further questions the Form row asks for besides `question` (e.g. the testing and
    /// validation sizes beside the training size of MDF-6.4a): the field counts as answered
    /// only when every part is, and each part's precision rule is checked like the field's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<FormPart>,
}

/// A further question of a Form field (see [`FormField::parts`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FormPart {
    /// The question that holds this part (in the form's measure).
    pub question: String,
    /// Precision rule for a number part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
}

impl FormField {
    /// The field's questions with their precision rules: its own, then its parts'.
    pub fn questions(&self) -> impl Iterator<Item = (&str, Option<Precision>)> {
        std::iter::once((self.question.as_str(), self.precision))
            .chain(self.parts.iter().map(|p| (p.question.as_str(), p.precision)))
    }
}

/// A contradiction between answers (or between answers and the profile): it trips when `when`
/// holds, passes when it does not, and is not checked while an answer it needs is missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CrossCheck {
    /// Stable id, e.g. `X-01`.
    pub id: String,
    /// What is compared, in a few words.
    pub title: String,
    /// What is wrong when it trips, and what to do.
    pub message: String,
    /// The rule it rests on.
    pub sources: Vec<SourceRef>,
    /// The contradiction.
    pub when: Condition,
}

/// A contextual note with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Note {
    /// Id from the reference, e.g. `C-REC-1`.
    pub id: String,
    /// Paraphrased text.
    pub text: String,
    /// Confidence code.
    pub confidence: String,
    /// Shown only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
}

/// A reason text with its source, for reasons a pack states itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReasonText {
    /// Paraphrased text.
    pub text: String,
    /// Legal source.
    pub source: String,
}

/// A simplification the Code grants SMEs and small mid-caps (SMCs), e.g. `SME-4`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Simplification {
    /// Id from the reference, e.g. `SME-4`.
    pub id: String,
    /// Paraphrased text.
    pub text: String,
    /// Where in the Code it is stated, e.g. `SS-8.1 presumption (1)`.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Confidence code.
    pub confidence: String,
    /// The measures it concerns.
    pub measures: Vec<String>,
}

/// A commitment of the Code (e.g. `C-1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Commitment {
    /// The Code's id, e.g. `C-1`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Plain-language summary.
    pub summary: String,
    /// Legal sources.
    pub sources: Vec<SourceRef>,
    /// Confidence code.
    pub confidence: String,
    /// The commitment's measures.
    pub measures: Vec<Measure>,
}

/// A measure of the Code (e.g. `C-1.3`): the unit that gets a status in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Measure {
    /// The Code's id, e.g. `C-1.3`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Plain-language summary.
    pub summary: String,
    /// Legal sources: the Code id and the AI Act article at least.
    pub sources: Vec<SourceRef>,
    /// Confidence code.
    pub confidence: String,
    /// Extra applicability condition on top of the chapter's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Condition>,
    /// The checkable requirements.
    pub requirements: Vec<Requirement>,
    /// The questions that answer this measure's requirements.
    pub questions: Vec<Question>,
}

/// What kind of statement a requirement is; only obligations decide a measure's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RequirementKind {
    /// Something the provider must do.
    Obligation,
    /// A variant of an obligation for a special case (e.g. open-source releases).
    ObligationVariant,
    /// Encouraged, not required: evaluated and shown, never counted.
    Encouraged,
    /// Background that explains the measure; nothing to check.
    Context,
    /// Says what the measure covers; nothing to check.
    Scope,
    /// A presumption the Code states (e.g. what counts as adequate).
    Presumption,
    /// A flexibility the Code grants.
    Flexibility,
    /// A simplification for SMEs and small mid-caps.
    SmeSimplification,
    /// Examples given by the Code.
    Examples,
    /// A definition.
    Definition,
    /// Indicators the Code lists.
    Indicators,
    /// An exemption.
    Exemption,
}

impl RequirementKind {
    /// True when the requirement decides the measure's status.
    pub fn counts(self) -> bool {
        matches!(self, Self::Obligation | Self::ObligationVariant)
    }
}

/// A checkable requirement within a measure (e.g. `C-1.3-R1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Requirement {
    /// The reference's id, e.g. `C-1.3-R1`.
    pub id: String,
    /// What kind of statement it is.
    pub kind: RequirementKind,
    /// Plain-language paraphrase.
    pub text: String,
    /// Confidence code.
    pub confidence: String,
    /// A caveat from the reference (e.g. why it is unconfirmed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Applies only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Condition>,
    /// How the answers decide it; `None` for context that has nothing to check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<Check>,
    /// Numbers the provider states and the Code sets targets for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<Kpi>,
}

/// How a requirement's status follows from answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum Check {
    /// The answer to a choice question: met if in `met`, partial if in `partial`, else not met.
    Choice(ChoiceCheck),
    /// Met when the question has a non-empty answer (evidence such as a URL or a description).
    Provided(ProvidedCheck),
    /// Met when the KPI with this id (in the same requirement) passes.
    Kpi(String),
    /// Every check must be met; the weakest status wins.
    All(Vec<Check>),
    /// Met when every applicable field of the form with this id is answered.
    FormComplete(String),
    /// The inner check, only where a condition holds: not applicable where it does not, and
    /// unanswered while it cannot be decided.
    When(WhenCheck),
}

/// See [`Check::When`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WhenCheck {
    /// Where the check applies.
    pub condition: Condition,
    /// The check.
    pub check: Box<Check>,
}

/// See [`Check::Choice`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChoiceCheck {
    /// The question id.
    pub question: String,
    /// Option ids that meet the requirement.
    pub met: Vec<String>,
    /// Option ids that meet it partly.
    #[serde(default)]
    pub partial: Vec<String>,
}

/// See [`Check::Provided`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProvidedCheck {
    /// The question id.
    pub question: String,
}

/// A comparison operator for KPIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Comparator {
    /// Value at most the target.
    #[serde(rename = "<=")]
    AtMost,
    /// Value at least the target.
    #[serde(rename = ">=")]
    AtLeast,
    /// Value below the target.
    #[serde(rename = "<")]
    Below,
    /// Value above the target.
    #[serde(rename = ">")]
    Above,
    /// Value equal to the target.
    #[serde(rename = "==")]
    Equal,
}

/// A key performance indicator: a number the provider states, compared with the Code's target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Kpi {
    /// Stable id, e.g. `T-1.2-R4-K1`.
    pub id: String,
    /// Metric name from the reference's KPI register.
    pub metric: String,
    /// The number question that holds the provider's figure.
    pub question: String,
    /// How the figure is compared; `None` when the Code sets no number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Comparator>,
    /// The Code's number; `None` when the Code sets none (e.g. "reasonable time").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// Unit of value and target.
    pub unit: String,
    /// From when the figure counts (e.g. "from receipt of the request").
    pub anchor: String,
}

/// The type of a question and therefore of its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionType {
    /// `"yes"`, `"partly"` or `"no"`.
    YesPartlyNo,
    /// `"yes"` or `"no"`.
    YesNo,
    /// One option id.
    SingleChoice,
    /// An array of distinct option ids.
    MultiChoice,
    /// A finite number in the question's unit.
    Number,
    /// A number whose written precision matters: a JSON number, or a string such as
    /// `"2.4e25"`, `"2.4x10^25"` or `"10^24"`; its significant figures are counted as written.
    Quantity,
    /// A calendar date `YYYY-MM-DD`.
    Date,
    /// Free text.
    Text,
    /// An `https://` or `http://` address.
    Url,
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stable id stored in answers.
    pub id: String,
    /// Human label.
    pub label: String,
}

/// A question the provider answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Question {
    /// Stable id used as the key in `answers`.
    pub id: String,
    /// Answer type.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// The question, in plain language.
    pub text: String,
    /// Help text: what counts, examples, where to look.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Options for single and multiple choice (the yes/no types have implicit options).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// Unit for number questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Smallest accepted number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest accepted number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// A quantity question also accepts `"N/A"` (e.g. energy that cannot be estimated).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_not_applicable: bool,
    /// Fewest characters a text answer needs to count as evidence (so "-" or "n/a" do not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    /// Asked only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// Where the question comes from (Code id, article).
    pub sources: Vec<SourceRef>,
}

/// A condition over the scope result, the profile and other answers. Data, not code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum Condition {
    /// Every condition holds (true when empty).
    All(Vec<Condition>),
    /// At least one holds (false when empty).
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// A boolean of the scope result holds.
    Scope(ScopeFlag),
    /// A profile input equals a value.
    Profile(ProfileTest),
    /// The answer to a question is one of the values (for multiple choice: any selected).
    Answer(AnswerTest),
    /// The question has a valid, non-empty answer.
    Answered(String),
    /// Two values compare as stated (numbers, or dates as `YYYY-MM-DD` strings); unknown while
    /// either is missing.
    Compare(Comparison),
    /// A number is what a quantity answer says at the precision it is written in: within half
    /// a unit of its last significant figure (3.8e25 stands for 3.75e25 to 3.85e25). Unknown
    /// while either is missing.
    WithinRounding(RoundingTest),
}

/// See [`Condition::WithinRounding`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoundingTest {
    /// The quantity question whose written precision sets the rounding.
    pub answer: String,
    /// The number it is compared with.
    pub of: Operand,
}

/// See [`Condition::Compare`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Comparison {
    /// Left side.
    pub left: Operand,
    /// Operator.
    pub op: CompareOp,
    /// Right side.
    pub right: Operand,
}

/// A value in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum Operand {
    /// The answer to a question (number, quantity or date).
    Answer(String),
    /// A profile input (its default when not given).
    Profile(String),
    /// A constant number or date string.
    Value(serde_json::Value),
    /// The power of ten of a positive number: floor(log10(x)).
    Magnitude(Box<Operand>),
    /// A text as compared loosely: lower case, letters and digits kept, each run of anything
    /// else one space, trimmed: `"N/A"`, `"n/a."` and `" n.a. "` all read `"n a"`, and
    /// `"Not  applicable."` reads `"not applicable"`.
    Normalised(Box<Operand>),
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CompareOp {
    /// Less than.
    #[serde(rename = "<")]
    Less,
    /// At most.
    #[serde(rename = "<=")]
    AtMost,
    /// Greater than.
    #[serde(rename = ">")]
    Greater,
    /// At least.
    #[serde(rename = ">=")]
    AtLeast,
    /// Equal.
    #[serde(rename = "==")]
    Equal,
    /// Not equal.
    #[serde(rename = "!=")]
    NotEqual,
}

/// See [`Condition::Profile`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProfileTest {
    /// The profile input id, e.g. `is_open_source_licence`.
    pub input: String,
    /// The value it must equal (a missing input takes its default first).
    pub equals: serde_json::Value,
}

/// See [`Condition::Answer`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnswerTest {
    /// The question id.
    pub question: String,
    /// Accepted option ids (or `"yes"`, `"partly"`, `"no"`).
    #[serde(rename = "in")]
    pub one_of: Vec<String>,
}

/// The booleans of the scope result that pack conditions can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ScopeFlag {
    /// The provider's model is in scope of Chapter V of the AI Act.
    InScope,
    /// The model is a GPAI model with systemic risk.
    SystemicRisk,
    /// The open-source exemption of Art 53(2) and 54(6) applies.
    OpenSourceExempt,
    /// The provider is a downstream modifier whose Art 53 duties cover only its modification.
    LimitedToModification,
    /// The model was placed on the market before 2 August 2025.
    LegacyModel,
    /// An Art 52(1) notification is required.
    NotificationRequired,
    /// An authorised representative (Art 54) is required.
    AuthorisedRepresentativeRequired,
}
