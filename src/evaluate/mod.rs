//! Evaluation: profile + answers + pack -> report, in one pure, total, deterministic call.
//!
//! Order of work: the scope decision; the answers checked against their questions; then per
//! chapter: applicability (its AI Act obligations, `appliesIf`, `alsoAppliesIf`), each measure
//! and requirement through its check, KPIs, the measure status by [`combine`], what is missing,
//! an explanation; the forms, the cross-checks; then what is still to answer, ordered by what
//! blocks compliance most (`missing.rs`); finally the summary and the digest.

mod context;
mod form;
mod missing;

use std::borrow::Cow;

use crate::answers::{self, Answer};
use crate::pack::model::{Chapter, Check, Comparator, Kpi, Measure, Pack, Requirement};
use crate::profile::Profile;
use crate::report::{
    AnswerState, ChapterCounts, ChapterResult, Counts, CrossCheckCounts, CrossCheckResult, CrossCheckStatus,
    Explanation, ExplanationGroup, FindingCode, KpiResult, MeasureResult, NoteResult, QuestionState, Report,
    RequirementResult, Rule, SimplificationResult, Status, Summary, Text, TraceAnswer, TraceStep, ENGINE_VERSION,
    REPORT_FORMAT,
};
use crate::scope::{self, scope_text, Reason};
use crate::submission::Submission;
pub(crate) use context::referenced_questions;
use context::{Context, Truth};

