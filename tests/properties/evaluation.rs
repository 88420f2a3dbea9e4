//! The evaluation: total, deterministic and sealed on generated answer sets, and a "yes" never
//! lowers a measure's status.

use std::collections::{BTreeMap, BTreeSet};

use gpai_check::answers::RawAnswer;
use gpai_check::evaluate::{evaluate_with, evaluate_with_text};
use gpai_check::pack::model::{Check, Condition, Pack, QuestionType};
use gpai_check::profile::Generality;
use gpai_check::report::{Report, Status};
use gpai_check::{Profile, Submission};
use proptest::prelude::*;

use crate::run::{run, Exercised};

fn pack() -> &'static Pack {
    gpai_check::pack::get("gpai-cop-final", "pack").unwrap()
}

/// A small deterministic generator, so that one proptest seed gives one answer set.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Answers to a random share of the pack's questions: mostly valid values, some junk.
fn answers(seed: u64, share: u8) -> BTreeMap<String, RawAnswer> {
    let mut rng = Rng(seed | 1);
    let mut out = BTreeMap::new();
    for (_, _, m) in pack().measures() {
        for q in &m.questions {
            if rng.below(100) >= share as usize {
                continue;
            }
            let text = |s: &str| RawAnswer::Text(s.to_string());
            let value = if rng.below(20) == 0 {
                // Junk of every kind: the engine must turn it into findings, never fail.
                [RawAnswer::Number(f64::NAN), text("maybe"), RawAnswer::Bool(true), RawAnswer::Other, text("")]
                    [rng.below(5)]
                .clone()
            } else {
                match q.kind {
                    QuestionType::YesPartlyNo => text(["yes", "partly", "no"][rng.below(3)]),
                    QuestionType::YesNo => text(["yes", "no"][rng.below(2)]),
                    QuestionType::SingleChoice => text(&q.options[rng.below(q.options.len())].id),
                    QuestionType::MultiChoice => {
                        let k = 1 + rng.below(q.options.len());
                        RawAnswer::List(q.options.iter().take(k).map(|o| text(&o.id)).collect())
                    }
                    QuestionType::Number => RawAnswer::Number([0.0, 1.0, 4.0, 14.0, 21.0, 60.0, 365.0][rng.below(7)]),
                    QuestionType::Quantity => text(["2.4e25", "1e24", "7e10", "7.3x10^10", "N/A"][rng.below(5)]),
                    QuestionType::Date => text(["2025-01-15", "2025-08-02", "2026-11-28"][rng.below(3)]),
                    QuestionType::Text => text("A described procedure, version 2."),
                    QuestionType::Url => text("https://example.com/evidence"),
                }
            };
            out.insert(q.id.clone(), value);
        }
    }
    out
}

fn submission(profile: Profile, answers: BTreeMap<String, RawAnswer>) -> Submission {
    Submission { pack: "gpai-cop-final".into(), profile, answers, ..Submission::default() }
}

/// An in-scope profile, with systemic risk and SME status drawn from the seed.
fn in_scope_profile(seed: u64) -> Profile {
    Profile {
        significant_generality: Some(Generality::Yes),
        placed_on_eu_market: Some(true),
        established_in_eu: Some(seed % 3 != 0),
        training_compute_flop: Some(if seed % 2 == 0 { 4e25 } else { 5e24 }),
        is_sme: Some(seed % 5 == 0),
        ..Profile::default()
    }
}

/// Questions that decide checks only: referenced by no condition (so a "yes" cannot reveal or
/// hide other questions or items) and met by "yes".
fn yes_questions() -> Vec<String> {
    fn refs(c: &Condition, out: &mut BTreeSet<String>) {
        match c {
            Condition::All(l) | Condition::Any(l) => l.iter().for_each(|c| refs(c, out)),
            Condition::Not(c) => refs(c, out),
            Condition::Answer(t) => {
                out.insert(t.question.clone());
            }
            Condition::Answered(q) => {
                out.insert(q.clone());
            }
            Condition::Compare(_) | Condition::WithinRounding(_) | Condition::Scope(_) | Condition::Profile(_) => {
                // Comparisons read numbers and dates, never yes/no answers.
            }
        }
    }
    fn met_by_yes(c: &Check, out: &mut BTreeSet<String>) {
        match c {
            Check::Choice(c) if c.met.iter().any(|v| v == "yes") => {
                out.insert(c.question.clone());
            }
            Check::All(l) => l.iter().for_each(|c| met_by_yes(c, out)),
            _ => {}
        }
    }
    let p = pack();
    let mut conditional = BTreeSet::new();
    let mut yes = BTreeSet::new();
    for ch in &p.chapters {
        for c in ch.cross_checks.iter().map(|x| &x.when).chain(ch.also_applies_if.iter()).chain(ch.applies_if.iter()) {
            refs(c, &mut conditional);
        }
    }
    for (_, _, m) in p.measures() {
        m.applies_if.iter().for_each(|c| refs(c, &mut conditional));
        for q in &m.questions {
            q.show_if.iter().for_each(|c| refs(c, &mut conditional));
        }
        for r in &m.requirements {
            r.applies_if.iter().for_each(|c| refs(c, &mut conditional));
            r.check.iter().for_each(|c| met_by_yes(c, &mut yes));
        }
    }
    yes.difference(&conditional).cloned().collect()
}

