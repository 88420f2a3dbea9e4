//! Evaluation: profile + answers + pack -> report, in one pure, total, deterministic call.
//!
//! Order of work: the scope decision; the answers checked against their questions; then per
//! chapter and measure: applicability (the chapter's AI Act obligations and `appliesIf`), each
//! requirement through its check, KPIs, the measure status by [`combine`], what is missing,
//! and an explanation; finally the summary and the digest.

use crate::answers::{self, Answer, ValidAnswers};
use crate::pack::model::{Check, Comparator, Condition, Kpi, Measure, Pack, Question, Requirement, SourceKind};
use crate::profile::Profile;
use crate::report::{
    ChapterCounts, ChapterResult, Counts, KpiResult, MeasureResult, MissingQuestion, NoteResult, Report,
    RequirementResult, Rule, Status, Summary, TraceStep, ENGINE_VERSION,
};
use crate::scope::{self, scope_text, ScopeResult};
use crate::submission::Submission;

/// How deep `showIf` conditions may refer to each other before a question counts as hidden
/// (guards against cycles in a pack).
const MAX_CONDITION_DEPTH: u8 = 16;

/// Everything a condition can look at.
struct Context<'a> {
    pack: &'a Pack,
    scope: &'a ScopeResult,
    profile: serde_json::Value,
    answers: &'a ValidAnswers,
}

impl Context<'_> {
    fn holds(&self, c: &Condition, depth: u8) -> bool {
        if depth > MAX_CONDITION_DEPTH {
            return false;
        }
        match c {
            Condition::All(list) => list.iter().all(|c| self.holds(c, depth + 1)),
            Condition::Any(list) => list.iter().any(|c| self.holds(c, depth + 1)),
            Condition::Not(inner) => !self.holds(inner, depth + 1),
            Condition::Scope(flag) => {
                use crate::pack::model::ScopeFlag as F;
                let s = self.scope;
                match flag {
                    F::InScope => s.in_scope,
                    F::SystemicRisk => s.systemic_risk,
                    F::OpenSourceExempt => s.open_source_exempt,
                    F::LimitedToModification => s.limited_to_modification,
                    F::LegacyModel => s.legacy_model,
                    F::NotificationRequired => s.notification_required,
                    F::AuthorisedRepresentativeRequired => s.authorised_representative_required,
                }
            }
            Condition::Profile(t) => self.profile.get(&t.input).is_some_and(|v| values_equal(v, &t.equals)),
            Condition::Answer(t) => match self.answer(&t.question, depth + 1) {
                Some(Answer::Choice(v)) => t.one_of.contains(v),
                Some(Answer::Multi(vs)) => vs.iter().any(|v| t.one_of.contains(v)),
                _ => false,
            },
            Condition::Answered(q) => self.answer(q, depth + 1).is_some(),
        }
    }

    fn visible(&self, q: &Question, depth: u8) -> bool {
        q.show_if.as_ref().map_or(true, |c| self.holds(c, depth))
    }

    /// The answer to a question if it is valid and the question is shown.
    fn answer(&self, id: &str, depth: u8) -> Option<&Answer> {
        let a = self.answers.get(id)?;
        let q = self.pack.question(id)?;
        self.visible(q, depth).then_some(a)
    }
}