/// Combines statuses of the items that count:
/// all met -> met; what is answered all not met (the rest unanswered) -> not met; an answer
/// that shows a gap ("partly", or "no" beside a "yes") -> partial; otherwise (nothing shows a
/// gap, but something is unanswered) -> unanswered. So `partial` always means a known gap,
/// `unanswered` never hides one, an unanswered item never gives `met`, and turning an answer
/// to "yes" never lowers the result in the order not met < partial < unanswered < met.
pub fn combine(statuses: &[Status]) -> Status {
    let (mut met, mut partial, mut not_met, mut unanswered) = (false, false, false, false);
    for s in statuses {
        match s {
            Status::Met => met = true,
            Status::Partial => partial = true,
            Status::NotMet => not_met = true,
            Status::Unanswered => unanswered = true,
            Status::NotApplicable => {}
        }
    }
    if !(met || partial || not_met || unanswered) {
        Status::NotApplicable
    } else if met && !(partial || not_met || unanswered) {
        Status::Met
    } else if not_met && !(met || partial) {
        Status::NotMet
    } else if not_met || partial {
        Status::Partial
    } else {
        Status::Unanswered
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

/// The answer as the trace shows it: option ids borrowed from the pack, a text copied (it
/// belongs to the submission, which the report does not borrow).
fn trace_answer<'p>(a: &Answer<'p, '_>) -> TraceAnswer<'p> {
    match a {
        Answer::Choice(s) => TraceAnswer::Text(Text::Borrowed(s)),
        Answer::Text(s) => TraceAnswer::Text(Text::Owned(s.to_string())),
        Answer::Multi(v) => TraceAnswer::List(v.iter().map(|s| Text::Borrowed(*s)).collect()),
        Answer::Number(n) => TraceAnswer::Number(*n),
        Answer::Quantity(q) => TraceAnswer::Number(q.value),
        Answer::NotApplicable => TraceAnswer::Text(Text::Borrowed("N/A")),
    }
}

/// Whether `value` is one of the pack's listed option ids.
fn listed(list: &[String], value: &str) -> bool {
    list.iter().any(|x| x == value)
}

/// What a check needs besides the context: the requirement's KPIs and where to record. `'p` is
/// the pack's lifetime: the trace borrows the pack's ids.
struct CheckRun<'a, 'p> {
    req: &'p Requirement,
    kpis: &'a [KpiResult<'p>],
    trace: Vec<TraceStep<'p>>,
    needs: Vec<&'p str>,
}

impl<'p> CheckRun<'_, 'p> {
    fn step(
        &mut self,
        rule: Rule,
        question: Option<&'p str>,
        answer: Option<TraceAnswer<'p>>,
        kpi: Option<&'p str>,
        outcome: Status,
    ) {
        self.trace.push(TraceStep {
            rule,
            question_id: question.map(Text::Borrowed),
            answer,
            kpi_id: kpi.map(Text::Borrowed),
            outcome,
        });
    }

    fn run(&mut self, ctx: &Context<'_, 'p>, check: &'p Check) -> Status {
        match check {
            Check::Choice(c) => {
                let a = ctx.answer(&c.question, 0);
                let outcome = match a {
                    None => Status::Unanswered,
                    Some(Answer::Choice(v)) if listed(&c.met, v) => Status::Met,
                    Some(Answer::Choice(v)) if listed(&c.partial, v) => Status::Partial,
                    Some(Answer::Multi(vs)) if vs.iter().any(|v| listed(&c.met, v)) => Status::Met,
                    Some(Answer::Multi(vs)) if vs.iter().any(|v| listed(&c.partial, v)) => Status::Partial,
                    Some(_) => Status::NotMet,
                };
                if a.is_none() {
                    self.needs.push(&c.question);
                }
                self.step(Rule::Choice, Some(&c.question), a.map(trace_answer), None, outcome);
                outcome
            }
            Check::Provided(p) => {
                let a = ctx.answer(&p.question, 0);
                let outcome = if a.is_some() { Status::Met } else { Status::Unanswered };
                if a.is_none() {
                    self.needs.push(&p.question);
                }
                self.step(Rule::Provided, Some(&p.question), a.map(trace_answer), None, outcome);
                outcome
            }
            Check::Kpi(id) => {
                let k = self.kpis.iter().find(|k| &k.id == id);
                let outcome = match k.and_then(|k| k.pass) {
                    Some(true) => Status::Met,
                    Some(false) => Status::NotMet,
                    None => Status::Unanswered,
                };
                let question = self.req.kpis.iter().find(|k| &k.id == id).map(|k| k.question.as_str());
                if outcome == Status::Unanswered {
                    self.needs.extend(question);
                }
                let answer = k.and_then(|k| k.value).map(TraceAnswer::Number);
                self.step(Rule::Kpi, question, answer, Some(id), outcome);
                outcome
            }
            Check::All(list) => {
                let statuses: Vec<Status> = list.iter().map(|c| self.run(ctx, c)).collect();
                combine(&statuses)
            }
            Check::When(w) => match ctx.truth(&w.condition, 0) {
                Truth::True => self.run(ctx, &w.check),
                Truth::False => {
                    self.step(Rule::NotApplicable, None, None, None, Status::NotApplicable);
                    Status::NotApplicable
                }
                Truth::Unknown => {
                    let mut qs = Vec::new();
                    referenced_questions(&w.condition, &mut qs);
                    let open: Vec<&'p str> = qs
                        .into_iter()
                        .filter(|q| {
                            ctx.answer(q, 0).is_none() && ctx.questions.get(q).is_some_and(|q| ctx.visible(q, 0))
                        })
                        .collect();
                    self.step(Rule::ApplicabilityUnknown, open.first().copied(), None, None, Status::Unanswered);
                    self.needs.extend(open);
                    Status::Unanswered
                }
            },
            Check::FormComplete(id) => {
                let outcome = match ctx.pack.chapters.iter().filter_map(|c| c.form.as_ref()).find(|f| &f.id == id) {
                    Some(f) => form::completeness(ctx, f, &mut self.needs),
                    None => Status::Unanswered,
                };
                self.step(Rule::FormComplete, None, None, None, outcome);
                outcome
            }
        }
    }
}

struct RequirementOutcome<'p> {
    result: RequirementResult<'p>,
    kpis: Vec<KpiResult<'p>>,
    needs: Vec<&'p str>,
}

