//! The documents a provider hands over, written from checked answers: the Model Documentation
//! Form filled in for each of its recipients (AI Office, national competent authorities,
//! downstream providers). Each holds exactly that recipient's fields, in the Form's section and
//! row order, and says "not yet provided" for every field without a valid answer: never a
//! silent gap. A header traces it to the assessment: pack version and digest, and the digest of
//! the sealed report the answers give. Each comes as Markdown for people and as a CycloneDX 1.6
//! ML-BOM model card for machines (see [`cyclonedx`]).
//!
//! Like the other renderers, documents are made only from the engine's own evaluation of a
//! submission, or of a result bundle that verifies.

mod cyclonedx;
mod summary;

pub use summary::published_documents;

use std::fmt::Write;

use serde::Serialize;

use crate::answers::RawAnswer;
use crate::markdown::words::{date_in_words, inline};
use crate::pack::model::{FormField, Pack, Question, QuestionType, Recipient};
use crate::report::{FormResult, PrecisionRule, Report};
use crate::submission::Submission;

/// What a field shows when it has no valid answer.
pub const NOT_PROVIDED: &str = "not yet provided";

/// One document, ready to save: its text and, for a preview, its content as data.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// Stable id, e.g. `mdf-aio`.
    pub id: String,
    /// Who receives it.
    pub recipient: DocumentRecipient,
    /// Its title, e.g. "Model Documentation Form: AI Office".
    pub title: String,
    /// How the recipient gets it, from the Form (e.g. "on request").
    pub delivery: String,
    /// The document's files: Markdown, then the CycloneDX model card.
    pub files: Vec<DocumentFile>,
    /// Header lines (model, version, date, pack, report digest), each `[label, value]`.
    pub header: Vec<[String; 2]>,
    /// What the document is and who wrote it, with the pack's caution: shown under the header.
    pub note: String,
    /// The recipient's fields by Form section, in the Form's order.
    pub sections: Vec<DocumentSection>,
    /// How many of its fields have a valid answer, and how many it has.
    pub provided: u32,
    /// Its fields.
    pub total: u32,
}

/// Who a document is for: a recipient column of the Form, or the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentRecipient {
    /// A recipient of the Model Documentation Form.
    Form(Recipient),
    /// Everyone: a document published on the provider's website (the training-content summary).
    Public,
}

impl PartialEq<Recipient> for DocumentRecipient {
    fn eq(&self, other: &Recipient) -> bool {
        *self == Self::Form(*other)
    }
}

impl DocumentRecipient {
    /// The Form's recipient, if it is one.
    pub fn form(self) -> Option<Recipient> {
        match self {
            Self::Form(r) => Some(r),
            Self::Public => None,
        }
    }
}

/// Written as the Form's column (`AIO`, `NCA`, `DP`) or as `public`.
impl Serialize for DocumentRecipient {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Form(r) => r.serialize(s),
            Self::Public => s.serialize_str("public"),
        }
    }
}

/// One file of a document, ready to save.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentFile {
    /// `markdown` or `cyclonedx`.
    pub format: String,
    /// A file name without a directory, e.g. `meridian-2-mdf-ai-office.md`.
    pub file_name: String,
    /// `text/markdown` or `application/vnd.cyclonedx+json`.
    pub media_type: String,
    /// The file's text.
    pub text: String,
}

impl Document {
    /// The file of this format (`markdown`, `cyclonedx`).
    pub fn file(&self, format: &str) -> Option<&DocumentFile> {
        self.files.iter().find(|f| f.format == format)
    }

    /// The Markdown text.
    pub fn markdown(&self) -> &str {
        self.file("markdown").map_or("", |f| f.text.as_str())
    }
}

/// A section of the Form with the recipient's rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSection {
    /// The Form's section title.
    pub title: String,
    /// Its rows for this recipient.
    pub rows: Vec<DocumentRow>,
}

/// One field of the Form and the provider's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentRow {
    /// The Form's row id, e.g. `MDF-2.7a`.
    pub field_id: String,
    /// The row's label in the Form.
    pub label: String,
    /// The answer as the recipient reads it; `None`: not yet provided.
    pub value: Option<String>,
    /// A caveat: the answer does not keep the Form's precision rule.
    pub note: Option<String>,
    /// The row's further parts (e.g. testing and validation sizes, the unit), each with the
    /// question that asks for it and its answer; empty while the row is not provided.
    pub parts: Vec<DocumentPart>,
}

/// A further part of a Form row (the pack's `FormField::parts`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentPart {
    /// The question's id.
    pub question_id: String,
    /// What it is: the question that asks for it.
    pub label: String,
    /// The answer as the recipient reads it.
    pub value: String,
}

