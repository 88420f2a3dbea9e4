//! What changed between two checks of the same assessment: a report kept from an earlier check
//! (of either report format, as portals and browsers stored them), or its summary, against the
//! check made now.
//!
//! Statuses that moved, each with why: the pack's changelog entries that touch the item (an entry
//! about a question touches the measures, requirements and cross-checks that read it), the
//! answers that differ between the two checks, or the engine that changed. Questions the pack
//! added or removed, and findings and cross-checks that appeared or went away. The result is
//! data: ids, statuses and changelog ids; the words are the pack's (`changelog`, titles).
//!
//! What a comparison keeps of a check is a [`CheckSummary`] (`summary.rs`).

pub(crate) mod summary;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, InputError};
use crate::pack::model::{ChangeKind, Check, Condition, ItemKind, Operand, Pack, PackChange};
use crate::report::{AnswerState, CrossCheckStatus, FindingCode, Status};

pub use summary::{
    AnswerPrint, ChapterSummary, CheckSummary, FindingSummary, ItemStatus, MeasureSummary, QuestionSummary,
    SUMMARY_VERSION,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct WhatChanged {
    /// The pack both checks were made with.
    pub pack_id: String,
    /// The earlier check.
    pub before: CheckVersion,
    /// The check made now.
    pub after: CheckVersion,
    /// Whether the earlier check's statuses were known; without them, `measures` and
    /// `crossChecks` are empty and `relevantChanges` says what of the pack's changes concerns
    /// this assessment.
    pub statuses_known: bool,
    /// The pack's changelog entries between the two versions (after the earlier one, up to and
    /// including the later), in the changelog's order.
    pub changes: Vec<String>,
    /// The entries among them that touch something this assessment uses: a measure or
    /// cross-check that applies now, a question asked now, or an answer given.
    pub relevant_changes: Vec<String>,
    /// Measures whose status moved, in pack order.
    pub measures: Vec<StatusMove<Status>>,
    /// Cross-checks whose status moved, that appeared or that went away.
    pub cross_checks: Vec<StatusMove<CrossCheckStatus>>,
    /// Questions added or removed.
    pub questions: Vec<QuestionMove>,
    /// Findings that appeared.
    pub findings_appeared: Vec<FindingMove>,
    /// Findings that went away.
    pub findings_gone: Vec<FindingMove>,
}

/// A pack and engine version of a check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CheckVersion {
    /// Pack version.
    pub pack_version: String,
    /// Engine version; null when not known.
    pub engine_version: Option<String>,
    /// Report format: 1, 2, or 0 when no report was kept.
    pub report_format: u32,
}

/// An item whose status moved; `before` null when it is new, `after` null when it is gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StatusMove<S> {
    /// Item id (a measure or cross-check).
    pub id: String,
    /// Status before.
    pub before: Option<S>,
    /// Status now.
    pub after: Option<S>,
    /// For a measure, its requirements whose status moved.
    pub requirements: Vec<StatusMove<Status>>,
    /// Why, most specific first.
    pub causes: Vec<Cause>,
}

/// Why a status moved. In JSON, `{ "kind": "pack-change", "changes": [...] }`,
/// `{ "kind": "chapter-applicability", "chapter", "before", "after" }`,
/// `{ "kind": "answers-changed", "questions": [...] }`, `{ "kind": "engine-changed" }` or
/// `{ "kind": "unexplained" }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Cause {
    /// The pack's changelog entries that touch the item.
    PackChange {
        /// Changelog entry ids.
        changes: Vec<String>,
    },
    /// Whether the measure's chapter applies changed: the scope decision changed (with the
    /// profile, or with the engine's rules when `engineChanged` comes with it).
    ChapterApplicability {
        /// Chapter id.
        chapter: String,
        /// Whether it applied before (null: not decided).
        before: Option<bool>,
        /// Whether it applies now (null: not decided yet).
        after: Option<bool>,
    },
    /// Answers the item read that differ between the two checks.
    AnswersChanged {
        /// Question ids.
        questions: Vec<String>,
    },
    /// Neither explains it, and the engine version differs: the engine's rules changed.
    EngineChanged,
    /// Neither explains it, with the same engine (an answer the report does not show changed).
    Unexplained,
}