fn evaluate_requirement<'p>(ctx: &Context<'_, 'p>, req: &'p Requirement, measure: Truth) -> RequirementOutcome<'p> {
    let measure_applies = measure == Truth::True;
    let unconfirmed = ctx.pack.is_unconfirmed(&req.confidence);
    // A KPI whose question is certainly not asked (its `showIf` is false) cannot be answered:
    // it is left out rather than shown as waiting for a figure.
    let asked = |question: &str| {
        ctx.questions.get(question).and_then(|q| q.show_if.as_ref()).map_or(true, |c| ctx.truth(c, 0) != Truth::False)
    };
    let kpis: Vec<KpiResult> = req
        .kpis
        .iter()
        .filter(|k| asked(&k.question))
        .map(|k| {
            let value = ctx.answer(&k.question, 0).and_then(Answer::number);
            KpiResult {
                id: Text::Borrowed(&k.id),
                requirement_id: Text::Borrowed(&req.id),
                question_id: Text::Borrowed(&k.question),
                value,
                comparator: k.comparator,
                target: k.target,
                pass: value.and_then(|v| kpi_pass(k, v)),
                unconfirmed,
            }
        })
        .collect();
    let condition = req.applies_if.as_ref().map_or(Truth::True, |c| ctx.truth(c, 0));
    let counts = req.kind.counts() && req.check.is_some();
    // A required item whose condition cannot be decided because a question it depends on is
    // still unanswered is not "not applicable" yet: it is unanswered, and that question is missing.
    let undecided: Vec<&'p str> = match &req.applies_if {
        Some(c) if measure_applies && condition == Truth::Unknown && counts => {
            let mut qs = Vec::new();
            referenced_questions(c, &mut qs);
            qs.into_iter()
                .filter(|q| ctx.answer(q, 0).is_none() && ctx.questions.get(q).is_some_and(|q| ctx.visible(q, 0)))
                .collect()
        }
        _ => Vec::new(),
    };
    // Undecided by the scope decision (the measure's chapter, or a scope flag in the condition):
    // unanswered until the profile questions that decide it are answered.
    let by_scope = counts
        && undecided.is_empty()
        && (measure == Truth::Unknown
            || (measure_applies
                && condition == Truth::Unknown
                && ctx.mentions_undecided_scope(req.applies_if.as_ref())));
    let applies = measure_applies && condition == Truth::True;
    let mut run = CheckRun { req, kpis: &kpis, trace: Vec::new(), needs: Vec::new() };
    let status = if by_scope {
        run.step(Rule::ApplicabilityUnknown, None, None, None, Status::Unanswered);
        Status::Unanswered
    } else if !undecided.is_empty() {
        run.step(Rule::ApplicabilityUnknown, undecided.first().copied(), None, None, Status::Unanswered);
        run.needs = undecided.clone();
        Status::Unanswered
    } else if !applies {
        run.step(Rule::NotApplicable, None, None, None, Status::NotApplicable);
        Status::NotApplicable
    } else if let Some(check) = &req.check {
        run.run(ctx, check)
    } else {
        run.step(Rule::NothingToCheck, None, None, None, Status::NotApplicable);
        Status::NotApplicable
    };
    let counted = (applies || by_scope || !undecided.is_empty()) && counts;
    let CheckRun { trace, mut needs, .. } = run;
    if !counted {
        // Optional items are asked, but never listed as missing.
        needs.clear();
    }
    RequirementOutcome {
        result: RequirementResult { id: Text::Borrowed(&req.id), kind: req.kind, status, counted, unconfirmed, trace },
        kpis,
        needs,
    }
}

/// Why the measure has its status, as data: the counted requirements by status, e.g. partly met
/// with 2 met (A, B) and 1 not met (C). The words are joined at render time (`messages`).
fn explain<'p>(status: Status, reqs: &[RequirementResult<'p>], applies: Truth) -> Explanation<'p> {
    if applies == Truth::Unknown {
        return Explanation::Undecided;
    }
    if applies == Truth::False {
        return Explanation::DoesNotApply;
    }
    let count = reqs.iter().filter(|r| r.counted).count();
    if count == 0 {
        return Explanation::NothingToCheck;
    }
    let groups = [Status::Met, Status::Partial, Status::NotMet, Status::Unanswered]
        .into_iter()
        .filter_map(|s| {
            let ids: Vec<Text<'p>> = reqs.iter().filter(|r| r.counted && r.status == s).map(|r| r.id.clone()).collect();
            (!ids.is_empty()).then_some(ExplanationGroup { status: s, ids })
        })
        .collect();
    Explanation::Requirements { status, count: count as u32, groups }
}