fn values_equal(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// The profile as a JSON object with every input present: the given value or the default.
fn profile_with_defaults(profile: &Profile) -> serde_json::Value {
    let mut v = serde_json::to_value(profile).unwrap_or_default();
    if let Some(map) = v.as_object_mut() {
        for input in &scope_text().inputs {
            let slot = map.entry(input.id.clone()).or_insert(serde_json::Value::Null);
            if slot.is_null() {
                *slot = input.default.clone();
            }
        }
    }
    v
}

/// Combines statuses of the items that count:
/// all met -> met; what is answered all not met (the rest unanswered) -> not met; an answer
/// that shows a gap ("partly", or "no" beside a "yes") -> partial; otherwise (nothing shows a
/// gap, but something is unanswered) -> unanswered. So `partial` always means a known gap,
/// `unanswered` never hides one, an unanswered item never gives `met`, and turning an answer
/// to "yes" never lowers the result in the order not met < partial < unanswered < met.
pub fn combine(statuses: &[Status]) -> Status {
    let counted: Vec<Status> = statuses.iter().copied().filter(|s| *s != Status::NotApplicable).collect();
    if counted.is_empty() {
        return Status::NotApplicable;
    }
    let any = |s: Status| counted.contains(&s);
    if counted.iter().all(|c| *c == Status::Met) {
        Status::Met
    } else if any(Status::NotMet) && counted.iter().all(|c| matches!(c, Status::NotMet | Status::Unanswered)) {
        Status::NotMet
    } else if any(Status::NotMet) || any(Status::Partial) {
        Status::Partial
    } else {
        Status::Unanswered
    }
}

fn source_line(req: &Requirement, m: &Measure) -> String {
    let mut s = req.id.clone();
    for r in m.sources.iter().filter(|r| r.kind != SourceKind::Code) {
        s.push_str("; ");
        s.push_str(&r.reference);
    }
    s
}

fn kpi_pass(k: &Kpi, value: f64) -> Option<bool> {
    let target = k.target?;
    Some(match k.comparator? {
        Comparator::AtMost => value <= target,
        Comparator::AtLeast => value >= target,
        Comparator::Below => value < target,
        Comparator::Above => value > target,
        Comparator::Equal => value == target,
    })
}

struct RequirementOutcome {
    result: RequirementResult,
    kpis: Vec<KpiResult>,
    needs: Vec<String>,
}

fn evaluate_check(
    ctx: &Context<'_>,
    check: &Check,
    req: &Requirement,
    kpis: &[KpiResult],
    source: &str,
    trace: &mut Vec<TraceStep>,
    needs: &mut Vec<String>,
) -> Status {
    let step = |rule, question: Option<&str>, answer, kpi: Option<&str>, outcome| TraceStep {
        rule,
        question_id: question.map(String::from),
        answer,
        kpi_id: kpi.map(String::from),
        outcome,
        source: source.to_string(),
    };
    match check {
        Check::Choice(c) => {
            let a = ctx.answer(&c.question, 0);
            let outcome = match a {
                None => Status::Unanswered,
                Some(Answer::Choice(v)) if c.met.contains(v) => Status::Met,
                Some(Answer::Choice(v)) if c.partial.contains(v) => Status::Partial,
                Some(Answer::Multi(vs)) if vs.iter().any(|v| c.met.contains(v)) => Status::Met,
                Some(Answer::Multi(vs)) if vs.iter().any(|v| c.partial.contains(v)) => Status::Partial,
                Some(_) => Status::NotMet,
            };
            if a.is_none() {
                needs.push(c.question.clone());
            }
            trace.push(step(Rule::Choice, Some(&c.question), a.map(raw_of), None, outcome));
            outcome
        }
        Check::Provided(p) => {
            let a = ctx.answer(&p.question, 0);
            let outcome = if a.is_some() { Status::Met } else { Status::Unanswered };
            if a.is_none() {
                needs.push(p.question.clone());
            }
            trace.push(step(Rule::Provided, Some(&p.question), a.map(raw_of), None, outcome));
            outcome
        }
        Check::Kpi(id) => {
            let k = kpis.iter().find(|k| &k.id == id);
            let outcome = match k.and_then(|k| k.pass) {
                Some(true) => Status::Met,
                Some(false) => Status::NotMet,
                None => Status::Unanswered,
            };
            let question = req.kpis.iter().find(|k| &k.id == id).map(|k| k.question.as_str());
            if outcome == Status::Unanswered {
                needs.extend(question.map(String::from));
            }
            let answer = k.and_then(|k| k.value).map(crate::answers::RawAnswer::Number);
            trace.push(step(Rule::Kpi, question, answer, Some(id), outcome));
            outcome
        }
        Check::All(list) => {
            let statuses: Vec<Status> =
                list.iter().map(|c| evaluate_check(ctx, c, req, kpis, source, trace, needs)).collect();
            combine(&statuses)
        }
    }
}

fn raw_of(a: &Answer) -> crate::answers::RawAnswer {
    use crate::answers::RawAnswer as R;
    match a {
        Answer::Choice(s) | Answer::Text(s) => R::Text(s.clone()),
        Answer::Multi(v) => R::List(v.iter().map(|s| R::Text(s.clone())).collect()),
        Answer::Number(n) => R::Number(*n),
    }
}

fn evaluate_requirement(
    ctx: &Context<'_>,
    m: &Measure,
    req: &Requirement,
    measure_applies: bool,
) -> RequirementOutcome {
    let source = source_line(req, m);
    let unconfirmed = ctx.pack.is_unconfirmed(&req.confidence);
    let kpis: Vec<KpiResult> = req
        .kpis
        .iter()
        .map(|k| {
            let value = match ctx.answer(&k.question, 0) {
                Some(Answer::Number(n)) => Some(*n),
                _ => None,
            };
            KpiResult {
                id: k.id.clone(),
                requirement_id: req.id.clone(),
                metric: k.metric.clone(),
                question_id: k.question.clone(),
                value,
                comparator: k.comparator,
                target: k.target,
                unit: k.unit.clone(),
                anchor: k.anchor.clone(),
                pass: value.and_then(|v| kpi_pass(k, v)),
                unconfirmed,
            }
        })
        .collect();
    let condition_holds = req.applies_if.as_ref().map_or(true, |c| ctx.holds(c, 0));
    let applies = measure_applies && condition_holds;
    // A required item whose condition is false only because a question it depends on is still
    // unanswered is not "not applicable" yet: it is unanswered, and that question is missing.
    let undecided: Vec<String> = match &req.applies_if {
        Some(c) if measure_applies && !condition_holds && req.kind.counts() && req.check.is_some() => {
            let mut qs = Vec::new();
            condition_questions(c, &mut qs);
            qs.into_iter()
                .filter(|q| ctx.answer(q, 0).is_none() && ctx.pack.question(q).is_some_and(|q| ctx.visible(q, 0)))
                .map(String::from)
                .collect()
        }
        _ => Vec::new(),
    };
    let mut trace = Vec::new();
    let mut needs = Vec::new();
    let step = |rule, question_id: Option<String>, outcome| TraceStep {
        rule,
        question_id,
        answer: None,
        kpi_id: None,
        outcome,
        source: source.clone(),
    };
    let status = if !undecided.is_empty() {
        trace.push(step(Rule::ApplicabilityUnknown, undecided.first().cloned(), Status::Unanswered));
        needs = undecided.clone();
        Status::Unanswered
    } else if !applies {
        trace.push(step(Rule::NotApplicable, None, Status::NotApplicable));
        Status::NotApplicable
    } else if let Some(check) = &req.check {
        evaluate_check(ctx, check, req, &kpis, &source, &mut trace, &mut needs)
    } else {
        trace.push(step(Rule::NothingToCheck, None, Status::NotApplicable));
        Status::NotApplicable
    };
    let counted = (applies || !undecided.is_empty()) && req.check.is_some() && req.kind.counts();
    if !counted {
        // Optional items are asked, but never listed as missing.
        needs.clear();
    }
    RequirementOutcome {
        result: RequirementResult {
            id: req.id.clone(),
            kind: req.kind,
            text: req.text.clone(),
            status,
            counted,
            confidence: req.confidence.clone(),
            unconfirmed,
            note: req.note.clone(),
            trace,
        },
        kpis,
        needs,
    }
}

/// Questions an applicability condition refers to that are visible and unanswered: a provider
/// must answer them before the engine can tell whether a requirement applies.
fn condition_questions<'a>(c: &'a Condition, out: &mut Vec<&'a str>) {
    match c {
        Condition::All(l) | Condition::Any(l) => l.iter().for_each(|c| condition_questions(c, out)),
        Condition::Not(inner) => condition_questions(inner, out),
        Condition::Answer(t) => out.push(&t.question),
        Condition::Answered(q) => out.push(q),
        Condition::Scope(_) | Condition::Profile(_) => {}
    }
}

