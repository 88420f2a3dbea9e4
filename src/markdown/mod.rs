//! Renders a report as Markdown: what a provider sends its legal team, prints or pastes into a
//! ticket. The gaps come first, then every chapter, measure, requirement and the answers behind
//! it. Questions are named by their text and answers by their option labels, from the pack.
//!
//! Provider text is escaped so that the Markdown cannot carry HTML or break a table.

mod gaps;
pub(crate) mod words;

pub(crate) use words::Words;

use std::fmt::Write;

use crate::locale::Locale;
use crate::messages::Catalogue;
use crate::report::{Report, RequirementResult, Rule, Status, TraceStep};
use words::inline;

fn status_word(s: Status, say: &Catalogue<'_>) -> String {
    say.template(&["report.status.", s.as_str()].concat()).to_string()
}

fn status_in_list(s: Status, say: &Catalogue<'_>) -> String {
    say.template(&["status-in-list.", s.as_str()].concat()).to_string()
}

fn yes_no(b: Option<bool>, say: &Catalogue<'_>) -> String {
    say.template(match b {
        Some(true) => "report.yes",
        Some(false) => "report.no",
        None => "report.undecided",
    })
    .to_string()
}

/// The profile questions' labels for these input ids.
fn input_labels(ids: &[String], words: &Words) -> String {
    ids.iter().map(|id| words.input_label(id)).collect::<Vec<_>>().join("; ")
}