fn evaluate_measure<'p>(
    ctx: &Context<'_, 'p>,
    commitment: &'p str,
    m: &'p Measure,
    chapter: Truth,
    simplifications: Vec<Text<'p>>,
) -> MeasureResult<'p> {
    let applies = chapter.and(Truth::of(m.applies_if.as_ref().map_or(true, |c| ctx.holds(c))));
    let mut requirements = Vec::new();
    let mut kpis = Vec::new();
    let mut needs: Vec<&'p str> = Vec::new();
    for req in &m.requirements {
        let out = evaluate_requirement(ctx, req, applies);
        needs.extend(out.needs);
        requirements.push(out.result);
        kpis.extend(out.kpis);
    }
    let statuses: Vec<Status> = requirements.iter().filter(|r| r.counted).map(|r| r.status).collect();
    let status = if applies == Truth::False { Status::NotApplicable } else { combine(&statuses) };
    // Missing: the measure's own questions in question order, then needed questions of other
    // measures (e.g. form fields) in the order they were needed.
    let mut missing: Vec<Text<'p>> = m
        .questions
        .iter()
        .filter(|q| needs.iter().any(|n| *n == q.id) && ctx.visible(q, 0))
        .map(|q| Text::Borrowed(q.id.as_str()))
        .collect();
    for n in needs {
        let own = m.questions.iter().any(|q| q.id == n);
        if !own && !missing.iter().any(|x| x == n) {
            missing.push(Text::Borrowed(n));
        }
    }
    MeasureResult {
        id: Text::Borrowed(&m.id),
        commitment_id: Text::Borrowed(commitment),
        status,
        explanation: explain(status, &requirements, applies),
        unconfirmed: ctx.pack.is_unconfirmed(&m.confidence),
        requirements,
        kpis,
        missing,
        simplifications,
    }
}

/// Whether a chapter applies (three-valued: undecided while the scope decision is), and why.
fn chapter_applicability(ctx: &Context<'_, '_>, ch: &Chapter) -> (Truth, Vec<Reason>) {
    let by_obligation = ch.obligations.iter().fold(Truth::False, |t, o| t.or(Truth::from(ctx.scope.applies(o))));
    let by_condition = ch.applies_if.as_ref().map_or(Truth::True, |c| Truth::of(ctx.holds(c)));
    let also = ch.also_applies_if.as_ref().map_or(Truth::False, |c| ctx.truth(c, 0));
    let mut reasons = Vec::new();
    if also == Truth::True && by_obligation.and(by_condition) != Truth::True && ch.also_applies_reason.is_some() {
        reasons.push(Reason { id: format!("{}.also-applies", ch.id).into() });
    }
    let truth = by_obligation.and(by_condition).or(also);
    // The reasons that explain the chapter's own outcome: those of its obligations with the same
    // outcome. A chapter that does not apply never shows why one of its obligations applies.
    let same_outcome = |o: &&scope::ObligationResult| match truth {
        Truth::True => o.applies == Some(true),
        Truth::False => o.applies != Some(true),
        Truth::Unknown => o.applies.is_none(),
    };
    for o in ctx.scope.obligations.iter().filter(|o| ch.obligations.iter().any(|c| *c == o.id)).filter(same_outcome) {
        for r in &o.reasons {
            if !reasons.contains(r) {
                reasons.push(r.clone());
            }
        }
    }
    (truth, reasons)
}

fn cross_check<'p>(ctx: &Context<'_, '_>, x: &'p crate::pack::model::CrossCheck) -> CrossCheckResult<'p> {
    let status = match ctx.truth(&x.when, 0) {
        Truth::True => CrossCheckStatus::Tripped,
        Truth::False => CrossCheckStatus::Passed,
        Truth::Unknown => CrossCheckStatus::NotChecked,
    };
    let mut questions = Vec::new();
    referenced_questions(&x.when, &mut questions);
    let mut unique: Vec<Text<'p>> = Vec::new();
    for q in questions {
        if !unique.iter().any(|u| u == q) {
            unique.push(Text::Borrowed(q));
        }
    }
    CrossCheckResult { id: Text::Borrowed(&x.id), status, questions: unique }
}

/// As [`evaluate_with`], sealed: the digest computed, and the sealed report's JSON text, made
/// once while sealing.
pub fn evaluate_with_text<'p>(pack: &'p Pack, submission: &Submission) -> (Report<'p>, String) {
    let mut report = evaluate_with(pack, submission);
    let text = report.seal();
    (report, text)
}

