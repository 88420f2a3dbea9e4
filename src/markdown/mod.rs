//! Renders a report as Markdown: what a provider sends its legal team, prints or pastes into a
//! ticket. The gaps come first, then every chapter, measure, requirement and the answers behind
//! it. Questions are named by their text and answers by their option labels, from the pack.
//!
//! Provider text is escaped so that the Markdown cannot carry HTML or break a table.

mod gaps;
pub(crate) mod words;

use std::fmt::Write;

use crate::report::{Report, RequirementResult, Rule, Status, TraceStep};
use words::{date_in_words, deadline, inline, Words};

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Met => "Met",
        Status::Partial => "Partly met",
        Status::NotMet => "Not met",
        Status::NotApplicable => "Not applicable",
        Status::Unanswered => "Unanswered",
    }
}

fn yes_no(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "not decided yet",
    }
}

/// The profile questions' labels for these input ids.
fn input_labels(ids: &[String]) -> String {
    ids.iter().map(|id| input_label(id)).collect::<Vec<_>>().join("; ")
}

/// The profile question's label for this input id.
fn input_label(id: &str) -> String {
    let inputs = &crate::scope::scope_text().inputs;
    inputs.iter().find(|i| i.id == id).map_or_else(|| inline(id), |i| inline(&i.label))
}

/// One step of a trace in words.
fn trace_text(t: &TraceStep, words: &Words) -> String {
    let q = t.question_id.as_deref().unwrap_or("");
    match (&t.answer, t.rule) {
        (_, Rule::NotApplicable) => "Does not apply here: its condition does not hold".into(),
        (_, Rule::NothingToCheck) => "Context only, nothing to check".into(),
        (_, Rule::ApplicabilityUnknown) => {
            format!("Whether it applies depends on: {} (not answered yet)", words.label(q))
        }
        (_, Rule::FormComplete) => {
            format!(
                "Every field of the Model Documentation Form checked: {}",
                status_word(t.outcome).to_ascii_lowercase()
            )
        }
        (Some(a), _) => format!("{} — {}", words.label(q), words.answer(q, a)),
        (None, _) => format!("{} — not answered yet", words.label(q)),
    }
}