fn statuses(r: &Report) -> Vec<(String, Status)> {
    r.chapters.iter().flat_map(|c| &c.measures).map(|m| (m.id.to_string(), m.status)).collect()
}

const EVALUATION_INVARIANTS: [&str; 5] = [
    "unsealed, the report is the canonical form of the sealed one",
    "a met measure: nothing missing, every counted item met",
    "a partial measure: some counted item shows a gap",
    "a not-met measure: no counted item met or partly met",
    "a counted item unanswered: the measure is not met",
];

const EVALUATION_CASES: u32 = 200;

#[test]
fn evaluation_is_total_deterministic_and_sealed() {
    let ex = Exercised::default();
    let inv = EVALUATION_INVARIANTS;
    let seed = run("evaluation", EVALUATION_CASES, (any::<u64>(), 0u8..=100), |(seed, share)| {
        let s = submission(in_scope_profile(seed), answers(seed, share));
        let mut a = evaluate_with(pack(), &s);
        let (b, text) = evaluate_with_text(pack(), &s);
        ex.reached(inv[0], true);
        prop_assert!(a.digest.is_empty());
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), b.canonical_json());
        a.seal();
        prop_assert_eq!(&a.digest, &b.digest);
        prop_assert!(a.verify_digest());
        // The text handed to JavaScript is the sealed report, byte for byte.
        prop_assert_eq!(text, serde_json::to_string(&b).unwrap());
        let measures: Vec<_> = a.chapters.iter().flat_map(|c| &c.measures).collect();
        let counted = |m: &gpai_check::report::MeasureResult, st: &[Status]| {
            m.requirements.iter().any(|q| q.counted && st.contains(&q.status))
        };
        ex.reached(inv[1], measures.iter().any(|m| m.status == Status::Met));
        ex.reached(inv[2], measures.iter().any(|m| m.status == Status::Partial));
        ex.reached(inv[3], measures.iter().any(|m| m.status == Status::NotMet));
        ex.reached(inv[4], measures.iter().any(|m| counted(m, &[Status::Unanswered])));
        for m in measures {
            match m.status {
                Status::Met => {
                    prop_assert!(m.missing.is_empty(), "{} is met with questions missing", m.id);
                    prop_assert!(m.requirements.iter().filter(|q| q.counted).all(|q| q.status == Status::Met));
                }
                Status::Partial => {
                    prop_assert!(counted(m, &[Status::Partial, Status::NotMet]), "{} partial without a gap", m.id)
                }
                Status::NotMet => {
                    prop_assert!(!counted(m, &[Status::Met, Status::Partial]), "{} not met beside a met item", m.id)
                }
                _ => {}
            }
            if counted(m, &[Status::Unanswered]) {
                prop_assert_ne!(m.status, Status::Met, "an unanswered required item gave met in {}", m.id);
            }
        }
        Ok(())
    });
    ex.report("evaluation", seed, EVALUATION_CASES, &EVALUATION_INVARIANTS, 10);
}

const MONOTONIC_INVARIANTS: [&str; 2] =
    ["answering yes never lowers a measure's status", "answering yes changed some counted item's status"];

#[test]
fn answering_yes_never_lowers_a_measure_status() {
    let candidates = yes_questions();
    assert!(candidates.len() > 100, "only {} questions decide checks alone and are met by yes", candidates.len());
    let ex = Exercised::default();
    let seed = run("monotonic", EVALUATION_CASES, (any::<u64>(), 0u8..=100, any::<usize>()), |(seed, share, pick)| {
        let question = &candidates[pick % candidates.len()];
        let profile = in_scope_profile(seed);
        let mut before_answers = answers(seed, share);
        before_answers.remove(question);
        let before = evaluate_with(pack(), &submission(profile.clone(), before_answers.clone()));
        let mut after_answers = before_answers;
        after_answers.insert(question.clone(), RawAnswer::Text("yes".into()));
        let after = evaluate_with(pack(), &submission(profile, after_answers));
        ex.reached(MONOTONIC_INVARIANTS[0], true);
        // Not vacuous: the yes changed what the measures are combined from.
        let items = |r: &Report| -> Vec<(Status, bool)> {
            r.chapters
                .iter()
                .flat_map(|c| &c.measures)
                .flat_map(|m| &m.requirements)
                .map(|q| (q.status, q.counted))
                .collect()
        };
        ex.reached(MONOTONIC_INVARIANTS[1], items(&before) != items(&after));
        for ((id, b), (_, a)) in statuses(&before).into_iter().zip(statuses(&after)) {
            if b == Status::NotApplicable {
                prop_assert_eq!(a, Status::NotApplicable, "{} became applicable by a yes to {}", id, question);
            } else {
                prop_assert!(a.rank() >= b.rank(), "{}: {:?} -> {:?} after yes to {}", id, b, a, question);
            }
        }
        Ok(())
    });
    ex.report("monotonic", seed, EVALUATION_CASES, &MONOTONIC_INVARIANTS, 10);
}
