//! The summary a reader sees first: the scope verdict in one line, the measures not met or
//! partly met by AI Act obligation with its deadline, tripped cross-checks, and what is still to
//! answer, most blocking first.

use std::fmt::Write;

use super::words::{deadline, inline, shorten, Words};
use super::{status_word, trace_lines};
use crate::pack::model::SourceKind;
use crate::report::{ChapterResult, CrossCheckStatus, Explanation, MeasureResult, Report, Status};

/// How many of the questions still to answer the summary names (the rest are under each measure).
const TOP_QUESTIONS: usize = 10;
/// Longest requirement text, in characters, in a gap's detail line.
const REQUIREMENT_CHARS: usize = 160;

/// A measure status that is a gap: an answer shows something missing.
pub(super) fn is_gap(s: Status) -> bool {
    matches!(s, Status::NotMet | Status::Partial)
}

/// Writes the "Summary of gaps" section.
pub(super) fn write(md: &mut String, r: &Report, words: &Words) {
    let s = &r.scope;
    let _ = writeln!(md, "## Summary of gaps\n");
    match s.in_scope {
        None => {
            let _ = writeln!(
                md,
                "Not decided yet: answer these profile questions first; until then it is not known which measures of the Code apply.\n"
            );
            for id in &s.decided_by {
                let _ = writeln!(md, "- {}", super::input_label(id));
            }
            md.push('\n');
        }
        Some(false) => {
            let _ = writeln!(
                md,
                "Not in scope of Chapter V of the AI Act: no measure of the Code applies to this provider (see the scope decision).\n"
            );
        }
        Some(true) if !s.decided_by.is_empty() => {
            let _ = writeln!(
                md,
                "In scope of Chapter V of the AI Act. Still open in the scope decision: answer {}.\n",
                super::input_labels(&s.decided_by)
            );
        }
        Some(true) => {}
    }

    let o = &r.summary.overall;
    let _ = writeln!(
        md,
        "{} not met, {} partly met, {} not answered yet, {} met, {} not applicable (of {} measures).\n",
        o.not_met, o.partial, o.unanswered, o.met, o.not_applicable, o.total
    );

    let groups = by_obligation(r, words);
    for (obligations, measures) in &groups {
        write_obligation_heading(md, r, words, obligations, measures[0].0);
        for (_, m) in measures {
            let word = status_word(m.status);
            // The status is said before the explanation: its counts follow, without it.
            let why = match &m.explanation {
                Explanation::Requirements { count, groups, .. } => {
                    let key = if *count == 1 { "explanation.counts.one" } else { "explanation.counts.other" };
                    crate::messages::format(
                        key,
                        &[("count", &count.to_string()), ("groups", &crate::messages::groups_text(groups))],
                    )
                }
                other => crate::messages::explanation(other),
            };
            let _ =
                writeln!(md, "- **{}** {}: {word}. {}", m.id, words.measure_title(&m.id), upper_first(&inline(&why)));
            for q in m.requirements.iter().filter(|q| q.counted && is_gap(q.status)) {
                let lines = trace_lines(q, words);
                let _ = writeln!(
                    md,
                    "  - {} {}: {}{}",
                    q.id,
                    status_word(q.status).to_ascii_lowercase(),
                    inline(&shorten(words.requirement_text(&q.id), REQUIREMENT_CHARS)),
                    if lines.is_empty() { String::new() } else { format!(" Answered: {}", lines.join("; ")) }
                );
            }
        }
        md.push('\n');
    }
    if groups.is_empty() {
        let _ = writeln!(md, "No measure is found not met or partly met.\n");
    }

    let tripped: Vec<_> = r.cross_checks.iter().filter(|x| x.status == CrossCheckStatus::Tripped).collect();
    let c = &r.summary.cross_checks;
    if tripped.is_empty() && !r.cross_checks.is_empty() {
        let _ = writeln!(
            md,
            "No contradiction found between the answers ({} cross-checks passed, {} not checked yet).\n",
            c.passed, c.not_checked
        );
    }
    if !tripped.is_empty() {
        let _ = writeln!(
            md,
            "### Contradictions between answers: {} of {} cross-checks tripped\n",
            c.tripped,
            r.cross_checks.len()
        );
        for x in tripped {
            let (title, message, _) = words.cross_check(&x.id);
            let _ = writeln!(md, "- **{}** {title}: {message}", x.id);
        }
        md.push('\n');
    }

    if !r.missing.is_empty() {
        let _ = writeln!(
            md,
            "### Still to answer\n\n{} measure{} not answered yet; {} question{} still to answer. The first to answer:\n",
            o.unanswered,
            if o.unanswered == 1 { " is" } else { "s are" },
            r.missing.len(),
            if r.missing.len() == 1 { " is" } else { "s are" },
        );
        for q in r.missing.iter().take(TOP_QUESTIONS) {
            let n = q.measure_ids.len();
            let ids: Vec<&str> = q.measure_ids.iter().map(|x| &**x).collect();
            let _ = writeln!(
                md,
                "- {}: {n} measure{} wait{} on it ({})",
                words.label_with_id(&q.question_id),
                if n == 1 { "" } else { "s" },
                if n == 1 { "s" } else { "" },
                ids.join(", ")
            );
        }
        if r.missing.len() > TOP_QUESTIONS {
            let _ = writeln!(
                md,
                "\n{} more questions are listed under their measures below.",
                r.missing.len() - TOP_QUESTIONS
            );
        }
        md.push('\n');
    }
    if !r.findings.is_empty() {
        let _ = writeln!(
            md,
            "{} problem{} in the answers: see \"Problems in the answers\" at the end.\n",
            r.findings.len(),
            if r.findings.len() == 1 { "" } else { "s" }
        );
    }
}