/// A question the pack added or removed between the two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct QuestionMove {
    /// Question id.
    pub id: String,
    /// Added or removed.
    pub change: ChangeKind,
    /// For an added question, whether it is asked now; for a removed one, whether the
    /// assessment holds an answer to it (kept, no longer used).
    pub concerns_you: bool,
    /// The changelog entries about it.
    pub changes: Vec<String>,
}

/// A finding that appeared or went away.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FindingMove {
    /// What kind.
    pub code: FindingCode,
    /// The answer's key.
    pub question_id: String,
    /// The changelog entries about that question.
    pub changes: Vec<String>,
}

// --- Which items a changelog entry touches ---

/// `major.minor.patch` as numbers; anything else sorts first.
fn semver(v: &str) -> (u64, u64, u64) {
    let mut parts = v.split('.').map(|p| p.parse::<u64>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// The changelog entries after `from` up to and including `to`, oldest version first.
fn entries_between<'p>(pack: &'p Pack, from: &str, to: &str) -> Vec<&'p PackChange> {
    let (from, to) = (semver(from), semver(to));
    let mut releases: Vec<_> =
        pack.changelog.iter().filter(|r| semver(&r.version) > from && semver(&r.version) <= to).collect();
    releases.sort_by_key(|r| semver(&r.version));
    releases.into_iter().flat_map(|r| &r.changes).collect()
}

fn condition_reads(c: &Condition, q: &str) -> bool {
    fn operand(o: &Operand, q: &str) -> bool {
        match o {
            Operand::Answer(a) => a == q,
            Operand::Magnitude(inner) | Operand::Normalised(inner) => operand(inner, q),
            Operand::Profile(_) | Operand::Value(_) => false,
        }
    }
    match c {
        Condition::All(l) | Condition::Any(l) => l.iter().any(|c| condition_reads(c, q)),
        Condition::Not(inner) => condition_reads(inner, q),
        Condition::Answer(t) => t.question == q,
        Condition::Answered(a) => a == q,
        Condition::Compare(cmp) => operand(&cmp.left, q) || operand(&cmp.right, q),
        Condition::WithinRounding(t) => t.answer == q || operand(&t.of, q),
        Condition::Scope(_) | Condition::Profile(_) => false,
    }
}

fn check_reads(c: &Check, q: &str, forms: &[&str]) -> bool {
    match c {
        Check::Choice(x) => x.question == q,
        Check::Provided(x) => x.question == q,
        Check::Kpi(_) => false,
        Check::All(l) => l.iter().any(|c| check_reads(c, q, forms)),
        Check::FormComplete(f) => forms.contains(&f.as_str()),
        Check::When(w) => condition_reads(&w.condition, q) || check_reads(&w.check, q, forms),
    }
}

/// Adds an id once. Lists here are short (tens of ids), and a vector costs the wasm less than a
/// set of its own.
fn add<'a>(list: &mut Vec<&'a str>, id: &'a str) {
    if !list.contains(&id) {
        list.push(id);
    }
}

