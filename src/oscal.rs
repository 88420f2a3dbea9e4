//! The report as an OSCAL assessment-results document (JSON), for GRC tools.
//!
//! Mapping (also in the README): one OSCAL result for the evaluation; one finding per applicable
//! measure, whose target is the measure (`type: objective-id`, `target-id` = the Code id, e.g.
//! `C-1.3`) with state `satisfied` when met and `not-satisfied` otherwise (the reason is our
//! status: `partial`, `not-met`, `unanswered`); one observation per applicable measure carrying
//! the provider's answers from the trace, linked from the finding; tripped cross-checks are
//! observations too. Measures that do not apply are listed in the result's remarks, not as
//! findings. UUIDs are derived from the report digest, so the same report gives the same
//! document. Times are the assessment date at midnight UTC (or the pack's publication date
//! when the submission gave no date): the engine never reads a clock.

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::report::{CrossCheckStatus, Report, Status, TraceAnswer};

/// The OSCAL version the document follows.
pub const OSCAL_VERSION: &str = "1.2.1";

/// Namespace of the `props` gpai-check adds.
pub const NAMESPACE: &str = "https://gpai-check.invalid/ns/oscal";

/// A version-5-shaped UUID derived from the report digest and a name, so output is reproducible.
pub(crate) fn uuid(report: &Report, name: &str) -> String {
    let mut h = Sha256::new();
    h.update(report.digest.as_bytes());
    h.update([0]);
    h.update(name.as_bytes());
    let b = h.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&b[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

fn status_token(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::Partial => "partial",
        Status::NotMet => "not-met",
        Status::NotApplicable => "not-applicable",
        Status::Unanswered => "unanswered",
    }
}

fn answer_text(a: &TraceAnswer<'_>) -> String {
    match a {
        TraceAnswer::Text(t) => t.to_string(),
        TraceAnswer::Number(n) => format!("{n}"),
        TraceAnswer::List(l) => l.join(", "),
    }
}

fn prop(name: &str, value: &str) -> Value {
    json!({ "name": name, "ns": NAMESPACE, "value": value })
}

/// The OSCAL assessment-results document for a report.
pub fn assessment_results(report: &Report, publication_date: &str) -> Value {
    let date = report.assessment_date.as_deref().unwrap_or(publication_date);
    let time = format!("{date}T00:00:00Z");
    let title = report.title.clone().unwrap_or_else(|| "GPAI model".to_string());
    let mut observations = Vec::new();
    let mut findings = Vec::new();
    let mut not_applicable = Vec::new();
    // The report holds ids: titles and messages come from the pack it was made with.
    let pack = crate::pack::get(&report.pack_id, "packId").ok();
    let lookup = pack.map(|p| p.lookup());
    let measure_title = |id: &str| lookup.as_ref().and_then(|l| l.measure(id)).map_or("", |m| m.title.as_str());
    for chapter in &report.chapters {
        for m in &chapter.measures {
            if m.status == Status::NotApplicable {
                not_applicable.push(m.id.clone());
                continue;
            }
            let observation = uuid(report, &format!("observation:{}", m.id));
            let mut answers = Vec::new();
            for q in &m.requirements {
                for step in &q.trace {
                    if let (Some(question), Some(answer)) = (&step.question_id, &step.answer) {
                        answers.push(format!("{question} = {}", answer_text(answer)));
                    }
                }
            }
            answers.dedup();
            let description = if answers.is_empty() {
                "No answer given yet.".to_string()
            } else {
                format!("Answers given by the provider: {}.", answers.join("; "))
            };
            observations.push(json!({
                "uuid": observation,
                "title": format!("Answers for {}", m.id),
                "description": description,
                "methods": ["INTERVIEW"],
                "collected": time,
                "props": [prop("measure", &m.id)],
            }));
            let state = if m.status == Status::Met { "satisfied" } else { "not-satisfied" };
            let mut status = json!({ "state": state });
            if m.status != Status::Met {
                status["reason"] = Value::String(status_token(m.status).to_string());
            }
            findings.push(json!({
                "uuid": uuid(report, &format!("finding:{}", m.id)),
                "title": format!("{} {}", m.id, measure_title(&m.id)),
                "description": crate::messages::explanation(&m.explanation),
                "props": [prop("status", status_token(m.status)), prop("chapter", &chapter.id)],
                "target": {
                    "type": "objective-id",
                    "target-id": m.id,
                    "status": status,
                },
                "related-observations": [{ "observation-uuid": observation }],
            }));
        }
    }
    for x in report.cross_checks.iter().filter(|x| x.status == CrossCheckStatus::Tripped) {
        let check = lookup.as_ref().and_then(|l| l.cross_check(&x.id));
        observations.push(json!({
            "uuid": uuid(report, &format!("cross-check:{}", x.id)),
            "title": format!("Contradiction {}: {}", x.id, check.map_or("", |c| c.title.as_str())),
            "description": check.map_or("", |c| c.message.as_str()),
            "methods": ["EXAMINE"],
            "collected": time,
            "props": [prop("cross-check", &x.id)],
        }));
    }
    let mut result = json!({
        "uuid": uuid(report, "result"),
        "title": format!("gpai-check evaluation of {title}"),
        "description": format!(
            "Self-assessment against {} ({} version {}), engine {}. Report digest {}. {}",
            pack.map_or("", |p| p.title.as_str()),
            report.pack_id,
            report.pack_version,
            report.engine_version,
            report.digest,
            pack.map_or("", |p| p.disclaimer.as_str())
        ),
        "start": time,
        "props": [prop("pack-digest", &report.pack_digest), prop("report-digest", &report.digest)],
        "reviewed-controls": { "control-selections": [{ "include-all": {} }] },
    });
    // OSCAL lists hold at least one item: leave them out when empty (e.g. out of scope).
    if !observations.is_empty() {
        result["observations"] = Value::Array(observations);
    }
    if !findings.is_empty() {
        result["findings"] = Value::Array(findings);
    }
    let mut remarks = Vec::new();
    if !report.scope.decided_by.is_empty() {
        // Undecided is not "no": say what would decide it, by the profile questions' labels.
        let inputs = &crate::scope::scope_text().inputs;
        let labels: Vec<&str> = report
            .scope
            .decided_by
            .iter()
            .map(|id| inputs.iter().find(|i| &i.id == id).map_or(id.as_str(), |i| i.label.as_str()))
            .collect();
        remarks.push(format!("Scope not decided yet: answer {}.", labels.join("; ")));
    }
    if !not_applicable.is_empty() {
        remarks.push(format!("Not applicable to this provider: {}.", not_applicable.join(", ")));
    }
    if !remarks.is_empty() {
        result["remarks"] = Value::String(remarks.join(" "));
    }
    json!({
        "assessment-results": {
            "uuid": uuid(report, "assessment-results"),
            "metadata": {
                "title": format!("gpai-check assessment results: {title}"),
                "last-modified": time,
                "version": report.engine_version,
                "oscal-version": OSCAL_VERSION,
            },
            "import-ap": { "href": format!("urn:gpai-check:pack:{}:{}", report.pack_id, report.pack_version) },
            "results": [result],
        }
    })
}