fn explain(status: Status, reqs: &[RequirementResult], applies: bool) -> String {
    let counted: Vec<&RequirementResult> = reqs.iter().filter(|r| r.counted).collect();
    if !applies {
        return "Does not apply to this provider (see the chapter's reasons).".into();
    }
    if counted.is_empty() {
        return "No requirement of this measure applies to this provider.".into();
    }
    let ids = |s: Status| -> Vec<&str> { counted.iter().filter(|r| r.status == s).map(|r| r.id.as_str()).collect() };
    let n = counted.len();
    let mut parts = Vec::new();
    for (s, word) in [
        (Status::Met, "met"),
        (Status::Partial, "partly met"),
        (Status::NotMet, "not met"),
        (Status::Unanswered, "unanswered"),
    ] {
        let list = ids(s);
        if !list.is_empty() {
            parts.push(format!("{} {word} ({})", list.len(), list.join(", ")));
        }
    }
    let lead = match status {
        Status::Met => "Met",
        Status::Partial => "Partly met",
        Status::NotMet => "Not met",
        Status::Unanswered => "Not answered yet",
        Status::NotApplicable => "Not applicable",
    };
    format!("{lead}: of {n} required item{}, {}.", if n == 1 { "" } else { "s" }, parts.join("; "))
}

fn evaluate_measure(ctx: &Context<'_>, commitment: &str, m: &Measure, chapter_applies: bool) -> MeasureResult {
    let applies = chapter_applies && m.applies_if.as_ref().map_or(true, |c| ctx.holds(c, 0));
    let mut requirements = Vec::new();
    let mut kpis = Vec::new();
    let mut needs: Vec<String> = Vec::new();
    for req in &m.requirements {
        let out = evaluate_requirement(ctx, m, req, applies);
        needs.extend(out.needs);
        requirements.push(out.result);
        kpis.extend(out.kpis);
    }
    let statuses: Vec<Status> = requirements.iter().filter(|r| r.counted).map(|r| r.status).collect();
    let status = if applies { combine(&statuses) } else { Status::NotApplicable };
    // Missing: visible questions of this pack that the measure needs, in question order.
    let missing = m
        .questions
        .iter()
        .filter(|q| needs.iter().any(|n| n == &q.id) && ctx.visible(q, 0))
        .map(|q| q.id.clone())
        .chain(
            // Needed questions defined in another measure, in first-need order.
            needs.iter().filter(|n| !m.questions.iter().any(|q| &q.id == *n)).cloned(),
        )
        .fold(Vec::new(), |mut acc: Vec<String>, q| {
            if !acc.contains(&q) {
                acc.push(q);
            }
            acc
        });
    MeasureResult {
        id: m.id.clone(),
        commitment_id: commitment.to_string(),
        title: m.title.clone(),
        status,
        explanation: explain(status, &requirements, applies),
        sources: m.sources.clone(),
        confidence: m.confidence.clone(),
        unconfirmed: ctx.pack.is_unconfirmed(&m.confidence),
        requirements,
        kpis,
        missing,
    }
}

