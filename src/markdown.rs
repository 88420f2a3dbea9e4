//! Renders a report as Markdown: what a compliance lead prints or pastes into a ticket.
//!
//! Provider text is escaped so that the Markdown cannot carry HTML or break a table.

use std::fmt::Write;

use crate::report::{Report, Status, TraceAnswer, TraceStep};

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
    let inputs = &crate::scope::scope_text().inputs;
    let label = |id: &String| inputs.iter().find(|i| &i.id == id).map_or_else(|| inline(id), |i| inline(&i.label));
    ids.iter().map(label).collect::<Vec<_>>().join("; ")
}

/// One line of text, safe inside Markdown tables and free of HTML.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '`' | '*' | '_' | '[' | ']' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn answer_text(a: &TraceAnswer<'_>) -> String {
    match a {
        TraceAnswer::Text(t) => quoted(t),
        TraceAnswer::Number(n) => format!("{n}"),
        TraceAnswer::List(l) => l.iter().map(|t| quoted(t)).collect::<Vec<_>>().join(", "),
    }
}

/// A text answer in quotes, cut after 120 characters.
fn quoted(t: &str) -> String {
    let short: String = t.chars().take(120).collect();
    if short.len() < t.len() {
        format!("\"{}…\"", inline(&short))
    } else {
        format!("\"{}\"", inline(t))
    }
}

fn trace_text(t: &TraceStep) -> String {
    let q = t.question_id.as_deref().unwrap_or("");
    match (&t.answer, t.rule) {
        (_, crate::report::Rule::NotApplicable) => "condition not met".into(),
        (_, crate::report::Rule::NothingToCheck) => "context only".into(),
        (_, crate::report::Rule::ApplicabilityUnknown) => format!("depends on `{q}`, not answered"),
        (_, crate::report::Rule::FormComplete) => {
            format!(
                "every field of the Model Documentation Form checked: {}",
                status_word(t.outcome).to_ascii_lowercase()
            )
        }
        (Some(a), _) => format!("`{q}` = {}", answer_text(a)),
        (None, _) => format!("`{q}` unanswered"),
    }
}

