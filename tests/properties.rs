//! Invariants a lawyer would state, checked on generated inputs (proptest):
//! out of scope means no obligation; systemic risk means no open-source exemption and all of
//! Art 55; a modifier at or under the one-third share is never a provider; the open-source
//! exemption keeps copyright and the training summary; evaluation is total and deterministic;
//! answering "yes" never lowers a measure's status; an unanswered required item never gives met.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use gpai_check::answers::RawAnswer;
use gpai_check::evaluate::{evaluate_with, evaluate_with_text};
use gpai_check::pack::model::{Check, Condition, Pack, QuestionType};
use gpai_check::profile::{Generality, Signatory};
use gpai_check::report::{Report, Status};
use gpai_check::{scope, Profile, Submission};
use proptest::prelude::*;

/// Compute values that sit on and around every threshold of the decision tree.
fn compute() -> impl Strategy<Value = Option<f64>> {
    prop::sample::select(vec![
        None,
        Some(0.0),
        Some(1e22),
        Some(3.3e22),
        Some(3.4e22),
        Some(1e23),
        Some(1.000_001e23),
        Some(5e23),
        Some(3.3e24),
        Some(3.4e24),
        Some(1e25),
        Some(1.000_001e25),
        Some(4e25),
    ])
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    prop::sample::select(vec![None, Some(false), Some(true)])
}

