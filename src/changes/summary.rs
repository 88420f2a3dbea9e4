//! A check of an assessment as a comparison needs it ([`CheckSummary`]): read from a report of
//! either format, from a summary, or from the pack version alone. Stored without its questions
//! ([`CheckSummary::compact`]), a third of a report or less: the page keeps one per assessment. Answers are kept as fingerprints
//! (FNV-1a, 64 bits, over what they hold), enough to tell that an answer changed without storing
//! it.

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, InputError};
use crate::report::{AnswerState, CrossCheckStatus, FindingCode, Report, Status};

/// The version of the summary format this engine writes and reads.
pub const SUMMARY_VERSION: u32 = 1;

/// What a comparison needs of one check of an assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CheckSummary {
    /// Always [`SUMMARY_VERSION`]; tells a summary from a report.
    pub summary_version: u32,
    /// The pack the check was made with.
    pub pack_id: String,
    /// Its version.
    pub pack_version: String,
    /// The engine that made the check; null when not known.
    pub engine_version: Option<String>,
    /// The report format it was read from: 1 (engine 0.1), 2, or 0 when it held no report.
    pub report_format: u32,
    /// Whether the statuses below are known (false for a check known only by its pack version).
    pub statuses_known: bool,
    /// Every chapter with whether it applied (null: not decided yet) and its measures.
    pub chapter_applicability: Vec<ChapterSummary>,
    /// Every measure with its status, its requirements' statuses and the questions it read.
    pub measures: Vec<MeasureSummary>,
    /// Every question with whether it was asked and answered; null when the report did not say
    /// (format 1).
    pub questions: Option<Vec<QuestionSummary>>,
    /// Every cross-check with its status.
    pub cross_checks: Vec<ItemStatus<CrossCheckStatus>>,
    /// The findings, by code and question.
    pub findings: Vec<FindingSummary>,
    /// The answers the measures read, as fingerprints, by question id (sorted).
    pub answers: Vec<AnswerPrint>,
}

/// A chapter in a summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ChapterSummary {
    /// Chapter id.
    pub id: String,
    /// Whether it applied; null when not decided yet.
    pub applicable: Option<bool>,
    /// Its measures' ids.
    pub measures: Vec<String>,
}

/// A measure in a summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MeasureSummary {
    /// Measure id.
    pub id: String,
    /// Its status.
    pub status: Status,
    /// Its requirements' statuses.
    pub requirements: Vec<ItemStatus<Status>>,
    /// The questions its requirements read (from their traces), in order, each once.
    pub questions: Vec<String>,
}

/// An item's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ItemStatus<S> {
    /// Item id.
    pub id: String,
    /// Its status.
    pub status: S,
}

/// A question in a summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct QuestionSummary {
    /// Question id.
    pub id: String,
    /// Whether it was asked.
    pub asked: bool,
    /// Whether it was answered.
    pub answer: AnswerState,
}

/// A finding in a summary.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FindingSummary {
    /// What kind.
    pub code: FindingCode,
    /// The answer's key.
    pub question_id: String,
}

/// An answer's fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AnswerPrint {
    /// Question id.
    pub question_id: String,
    /// FNV-1a (64 bits, hex) over the answer's values and their kinds.
    pub print: String,
}

/// What changed between two checks of an assessment.
/// Any of the shapes a check is kept in. Unknown fields are ignored: a format-1 report carries
/// the pack's words, which a comparison does not read.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CheckIn {
    #[serde(default)]
    summary_version: Option<u32>,
    #[serde(default)]
    format_version: Option<u32>,
    pack_id: String,
    pack_version: String,
    #[serde(default)]
    engine_version: Option<String>,
    #[serde(default)]
    report_format: Option<u32>,
    #[serde(default)]
    statuses_known: Option<bool>,
    #[serde(default)]
    chapters: Option<Vec<ChapterIn>>,
    #[serde(default)]
    chapter_applicability: Option<Vec<ChapterSummary>>,
    #[serde(default)]
    measures: Option<Vec<MeasureSummary>>,
    #[serde(default)]
    questions: Option<Vec<QuestionSummary>>,
    #[serde(default)]
    cross_checks: Option<Vec<ItemStatus<CrossCheckStatus>>>,
    #[serde(default)]
    findings: Option<Vec<FindingSummary>>,
    #[serde(default)]
    answers: Option<Vec<AnswerPrint>>,
}

