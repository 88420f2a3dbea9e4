//! The summary a reader sees first: the scope verdict in one line, the measures not met or
//! partly met by AI Act obligation with its deadline, tripped cross-checks, and what is still to
//! answer, most blocking first.

use std::fmt::Write;

use super::words::{inline, shorten, Words};
use super::{status_in_list, status_word, trace_lines};
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
    let say = &words.say;
    let _ = writeln!(md, "## {}\n", say.template("gaps.title"));
    match s.in_scope {
        None => {
            let _ = writeln!(md, "{}\n", say.template("gaps.undecided"));
            for id in &s.decided_by {
                let _ = writeln!(md, "- {}", words.input_label(id));
            }
            md.push('\n');
        }
        Some(false) => {
            let _ = writeln!(md, "{}\n", say.template("gaps.out-of-scope"));
        }
        Some(true) if !s.decided_by.is_empty() => {
            let inputs = super::input_labels(&s.decided_by, words);
            let _ = writeln!(md, "{}\n", say.format("gaps.scope-open", &[("inputs", &inputs)]));
        }
        Some(true) => {}
    }

    let o = &r.summary.overall;
    let n = |x: u32| x.to_string();
    let _ = writeln!(
        md,
        "{}\n",
        say.format(
            "gaps.overall",
            &[
                ("notMet", &n(o.not_met)),
                ("partial", &n(o.partial)),
                ("unanswered", &n(o.unanswered)),
                ("met", &n(o.met)),
                ("notApplicable", &n(o.not_applicable)),
                ("total", &n(o.total))
            ]
        )
    );

    let groups = by_obligation(r, words);
    for (obligations, measures) in &groups {
        write_obligation_heading(md, r, words, obligations, measures[0].0);
        for (_, m) in measures {
            let word = status_word(m.status, say);
            // The status is said before the explanation: its counts follow, without it.
            let why = match &m.explanation {
                Explanation::Requirements { count, groups, .. } => {
                    let key = if *count == 1 { "explanation.counts.one" } else { "explanation.counts.other" };
                    say.format(key, &[("count", &count.to_string()), ("groups", &say.groups_text(groups))])
                }
                other => say.explanation(other),
            };
            let _ =
                writeln!(md, "- **{}** {}: {word}. {}", m.id, words.measure_title(&m.id), upper_first(&inline(&why)));
            for q in m.requirements.iter().filter(|q| q.counted && is_gap(q.status)) {
                let lines = trace_lines(q, words);
                let _ = writeln!(
                    md,
                    "  - {} {}: {}{}",
                    q.id,
                    status_in_list(q.status, say),
                    inline(&shorten(words.requirement_text(&q.id), REQUIREMENT_CHARS)),
                    if lines.is_empty() {
                        String::new()
                    } else {
                        format!(" {}", say.format("gaps.answered", &[("lines", &lines.join("; "))]))
                    }
                );
            }
        }
        md.push('\n');
    }
    if groups.is_empty() {
        let _ = writeln!(md, "{}\n", say.template("gaps.none"));
    }

    let tripped: Vec<_> = r.cross_checks.iter().filter(|x| x.status == CrossCheckStatus::Tripped).collect();
    let c = &r.summary.cross_checks;
    if tripped.is_empty() && !r.cross_checks.is_empty() {
        let _ = writeln!(
            md,
            "{}\n",
            say.format("gaps.no-contradiction", &[("passed", &n(c.passed)), ("notChecked", &n(c.not_checked))])
        );
    }
    if !tripped.is_empty() {
        let _ = writeln!(
            md,
            "### {}\n",
            say.format(
                "gaps.contradictions",
                &[("tripped", &n(c.tripped)), ("total", &r.cross_checks.len().to_string())]
            )
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
            "### {}\n\n{} {}\n",
            say.template("gaps.still-to-answer"),
            say.count("gaps.measures-unanswered", o.unanswered as usize, &[]),
            say.count("gaps.questions-open", r.missing.len(), &[]),
        );
        for q in r.missing.iter().take(TOP_QUESTIONS) {
            let ids: Vec<&str> = q.measure_ids.iter().map(|x| &**x).collect();
            let line = say.count(
                "gaps.waiting",
                q.measure_ids.len(),
                &[("question", &words.label_with_id(&q.question_id)), ("ids", &ids.join(", "))],
            );
            let _ = writeln!(md, "- {line}");
        }
        if r.missing.len() > TOP_QUESTIONS {
            let more = (r.missing.len() - TOP_QUESTIONS).to_string();
            let _ = writeln!(md, "\n{}", say.format("gaps.more-questions", &[("count", &more)]));
        }
        md.push('\n');
    }
    if !r.findings.is_empty() {
        let _ = writeln!(md, "{}\n", say.count("gaps.problems", r.findings.len(), &[]));
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
        let article = words.obligation_article(&obligations[*i].id);
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
            let (title, article) = words.obligation(&o.id);
            format!("{title} ({article})")
        })
        .collect();
    if named.is_empty() {
        let _ = writeln!(md, "### {} ({})\n", words.chapter_title(&ch.id), ch.id);
    } else {
        let _ = writeln!(md, "### {}\n", named.join("; "));
    }
    let say = &words.say;
    let due = r
        .scope
        .compliance_deadline
        .as_ref()
        .map_or_else(String::new, |d| format!("{} ", say.format("gaps.due", &[("deadline", &words.deadline(d))])));
    let chapter = say.format("gaps.chapter", &[("title", &words.chapter_title(&ch.id)), ("id", &ch.id)]);
    let _ = writeln!(md, "{due}{chapter}\n");
}

/// The text with its first letter upper case (ASCII only: Unicode's case tables would add
/// about 18 KB to the wasm, see README, Figures).
fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| std::iter::once(f.to_ascii_uppercase()).chain(c).collect())
}