/// The Markdown text of a report.
pub fn render(r: &Report) -> String {
    let mut md = String::new();
    let title = r.title.as_deref().map(inline).unwrap_or_else(|| "assessment".into());
    let _ = writeln!(md, "# gpai-check report: {title}\n");
    let _ = writeln!(md, "- Pack: {} (`{}` version {})", inline(&r.pack_title), r.pack_id, r.pack_version);
    let _ = writeln!(md, "- Pack digest: `{}`", r.pack_digest);
    let _ = writeln!(md, "- Engine version: {}", r.engine_version);
    let _ = writeln!(md, "- Assessment date: {}", r.assessment_date.as_deref().unwrap_or("not given"));
    let _ = writeln!(md, "- Report digest: `{}`\n", r.digest);
    let _ = writeln!(md, "> {}\n", inline(&r.disclaimer));

    let s = &r.scope;
    let _ = writeln!(md, "## Scope under the AI Act\n");
    let _ = writeln!(md, "- GPAI model: {}", yes_no(s.is_gpai_model));
    let _ = writeln!(md, "- Provider: {}", yes_no(s.is_provider));
    let _ = writeln!(md, "- In scope of Chapter V: {}", yes_no(s.in_scope));
    let _ = writeln!(md, "- Systemic risk: {}", yes_no(s.systemic_risk));
    let _ = writeln!(md, "- Open-source exemption: {}", yes_no(s.open_source_exempt));
    let _ = writeln!(md, "- Limited to the modification: {}", yes_no(s.limited_to_modification));
    let deadline = match &s.compliance_deadline {
        None => "-".to_string(),
        Some(d) if d.rule == crate::scope::DeadlineRule::ByDate => format!("by {}", d.date),
        Some(d) => format!("from placing on the market (not before {})", d.date),
    };
    let _ = writeln!(md, "- Compliance date: {deadline}");
    if !s.decided_by.is_empty() {
        let _ = writeln!(md, "- Not decided yet: answer {}", input_labels(&s.decided_by));
    }
    if let Some(f) = s.max_fine_eur {
        let _ = writeln!(md, "- Maximum fine (Art 101(1)): EUR {}", group_thousands(f));
    }
    if !s.missing_inputs.is_empty() {
        let _ = writeln!(md, "- Profile answers still missing: {}", input_labels(&s.missing_inputs));
    }
    let _ = writeln!(md, "\n| Obligation | Article | Applies | Why |\n|---|---|---|---|");
    for o in &s.obligations {
        let why: Vec<String> =
            o.reasons.iter().map(|x| format!("{} ({})", inline(&x.text), inline(&x.source))).collect();
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            inline(&o.title),
            inline(&o.article),
            yes_no(o.applies),
            why.join(" ")
        );
    }
    for n in &s.notes {
        let mark = if n.interpretation { " *(our reading)*" } else { "" };
        let _ = writeln!(md, "\n- {} ({}){mark}", inline(&n.text), inline(&n.source));
    }

    let _ = writeln!(md, "\n## Summary\n\n| Chapter | Applies | Met | Partly | Not met | Unanswered | N/A |\n|---|---|---|---|---|---|---|");
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
        let _ = writeln!(md, "\n## {} ({})\n", inline(&ch.title), ch.id);
        if ch.applicable != Some(true) {
            let _ = writeln!(
                md,
                "{}",
                if ch.applicable.is_none() { "Not decided yet whether it applies:" } else { "Does not apply:" }
            );
            for x in &ch.reasons {
                let _ = writeln!(md, "- {} ({})", inline(&x.text), inline(&x.source));
            }
            continue;
        }
        for n in &ch.notes {
            let mark = if n.unconfirmed { " *(unconfirmed)*" } else { "" };
            let _ = writeln!(md, "> {}{mark}\n", inline(&n.text));
        }
        for x in &ch.simplifications {
            let mark = if x.unconfirmed { " *(unconfirmed)*" } else { "" };
            let concerns =
                if x.measures.is_empty() { String::new() } else { format!(" Concerns {}.", x.measures.join(", ")) };
            let _ = writeln!(
                md,
                "- SME/SMC simplification {} ({}): {}{mark}{concerns}\n",
                x.id,
                inline(&x.reference),
                inline(&x.text)
            );
        }
        for m in &ch.measures {
            let src: Vec<&str> = m.sources.iter().map(|x| x.reference.as_str()).collect();
            let mark = if m.unconfirmed { " *(unconfirmed source)*" } else { "" };
            let _ = writeln!(md, "### {} {}: {}{mark}\n", m.id, inline(&m.title), status_word(m.status));
            let _ = writeln!(md, "{} Sources: {}.\n", inline(&m.explanation), inline(&src.join("; ")));
            for q in &m.requirements {
                let mark = if q.unconfirmed { " *(unconfirmed)*" } else { "" };
                let role = if q.counted { "" } else { " (not counted)" };
                let trace: Vec<String> = q.trace.iter().map(trace_text).collect();
                let _ = writeln!(
                    md,
                    "- **{}** {}{role}: {}{mark}. {}",
                    q.id,
                    status_word(q.status),
                    inline(q.text.trim_end_matches('.')),
                    trace.join("; ")
                );
            }
            if !m.kpis.is_empty() {
                let _ = writeln!(md, "\n| KPI | Value | Target | Result |\n|---|---|---|---|");
                for k in &m.kpis {
                    let value = k.value.map_or("-".to_string(), |v| format!("{v} {}", k.unit));
                    let target = match (k.comparator, k.target) {
                        (Some(c), Some(t)) => format!("{} {t} {}", comparator(c), k.unit),
                        _ => "no number set by the Code".into(),
                    };
                    let result = match k.pass {
                        Some(true) => "pass",
                        Some(false) => "fail",
                        None if k.target.is_none() => "for the record",
                        None => "unanswered",
                    };
                    let _ = writeln!(md, "| {} ({}) | {value} | {target} | {result} |", k.metric, k.id);
                }
            }
            if !m.missing.is_empty() {
                let _ = writeln!(md, "\nStill to answer: {}", m.missing.join(", "));
            }
            md.push('\n');
        }
    }
    for f in r.forms.iter().filter(|f| f.applicable) {
        let _ = writeln!(md, "## {} ({}): {} of {} fields answered\n", inline(&f.title), f.id, f.answered, f.total);
        let _ = writeln!(md, "| Recipient | Receives | Answered | Still empty |\n|---|---|---|---|");
        for c in &f.recipients {
            let _ = writeln!(
                md,
                "| {} | {} | {} of {} | {} |",
                inline(&c.label),
                inline(&c.delivery),
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
            let _ = writeln!(md, "\n- {}: give {rule}.", p.field_id);
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
            let src: Vec<&str> = x.sources.iter().map(|s| s.reference.as_str()).collect();
            let _ = writeln!(
                md,
                "- **{}** {}: {} ({})",
                x.id,
                inline(&x.title),
                inline(&x.message),
                inline(&src.join("; "))
            );
        }
        md.push('\n');
    }
    if !r.findings.is_empty() {
        let _ = writeln!(md, "## Problems in the answers\n");
        for f in &r.findings {
            let _ = writeln!(md, "- `{}`: {}", inline(&f.question_id), inline(&f.message));
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
    fn provider_text_cannot_inject_html_or_break_tables() {
        assert_eq!(inline("<img src=x onerror=alert(1)>|x"), "&lt;img src=x onerror=alert(1)&gt;\\|x");
        assert_eq!(inline("a\nb"), "a b");
    }

    #[test]
    fn fines_are_grouped_in_thousands() {
        assert_eq!(group_thousands(15_000_000.0), "15,000,000");
        assert_eq!(group_thousands(24_000_000.0), "24,000,000");
        assert_eq!(group_thousands(999.0), "999");
    }
}
