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

pub use summary::{published_documents, published_documents_in};

use std::fmt::Write;

use serde::Serialize;

use crate::answers::RawAnswer;
use crate::locale::Locale;
use crate::markdown::words::{date_in, inline};
use crate::messages::Catalogue;
use crate::pack::model::{FormField, Pack, Question, QuestionType, Recipient};
use crate::report::{FormResult, PrecisionRule, Report};
use crate::submission::Submission;

/// What a field shows when it has no valid answer (in English; `document.not-provided` in a
/// locale's messages).
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
/// evaluation (`report`, sealed) of `submission`, in English.
pub fn model_documentation(pack: &Pack, submission: &Submission, report: &Report) -> Vec<Document> {
    model_documentation_in(pack, submission, report, None)
}

/// As [`model_documentation`], in a language: the Form's labels, sections, option labels and
/// the documents' own words from `locale` where it has them, English where it does not; each
/// header says the language and its status.
pub fn model_documentation_in(
    pack: &Pack,
    submission: &Submission,
    report: &Report,
    locale: Option<&Locale>,
) -> Vec<Document> {
    documents(pack, submission, report, locale)
}

/// The document's language and its status, for its header: a translation is not legally reviewed.
pub(crate) fn language_value(locale: Option<&Locale>) -> String {
    match locale {
        None => format!("en ({})", crate::locale::AUTHORITATIVE),
        Some(l) => format!("{} ({})", l.language, l.status),
    }
}

/// The locale's text for the key made of `parts`, or `english` (keys: locales/README.md).
pub(crate) fn tr<'x>(locale: Option<&'x Locale>, parts: &[&str], english: &'x str) -> &'x str {
    if english.is_empty() {
        return english;
    }
    locale.and_then(|l| l.text(&parts.concat())).unwrap_or(english)
}