/// A requirement's trace in words, each line once, in the order of first appearance: a check
/// of several options of one question repeats the same question and answer for each.
fn trace_lines(q: &RequirementResult, words: &Words) -> Vec<String> {
    let mut lines: Vec<String> = Vec::with_capacity(q.trace.len());
    for t in &q.trace {
        // A branch of the check that does not apply, beside one that does (the summary written
        // here or checked), tells the reader nothing.
        if t.rule == Rule::NotApplicable && q.status != Status::NotApplicable {
            continue;
        }
        let line = trace_text(t, words);
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines
}

/// The Markdown text of a report.
pub fn render(r: &Report) -> String {
    let words = Words::of(r);
    let mut md = String::new();
    let title = r.title.as_deref().map(inline).unwrap_or_else(|| "assessment".into());
    let _ = writeln!(md, "# gpai-check report: {title}\n");
    let (pack_title, disclaimer) = words.pack_title_and_disclaimer();
    let _ = writeln!(md, "- Pack: {pack_title} (`{}` version {})", r.pack_id, r.pack_version);
    let _ = writeln!(md, "- Pack digest: `{}`", r.pack_digest);
    let (encoded, not_yet) = words.law();
    if !encoded.is_empty() {
        let _ = writeln!(md, "- Law encoded: {}", encoded.join("; "));
    }
    if !not_yet.is_empty() {
        let _ = writeln!(md, "- Not encoded yet (not checked against their official texts): {}", not_yet.join("; "));
    }
    let _ = writeln!(md, "- Engine version: {}", r.engine_version);
    let _ = writeln!(
        md,
        "- Assessment date: {}",
        r.assessment_date.as_deref().map_or_else(|| "not given".into(), date_in_words)
    );
    let _ = writeln!(md, "- Report digest: `{}`\n", r.digest);
    let _ = writeln!(md, "> {disclaimer}\n");

    let s = &r.scope;
    let _ = writeln!(md, "## Scope decision under the AI Act\n");
    let _ = writeln!(md, "- GPAI model: {}", yes_no(s.is_gpai_model));
    let _ = writeln!(md, "- Provider: {}", yes_no(s.is_provider));
    let _ = writeln!(md, "- In scope of Chapter V: {}", yes_no(s.in_scope));
    let _ = writeln!(md, "- Systemic risk: {}", yes_no(s.systemic_risk));
    let _ = writeln!(md, "- Open-source exemption: {}", yes_no(s.open_source_exempt));
    let _ = writeln!(md, "- Limited to the modification: {}", yes_no(s.limited_to_modification));
    let due = s.compliance_deadline.as_ref().map_or_else(|| "-".to_string(), deadline);
    let _ = writeln!(md, "- Compliance date: {due}");
    if !s.decided_by.is_empty() {
        let _ = writeln!(md, "- Not decided yet: answer {}", input_labels(&s.decided_by));
    }
    if let Some(f) = s.max_fine_eur {
        let _ = writeln!(md, "- Maximum fine (Art 101(1)): EUR {}", group_thousands(f));
    }
    if !s.missing_inputs.is_empty() {
        let _ = writeln!(md, "- Profile answers still missing: {}", input_labels(&s.missing_inputs));
    }
    md.push('\n');

    gaps::write(&mut md, r, &words);

    let _ = writeln!(md, "## Obligations under the AI Act\n");
    // The reasons every applying obligation shares are said once, not in every row; out of
    // scope, the reasons every obligation shares for not applying (not the provider, say).
    let out_of_scope = s.in_scope == Some(false);
    let pool: Vec<_> = s.obligations.iter().filter(|o| out_of_scope || o.applies == Some(true)).collect();
    let shared: Vec<&crate::scope::Reason> = match pool.as_slice() {
        [first, _, ..] => first.reasons.iter().filter(|r| pool.iter().all(|o| o.reasons.contains(r))).collect(),
        _ => Vec::new(),
    };
    if !shared.is_empty() {
        let intro = if out_of_scope { "None of these obligations applies, because:" } else { "Every obligation that applies does so because:" };
        let _ = writeln!(md, "{intro}\n");
        for x in &shared {
            let (text, source, interpretation) = words.reason(x);
            let mark = if interpretation { " *(our reading)*" } else { "" };
            let _ = writeln!(md, "- {text} ({source}){mark}");
        }
        md.push('\n');
    }
    let _ = writeln!(md, "| Obligation | Article | Applies | Why |\n|---|---|---|---|");
    for o in &s.obligations {
        let why: Vec<String> = o
            .reasons
            .iter()
            .filter(|x| !shared.contains(x))
            .map(|x| {
                let (text, source, interpretation) = words.reason(x);
                let mark = if interpretation { " *(our reading)*" } else { "" };
                format!("{text} ({source}){mark}")
            })
            .collect();
        let (title, article) = words::obligation(&o.id);
        let why = if why.is_empty() && !shared.is_empty() { "the reasons above".to_string() } else { why.join(" ") };
        let _ = writeln!(md, "| {title} | {article} | {} | {why} |", yes_no(o.applies));
    }
    for n in &s.notes {
        let (text, source, interpretation) = words.reason(n);
        let mark = if interpretation { " *(our reading)*" } else { "" };
        let _ = writeln!(md, "\n- {text} ({source}){mark}");
    }

    let _ = writeln!(md, "\n## Measures by chapter\n\n| Chapter | Applies | Met | Partly | Not met | Unanswered | N/A |\n|---|---|---|---|---|---|---|");
    for c in &r.summary.chapters {
        let k = &c.counts;
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} |",
            c.id,
            yes_no(c.applicable),
            k.met,
            k.partial,
            k.not_met,
            k.unanswered,
            k.not_applicable
        );
    }

    for ch in &r.chapters {
        let _ = writeln!(md, "\n## {} ({})\n", words.chapter_title(&ch.id), ch.id);
        if ch.applicable != Some(true) {
            let _ = writeln!(
                md,
                "{}",
                if ch.applicable.is_none() { "Not decided yet whether it applies:" } else { "Does not apply:" }
            );
            for x in &ch.reasons {
                let (text, source, interpretation) = words.reason(x);
                let mark = if interpretation { " *(our reading)*" } else { "" };
                let _ = writeln!(md, "- {text} ({source}){mark}");
            }
            continue;
        }
        for n in &ch.notes {
            let mark = if n.unconfirmed { " *(unconfirmed)*" } else { "" };
            let _ = writeln!(md, "> {}{mark}\n", words.note_text(&n.id));
        }
        for x in &ch.simplifications {
            let mark = if x.unconfirmed { " *(unconfirmed)*" } else { "" };
            let concerns =
                if x.measures.is_empty() { String::new() } else { format!(" Concerns {}.", x.measures.join(", ")) };
            let (text, reference) = words.simplification(&x.id);
            let _ = writeln!(md, "- SME/SMC simplification {} ({reference}): {text}{mark}{concerns}\n", x.id);
        }
        for m in &ch.measures {
            let src: Vec<&str> = words.measure_sources(&m.id).iter().map(|x| x.reference.as_str()).collect();
            let mark = if m.unconfirmed { " *(unconfirmed source)*" } else { "" };
            let _ = writeln!(md, "### {} {}: {}{mark}\n", m.id, words.measure_title(&m.id), status_word(m.status));
            let _ = writeln!(
                md,
                "{} Sources: {}.\n",
                inline(&crate::messages::explanation(&m.explanation)),
                inline(&src.join("; "))
            );
            for q in &m.requirements {
                let mark = if q.unconfirmed { " *(unconfirmed)*" } else { "" };
                let role = if q.counted { "" } else { " (not counted)" };
                let _ = writeln!(
                    md,
                    "- **{}** {}{role}: {}{mark}.",
                    q.id,
                    status_word(q.status),
                    inline(words.requirement_text(&q.id).trim_end_matches('.'))
                );
                for line in trace_lines(q, &words) {
                    let _ = writeln!(md, "  - {line}");
                }
            }
            if !m.kpis.is_empty() {
                let _ = writeln!(md, "\n| KPI | Value | Target | Result |\n|---|---|---|---|");
                for k in &m.kpis {
                    let (metric, unit) = words.kpi_metric_and_unit(&k.id);
                    let value = k.value.map_or("-".to_string(), |v| format!("{v} {unit}"));
                    let target = match (k.comparator, k.target) {
                        (Some(c), Some(t)) => format!("{} {t} {unit}", comparator(c)),
                        _ => "no number set by the Code".into(),
                    };
                    let result = match k.pass {
                        Some(true) => "pass",
                        Some(false) => "fail",
                        None if k.target.is_none() => "for the record",
                        None => "unanswered",
                    };
                    let _ = writeln!(md, "| {metric} ({}) | {value} | {target} | {result} |", k.id);
                }
            }
            if !m.missing.is_empty() {
                let _ = writeln!(md, "\nStill to answer:\n");
                for q in &m.missing {
                    let _ = writeln!(md, "- {}", words.label_with_id(q));
                }
            }
            md.push('\n');
        }
    }
    for f in r.forms.iter().filter(|f| f.applicable) {
        let _ =
            writeln!(md, "## {} ({}): {} of {} fields answered\n", words.form_title(&f.id), f.id, f.answered, f.total);
        let _ = writeln!(md, "| Recipient | Receives | Answered | Still empty |\n|---|---|---|---|");
        for c in &f.recipients {
            let (label, delivery) = words.recipient(&f.id, c.recipient);
            let _ = writeln!(
                md,
                "| {label} | {delivery} | {} of {} | {} |",
                c.answered,
                c.total,
                if c.missing.is_empty() { "-".to_string() } else { c.missing.join(", ") }
            );
        }
        for p in f.precision.iter().filter(|p| !p.pass) {
            let rule = match (p.rule, p.required) {
                (crate::report::PrecisionRule::SignificantFigures, Some(n)) => {
                    format!("at least {n} significant figures")
                }
                _ => "an order of magnitude written as a power of ten".to_string(),
            };
            let _ = writeln!(md, "\n- {} ({}): give {rule}.", p.field_id, words.label(&p.question_id));
        }
        md.push('\n');
    }
    if !r.cross_checks.is_empty() {
        let c = &r.summary.cross_checks;
        let _ = writeln!(
            md,
            "## Cross-checks: {} tripped, {} passed, {} not checked yet\n",
            c.tripped, c.passed, c.not_checked
        );
        for x in r.cross_checks.iter().filter(|x| x.status == crate::report::CrossCheckStatus::Tripped) {
            let (title, message, sources) = words.cross_check(&x.id);
            let src: Vec<&str> = sources.iter().map(|s| s.reference.as_str()).collect();
            let _ = writeln!(md, "- **{}** {title}: {message} ({})", x.id, inline(&src.join("; ")));
        }
        md.push('\n');
    }
    if !r.findings.is_empty() {
        let _ = writeln!(md, "## Problems in the answers\n");
        for f in &r.findings {
            let _ = writeln!(
                md,
                "- {}: {}",
                words.label_with_id(&f.question_id),
                inline(&crate::messages::problem(&f.problem))
            );
        }
    }
    md
}

fn comparator(c: crate::pack::model::Comparator) -> &'static str {
    use crate::pack::model::Comparator as C;
    match c {
        C::AtMost => "at most",
        C::AtLeast => "at least",
        C::Below => "below",
        C::Above => "above",
        C::Equal => "exactly",
    }
}

fn group_thousands(v: f64) -> String {
    let digits = format!("{:.0}", v);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fines_are_grouped_in_thousands() {
        assert_eq!(group_thousands(15_000_000.0), "15,000,000");
        assert_eq!(group_thousands(24_000_000.0), "24,000,000");
        assert_eq!(group_thousands(999.0), "999");
    }
}
