//! The public summary of training content (AI Act Art 53(1)(d)), written from the template's
//! fields as the provider answered them in the checker. Its layout is data: the chapter's
//! `document` lists the template's sections and items, each the answer to one question (or a
//! profile input). An item is in the summary exactly while the engine asks its question (a
//! section 2.3 item only when the provider crawls, the SME domain list only for an SME), and an
//! item that is asked but has no valid answer says "not yet provided".

use crate::answers::RawAnswer;
use crate::locale::Locale;
use crate::markdown::words::date_in;
use crate::messages::Catalogue;
use crate::pack::model::{Chapter, Pack, PublishedDocument, PublishedItem};
use crate::report::{AnswerState, Report};
use crate::submission::Submission;

use super::{
    answer_text, language_value, markdown, model_slug, plain_text, tr, Document, DocumentFile, DocumentRecipient,
    DocumentRow, DocumentSection,
};

/// The published documents of the pack's chapters (the training-content summary), from the
/// engine's own evaluation (`report`, sealed) of `submission`.
pub fn published_documents(pack: &Pack, submission: &Submission, report: &Report) -> Vec<Document> {
    published_documents_in(pack, submission, report, None)
}

/// As [`published_documents`], in a language: the layout's titles and labels, the answers' option
/// labels and the document's own words from `locale` where it has them, English where it does
/// not; the header says the language and its status.
pub fn published_documents_in(
    pack: &Pack,
    submission: &Submission,
    report: &Report,
    locale: Option<&Locale>,
) -> Vec<Document> {
    pack.chapters
        .iter()
        .filter_map(|c| c.document.as_ref().map(|d| (c, d)))
        .map(|(chapter, layout)| published(pack, chapter, layout, submission, report, locale))
        .collect()
}