/// Evaluates a submission against a pack it names. See the module documentation.
pub fn evaluate_with(pack: &Pack, submission: &Submission) -> Report {
    let mut profile = submission.profile.clone();
    if submission.assessment_date.is_some() {
        profile.assessment_date = submission.assessment_date.clone();
    }
    let scope = scope::decide(&profile);
    let (valid, findings) = answers::check(pack, &submission.answers);
    let ctx = Context { pack, scope: &scope, profile: profile_with_defaults(&profile), answers: &valid };
    let mut chapters = Vec::new();
    let mut summary = Summary { overall: Counts::default(), chapters: Vec::new() };
    let mut missing = Vec::new();
    for ch in &pack.chapters {
        let by_obligation = ch.obligations.iter().any(|o| scope.applies(o));
        let applicable = by_obligation && ch.applies_if.as_ref().map_or(true, |c| ctx.holds(c, 0));
        let mut reasons = Vec::new();
        for o in scope.obligations.iter().filter(|o| ch.obligations.contains(&o.id)) {
            for r in &o.reasons {
                if !reasons.contains(r) {
                    reasons.push(r.clone());
                }
            }
        }
        let notes = ch
            .notes
            .iter()
            .filter(|n| applicable && n.show_if.as_ref().map_or(true, |c| ctx.holds(c, 0)))
            .map(|n| NoteResult {
                id: n.id.clone(),
                text: n.text.clone(),
                unconfirmed: pack.is_unconfirmed(&n.confidence),
            })
            .collect();
        let mut counts = Counts::default();
        let mut measures = Vec::new();
        for c in &ch.commitments {
            for m in &c.measures {
                let r = evaluate_measure(&ctx, &c.id, m, applicable);
                counts.add(r.status);
                summary.overall.add(r.status);
                for q in &r.missing {
                    if !missing.iter().any(|x: &MissingQuestion| &x.question_id == q) {
                        missing.push(MissingQuestion { question_id: q.clone(), measure_id: r.id.clone() });
                    }
                }
                measures.push(r);
            }
        }
        summary.chapters.push(ChapterCounts { id: ch.id.clone(), applicable, counts });
        chapters.push(ChapterResult {
            id: ch.id.clone(),
            title: ch.title.clone(),
            applicable,
            obligations: ch.obligations.clone(),
            reasons,
            notes,
            measures,
        });
    }
    let mut report = Report {
        title: submission.title.clone(),
        engine_version: ENGINE_VERSION.to_string(),
        pack_id: pack.id.clone(),
        pack_version: pack.version.clone(),
        pack_digest: pack.digest.clone(),
        pack_title: pack.title.clone(),
        disclaimer: pack.disclaimer.clone(),
        assessment_date: profile.assessment_date.clone(),
        scope,
        summary,
        chapters,
        missing,
        findings,
        digest: String::new(),
    };
    report.seal();
    report
}

