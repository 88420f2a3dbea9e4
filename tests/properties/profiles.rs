//! Generated profiles: every field drawn as a provider might answer it, then drawn toward the
//! legally interesting regions and onto the thresholds.

use gpai_check::profile::{Generality, Signatory};
use gpai_check::Profile;
use proptest::prelude::*;

// The thresholds, written here as the law states them (not taken from the engine).
/// Guidelines para 17: the indicative GPAI criterion is training compute *above* 10^23 FLOP.
pub const E23: f64 = 1e23;
/// Art 51(2): systemic risk is presumed above 10^25 FLOP of cumulative training compute.
pub const E25: f64 = 1e25;
/// Guidelines para 63: a modification *above* one third of the original's compute.
pub const THIRD: f64 = 1.0 / 3.0;

/// The smallest number above `x` (for positive `x`).
pub fn just_above(x: f64) -> f64 {
    f64::from_bits(x.to_bits() + 1)
}

/// The largest number below `x` (for positive `x`).
pub fn just_below(x: f64) -> f64 {
    f64::from_bits(x.to_bits() - 1)
}

/// Compute values that sit on and around every threshold of the decision tree.
fn compute() -> impl Strategy<Value = Option<f64>> {
    prop::sample::select(vec![
        None,
        Some(0.0),
        Some(1e22),
        Some(E23 / 3.0),
        Some(just_above(E23 / 3.0)),
        Some(E23),
        Some(just_above(E23)),
        Some(5e23),
        Some(E25 / 3.0),
        Some(just_above(E25 / 3.0)),
        Some(E25),
        Some(just_above(E25)),
        Some(4e25),
    ])
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    prop::sample::select(vec![None, Some(false), Some(true)])
}

/// A flag that leans to `true` (what an overlay sets), sometimes left to its default.
fn mostly(v: bool) -> impl Strategy<Value = Option<bool>> {
    prop::sample::select(vec![Some(v), Some(v), Some(v), None])
}

