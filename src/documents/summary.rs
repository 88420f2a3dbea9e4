//! The public summary of training content (AI Act Art 53(1)(d)), written from the template's
//! fields as the provider answered them in the checker. Its layout is data: the chapter's
//! `document` lists the template's sections and items, each the answer to one question (or a
//! profile input). An item is in the summary exactly while the engine asks its question (a
//! section 2.3 item only when the provider crawls, the SME domain list only for an SME), and an
//! item that is asked but has no valid answer says "not yet provided".

use crate::answers::RawAnswer;
use crate::markdown::words::date_in_words;
use crate::pack::model::{Chapter, Pack, PublishedDocument, PublishedItem};
use crate::report::{AnswerState, Report};
use crate::submission::Submission;

use super::{
    answer_text, markdown, model_slug, plain_text, Document, DocumentFile, DocumentRecipient, DocumentRow,
    DocumentSection, NOT_PROVIDED,
};

/// The published documents of the pack's chapters (the training-content summary), from the
/// engine's own evaluation (`report`, sealed) of `submission`.
pub fn published_documents(pack: &Pack, submission: &Submission, report: &Report) -> Vec<Document> {
    pack.chapters
        .iter()
        .filter_map(|c| c.document.as_ref().map(|d| (c, d)))
        .map(|(chapter, layout)| published(pack, chapter, layout, submission, report))
        .collect()
}

fn published(
    pack: &Pack,
    chapter: &Chapter,
    layout: &PublishedDocument,
    submission: &Submission,
    report: &Report,
) -> Document {
    let index = pack.question_index();
    let state = |id: &str| report.questions.iter().find(|q| &*q.id == id);
    let asked = |id: &str| state(id).is_some_and(|q| q.asked);
    // The answer as the reader sees it: only a valid answer to a question asked now.
    let value_of = |id: &str| {
        let q = index.get(id)?;
        if state(id).map(|s| s.answer) != Some(AnswerState::Answered) {
            return None;
        }
        answer_text(q, submission.answers.get(id)?)
    };
    let profile = profile_value_text(submission);
    let mut sections = Vec::new();
    let (mut provided, mut total) = (0, 0);
    for s in &layout.sections {
        let mut rows = Vec::new();
        for item in &s.items {
            let value = match item {
                PublishedItem { question: Some(q), .. } if asked(q) => value_of(q),
                PublishedItem { profile: Some(input), values, .. } => {
                    profile(input).map(|v| values.iter().find(|o| o.id == v).map_or(v, |o| o.label.clone()))
                }
                _ => continue,
            };
            total += 1;
            provided += u32::from(value.is_some());
            rows.push(DocumentRow {
                field_id: item.reference.clone(),
                label: item.label.clone(),
                value,
                note: None,
                parts: Vec::new(),
            });
        }
        if !rows.is_empty() {
            sections.push(DocumentSection { title: s.title.clone(), rows });
        }
    }
    let text_of = |id: &str| if asked(id) { submission.answers.get(id).and_then(plain_text) } else { None };
    let model = text_of(&layout.model_question);
    let version = text_of(&layout.version_question);
    let required = match report.chapters.iter().find(|c| c.id == chapter.id).and_then(|c| c.applicable) {
        Some(true) => "yes".to_string(),
        Some(false) => format!("no: the {} chapter does not apply to this provider on these answers", chapter.title),
        None => "not decided yet: answer the scope questions first".to_string(),
    };
    let written = match submission.answers.get(&layout.written_here) {
        Some(RawAnswer::Text(t)) if t == "yes" && asked(&layout.written_here) => "yes".to_string(),
        _ => format!(
            "no: answer \"yes\" to \"{}\" to write it here",
            index.get(layout.written_here.as_str()).map_or(layout.written_here.as_str(), |q| q.text.as_str())
        ),
    };
    let mut header = vec![
        ["Model".to_string(), model.clone().unwrap_or_else(|| NOT_PROVIDED.to_string())],
        ["Summary version".to_string(), version.unwrap_or_else(|| NOT_PROVIDED.to_string())],
    ];
    if let Some(d) = &report.assessment_date {
        header.push(["Assessment date".to_string(), date_in_words(d)]);
    }
    header.push(["For".to_string(), format!("{} ({})", layout.recipient, layout.delivery)]);
    header.push(["Required on these answers".to_string(), required]);
    header.push(["Written in the checker".to_string(), written]);
    header.push(["Items provided".to_string(), format!("{provided} of {total}")]);
    header.push(["Rule pack".to_string(), format!("{} version {} ({})", pack.id, pack.version, pack.digest)]);
    header.push(["Report digest".to_string(), report.digest.clone()]);
    let stem = format!("{}-{}", model_slug(model.as_deref(), submission), layout.id);
    let mut doc = Document {
        note: format!(
            "Written by gpai-check from the provider's own answers to the fields of the {}. {}",
            chapter.title, pack.disclaimer
        ),
        id: layout.id.clone(),
        recipient: DocumentRecipient::Public,
        title: layout.title.clone(),
        delivery: layout.delivery.clone(),
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
        text: markdown(&doc),
    }];
    doc
}

/// A profile input's value as text (its default when not given), for the items that show one.
fn profile_value_text(submission: &Submission) -> impl Fn(&str) -> Option<String> {
    let given = serde_json::to_value(&submission.profile).unwrap_or_default();
    move |input: &str| {
        let v =
            given.get(input).filter(|v| !v.is_null()).cloned().or_else(|| {
                crate::scope::scope_text().inputs.iter().find(|i| i.id == input).map(|i| i.default.clone())
            })?;
        match v {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Bool(b) => Some(if b { "yes" } else { "no" }.to_string()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}