fn documents(pack: &Pack, submission: &Submission, report: &Report, locale: Option<&Locale>) -> Vec<Document> {
    let say = locale.map_or(Catalogue::ENGLISH, Locale::catalogue);
    let not_provided = say.template("document.not-provided");
    let Some((chapter, form, result)) = pack.chapters.iter().find_map(|c| {
        let f = c.form.as_ref()?;
        report.forms.iter().find(|r| r.id == f.id).map(|r| (c, f, r))
    }) else {
        return Vec::new();
    };
    // Whether this provider must draw up the Form at all: its chapter's applicability, which is
    // undecided while the scope decision is.
    let required = match report.chapters.iter().find(|c| c.id == chapter.id).and_then(|c| c.applicable) {
        Some(true) => say.template("document.required.yes").to_string(),
        Some(false) => say.format(
            "document.required.no",
            &[("chapter", tr(locale, &["chapter:", &chapter.id, ":title"], &chapter.title))],
        ),
        None => say.template("document.required.undecided").to_string(),
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
                    answer_to(field)
                        .and_then(|(q, a)| a.map(|a| (q, a)))
                        .and_then(|(q, a)| answer_text(q, a, &say, locale))
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
                                label: tr(locale, &["question:", &q.id, ":text"], &q.text).to_string(),
                                value: answer_text(q, a, &say, locale)?,
                            })
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                let row = DocumentRow {
                    field_id: field.id.clone(),
                    label: tr(locale, &["form-field:", &field.id, ":label"], &field.label).to_string(),
                    note: value.as_ref().and_then(|_| precision_note(result, field, &say)),
                    value,
                    parts,
                };
                // A field names its section by the English title; the section's key is its place.
                let section =
                    form.sections.iter().position(|s| *s == field.section).map_or(field.section.as_str(), |i| {
                        tr(locale, &["form:", &form.id, ":section:", &i.to_string()], &field.section)
                    });
                match sections.last_mut() {
                    Some(s) if s.title == section => s.rows.push(row),
                    _ => sections.push(DocumentSection { title: section.to_string(), rows: vec![row] }),
                }
            }
            let rid = crate::markdown::words::recipient_id(r);
            let recipient_label = tr(locale, &["form:", &form.id, ":recipient:", rid, ":label"], &spec.label);
            let delivery = tr(locale, &["form:", &form.id, ":recipient:", rid, ":delivery"], &spec.delivery);
            let title = format!("{}: {recipient_label}", tr(locale, &["form:", &form.id, ":title"], &form.title));
            let label = |key: &str| say.template(key).to_string();
            let mut header = vec![
                [label("document.model"), model.clone().unwrap_or_else(|| not_provided.to_string())],
                [label("document.version"), version.clone().unwrap_or_else(|| not_provided.to_string())],
            ];
            if let Some(d) = &report.assessment_date {
                header.push([label("document.assessment-date"), date_in(d, &say)]);
            }
            let recipient = format!("{recipient_label} ({delivery})");
            let pack_line = say.format(
                "document.rule-pack-line",
                &[("id", &pack.id), ("version", &pack.version), ("digest", &pack.digest)],
            );
            header.push([label("document.for"), recipient.clone()]);
            header.push([label("document.required"), required.clone()]);
            header.push([
                label("document.provided"),
                say.format(
                    "document.provided-count",
                    &[("provided", &provided.to_string()), ("total", &total.to_string())],
                ),
            ]);
            header.push([label("document.rule-pack"), pack_line.clone()]);
            header.push([label("document.report-digest"), report.digest.clone()]);
            // The language and its status: a translation is not legally reviewed.
            header.push([label("document.language"), language_value(locale)]);
            // The name before any parenthesis or comma: "Meridian-2 (model family …)".
            let stem = format!(
                "{}-{}-{}",
                model_slug(model.as_deref(), submission),
                form.id.to_ascii_lowercase(),
                recipient_slug(r)
            );
            let mut doc = Document {
                note: format!(
                    "{} {}",
                    say.format(
                        "document.filled-in",
                        &[
                            ("form", tr(locale, &["form:", &form.id, ":title"], &form.title)),
                            ("pack", tr(locale, &["pack:", &pack.id, ":title"], &pack.title)),
                        ],
                    ),
                    tr(locale, &["pack:", &pack.id, ":disclaimer"], &pack.disclaimer)
                ),
                id: format!("{}-{}", form.id.to_ascii_lowercase(), recipient_slug(r)),
                recipient: DocumentRecipient::Form(r),
                title,
                delivery: delivery.to_string(),
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
                    text: markdown(&doc, &say),
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
pub(crate) fn markdown(doc: &Document, say: &Catalogue<'_>) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", inline(&doc.title));
    for [label, value] in &doc.header {
        let _ = writeln!(md, "- {label}: {}", inline(value));
    }
    let _ = writeln!(md, "\n> {}\n", inline(&doc.note));
    let not_provided = say.template("document.not-provided");
    for s in &doc.sections {
        let _ = writeln!(md, "## {}\n", inline(&s.title));
        for row in &s.rows {
            let value = row.value.as_deref().map_or_else(|| format!("*{not_provided}*"), inline);
            // The summary's header items have no section number to show.
            let reference = if row.field_id == "header" { String::new() } else { format!("**{}** ", row.field_id) };
            let _ = writeln!(md, "- {reference}{}: {value}", inline(&row.label));
            for part in &row.parts {
                let _ = writeln!(md, "  - {} {}", inline(&part.label), inline(&part.value));
            }
            if let Some(note) = &row.note {
                let _ = writeln!(md, "  - {}", say.format("document.note", &[("note", &inline(note))]));
            }
        }
        md.push('\n');
    }
    md
}

/// The answer as the recipient reads it: option labels, numbers and quantities as written with
/// their unit, texts whole. `None` when there is nothing to show.
pub(crate) fn answer_text(q: &Question, a: &RawAnswer, say: &Catalogue<'_>, locale: Option<&Locale>) -> Option<String> {
    let unit = |s: String| match q.unit.as_deref() {
        Some(u) if !u.is_empty() => format!("{s} {}", tr(locale, &["question:", &q.id, ":unit"], u)),
        _ => s,
    };
    let label = |id: &str| {
        q.options.iter().find(|o| o.id == id).map_or_else(
            || id.to_string(),
            |o| tr(locale, &["question:", &q.id, ":option:", &o.id], &o.label).to_string(),
        )
    };
    Some(match (q.kind, a) {
        (QuestionType::YesNo | QuestionType::YesPartlyNo, RawAnswer::Text(t)) => match t.as_str() {
            "yes" => say.template("answer.yes").into(),
            "no" => say.template("answer.no").into(),
            "partly" => say.template("answer.partly").into(),
            other => other.to_string(),
        },
        (QuestionType::SingleChoice, RawAnswer::Text(t)) => label(t),
        (QuestionType::MultiChoice, RawAnswer::List(items)) => {
            let labels: Vec<String> =
                items.iter().filter_map(|i| if let RawAnswer::Text(t) = i { Some(label(t)) } else { None }).collect();
            if labels.is_empty() {
                say.template("document.answer.none").into()
            } else {
                labels.join("; ")
            }
        }
        (QuestionType::Quantity, RawAnswer::Text(t)) if t.trim().eq_ignore_ascii_case("n/a") => {
            say.template("document.answer.not-applicable").into()
        }
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
fn precision_note(result: &FormResult, field: &FormField, say: &Catalogue<'_>) -> Option<String> {
    let p = result.precision.iter().find(|p| p.field_id == field.id && !p.pass)?;
    Some(match (p.rule, p.required) {
        (PrecisionRule::SignificantFigures, Some(n)) => {
            say.format("document.precision.significant-figures", &[("count", &n.to_string())])
        }
        _ => say.template("document.precision.magnitude").to_string(),
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