#[cfg(test)]
mod tests {
    use super::combine;
    use crate::report::Status::{self, *};

    #[test]
    fn combine_follows_the_documented_table() {
        assert_eq!(combine(&[]), NotApplicable);
        assert_eq!(combine(&[NotApplicable]), NotApplicable);
        assert_eq!(combine(&[Met, Met]), Met);
        assert_eq!(combine(&[NotMet, NotMet]), NotMet);
        assert_eq!(combine(&[Unanswered, Unanswered]), Unanswered);
        assert_eq!(combine(&[NotMet, Unanswered]), NotMet);
        assert_eq!(combine(&[Met, Unanswered]), Unanswered);
        assert_eq!(combine(&[Partial, Unanswered]), Partial);
        assert_eq!(combine(&[Met, NotMet, Unanswered]), Partial);
        assert_eq!(combine(&[Met, NotMet]), Partial);
        assert_eq!(combine(&[Partial]), Partial);
        assert_eq!(combine(&[Met, NotApplicable]), Met);
    }

    #[test]
    fn an_unanswered_item_never_gives_met() {
        let all = [Met, Partial, NotMet, Unanswered];
        for a in all {
            for b in all {
                if a == Unanswered || b == Unanswered {
                    assert_ne!(combine(&[a, b]), Met, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn turning_one_item_to_met_never_lowers_the_result() {
        let all = [Met, Partial, NotMet, Unanswered];
        for a in all {
            for b in all {
                for c in all {
                    let before = combine(&[a, b, c]);
                    let after = combine(&[Met, b, c]);
                    assert!(after.rank() >= before.rank(), "{a:?},{b:?},{c:?}: {before:?} -> {after:?}");
                }
            }
        }
        let _: Status = Met;
    }
}