/// Evaluates a submission against a pack it names, without sealing: `digest` stays empty (the
/// per-keystroke call; see the module documentation).
pub fn evaluate_with<'p>(pack: &'p Pack, submission: &Submission) -> Report<'p> {
    let mut profile = submission.profile.clone();
    if submission.assessment_date.is_some() {
        profile.assessment_date = submission.assessment_date.clone();
    }
    let scope = scope::decide(&profile);
    let questions = pack.question_index();
    let (valid, findings) = answers::check(&questions, &submission.answers);
    let ctx = Context { pack, scope: &scope, profile: profile_with_defaults(&profile), answers: &valid, questions };
    let small = profile.is_sme == Some(true) || profile.is_small_mid_cap == Some(true);
    let mut chapters = Vec::new();
    let mut summary =
        Summary { overall: Counts::default(), chapters: Vec::new(), cross_checks: CrossCheckCounts::default() };
    let mut forms = Vec::new();
    let mut cross_checks = Vec::new();
    let mut question_states = Vec::new();
    for ch in &pack.chapters {
        let (truth, reasons) = chapter_applicability(&ctx, ch);
        let applicable = truth == Truth::True;
        let notes = ch
            .notes
            .iter()
            .filter(|n| applicable && n.show_if.as_ref().map_or(true, |c| ctx.holds(c)))
            .map(|n| NoteResult { id: Text::Borrowed(&n.id), unconfirmed: pack.is_unconfirmed(&n.confidence) })
            .collect();
        let simplifications: Vec<SimplificationResult> = ch
            .simplifications
            .iter()
            .filter(|_| applicable && small)
            .map(|s| SimplificationResult {
                id: Text::Borrowed(&s.id),
                measures: Cow::Borrowed(&s.measures),
                unconfirmed: pack.is_unconfirmed(&s.confidence),
            })
            .collect();
        let mut counts = Counts::default();
        let mut measures = Vec::new();
        for c in &ch.commitments {
            for m in &c.measures {
                let ids: Vec<Text<'p>> =
                    simplifications.iter().filter(|s| s.measures.contains(&m.id)).map(|s| s.id.clone()).collect();
                let r = evaluate_measure(&ctx, &c.id, m, truth, ids);
                counts.add(r.status);
                summary.overall.add(r.status);
                measures.push(r);
            }
        }
        if let Some(f) = &ch.form {
            forms.push(form::evaluate(&ctx, f, applicable));
        }
        for x in &ch.cross_checks {
            let r = cross_check(&ctx, x);
            match r.status {
                CrossCheckStatus::Passed => summary.cross_checks.passed += 1,
                CrossCheckStatus::Tripped => summary.cross_checks.tripped += 1,
                CrossCheckStatus::NotChecked => summary.cross_checks.not_checked += 1,
            }
            cross_checks.push(r);
        }
        for m in ch.commitments.iter().flat_map(|c| &c.measures) {
            for q in &m.questions {
                let answer = if valid.contains_key(q.id.as_str()) {
                    AnswerState::Answered
                } else if findings.iter().any(|f| f.code == FindingCode::InvalidAnswer && f.question_id == q.id) {
                    AnswerState::Invalid
                } else {
                    AnswerState::Unanswered
                };
                let asked = truth == Truth::True && ctx.visible(q, 0);
                question_states.push(QuestionState { id: Text::Borrowed(&q.id), asked, answer });
            }
        }
        let applicable = truth.decided();
        summary.chapters.push(ChapterCounts { id: ch.id.clone(), applicable, counts });
        chapters.push(ChapterResult {
            id: Text::Borrowed(&ch.id),
            applicable,
            obligations: Cow::Borrowed(&ch.obligations),
            reasons,
            notes,
            simplifications,
            measures,
        });
    }
    let missing = missing::still_to_answer(pack, chapters.iter().flat_map(|c| &c.measures));
    Report {
        format_version: REPORT_FORMAT,
        title: submission.title.clone(),
        engine_version: ENGINE_VERSION.to_string(),
        pack_id: pack.id.clone(),
        pack_version: pack.version.clone(),
        pack_digest: pack.digest.clone(),
        assessment_date: profile.assessment_date.clone(),
        scope,
        summary,
        chapters,
        questions: question_states,
        missing,
        forms,
        cross_checks,
        findings,
        digest: String::new(),
    }
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
