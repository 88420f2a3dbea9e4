//! The scope invariants, each stated from the profile and the law.

use gpai_check::profile::Generality;
use gpai_check::scope::DeadlineRule;
use gpai_check::{scope, Profile};
use proptest::prelude::*;
use proptest::test_runner::TestCaseResult;

use crate::profiles::{just_above, profile, E23, E25, THIRD};
use crate::run::{run, Exercised};

/// The inputs as the reference's defaults read them (`ai-act-scope-rules.json`).
fn or(v: Option<bool>, default: bool) -> bool {
    v.unwrap_or(default)
}

/// Every open-source condition of Art 53(2): a free and open-source licence, public weights,
/// public architecture and usage information, and no monetisation.
fn open_source_conditions(p: &Profile) -> bool {
    or(p.is_open_source_licence, false)
        && or(p.weights_public, false)
        && or(p.architecture_and_usage_info_public, false)
        && !or(p.monetised, false)
}

/// Art 51(2)'s compute: the cumulative figure, or the training figure when that is all there is.
fn cumulative(p: &Profile) -> Option<f64> {
    p.cumulative_training_compute_flop.or(p.training_compute_flop)
}

/// A systemic-risk route besides the compute: other evidence, a designation, or a modification
/// above one third of a systemic-risk model (however its share is given).
fn other_route_to_systemic_risk(p: &Profile) -> bool {
    or(p.high_impact_capabilities_other_evidence, false)
        || or(p.designated_by_commission, false)
        || (or(p.is_modification, false) && or(p.original_model_systemic_risk, false))
}

const ART_55: [&str; 4] = ["art55_1a", "art55_1b", "art55_1c", "art55_1d"];

const SCOPE_INVARIANTS: [&str; 27] = [
    "out of scope: nothing applies, no fine, no deadline",
    "research exclusion (Art 2(6), 3(63)): out of scope",
    "exactly 10^23 FLOP: not presumed a GPAI model",
    "just above 10^23 FLOP and generative: a GPAI model",
    "modifier at or under one third: not the provider",
    "modifier just above one third, own name, of a GPAI model: the provider",
    "original compute unknown, exactly a third of 10^23 or 10^25: not the provider",
    "original compute unknown, just above a third of 10^23 or 10^25: the provider",
    "in scope: copyright, training summary and cooperation always apply",
    "exactly 10^25 FLOP, no other route: no systemic risk",
    "above 10^25 FLOP: notify, and systemic risk unless a contest was accepted",
    "designated by the Commission: systemic risk",
    "contest accepted, not designated: no systemic risk, none expected",
    "planned crossing, no systemic risk yet: notify now, Art 55 later",
    "systemic risk: all of Art 55 and Art 53(1)(a)(b), no exemption",
    "systemic risk with every open-source condition: still no exemption",
    "every open-source condition, in scope, no systemic risk: exempt",
    "an open-source condition missing: no exemption",
    "open-source exemption: copyright and summary stay",
    "established outside the EU, not exempt: authorised representative",
    "placed before 2 August 2025: comply by 2 August 2027",
    "placed from 2 August 2025: obligations from placing on the market",
    "maximum fine: 3% of turnover or EUR 15 million, the higher",
    "fines enforceable from 2 August 2026",
    "undecided: names the inputs that would decide it",
    "answering the open inputs decides all and contradicts nothing",
    "every reason has a text and a source",
];