fn published(
    pack: &Pack,
    chapter: &Chapter,
    layout: &PublishedDocument,
    submission: &Submission,
    report: &Report,
    locale: Option<&Locale>,
) -> Document {
    let say = locale.map_or(Catalogue::ENGLISH, Locale::catalogue);
    let not_provided = say.template("document.not-provided");
    let doc_key = |rest: &[&str]| format!("document:{}:{}", layout.id, rest.concat());
    let index = pack.question_index();
    let state = |id: &str| report.questions.iter().find(|q| &*q.id == id);
    let asked = |id: &str| state(id).is_some_and(|q| q.asked);
    // The answer as the reader sees it: only a valid answer to a question asked now.
    let value_of = |id: &str| {
        let q = index.get(id)?;
        if state(id).map(|s| s.answer) != Some(AnswerState::Answered) {
            return None;
        }
        answer_text(q, submission.answers.get(id)?, &say, locale)
    };
    let profile = profile_value_text(submission, &say);
    let mut sections = Vec::new();
    let (mut provided, mut total) = (0, 0);
    for (section_index, s) in layout.sections.iter().enumerate() {
        let section_key = section_index.to_string();
        let mut rows = Vec::new();
        for (item_index, item) in s.items.iter().enumerate() {
            let item_key = item_index.to_string();
            let value = match item {
                PublishedItem { question: Some(q), .. } if asked(q) => value_of(q),
                PublishedItem { profile: Some(input), values, .. } => profile(input).map(|v| {
                    values.iter().find(|o| o.id == v).map_or(v, |o| {
                        tr(
                            locale,
                            &[&doc_key(&["section:", &section_key, ":item:", &item_key, ":value:", &o.id])],
                            &o.label,
                        )
                        .to_string()
                    })
                }),
                _ => continue,
            };
            total += 1;
            provided += u32::from(value.is_some());
            rows.push(DocumentRow {
                field_id: item.reference.clone(),
                label: tr(locale, &[&doc_key(&["section:", &section_key, ":item:", &item_key, ":label"])], &item.label)
                    .to_string(),
                value,
                note: None,
                parts: Vec::new(),
            });
        }
        if !rows.is_empty() {
            let title = tr(locale, &[&doc_key(&["section:", &section_key, ":title"])], &s.title);
            sections.push(DocumentSection { title: title.to_string(), rows });
        }
    }
    let text_of = |id: &str| if asked(id) { submission.answers.get(id).and_then(plain_text) } else { None };
    let model = text_of(&layout.model_question);
    let version = text_of(&layout.version_question);
    let chapter_title = tr(locale, &["chapter:", &chapter.id, ":title"], &chapter.title);
    let required = match report.chapters.iter().find(|c| c.id == chapter.id).and_then(|c| c.applicable) {
        Some(true) => say.template("document.required.yes").to_string(),
        Some(false) => say.format("document.required.no", &[("chapter", chapter_title)]),
        None => say.template("document.required.undecided").to_string(),
    };
    let written = match submission.answers.get(&layout.written_here) {
        Some(RawAnswer::Text(t)) if t == "yes" && asked(&layout.written_here) => {
            say.template("document.written-here.yes").to_string()
        }
        _ => say.format(
            "document.written-here.no",
            &[(
                "question",
                index
                    .get(layout.written_here.as_str())
                    .map_or(layout.written_here.as_str(), |q| tr(locale, &["question:", &q.id, ":text"], &q.text)),
            )],
        ),
    };
    let label = |key: &str| say.template(key).to_string();
    let mut header = vec![
        [label("document.model"), model.clone().unwrap_or_else(|| not_provided.to_string())],
        [label("document.summary-version"), version.unwrap_or_else(|| not_provided.to_string())],
    ];
    if let Some(d) = &report.assessment_date {
        header.push([label("document.assessment-date"), date_in(d, &say)]);
    }
    let recipient = tr(locale, &[&doc_key(&["recipient"])], &layout.recipient);
    let delivery = tr(locale, &[&doc_key(&["delivery"])], &layout.delivery);
    header.push([label("document.for"), format!("{recipient} ({delivery})")]);
    header.push([label("document.required"), required]);
    header.push([label("document.written-here"), written]);
    header.push([
        label("document.items-provided"),
        say.format("document.provided-count", &[("provided", &provided.to_string()), ("total", &total.to_string())]),
    ]);
    header.push([
        label("document.rule-pack"),
        say.format(
            "document.rule-pack-line",
            &[("id", &pack.id), ("version", &pack.version), ("digest", &pack.digest)],
        ),
    ]);
    header.push([label("document.report-digest"), report.digest.clone()]);
    header.push([label("document.language"), language_value(locale)]);
    let stem = format!("{}-{}", model_slug(model.as_deref(), submission), layout.id);
    let mut doc = Document {
        note: format!(
            "{} {}",
            say.format("document.written-by", &[("chapter", chapter_title)]),
            tr(locale, &["pack:", &pack.id, ":disclaimer"], &pack.disclaimer)
        ),
        id: layout.id.clone(),
        recipient: DocumentRecipient::Public,
        title: tr(locale, &[&doc_key(&["title"])], &layout.title).to_string(),
        delivery: delivery.to_string(),
        files: Vec::new(),
        header,
        sections,
        provided,
        total,
    };
    doc.files = vec![DocumentFile {
        format: "markdown".into(),
        file_name: format!("{stem}.md"),
        media_type: "text/markdown".into(),
        text: markdown(&doc, &say),
    }];
    doc
}

/// A profile input's value as text (its default when not given), for the items that show one.
fn profile_value_text<'s>(submission: &Submission, say: &'s Catalogue<'_>) -> impl Fn(&str) -> Option<String> + 's {
    let given = serde_json::to_value(&submission.profile).unwrap_or_default();
    move |input: &str| {
        let v =
            given.get(input).filter(|v| !v.is_null()).cloned().or_else(|| {
                crate::scope::scope_text().inputs.iter().find(|i| i.id == input).map(|i| i.default.clone())
            })?;
        match v {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Bool(b) => {
                Some(say.template(if b { "document.value.yes" } else { "document.value.no" }).to_string())
            }
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}