/// The measures, requirements and cross-checks whose results a changelog entry can move.
fn touched<'p>(pack: &'p Pack, change: &'p PackChange) -> Vec<&'p str> {
    let mut out: Vec<&str> = Vec::new();
    let mut questions: Vec<&str> = Vec::new();
    let mut forms: Vec<&str> = Vec::new();
    match change.item_kind {
        ItemKind::Question => questions.push(&change.item),
        ItemKind::CrossCheck => add(&mut out, &change.item),
        ItemKind::FormField => {
            for f in pack.chapters.iter().filter_map(|c| c.form.as_ref()) {
                if f.fields.iter().any(|x| x.id == change.item) {
                    add(&mut forms, &f.id);
                    add(&mut out, &f.measure);
                }
            }
        }
        ItemKind::Requirement | ItemKind::Kpi => {
            for (_, _, m) in pack.measures() {
                for r in &m.requirements {
                    if r.id == change.item || r.kpis.iter().any(|k| k.id == change.item) {
                        add(&mut out, &r.id);
                        add(&mut out, &m.id);
                    }
                }
            }
        }
        ItemKind::ScopeReason | ItemKind::ProfileInput | ItemKind::Law => {}
    }
    let is_question = |id: &str| pack.question(id).is_some();
    for a in &change.affects {
        if is_question(a) {
            questions.push(a);
        } else {
            add(&mut out, a);
        }
    }
    for q in questions {
        for f in pack.chapters.iter().filter_map(|c| c.form.as_ref()) {
            if f.fields.iter().any(|x| x.questions().any(|(id, _)| id == q)) {
                add(&mut forms, &f.id);
                add(&mut out, &f.measure);
            }
        }
        for ch in &pack.chapters {
            for x in &ch.cross_checks {
                if condition_reads(&x.when, q) {
                    add(&mut out, &x.id);
                }
            }
        }
        for (_, _, m) in pack.measures() {
            if m.questions.iter().any(|x| x.id == q) || m.applies_if.as_ref().is_some_and(|c| condition_reads(c, q)) {
                add(&mut out, &m.id);
            }
            for r in &m.requirements {
                let reads = r.kpis.iter().any(|k| k.question == q)
                    || r.applies_if.as_ref().is_some_and(|c| condition_reads(c, q))
                    || r.check.as_ref().is_some_and(|c| check_reads(c, q, &[]));
                if reads {
                    add(&mut out, &r.id);
                    add(&mut out, &m.id);
                }
            }
        }
    }
    // A form's completeness requirement moves with any of its fields.
    if !forms.is_empty() {
        for (_, _, m) in pack.measures() {
            for r in &m.requirements {
                if r.check.as_ref().is_some_and(|c| check_reads(c, "", &forms)) {
                    add(&mut out, &r.id);
                    add(&mut out, &m.id);
                }
            }
        }
    }
    out
}

// --- The comparison ---