/// One step of a trace in words.
fn trace_text(t: &TraceStep, words: &Words) -> String {
    let q = t.question_id.as_deref().unwrap_or("");
    let say = &words.say;
    match (&t.answer, t.rule) {
        (_, Rule::NotApplicable) => say.template("trace.not-applicable").into(),
        (_, Rule::NothingToCheck) => say.template("trace.nothing-to-check").into(),
        (_, Rule::ApplicabilityUnknown) => say.format("trace.applicability-unknown", &[("question", &words.label(q))]),
        (_, Rule::FormComplete) => say.format("trace.form-complete", &[("status", &status_in_list(t.outcome, say))]),
        (Some(a), _) => format!("{} — {}", words.label(q), words.answer(q, a)),
        (None, _) => say.format("trace.not-answered", &[("question", &words.label(q))]),
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

/// A mark after an item, e.g. " *(our reading)*", in the report's language.
fn mark(on: bool, key: &str, say: &Catalogue<'_>) -> String {
    if on {
        format!(" *{}*", say.template(key))
    } else {
        String::new()
    }
}

/// The Markdown text of a report, in English.
pub fn render(r: &Report) -> String {
    render_in(r, None)
}

/// The Markdown text of a report in a language: the pack's and the scope decision's texts and
/// the engine's words from `locale` where it has them, English where it does not; the header
/// says which language and its status (a translation is not legally reviewed).
pub fn render_in(r: &Report, locale: Option<&Locale>) -> String {
    let pack = crate::pack::get(&r.pack_id, "packId").ok();
    let words = Words::of(pack, crate::scope::scope_text(), locale);
    write(r, &words, locale)
}

/// The line that says the report's language and its status.
pub(crate) fn language_line(locale: Option<&Locale>, say: &Catalogue<'_>) -> String {
    match locale {
        None => say.format("report.language.authoritative", &[("status", crate::locale::AUTHORITATIVE)]),
        Some(l) => say.format(
            "report.language.translation",
            &[("language", &inline(&l.language)), ("status", &inline(&l.status).replace('`', "'"))],
        ),
    }
}

fn write(r: &Report, words: &Words, locale: Option<&Locale>) -> String {
    let say = &words.say;
    let mut md = String::new();
    let title = r.title.as_deref().map(inline).unwrap_or_else(|| say.template("report.untitled").into());
    let _ = writeln!(md, "# {}\n", say.format("report.title", &[("title", &title)]));
    let (pack_title, disclaimer) = words.pack_title_and_disclaimer();
    let _ = writeln!(
        md,
        "- {}",
        say.format("report.pack", &[("title", &pack_title), ("id", &r.pack_id), ("version", &r.pack_version)])
    );
    let _ = writeln!(md, "- {}", say.format("report.pack-digest", &[("digest", &r.pack_digest)]));
    let (encoded, not_yet) = words.law();
    if !encoded.is_empty() {
        let _ = writeln!(md, "- {}", say.format("report.law-encoded", &[("texts", &encoded.join("; "))]));
    }
    if !not_yet.is_empty() {
        let _ = writeln!(md, "- {}", say.format("report.law-not-encoded", &[("texts", &not_yet.join("; "))]));
    }
    let _ = writeln!(md, "- {}", say.format("report.engine-version", &[("version", &r.engine_version)]));
    let date =
        r.assessment_date.as_deref().map_or_else(|| say.template("report.date-not-given").into(), |d| words.date(d));
    let _ = writeln!(md, "- {}", say.format("report.assessment-date", &[("date", &date)]));
    let _ = writeln!(md, "- {}", language_line(locale, say));
    let _ = writeln!(md, "- {}\n", say.format("report.digest", &[("digest", &r.digest)]));
    let _ = writeln!(md, "> {disclaimer}\n");

    let s = &r.scope;
    let line = |key: &str, value: &str| say.format(key, &[("value", value)]);
    let _ = writeln!(md, "## {}\n", say.template("report.scope.title"));
    let _ = writeln!(md, "- {}", line("report.scope.gpai", &yes_no(s.is_gpai_model, say)));
    let _ = writeln!(md, "- {}", line("report.scope.provider", &yes_no(s.is_provider, say)));
    let _ = writeln!(md, "- {}", line("report.scope.in-scope", &yes_no(s.in_scope, say)));
    let _ = writeln!(md, "- {}", line("report.scope.systemic-risk", &yes_no(s.systemic_risk, say)));
    let _ = writeln!(md, "- {}", line("report.scope.open-source", &yes_no(s.open_source_exempt, say)));
    let _ = writeln!(md, "- {}", line("report.scope.modification", &yes_no(s.limited_to_modification, say)));
    let due = s.compliance_deadline.as_ref().map_or_else(|| "-".to_string(), |d| words.deadline(d));
    let _ = writeln!(md, "- {}", say.format("report.scope.deadline", &[("date", &due)]));
    if !s.decided_by.is_empty() {
        let _ = writeln!(
            md,
            "- {}",
            say.format("report.scope.decided-by", &[("inputs", &input_labels(&s.decided_by, words))])
        );
    }
    if let Some(f) = s.max_fine_eur {
        let amount = group_thousands(f, say.template("number.group-separator"));
        let _ = writeln!(md, "- {}", say.format("report.scope.max-fine", &[("amount", &amount)]));
    }
    if !s.missing_inputs.is_empty() {
        let _ = writeln!(
            md,
            "- {}",
            say.format("report.scope.missing-inputs", &[("inputs", &input_labels(&s.missing_inputs, words))])
        );
    }
    md.push('\n');

    gaps::write(&mut md, r, words);

    let _ = writeln!(md, "## {}\n", say.template("report.obligations.title"));
    // The reasons every applying obligation shares are said once, not in every row; out of
    // scope, the reasons every obligation shares for not applying (not the provider, say).
    // The scope decision says which (`shared_reasons`).
    let out_of_scope = s.in_scope == Some(false);
    let shared = &s.shared_reasons;
    let reading = |on: bool| mark(on, "report.our-reading", say);
    if !shared.is_empty() {
        let intro = if out_of_scope { "report.obligations.shared-none" } else { "report.obligations.shared" };
        let _ = writeln!(md, "{}\n", say.template(intro));
        for x in shared {
            let (text, source, interpretation) = words.reason(x);
            let _ = writeln!(md, "- {text} ({source}){}", reading(interpretation));
        }
        md.push('\n');
    }
    let _ = writeln!(md, "{}\n|---|---|---|---|", say.template("report.obligations.table"));
    for o in &s.obligations {
        let why: Vec<String> = o
            .reasons
            .iter()
            .filter(|x| !shared.contains(x))
            .map(|x| {
                let (text, source, interpretation) = words.reason(x);
                format!("{text} ({source}){}", reading(interpretation))
            })
            .collect();
        let (title, article) = words.obligation(&o.id);
        let why = if why.is_empty() && !shared.is_empty() {
            say.template("report.obligations.reasons-above").to_string()
        } else {
            why.join(" ")
        };
        let _ = writeln!(md, "| {title} | {article} | {} | {why} |", yes_no(o.applies, say));
    }
    for n in &s.notes {
        let (text, source, interpretation) = words.reason(n);
        let _ = writeln!(md, "\n- {text} ({source}){}", reading(interpretation));
    }

    let _ = writeln!(
        md,
        "\n## {}\n\n{}\n|---|---|---|---|---|---|---|",
        say.template("report.chapters.title"),
        say.template("report.chapters.table")
    );
    for c in &r.summary.chapters {
        let k = &c.counts;
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} |",
            c.id,
            yes_no(c.applicable, say),
            k.met,
            k.partial,
            k.not_met,
            k.unanswered,
            k.not_applicable
        );
    }

    let unconfirmed = |on: bool| mark(on, "report.unconfirmed", say);
    for ch in &r.chapters {
        let _ = writeln!(md, "\n## {} ({})\n", words.chapter_title(&ch.id), ch.id);
        if ch.applicable != Some(true) {
            let key =
                if ch.applicable.is_none() { "report.chapter.undecided" } else { "report.chapter.does-not-apply" };
            let _ = writeln!(md, "{}", say.template(key));
            for x in &ch.reasons {
                let (text, source, interpretation) = words.reason(x);
                let _ = writeln!(md, "- {text} ({source}){}", reading(interpretation));
            }
            continue;
        }
        for n in &ch.notes {
            let _ = writeln!(md, "> {}{}\n", words.note_text(&n.id), unconfirmed(n.unconfirmed));
        }
        for x in &ch.simplifications {
            let concerns = if x.measures.is_empty() {
                String::new()
            } else {
                format!(" {}", say.format("report.simplification.concerns", &[("measures", &x.measures.join(", "))]))
            };
            let (text, reference) = words.simplification(&x.id);
            let line =
                say.format("report.simplification", &[("id", &x.id), ("reference", &reference), ("text", &text)]);
            let _ = writeln!(md, "- {line}{}{concerns}\n", unconfirmed(x.unconfirmed));
        }
        for m in &ch.measures {
            let src: Vec<&str> = words.measure_sources(&m.id).iter().map(|x| x.reference.as_str()).collect();
            let _ = writeln!(
                md,
                "### {} {}: {}{}\n",
                m.id,
                words.measure_title(&m.id),
                status_word(m.status, say),
                mark(m.unconfirmed, "report.unconfirmed-source", say)
            );
            let _ = writeln!(
                md,
                "{} {}\n",
                inline(&say.explanation(&m.explanation)),
                say.format("report.measure.sources", &[("sources", &inline(&src.join("; ")))])
            );
            for q in &m.requirements {
                let role = if q.counted {
                    String::new()
                } else {
                    format!(" {}", say.template("report.requirement.not-counted"))
                };
                let _ = writeln!(
                    md,
                    "- **{}** {}{role}: {}{}.",
                    q.id,
                    status_word(q.status, say),
                    inline(words.requirement_text(&q.id).trim_end_matches('.')),
                    unconfirmed(q.unconfirmed)
                );
                for line in trace_lines(q, words) {
                    let _ = writeln!(md, "  - {line}");
                }
            }
            if !m.kpis.is_empty() {
                let _ = writeln!(md, "\n{}\n|---|---|---|---|", say.template("report.kpi.table"));
                for k in &m.kpis {
                    let (metric, unit) = words.kpi_metric_and_unit(&k.id);
                    let value = k.value.map_or("-".to_string(), |v| format!("{v} {unit}"));
                    let target = match (k.comparator, k.target) {
                        (Some(c), Some(t)) => format!("{} {t} {unit}", comparator(c, say)),
                        _ => say.template("report.kpi.no-target").into(),
                    };
                    let result = say.template(match k.pass {
                        Some(true) => "report.kpi.pass",
                        Some(false) => "report.kpi.fail",
                        None if k.target.is_none() => "report.kpi.for-the-record",
                        None => "report.kpi.unanswered",
                    });
                    let _ = writeln!(md, "| {metric} ({}) | {value} | {target} | {result} |", k.id);
                }
            }
            if !m.missing.is_empty() {
                let _ = writeln!(md, "\n{}\n", say.template("report.still-to-answer"));
                for q in &m.missing {
                    let _ = writeln!(md, "- {}", words.label_with_id(q));
                }
            }
            md.push('\n');
        }
    }
    for f in r.forms.iter().filter(|f| f.applicable) {
        let _ = writeln!(
            md,
            "## {}\n",
            say.format(
                "report.form.title",
                &[
                    ("title", &words.form_title(&f.id)),
                    ("id", &f.id),
                    ("answered", &f.answered.to_string()),
                    ("total", &f.total.to_string())
                ]
            )
        );
        let _ = writeln!(md, "{}\n|---|---|---|---|", say.template("report.form.table"));
        for c in &f.recipients {
            let (label, delivery) = words.recipient(&f.id, c.recipient);
            let counts =
                say.format("report.form.of", &[("answered", &c.answered.to_string()), ("total", &c.total.to_string())]);
            let _ = writeln!(
                md,
                "| {label} | {delivery} | {counts} | {} |",
                if c.missing.is_empty() { "-".to_string() } else { c.missing.join(", ") }
            );
        }
        for p in f.precision.iter().filter(|p| !p.pass) {
            let rule = match (p.rule, p.required) {
                (crate::report::PrecisionRule::SignificantFigures, Some(n)) => {
                    say.format("report.form.significant-figures", &[("count", &n.to_string())])
                }
                _ => say.template("report.form.magnitude").to_string(),
            };
            let line = say.format(
                "report.form.give",
                &[("field", &p.field_id), ("question", &words.label(&p.question_id)), ("rule", &rule)],
            );
            let _ = writeln!(md, "\n- {line}");
        }
        md.push('\n');
    }
    if !r.cross_checks.is_empty() {
        let c = &r.summary.cross_checks;
        let _ = writeln!(
            md,
            "## {}\n",
            say.format(
                "report.cross-checks.title",
                &[
                    ("tripped", &c.tripped.to_string()),
                    ("passed", &c.passed.to_string()),
                    ("notChecked", &c.not_checked.to_string())
                ]
            )
        );
        for x in r.cross_checks.iter().filter(|x| x.status == crate::report::CrossCheckStatus::Tripped) {
            let (title, message, sources) = words.cross_check(&x.id);
            let src: Vec<&str> = sources.iter().map(|s| s.reference.as_str()).collect();
            let _ = writeln!(md, "- **{}** {title}: {message} ({})", x.id, inline(&src.join("; ")));
        }
        md.push('\n');
    }
    if !r.findings.is_empty() {
        let _ = writeln!(md, "## {}\n", say.template("report.problems.title"));
        for f in &r.findings {
            let _ = writeln!(md, "- {}: {}", words.label_with_id(&f.question_id), inline(&say.problem(&f.problem)));
        }
    }
    md
}

fn comparator(c: crate::pack::model::Comparator, say: &Catalogue<'_>) -> String {
    use crate::pack::model::Comparator as C;
    say.template(match c {
        C::AtMost => "report.comparator.at-most",
        C::AtLeast => "report.comparator.at-least",
        C::Below => "report.comparator.below",
        C::Above => "report.comparator.above",
        C::Equal => "report.comparator.equal",
    })
    .to_string()
}

fn group_thousands(v: f64, separator: &str) -> String {
    let digits = format!("{:.0}", v);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
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
        assert_eq!(group_thousands(15_000_000.0, ","), "15,000,000");
        assert_eq!(group_thousands(24_000_000.0, "."), "24.000.000");
        assert_eq!(group_thousands(999.0, ","), "999");
    }
}