#[derive(Deserialize)]
struct ChapterIn {
    id: String,
    #[serde(default)]
    applicable: Option<bool>,
    measures: Vec<MeasureIn>,
}

#[derive(Deserialize)]
struct MeasureIn {
    id: String,
    status: Status,
    #[serde(default)]
    requirements: Vec<RequirementIn>,
}

#[derive(Deserialize)]
struct RequirementIn {
    id: String,
    status: Status,
    #[serde(default)]
    trace: Vec<StepIn>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StepIn {
    #[serde(default)]
    question_id: Option<String>,
    #[serde(default)]
    answer: Option<Print>,
}

impl CheckSummary {
    /// Reads a check from JSON text: a report of format 1 or 2, a summary, or `{ packId,
    /// packVersion }` alone (a check whose statuses were not kept).
    ///
    /// # Errors
    /// `invalid_json`, `invalid_type`, `missing_field` with the path; `invalid_value` for a
    /// summary of another version.
    pub fn from_json(text: &str) -> Result<Self, InputError> {
        let input: CheckIn = crate::error::parse_json(text, false)?;
        Self::of_input(input)
    }

    /// The summary of a check read in any of its shapes (see [`CheckSummary::from_json`]).
    pub(crate) fn of_input(input: CheckIn) -> Result<Self, InputError> {
        if let Some(v) = input.summary_version {
            if v != SUMMARY_VERSION {
                return Err(InputError::new(
                    ErrorCode::InvalidValue,
                    "summaryVersion",
                    format!("this engine reads summaries of version {SUMMARY_VERSION}"),
                ));
            }
            return Ok(Self {
                summary_version: SUMMARY_VERSION,
                statuses_known: input.statuses_known.unwrap_or(input.measures.is_some()),
                chapter_applicability: input.chapter_applicability.unwrap_or_default(),
                pack_id: input.pack_id,
                pack_version: input.pack_version,
                engine_version: input.engine_version,
                report_format: input.report_format.unwrap_or(0),
                measures: input.measures.unwrap_or_default(),
                questions: input.questions,
                cross_checks: input.cross_checks.unwrap_or_default(),
                findings: input.findings.unwrap_or_default(),
                answers: sorted(input.answers.unwrap_or_default()),
            });
        }
        let Some(chapters) = input.chapters else {
            return Ok(Self::bare(input.pack_id, input.pack_version, input.engine_version));
        };
        let mut answers: Vec<AnswerPrint> = Vec::new();
        let chapter_applicability = chapters
            .iter()
            .map(|c| ChapterSummary {
                id: c.id.clone(),
                applicable: c.applicable,
                measures: c.measures.iter().map(|m| m.id.clone()).collect(),
            })
            .collect();
        let measures = chapters
            .into_iter()
            .flat_map(|c| c.measures)
            .map(|m| {
                let mut questions: Vec<String> = Vec::new();
                for step in m.requirements.iter().flat_map(|r| &r.trace) {
                    let Some(q) = &step.question_id else { continue };
                    if !questions.contains(q) {
                        questions.push(q.clone());
                    }
                    if let Some(print) = &step.answer {
                        if !answers.iter().any(|a| &a.question_id == q) {
                            answers.push(AnswerPrint { question_id: q.clone(), print: print.hex() });
                        }
                    }
                }
                MeasureSummary {
                    id: m.id,
                    status: m.status,
                    requirements: m
                        .requirements
                        .into_iter()
                        .map(|r| ItemStatus { id: r.id, status: r.status })
                        .collect(),
                    questions,
                }
            })
            .collect();
        Ok(Self {
            summary_version: SUMMARY_VERSION,
            pack_id: input.pack_id,
            pack_version: input.pack_version,
            engine_version: input.engine_version,
            // Format 1 did not say its format.
            report_format: input.format_version.unwrap_or(1),
            statuses_known: true,
            chapter_applicability,
            measures,
            questions: input.questions,
            cross_checks: input.cross_checks.unwrap_or_default(),
            findings: input.findings.unwrap_or_default(),
            answers: sorted(answers),
        })
    }