/// The Model Documentation Form filled in for each of its recipients, from the engine's own
/// evaluation (`report`, sealed) of `submission`.
pub fn model_documentation(pack: &Pack, submission: &Submission, report: &Report) -> Vec<Document> {
    let Some((chapter, form, result)) = pack.chapters.iter().find_map(|c| {
        let f = c.form.as_ref()?;
        report.forms.iter().find(|r| r.id == f.id).map(|r| (c, f, r))
    }) else {
        return Vec::new();
    };
    // Whether this provider must draw up the Form at all: its chapter's applicability, which is
    // undecided while the scope decision is.
    let required = match report.chapters.iter().find(|c| c.id == chapter.id).and_then(|c| c.applicable) {
        Some(true) => "yes".to_string(),
        Some(false) => format!("no: the {} chapter does not apply to this provider on these answers", chapter.title),
        None => "not decided yet: answer the scope questions first".to_string(),
    };
    let index = pack.question_index();
    let answer_to = |field: &FormField| index.get(&field.question).map(|q| (q, submission.answers.get(&q.id)));
    // The model's name and the document's version, from their own rows of the Form.
    let header_text = |row: &str| {
        form.fields.iter().find(|f| f.id == row).and_then(&answer_to).and_then(|(_, a)| a).and_then(plain_text)
    };
    let (model, version) = (header_text("MDF-1.2"), header_text("MDF-0.2"));
    form.recipients
        .iter()
        .map(|spec| {
            let r = spec.id;
            let missing: Vec<&str> = result
                .recipients
                .iter()
                .filter(|c| c.recipient == r)
                .flat_map(|c| c.missing.iter().map(|m| &**m))
                .collect();
            let mut sections: Vec<DocumentSection> = Vec::new();
            let (mut provided, mut total) = (0, 0);
            for field in form.fields.iter().filter(|f| f.recipients.contains(&r)) {
                total += 1;
                let value = if missing.contains(&field.id.as_str()) {
                    None
                } else {
                    answer_to(field).and_then(|(q, a)| a.map(|a| (q, a))).and_then(|(q, a)| answer_text(q, a))
                };
                provided += u32::from(value.is_some());
                // A row is provided only with all its parts (the Form's completeness says so).
                let parts = if value.is_some() {
                    field
                        .parts
                        .iter()
                        .filter_map(|p| index.get(&p.question))
                        .filter_map(|q| {
                            let a = submission.answers.get(&q.id)?;
                            Some(DocumentPart {
                                question_id: q.id.clone(),
                                label: q.text.clone(),
                                value: answer_text(q, a)?,
                            })
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                let row = DocumentRow {
                    field_id: field.id.clone(),
                    label: field.label.clone(),
                    note: value.as_ref().and_then(|_| precision_note(result, field)),
                    value,
                    parts,
                };
                match sections.last_mut() {
                    Some(s) if s.title == field.section => s.rows.push(row),
                    _ => sections.push(DocumentSection { title: field.section.clone(), rows: vec![row] }),
                }
            }
            let title = format!("{}: {}", form.title, spec.label);
            let mut header = vec![
                ["Model".to_string(), model.clone().unwrap_or_else(|| NOT_PROVIDED.to_string())],
                ["Document version".to_string(), version.clone().unwrap_or_else(|| NOT_PROVIDED.to_string())],
            ];
            if let Some(d) = &report.assessment_date {
                header.push(["Assessment date".to_string(), date_in_words(d)]);
            }
            let recipient = format!("{} ({})", spec.label, spec.delivery);
            let pack_line = format!("{} version {} ({})", pack.id, pack.version, pack.digest);
            header.push(["For".to_string(), recipient.clone()]);
            header.push(["Required on these answers".to_string(), required.clone()]);
            header.push(["Fields provided".to_string(), format!("{provided} of {total}")]);
            header.push(["Rule pack".to_string(), pack_line.clone()]);
            header.push(["Report digest".to_string(), report.digest.clone()]);
            // The name before any parenthesis or comma: "Meridian-2 (model family …)".
            let stem = format!(
                "{}-{}-{}",
                model_slug(model.as_deref(), submission),
                form.id.to_ascii_lowercase(),
                recipient_slug(r)
            );
            let mut doc = Document {
                note: format!(
                    "The {} of the {}, filled in by gpai-check from the provider's own answers. {}",
                    form.title, pack.title, pack.disclaimer
                ),
                id: format!("{}-{}", form.id.to_ascii_lowercase(), recipient_slug(r)),
                recipient: DocumentRecipient::Form(r),
                title,
                delivery: spec.delivery.clone(),
                files: Vec::new(),
                header,
                sections,
                provided,
                total,
            };
            doc.files = vec![
                DocumentFile {
                    format: "markdown".into(),
                    file_name: format!("{stem}.md"),
                    media_type: "text/markdown".into(),
                    text: markdown(&doc),
                },
                DocumentFile {
                    format: "cyclonedx".into(),
                    file_name: format!("{stem}.cdx.json"),
                    media_type: "application/vnd.cyclonedx+json".into(),
                    text: cyclonedx::bom(&doc, report, model.as_deref(), &recipient, &pack_line),
                },
            ];
            doc
        })
        .collect()
}

/// The document as Markdown: a title, the header, then each section's rows.
pub(crate) fn markdown(doc: &Document) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", inline(&doc.title));
    for [label, value] in &doc.header {
        let _ = writeln!(md, "- {label}: {}", inline(value));
    }
    let _ = writeln!(md, "\n> {}\n", inline(&doc.note));
    for s in &doc.sections {
        let _ = writeln!(md, "## {}\n", inline(&s.title));
        for row in &s.rows {
            let value = row.value.as_deref().map_or_else(|| format!("*{NOT_PROVIDED}*"), inline);
            // The summary's header items have no section number to show.
            let reference = if row.field_id == "header" { String::new() } else { format!("**{}** ", row.field_id) };
            let _ = writeln!(md, "- {reference}{}: {value}", inline(&row.label));
            for part in &row.parts {
                let _ = writeln!(md, "  - {} {}", inline(&part.label), inline(&part.value));
            }
            if let Some(note) = &row.note {
                let _ = writeln!(md, "  - Note: {}", inline(note));
            }
        }
        md.push('\n');
    }
    md
}

/// The answer as the recipient reads it: option labels, numbers and quantities as written with
/// their unit, texts whole. `None` when there is nothing to show.
pub(crate) fn answer_text(q: &Question, a: &RawAnswer) -> Option<String> {
    let unit = |s: String| match q.unit.as_deref() {
        Some(u) if !u.is_empty() => format!("{s} {u}"),
        _ => s,
    };
    let label = |id: &str| q.options.iter().find(|o| o.id == id).map_or_else(|| id.to_string(), |o| o.label.clone());
    Some(match (q.kind, a) {
        (QuestionType::YesNo | QuestionType::YesPartlyNo, RawAnswer::Text(t)) => match t.as_str() {
            "yes" => "Yes".into(),
            "no" => "No".into(),
            "partly" => "Partly".into(),
            other => other.to_string(),
        },
        (QuestionType::SingleChoice, RawAnswer::Text(t)) => label(t),
        (QuestionType::MultiChoice, RawAnswer::List(items)) => {
            let labels: Vec<String> =
                items.iter().filter_map(|i| if let RawAnswer::Text(t) = i { Some(label(t)) } else { None }).collect();
            if labels.is_empty() {
                "none".into()
            } else {
                labels.join("; ")
            }
        }
        (QuestionType::Quantity, RawAnswer::Text(t)) if t.trim().eq_ignore_ascii_case("n/a") => "Not applicable".into(),
        (QuestionType::Number | QuestionType::Quantity, RawAnswer::Number(n)) => unit(format!("{n}")),
        (QuestionType::Number | QuestionType::Quantity, RawAnswer::Text(t)) => unit(t.trim().to_string()),
        (_, RawAnswer::Text(t)) if !t.trim().is_empty() => t.trim().to_string(),
        _ => return None,
    })
}

/// A text answer as it was given, for the header.
pub(crate) fn plain_text(a: &RawAnswer) -> Option<String> {
    match a {
        RawAnswer::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
        _ => None,
    }
}

/// What the field's answer lacks to keep the Form's precision rule, from the evaluation.
fn precision_note(result: &FormResult, field: &FormField) -> Option<String> {
    let p = result.precision.iter().find(|p| p.field_id == field.id && !p.pass)?;
    Some(match (p.rule, p.required) {
        (PrecisionRule::SignificantFigures, Some(n)) => {
            format!("the Form asks for at least {n} significant figures; this answer gives fewer")
        }
        _ => "the Form asks for an order of magnitude written as a power of ten".to_string(),
    })
}

/// The model's name for a file name: before any parenthesis or comma ("Meridian-2 (model family
/// …)"), else the assessment's title.
pub(crate) fn model_slug(model: Option<&str>, submission: &Submission) -> String {
    file_slug(model.or(submission.title.as_deref()).and_then(|m| m.split(['(', ',', ';']).next()).unwrap_or("model"))
}

/// `ai-office`, `national-authorities`, `downstream-providers`.
fn recipient_slug(r: Recipient) -> &'static str {
    match r {
        Recipient::AiOffice => "ai-office",
        Recipient::NationalAuthorities => "national-authorities",
        Recipient::DownstreamProviders => "downstream-providers",
    }
}

/// Lower-case letters and digits joined by dashes, at most 40 characters: safe as a file name.
fn file_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "model".to_string()
    } else {
        out
    }
}