prop_compose! {
    /// Every profile field drawn uniformly, as a provider might answer (or leave) it.
    fn uniform_profile()(
        flags in prop::collection::vec(flag(), 24),
        computes in prop::collection::vec(compute(), 4),
        fraction in prop::sample::select(vec![None, Some(0.0), Some(0.2), Some(THIRD), Some(0.34), Some(0.9)]),
        generality in prop::sample::select(vec![None, Some(Generality::Unknown), Some(Generality::Yes), Some(Generality::No)]),
        signatory in prop::sample::select(vec![None, Some(Signatory::No), Some(Signatory::YesAllChapters), Some(Signatory::YesSomeChapters)]),
        turnover in prop::sample::select(vec![None, Some(0.0), Some(1e8), Some(5e8), Some(5e9)]),
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

/// How a modifier's share of the original compute is given: as a fraction around one third, or
/// as FLOP without the original's compute, placed against the fallback threshold of para 64 that
/// applies to the original (a third of 10^25 for a systemic-risk model, else a third of 10^23).
#[derive(Debug, Clone, Copy)]
enum Share {
    Fraction(f64),
    /// The fallback threshold times this factor; `None` is the smallest number above it.
    FallbackFlop(Option<f64>),
}

fn share() -> impl Strategy<Value = Share> {
    prop_oneof![
        prop::sample::select(vec![0.1, 0.3333, just_below(THIRD), THIRD, THIRD, just_above(THIRD), 0.34, 0.5])
            .prop_map(Share::Fraction),
        prop::sample::select(vec![Some(0.5), Some(0.99), Some(1.0), Some(1.0), None, None, Some(1.01), Some(3.0)])
            .prop_map(Share::FallbackFlop),
    ]
}

/// Which route to systemic risk an overlay takes.
#[derive(Debug, Clone, Copy)]
enum Systemic {
    /// Cumulative compute on or around 10^25 FLOP, given as the cumulative figure (`true`) or the
    /// training figure; with the other routes closed (`true`) or left as drawn.
    Compute(f64, bool, bool),
    OtherEvidence,
    Designated,
    /// A modification above one third of a systemic-risk model (Guidelines para 70).
    ModifiesSystemicModel,
}

fn systemic() -> impl Strategy<Value = Systemic> {
    prop_oneof![
        4 => (prop::sample::select(vec![just_below(E25), E25, E25, just_above(E25), 4e25]), any::<bool>(), any::<bool>())
            .prop_map(|(c, cumulative, alone)| Systemic::Compute(c, cumulative, alone)),
        1 => Just(Systemic::OtherEvidence),
        1 => Just(Systemic::Designated),
        1 => Just(Systemic::ModifiesSystemicModel),
    ]
}

/// The regions a profile is drawn toward; each is laid over a uniform profile on its own.
#[derive(Debug, Clone)]
struct Regions {
    research: Option<bool>,
    in_scope: Option<(Option<Generality>, Option<bool>, Option<bool>)>,
    indicative: Option<(f64, Option<bool>)>,
    modifier: Option<(Share, Option<bool>, Option<bool>)>,
    open_source: Option<Option<bool>>,
    systemic: Option<Systemic>,
    contest: Option<Option<bool>>,
    planned: Option<Option<bool>>,
    legacy: Option<Option<bool>>,
}

prop_compose! {
    fn regions()(
        research in prop::option::weighted(0.05, any::<bool>()),
        in_scope in prop::option::weighted(0.8, (
            prop::sample::select(vec![Some(Generality::Yes), Some(Generality::Yes), None, Some(Generality::Unknown)]),
            mostly(true),
            mostly(true),
        )),
        indicative in prop::option::weighted(0.25, (
            prop::sample::select(vec![just_below(E23), E23, E23, just_above(E23), 5e23]),
            mostly(false),
        )),
        modifier in prop::option::weighted(0.4, (share(), mostly(true), prop::sample::select(vec![None, Some(false), Some(true)]))),
        open_source in prop::option::weighted(0.45, mostly(false)),
        systemic in prop::option::weighted(0.45, systemic()),
        contest in prop::option::weighted(0.3, mostly(true)),
        planned in prop::option::weighted(0.3, mostly(true)),
        legacy in prop::option::weighted(0.35, mostly(true)),
    ) -> Regions {
        Regions { research, in_scope, indicative, modifier, open_source, systemic, contest, planned, legacy }
    }
}

impl Regions {
    fn lay_over(&self, mut p: Profile) -> Profile {
        if let Some((generality, develops, own_name)) = self.in_scope {
            p.sole_purpose_scientific_research = None;
            p.used_only_for_rd_before_market = Some(false);
            p.significant_generality = generality;
            p.generates_language_image_or_video = Some(true);
            p.training_compute_flop = p.training_compute_flop.or(Some(5e23));
            p.placed_on_eu_market = Some(true);
            p.org_develops_or_commissions_model = develops;
            p.under_own_name_or_trademark = own_name;
            p.integrates_third_party_model_that_excluded_eu = None;
            p.is_modification = Some(false);
        }
        if let Some((compute, modification)) = self.indicative {
            // The indicative criterion alone decides: generality unknown, not a modification.
            p.significant_generality = None;
            p.is_modification = modification;
            p.generates_language_image_or_video = Some(true);
            p.training_compute_flop = Some(compute);
        }
        if let Some((share, original_gpai, original_sr)) = self.modifier {
            p.is_modification = Some(true);
            p.original_model_is_gpai = original_gpai;
            p.original_model_systemic_risk = original_sr;
            match share {
                Share::Fraction(f) => p.modification_compute_fraction = Some(f),
                Share::FallbackFlop(factor) => {
                    let threshold = if p.original_model_systemic_risk == Some(true) { E25 / 3.0 } else { E23 / 3.0 };
                    p.modification_compute_fraction = None;
                    p.original_training_compute_flop = None;
                    p.modification_compute_flop = Some(factor.map_or(just_above(threshold), |f| threshold * f));
                }
            }
        }
        if let Some(monetised) = self.open_source {
            p.is_open_source_licence = Some(true);
            p.weights_public = Some(true);
            p.architecture_and_usage_info_public = Some(true);
            p.monetised = monetised;
        }
        match self.systemic {
            Some(Systemic::Compute(c, cumulative, alone)) => {
                if cumulative {
                    p.cumulative_training_compute_flop = Some(c);
                } else {
                    p.cumulative_training_compute_flop = None;
                    p.training_compute_flop = Some(c);
                }
                if alone {
                    p.high_impact_capabilities_other_evidence = None;
                    p.designated_by_commission = Some(false);
                    p.original_model_systemic_risk = None;
                }
            }
            Some(Systemic::OtherEvidence) => p.high_impact_capabilities_other_evidence = Some(true),
            Some(Systemic::Designated) => p.designated_by_commission = Some(true),
            Some(Systemic::ModifiesSystemicModel) => {
                p.is_modification = Some(true);
                p.original_model_is_gpai = Some(true);
                p.original_model_systemic_risk = Some(true);
                p.modification_compute_fraction = Some(0.5);
            }
            None => {}
        }
        if let Some(research) = self.research {
            if research {
                p.sole_purpose_scientific_research = Some(true);
            } else {
                p.used_only_for_rd_before_market = Some(true);
            }
        }
        if let Some(c) = self.contest {
            p.contest_accepted_by_commission = c;
        }
        if let Some(planned) = self.planned {
            p.compute_will_exceed_1e25_planned = planned;
        }
        if let Some(legacy) = self.legacy {
            p.placed_before_2025_08_02 = legacy;
        }
        p
    }
}

pub fn profile() -> impl Strategy<Value = Profile> {
    (uniform_profile(), regions()).prop_map(|(p, r)| r.lay_over(p))
}