    /// The summary of a report this engine made.
    pub fn of_report(r: &Report) -> Self {
        // The report's own JSON holds exactly the fields read above; reading it back keeps one
        // path for every source of a summary. Writing and reading a report cannot fail.
        let text = crate::json::to_string(r).unwrap_or_default();
        Self::from_json(&text).unwrap_or_else(|_| Self::bare(r.pack_id.clone(), r.pack_version.clone(), None))
    }

    /// The summary without its list of questions, for storing: about half the size. Questions
    /// added and removed are then found in the pack's changelog, as for a format-1 report.
    pub fn compact(mut self) -> Self {
        self.questions = None;
        self
    }

    /// A check known only by its pack (and engine) version.
    fn bare(pack_id: String, pack_version: String, engine_version: Option<String>) -> Self {
        Self {
            summary_version: SUMMARY_VERSION,
            pack_id,
            pack_version,
            engine_version,
            report_format: 0,
            statuses_known: false,
            chapter_applicability: Vec::new(),
            measures: Vec::new(),
            questions: None,
            cross_checks: Vec::new(),
            findings: Vec::new(),
            answers: Vec::new(),
        }
    }

    pub(super) fn version(&self) -> super::CheckVersion {
        super::CheckVersion {
            pack_version: self.pack_version.clone(),
            engine_version: self.engine_version.clone(),
            report_format: self.report_format,
        }
    }

    pub(super) fn chapter_of(&self, measure: &str) -> Option<&ChapterSummary> {
        self.chapter_applicability.iter().find(|c| c.measures.iter().any(|m| m == measure))
    }

    pub(super) fn print(&self, question: &str) -> Option<&str> {
        self.answers
            .binary_search_by(|a| a.question_id.as_str().cmp(question))
            .ok()
            .map(|i| self.answers[i].print.as_str())
    }
}

fn sorted(mut answers: Vec<AnswerPrint>) -> Vec<AnswerPrint> {
    answers.sort_by(|a, b| a.question_id.cmp(&b.question_id));
    answers.dedup_by(|a, b| a.question_id == b.question_id);
    answers
}

/// An answer's fingerprint, made while it is read: FNV-1a (64 bits) over its values and their
/// kinds, so that no copy of the answer (nor a JSON value type, which would weigh on the wasm)
/// is made. `"10"` and `10` differ; a list is its items in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Print(u64);

impl Print {
    const START: u64 = 0xcbf2_9ce4_8422_2325;

    fn add(self, bytes: &[u8]) -> Self {
        let mut hash = self.0;
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        Self(hash)
    }

    fn hex(self) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        (0..16).rev().map(|i| HEX[((self.0 >> (i * 4)) & 0xf) as usize] as char).collect()
    }
}

impl<'de> Deserialize<'de> for Print {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit(Print);
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Print;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an answer")
            }
            fn visit_str<E>(self, v: &str) -> Result<Print, E> {
                Ok(self.0.add(b"s").add(v.as_bytes()).add(&[0]))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Print, E> {
                Ok(self.0.add(b"n").add(&v.to_bits().to_le_bytes()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Print, E> {
                Ok(self.0.add(b"n").add(&(v as f64).to_bits().to_le_bytes()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Print, E> {
                Ok(self.0.add(b"n").add(&(v as f64).to_bits().to_le_bytes()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Print, E> {
                Ok(self.0.add(if v { b"t" } else { b"f" }))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Print, A::Error> {
                let mut print = self.0.add(b"[");
                while let Some(item) = seq.next_element_seed(Seed(print))? {
                    print = item;
                }
                Ok(print.add(b"]"))
            }
        }
        struct Seed(Print);
        impl<'de> serde::de::DeserializeSeed<'de> for Seed {
            type Value = Print;
            fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Print, D::Error> {
                d.deserialize_any(Visit(self.0))
            }
        }
        d.deserialize_any(Visit(Print(Print::START)))
    }
}