prop_compose! {
    fn profile()(
        flags in prop::collection::vec(flag(), 24),
        computes in prop::collection::vec(compute(), 4),
        fraction in prop::sample::select(vec![None, Some(0.0), Some(0.2), Some(1.0 / 3.0), Some(0.34), Some(0.9)]),
        generality in prop::sample::select(vec![None, Some(Generality::Unknown), Some(Generality::Yes), Some(Generality::No)]),
        signatory in prop::sample::select(vec![None, Some(Signatory::No), Some(Signatory::YesAllChapters), Some(Signatory::YesSomeChapters)]),
        turnover in prop::sample::select(vec![None, Some(0.0), Some(1e8), Some(5e9)]),
        date in prop::sample::select(vec![None, Some("2026-08-01"), Some("2026-08-02")]),
    ) -> Profile {
        Profile {
            sole_purpose_scientific_research: flags[0],
            used_only_for_rd_before_market: flags[1],
            org_develops_or_commissions_model: flags[2],
            under_own_name_or_trademark: flags[3],
            training_compute_flop: computes[0],
            cumulative_training_compute_flop: computes[1],
            compute_will_exceed_1e25_planned: flags[4],
            generates_language_image_or_video: flags[5],
            significant_generality: generality,
            placed_on_eu_market: flags[6],
            integrates_third_party_model_that_excluded_eu: flags[7],
            is_modification: flags[8],
            original_model_is_gpai: flags[9],
            original_model_systemic_risk: flags[10],
            original_training_compute_flop: computes[2],
            modification_compute_flop: computes[3],
            modification_compute_fraction: fraction,
            is_open_source_licence: flags[11],
            weights_public: flags[12],
            architecture_and_usage_info_public: flags[13],
            monetised: flags[14],
            established_in_eu: flags[15],
            placed_before_2025_08_02: flags[16],
            designated_by_commission: flags[17],
            high_impact_capabilities_other_evidence: flags[18],
            contest_accepted_by_commission: flags[19],
            code_of_practice_signatory: signatory,
            is_sme: flags[20],
            is_small_mid_cap: flags[21],
            signed_safety_security_chapter: flags[22],
            worldwide_annual_turnover_eur: turnover,
            assessment_date: date.map(String::from),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn scope_invariants_hold_for_every_profile(p in profile()) {
        let s = scope(&p).unwrap();
        let applies = |id: &str| s.obligations.iter().any(|o| o.id == id && o.applies == Some(true));
        let may_apply = |id: &str| s.obligations.iter().any(|o| o.id == id && o.applies != Some(false));
        if s.in_scope == Some(false) {
            prop_assert!(s.obligations.iter().all(|o| o.applies == Some(false)), "out of scope, yet something may apply");
            prop_assert!(s.systemic_risk == Some(false) && s.notification_required == Some(false) && s.max_fine_eur.is_none());
            prop_assert!(s.compliance_deadline.is_none());
        }
        if s.systemic_risk == Some(true) {
            prop_assert!(s.open_source_exempt == Some(false), "no open-source exemption with systemic risk");
            for id in ["art55_1a", "art55_1b", "art55_1c", "art55_1d", "art53_1a", "art53_1b"] {
                prop_assert!(applies(id), "systemic risk but {} does not apply", id);
            }
        }
        if s.open_source_exempt == Some(true) {
            prop_assert!(!may_apply("art53_1a") && !may_apply("art53_1b") && !may_apply("art54"));
            prop_assert!(applies("art53_1c") && applies("art53_1d"), "the exemption never covers copyright or the summary");
        }
        if p.is_modification == Some(true)
            && p.modification_compute_fraction.is_some_and(|f| f <= 1.0 / 3.0)
            && p.integrates_third_party_model_that_excluded_eu != Some(true)
        {
            prop_assert!(s.is_provider == Some(false), "a modifier at or under one third is never the provider");
        }
        for flag in [s.notification_required, s.limited_to_modification, s.legacy_model] {
            if flag == Some(true) {
                prop_assert!(s.in_scope == Some(true));
            }
        }
        // Undecided is honest: something is undecided exactly when some input would decide it,
        // an undecided obligation names what would decide it, and answering every input that
        // has no default leaves nothing undecided.
        let undecided = [
            s.is_gpai_model,
            s.is_provider,
            s.in_scope,
            s.systemic_risk,
            s.systemic_risk_expected,
            s.notification_required,
            s.open_source_exempt,
            s.limited_to_modification,
            s.authorised_representative_required,
            s.legacy_model,
        ]
        .iter()
            .any(Option::is_none)
            || s.obligations.iter().any(|o| o.applies.is_none());
        prop_assert_eq!(undecided, !s.decided_by.is_empty());
        for o in s.obligations.iter().filter(|o| o.applies.is_none()) {
            prop_assert!(!o.decided_by.is_empty(), "{} undecided without what would decide it", o.id);
            prop_assert!(o.decided_by.iter().all(|i| s.decided_by.contains(i)));
        }
        let mut complete = p.clone();
        complete.training_compute_flop.get_or_insert(5e24);
        complete.generates_language_image_or_video.get_or_insert(true);
        complete.placed_on_eu_market.get_or_insert(true);
        complete.established_in_eu.get_or_insert(false);
        if complete.modification_compute_flop.is_none() {
            complete.modification_compute_fraction.get_or_insert(0.5);
        }
        let c = scope(&complete).unwrap();
        prop_assert!(c.decided_by.is_empty() && c.in_scope.is_some() && c.obligations.iter().all(|o| o.applies.is_some()));
        // Answering an input that decides something never contradicts a decision made before.
        let before = [s.is_gpai_model, s.is_provider, s.in_scope, s.systemic_risk];
        let after = [c.is_gpai_model, c.is_provider, c.in_scope, c.systemic_risk];
        for (b, a) in before.iter().zip(after) {
            if b.is_some() {
                prop_assert_eq!(*b, a, "a decision changed when a missing answer was given");
            }
        }
        for r in s.obligations.iter().flat_map(|o| &o.reasons).chain(&s.notes) {
            let spec = r.spec();
            prop_assert!(spec.is_some_and(|x| !x.text.is_empty() && !x.source.is_empty()), "reason {} has no text or source", r.id);
        }
        prop_assert_eq!(scope(&p).unwrap(), s, "same profile, same decision");
    }
}

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

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn evaluation_is_total_deterministic_and_sealed(seed in any::<u64>(), share in 0u8..=100) {
        let s = submission(in_scope_profile(seed), answers(seed, share));
        let mut a = evaluate_with(pack(), &s);
        let (b, text) = evaluate_with_text(pack(), &s);
        // Unsealed, the report is its canonical form: sealing it gives the sealed report.
        prop_assert!(a.digest.is_empty());
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), b.canonical_json());
        a.seal();
        prop_assert_eq!(&a.digest, &b.digest);
        prop_assert!(a.verify_digest());
        // The text handed to JavaScript is the sealed report, byte for byte.
        prop_assert_eq!(text, serde_json::to_string(&b).unwrap());
        for m in a.chapters.iter().flat_map(|c| &c.measures) {
            if m.status == Status::Met {
                prop_assert!(m.missing.is_empty(), "{} is met with questions missing", m.id);
                prop_assert!(m.requirements.iter().filter(|q| q.counted).all(|q| q.status == Status::Met));
            }
            if m.requirements.iter().any(|q| q.counted && q.status == Status::Unanswered) {
                prop_assert_ne!(m.status, Status::Met, "an unanswered required item gave met in {}", m.id);
            }
        }
    }

    #[test]
    fn answering_yes_never_lowers_a_measure_status(seed in any::<u64>(), share in 0u8..=100, pick in any::<usize>()) {
        let candidates = yes_questions();
        prop_assume!(!candidates.is_empty());
        let question = &candidates[pick % candidates.len()];
        let profile = in_scope_profile(seed);
        let mut before_answers = answers(seed, share);
        before_answers.remove(question);
        let before = evaluate_with(pack(), &submission(profile.clone(), before_answers.clone()));
        let mut after_answers = before_answers;
        after_answers.insert(question.clone(), RawAnswer::Text("yes".into()));
        let after = evaluate_with(pack(), &submission(profile, after_answers));
        for ((id, b), (_, a)) in statuses(&before).into_iter().zip(statuses(&after)) {
            if b == Status::NotApplicable {
                prop_assert_eq!(a, Status::NotApplicable, "{} became applicable by a yes to {}", id, question);
            } else {
                prop_assert!(a.rank() >= b.rank(), "{}: {:?} -> {:?} after yes to {}", id, b, a, question);
            }
        }
    }
}

#[test]
fn there_are_yes_questions_to_test_monotonicity_on() {
    assert!(yes_questions().len() > 100, "only {} questions", yes_questions().len());
}