/// Checks every scope invariant on one profile, counting the ones it reaches.
fn scope_invariants(p: &Profile, ex: &Exercised) -> TestCaseResult {
    let s = scope(p).unwrap();
    let app = |id: &str| s.applies(id);
    let inv = SCOPE_INVARIANTS;

    if ex.reached(inv[0], s.in_scope == Some(false)) {
        prop_assert!(s.obligations.iter().all(|o| o.applies == Some(false)), "out of scope, yet something may apply");
        prop_assert!(s.systemic_risk == Some(false) && s.notification_required == Some(false));
        prop_assert!(s.max_fine_eur.is_none() && s.compliance_deadline.is_none());
    }
    let research = or(p.sole_purpose_scientific_research, false) || or(p.used_only_for_rd_before_market, false);
    if ex.reached(inv[1], research) {
        prop_assert!(s.excluded_research && s.in_scope == Some(false) && s.is_gpai_model == Some(false));
    }

    // The indicative criterion (Guidelines para 17): above 10^23 FLOP and generative.
    let indicative_alone = !research
        && matches!(p.significant_generality, None | Some(Generality::Unknown))
        && !or(p.is_modification, false)
        && p.generates_language_image_or_video == Some(true);
    if ex.reached(inv[2], indicative_alone && p.training_compute_flop == Some(E23)) {
        prop_assert_eq!(s.is_gpai_model, Some(false), "exactly 10^23 is not above 10^23");
    }
    if ex.reached(inv[3], indicative_alone && p.training_compute_flop.is_some_and(|c| c > E23)) {
        prop_assert_eq!(s.is_gpai_model, Some(true));
    }

    // Downstream modifiers (Guidelines para 60-64).
    let modifier = or(p.is_modification, false) && or(p.original_model_is_gpai, true);
    let not_integrator = !or(p.integrates_third_party_model_that_excluded_eu, false);
    if ex.reached(
        inv[4],
        or(p.is_modification, false) && p.modification_compute_fraction.is_some_and(|f| f <= THIRD) && not_integrator,
    ) {
        prop_assert_eq!(s.is_provider, Some(false), "a modifier at or under one third is never the provider");
    }
    let own_name = or(p.under_own_name_or_trademark, true);
    if ex.reached(inv[5], modifier && own_name && p.modification_compute_fraction.is_some_and(|f| f > THIRD)) {
        prop_assert_eq!(s.is_provider, Some(true));
    }
    let fallback = if or(p.original_model_systemic_risk, false) { E25 / 3.0 } else { E23 / 3.0 };
    let by_fallback = modifier
        && p.modification_compute_fraction.is_none()
        && p.original_training_compute_flop.is_none()
        && not_integrator;
    if ex.reached(inv[6], by_fallback && p.modification_compute_flop == Some(fallback)) {
        prop_assert_eq!(s.is_provider, Some(false), "exactly the fallback is not above it");
    }
    if ex.reached(inv[7], by_fallback && own_name && p.modification_compute_flop == Some(just_above(fallback))) {
        prop_assert_eq!(s.is_provider, Some(true));
    }

    let in_scope = s.in_scope == Some(true);
    if ex.reached(inv[8], in_scope) {
        for id in ["art53_1c", "art53_1d", "art53_3"] {
            prop_assert_eq!(app(id), Some(true), "{} applies to every in-scope provider", id);
        }
    }

    // Systemic risk (Art 51, 52).
    let contest = or(p.contest_accepted_by_commission, false);
    let designated = or(p.designated_by_commission, false);
    if ex.reached(inv[9], in_scope && cumulative(p) == Some(E25) && !other_route_to_systemic_risk(p)) {
        prop_assert_eq!(s.systemic_risk, Some(false), "exactly 10^25 is not above 10^25");
        for id in ART_55 {
            prop_assert_eq!(app(id), Some(false));
        }
    }
    if ex.reached(inv[10], in_scope && cumulative(p).is_some_and(|c| c > E25)) {
        prop_assert_eq!(s.notification_required, Some(true), "Art 52(1): notify, even when contesting");
        prop_assert_eq!(s.systemic_risk, Some(!contest || designated));
    }
    if ex.reached(inv[11], in_scope && designated) {
        prop_assert_eq!(s.systemic_risk, Some(true), "Art 52(4): a designation gives systemic risk");
    }
    if ex.reached(inv[12], in_scope && contest && !designated) {
        prop_assert_eq!(s.systemic_risk, Some(false), "Art 52(3): an accepted contest ends the classification");
        prop_assert_eq!(s.systemic_risk_expected, Some(false), "nor is it expected after an accepted contest");
        for id in ART_55 {
            prop_assert_eq!(app(id), Some(false));
        }
    }
    let planned = or(p.compute_will_exceed_1e25_planned, false);
    if ex.reached(inv[13], in_scope && planned && s.systemic_risk == Some(false)) {
        prop_assert_eq!(s.notification_required, Some(true), "Art 52(1): notify once it is known it will be met");
        prop_assert_eq!(s.systemic_risk_expected, Some(!contest), "expected until a contest is accepted");
        for id in ART_55 {
            prop_assert_eq!(app(id), Some(false), "a planned crossing is not yet systemic risk");
        }
    }
    if ex.reached(inv[14], s.systemic_risk == Some(true)) {
        prop_assert_eq!(s.open_source_exempt, Some(false), "no open-source exemption with systemic risk");
        for id in ART_55.iter().chain(&["art53_1a", "art53_1b"]) {
            prop_assert_eq!(app(id), Some(true), "systemic risk but {} does not apply", id);
        }
        prop_assert_eq!(s.in_scope, Some(true));
    }

    // The open-source exemption (Art 53(2), 54(6)).
    if ex.reached(inv[15], s.systemic_risk == Some(true) && open_source_conditions(p)) {
        prop_assert_eq!(s.open_source_exempt, Some(false));
        prop_assert!(app("art53_1a") == Some(true) && app("art53_1b") == Some(true));
    }
    if ex.reached(inv[16], in_scope && open_source_conditions(p) && s.systemic_risk == Some(false)) {
        prop_assert_eq!(s.open_source_exempt, Some(true));
        for id in ["art53_1a", "art53_1b", "art54"] {
            prop_assert_eq!(app(id), Some(false), "{} despite the exemption", id);
        }
    }
    if ex.reached(inv[17], in_scope && !open_source_conditions(p)) {
        prop_assert_eq!(s.open_source_exempt, Some(false));
    }
    if ex.reached(inv[18], s.open_source_exempt == Some(true)) {
        prop_assert!(app("art53_1a") == Some(false) && app("art53_1b") == Some(false) && app("art54") == Some(false));
        prop_assert!(
            app("art53_1c") == Some(true) && app("art53_1d") == Some(true),
            "the exemption never covers these"
        );
    }

    // The authorised representative (Art 54).
    if ex.reached(inv[19], in_scope && s.open_source_exempt == Some(false) && p.established_in_eu.is_some()) {
        prop_assert_eq!(app("art54"), p.established_in_eu.map(|eu| !eu));
        prop_assert_eq!(s.authorised_representative_required, p.established_in_eu.map(|eu| !eu));
    }

    // Dates and fines (Art 101, 111(3), 113(b)).
    let placed_before = or(p.placed_before_2025_08_02, false);
    if ex.reached(inv[20], in_scope && placed_before) {
        prop_assert_eq!(s.legacy_model, Some(true));
        let d = s.compliance_deadline.as_ref().unwrap();
        prop_assert!(d.rule == DeadlineRule::ByDate && d.date == "2027-08-02", "{:?}", d);
    }
    if ex.reached(inv[21], in_scope && !placed_before) {
        prop_assert_eq!(s.legacy_model, Some(false));
        let d = s.compliance_deadline.as_ref().unwrap();
        prop_assert!(d.rule == DeadlineRule::FromPlacingOnMarket && d.date == "2025-08-02", "{:?}", d);
    }
    if let (true, Some(t)) = (in_scope, p.worldwide_annual_turnover_eur) {
        ex.reached(inv[22], true);
        prop_assert_eq!(s.max_fine_eur, Some(if 0.03 * t > 15e6 { 0.03 * t } else { 15e6 }));
    }
    if let Some(date) = &p.assessment_date {
        ex.reached(inv[23], true);
        prop_assert_eq!(s.fines_enforceable_now, Some(date.as_str() >= "2026-08-02"));
    }

    for flag in [s.notification_required, s.limited_to_modification, s.legacy_model, s.systemic_risk_expected] {
        if flag == Some(true) {
            prop_assert_eq!(s.in_scope, Some(true), "a consequence of being in scope, out of scope");
        }
    }
    // Undecided is honest: something is undecided exactly when some input would decide it, an
    // undecided obligation names what would decide it, and answering every input that has no
    // default leaves nothing undecided and contradicts no decision made before.
    let flags = [
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
    ];
    let undecided = flags.iter().any(Option::is_none) || s.obligations.iter().any(|o| o.applies.is_none());
    prop_assert_eq!(undecided, !s.decided_by.is_empty());
    if ex.reached(inv[24], undecided) {
        for o in s.obligations.iter().filter(|o| o.applies.is_none()) {
            prop_assert!(!o.decided_by.is_empty(), "{} undecided without what would decide it", o.id);
            prop_assert!(o.decided_by.iter().all(|i| s.decided_by.contains(i)));
        }
    }
    if ex.reached(inv[25], undecided) {
        let mut complete = p.clone();
        complete.training_compute_flop.get_or_insert(5e24);
        complete.generates_language_image_or_video.get_or_insert(true);
        complete.placed_on_eu_market.get_or_insert(true);
        complete.established_in_eu.get_or_insert(false);
        if complete.modification_compute_flop.is_none() {
            complete.modification_compute_fraction.get_or_insert(0.5);
        }
        let c = scope(&complete).unwrap();
        prop_assert!(
            c.decided_by.is_empty() && c.in_scope.is_some() && c.obligations.iter().all(|o| o.applies.is_some())
        );
        let after = [c.is_gpai_model, c.is_provider, c.in_scope, c.systemic_risk];
        for (b, a) in flags.iter().zip(after) {
            if b.is_some() {
                prop_assert_eq!(*b, a, "a decision changed when a missing answer was given");
            }
        }
    }
    ex.reached(inv[26], true);
    for r in s.obligations.iter().flat_map(|o| &o.reasons).chain(&s.notes) {
        let spec = r.spec();
        prop_assert!(
            spec.is_some_and(|x| !x.text.is_empty() && !x.source.is_empty()),
            "reason {} has no text or source",
            r.id
        );
    }
    prop_assert_eq!(&scope(p).unwrap(), &s, "same profile, same decision");
    Ok(())
}

const SCOPE_CASES: u32 = 2000;

#[test]
fn scope_invariants_hold_for_every_profile() {
    let ex = Exercised::default();
    let seed = run("scope", SCOPE_CASES, profile(), |p| scope_invariants(&p, &ex));
    ex.report("scope", seed, SCOPE_CASES, &SCOPE_INVARIANTS, 20);
}

/// Profiles that once broke an invariant, kept as cases of their own.
#[test]
fn scope_invariants_hold_for_profiles_that_once_broke_them() {
    // An integrator of a model whose developer excluded the EU, who is also recorded as a
    // modifier, with zero cumulative compute and established outside the EU.
    let integrator = Profile {
        cumulative_training_compute_flop: Some(0.0),
        integrates_third_party_model_that_excluded_eu: Some(true),
        is_modification: Some(true),
        original_model_is_gpai: Some(true),
        established_in_eu: Some(false),
        ..Profile::default()
    };
    let ex = Exercised::default();
    scope_invariants(&integrator, &ex).unwrap();
}