/// The measures that are gaps, grouped by the AI Act obligations they serve (indices into
/// `report.scope.obligations`), groups in the order of their first measure, measures in pack order.
type Groups<'r, 'p> = Vec<(Vec<usize>, Vec<(&'r ChapterResult<'p>, &'r MeasureResult<'p>)>)>;

fn by_obligation<'r, 'p>(r: &'r Report<'p>, words: &Words) -> Groups<'r, 'p> {
    let mut groups: Groups<'r, 'p> = Vec::new();
    for ch in &r.chapters {
        for m in ch.measures.iter().filter(|m| is_gap(m.status)) {
            let key = obligations_of(r, words, ch, m);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, list)) => list.push((ch, m)),
                None => groups.push((key, vec![(ch, m)])),
            }
        }
    }
    groups
}

/// The obligations a measure serves: those of its chapter whose article the measure cites; else
/// any obligation whose article it cites; else every obligation of its chapter.
fn obligations_of(r: &Report, words: &Words, ch: &ChapterResult, m: &MeasureResult) -> Vec<usize> {
    let obligations = &r.scope.obligations;
    // An obligation's article reads e.g. "Art 53(1)(a); Annex XI": its first citation is the article.
    let cited = |i: &usize| {
        let spec = crate::scope::scope_text().obligation_spec(&obligations[*i].id);
        let article = spec.map_or("", |o| o.article.split(';').next().unwrap_or_default().trim());
        words.measure_sources(&m.id).iter().any(|s| s.kind == SourceKind::AiAct && s.reference == article)
    };
    let of_chapter: Vec<usize> =
        (0..obligations.len()).filter(|&i| ch.obligations.iter().any(|id| *id == obligations[i].id)).collect();
    let in_chapter: Vec<usize> = of_chapter.iter().copied().filter(cited).collect();
    if !in_chapter.is_empty() {
        return in_chapter;
    }
    let anywhere: Vec<usize> = (0..obligations.len()).filter(cited).collect();
    if anywhere.is_empty() {
        of_chapter
    } else {
        anywhere
    }
}

/// The heading of a group of gaps: its AI Act obligations (titles and articles) and deadline.
fn write_obligation_heading(md: &mut String, r: &Report, words: &Words, obligations: &[usize], ch: &ChapterResult) {
    let named: Vec<String> = obligations
        .iter()
        .map(|&i| &r.scope.obligations[i])
        .map(|o| {
            let (title, article) = super::words::obligation(&o.id);
            format!("{title} ({article})")
        })
        .collect();
    if named.is_empty() {
        let _ = writeln!(md, "### {} ({})\n", words.chapter_title(&ch.id), ch.id);
    } else {
        let _ = writeln!(md, "### {}\n", named.join("; "));
    }
    let due = r.scope.compliance_deadline.as_ref().map_or_else(String::new, |d| format!("Due {}. ", deadline(d)));
    let _ = writeln!(md, "{due}Code chapter: {} ({}).\n", words.chapter_title(&ch.id), ch.id);
}

/// The text with its first letter upper case (ASCII only: Unicode's case tables would add
/// about 18 KB to the wasm, see README, Figures).
fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| std::iter::once(f.to_ascii_uppercase()).chain(c).collect())
}