/// Compares an earlier check of an assessment with the check made now, both with the built-in
/// pack `pack` (whose changelog covers every earlier version).
pub fn compare(pack: &Pack, before: &CheckSummary, after: &CheckSummary) -> WhatChanged {
    let entries = entries_between(pack, &before.pack_version, &after.pack_version);
    let touches: Vec<(&PackChange, Vec<&str>)> = entries.iter().map(|c| (*c, touched(pack, c))).collect();
    let changes_touching = |ids: &[&str]| -> Vec<String> {
        touches.iter().filter(|(_, t)| ids.iter().any(|id| t.contains(id))).map(|(c, _)| c.id.clone()).collect()
    };
    let about = |id: &str| -> Vec<String> {
        entries.iter().filter(|c| c.item == id || c.affects.iter().any(|a| a == id)).map(|c| c.id.clone()).collect()
    };
    let engine_changed = before.engine_version != after.engine_version;
    let differing = |questions: &mut dyn Iterator<Item = &String>| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for q in questions {
            if let (Some(a), Some(b)) = (before.print(q), after.print(q)) {
                if a != b && !out.contains(q) {
                    out.push(q.clone());
                }
            }
        }
        out
    };
    let causes = |pack_changes: Vec<String>, answers: Vec<String>| -> Vec<Cause> {
        let mut v = Vec::new();
        if !pack_changes.is_empty() {
            v.push(Cause::PackChange { changes: pack_changes });
        }
        if !answers.is_empty() {
            v.push(Cause::AnswersChanged { questions: answers });
        }
        if v.is_empty() {
            v.push(if engine_changed { Cause::EngineChanged } else { Cause::Unexplained });
        }
        v
    };

    let mut measures = Vec::new();
    let mut cross_checks = Vec::new();
    if before.statuses_known {
        for m in &after.measures {
            let Some(old) = before.measures.iter().find(|o| o.id == m.id) else { continue };
            if old.status == m.status {
                continue;
            }
            let status_in = |list: &[ItemStatus<Status>], id: &str| list.iter().find(|r| r.id == id).map(|r| r.status);
            let mut ids: Vec<&str> = m.requirements.iter().map(|r| r.id.as_str()).collect();
            ids.extend(
                old.requirements.iter().map(|r| r.id.as_str()).filter(|id| status_in(&m.requirements, id).is_none()),
            );
            let requirements: Vec<StatusMove<Status>> = ids
                .into_iter()
                .filter(|id| status_in(&old.requirements, id) != status_in(&m.requirements, id))
                .map(|id| StatusMove {
                    id: id.to_string(),
                    before: status_in(&old.requirements, id),
                    after: status_in(&m.requirements, id),
                    requirements: Vec::new(),
                    causes: Vec::new(),
                })
                .collect();
            let mut touching: Vec<&str> = vec![m.id.as_str()];
            touching.extend(requirements.iter().map(|r| r.id.as_str()));
            let answers = differing(&mut m.questions.iter().chain(&old.questions));
            // A chapter that applies differently moves all its measures: that is the reason,
            // whatever else changed inside them.
            let why = match (before.chapter_of(&m.id), after.chapter_of(&m.id)) {
                (Some(b), Some(a)) if b.applicable != a.applicable => {
                    let mut v = vec![Cause::ChapterApplicability {
                        chapter: a.id.clone(),
                        before: b.applicable,
                        after: a.applicable,
                    }];
                    if engine_changed {
                        v.push(Cause::EngineChanged);
                    }
                    v
                }
                _ => causes(changes_touching(&touching), answers),
            };
            measures.push(StatusMove {
                id: m.id.clone(),
                before: Some(old.status),
                after: Some(m.status),
                requirements,
                causes: why,
            });
        }
        let status_in =
            |list: &[ItemStatus<CrossCheckStatus>], id: &str| list.iter().find(|x| x.id == id).map(|x| x.status);
        let mut ids: Vec<&str> = after.cross_checks.iter().map(|x| x.id.as_str()).collect();
        ids.extend(
            before.cross_checks.iter().map(|x| x.id.as_str()).filter(|id| status_in(&after.cross_checks, id).is_none()),
        );
        for id in ids {
            let (b, a) = (status_in(&before.cross_checks, id), status_in(&after.cross_checks, id));
            if b == a {
                continue;
            }
            let read: Vec<String> = pack
                .chapters
                .iter()
                .flat_map(|c| &c.cross_checks)
                .filter(|x| x.id == id)
                .flat_map(|x| {
                    let mut qs = Vec::new();
                    crate::evaluate::referenced_questions(&x.when, &mut qs);
                    qs.into_iter().map(str::to_string).collect::<Vec<_>>()
                })
                .collect();
            cross_checks.push(StatusMove {
                id: id.to_string(),
                before: b,
                after: a,
                requirements: Vec::new(),
                causes: causes(changes_touching(&[id]), differing(&mut read.iter())),
            });
        }
    }

    // Questions: from both reports' lists where they have them, else from the changelog.
    let mut questions = Vec::new();
    // Without the later check's list of questions (a stored summary), a question counts as asked
    // when its measure applies, or is still undecided, in that check.
    let asked_now = |id: &str| match &after.questions {
        Some(qs) => qs.iter().any(|q| q.id == id && q.asked),
        None => pack
            .measures()
            .filter(|(_, _, m)| m.questions.iter().any(|q| q.id == id))
            .any(|(_, _, m)| after.measures.iter().any(|x| x.id == m.id && x.status != Status::NotApplicable)),
    };
    let answered_before = |id: &str| {
        before.print(id).is_some()
            || after.findings.iter().any(|f| f.code == FindingCode::UnknownQuestion && f.question_id == id)
    };
    match (&before.questions, &after.questions) {
        (Some(old), Some(new)) => {
            for q in new.iter().filter(|q| !old.iter().any(|o| o.id == q.id)) {
                questions.push(QuestionMove {
                    id: q.id.clone(),
                    change: ChangeKind::Added,
                    concerns_you: q.asked,
                    changes: about(&q.id),
                });
            }
            for q in old.iter().filter(|q| !new.iter().any(|n| n.id == q.id)) {
                let answered = q.answer != AnswerState::Unanswered || answered_before(&q.id);
                questions.push(QuestionMove {
                    id: q.id.clone(),
                    change: ChangeKind::Removed,
                    concerns_you: answered,
                    changes: about(&q.id),
                });
            }
        }
        _ => {
            for c in entries.iter().filter(|c| c.item_kind == ItemKind::Question && c.change != ChangeKind::Changed) {
                if questions.iter().any(|q: &QuestionMove| q.id == c.item) {
                    continue;
                }
                let concerns_you =
                    if c.change == ChangeKind::Added { asked_now(&c.item) } else { answered_before(&c.item) };
                questions.push(QuestionMove {
                    id: c.item.clone(),
                    change: c.change,
                    concerns_you,
                    changes: about(&c.item),
                });
            }
        }
    }

    let finding = |f: &FindingSummary| FindingMove {
        code: f.code,
        question_id: f.question_id.clone(),
        changes: about(&f.question_id),
    };
    let missing_from = |list: &[FindingSummary], f: &FindingSummary| !list.contains(f);
    let (findings_appeared, findings_gone): (Vec<FindingMove>, Vec<FindingMove>) = if before.statuses_known {
        (
            after.findings.iter().filter(|f| missing_from(&before.findings, f)).map(finding).collect(),
            before.findings.iter().filter(|f| missing_from(&after.findings, f)).map(finding).collect(),
        )
    } else {
        // Without the earlier findings, those that name a question the pack changed are new.
        (after.findings.iter().filter(|f| !about(&f.question_id).is_empty()).map(finding).collect(), Vec::new())
    };

    // What of the changes concerns this assessment.
    let mut used: Vec<&str> = Vec::new();
    used.extend(after.measures.iter().filter(|m| m.status != Status::NotApplicable).map(|m| m.id.as_str()));
    used.extend(
        after
            .measures
            .iter()
            .flat_map(|m| &m.requirements)
            .filter(|r| r.status != Status::NotApplicable)
            .map(|r| r.id.as_str()),
    );
    used.extend(after.cross_checks.iter().filter(|x| x.status != CrossCheckStatus::NotChecked).map(|x| x.id.as_str()));
    used.extend(measures.iter().map(|m| m.id.as_str()));
    used.extend(cross_checks.iter().map(|x| x.id.as_str()));
    let concerned: Vec<&str> = questions.iter().filter(|q| q.concerns_you).map(|q| q.id.as_str()).collect();
    let relevant_changes = touches
        .iter()
        .filter(|(c, t)| {
            t.iter().any(|id| used.contains(id))
                || concerned.contains(&c.item.as_str())
                || (c.item_kind == ItemKind::Question && asked_now(&c.item) && after.questions.is_some())
                || findings_appeared.iter().any(|f: &FindingMove| f.changes.contains(&c.id))
        })
        .map(|(c, _)| c.id.clone())
        .collect();

    WhatChanged {
        pack_id: after.pack_id.clone(),
        before: before.version(),
        after: after.version(),
        statuses_known: before.statuses_known,
        changes: entries.iter().map(|c| c.id.clone()).collect(),
        relevant_changes,
        measures,
        cross_checks,
        questions,
        findings_appeared,
        findings_gone,
    }
}

/// Reads two checks and compares them with the built-in pack they name.
///
/// # Errors
/// As [`CheckSummary::from_json`], with the path under `before` or `after`; `unknown_pack` when
/// the later check names no built-in pack, `invalid_value` when the two name different packs.
pub fn compare_json(before: &str, after: &str) -> Result<WhatChanged, InputError> {
    let b = CheckSummary::from_json(before).map_err(|e| e.within("before"))?;
    let a = CheckSummary::from_json(after).map_err(|e| e.within("after"))?;
    compare_checks(&b, &a)
}

/// As [`compare_json`], for checks already read.
///
/// # Errors
/// `unknown_pack`, `invalid_value` as in [`compare_json`].
pub fn compare_checks(before: &CheckSummary, after: &CheckSummary) -> Result<WhatChanged, InputError> {
    let pack = crate::pack::get(&after.pack_id, "after.packId")?;
    if before.pack_id != after.pack_id {
        return Err(InputError::new(
            ErrorCode::InvalidValue,
            "before.packId",
            format!(
                "the earlier check used pack {:?}, the later {:?}: not the same assessment",
                before.pack_id, after.pack_id
            ),
        ));
    }
    Ok(compare(pack, before, after))
}
