//! The AI Act scope decision: which Chapter V obligations apply to a provider, and why.
//!
//! This is the decision tree of the reference (`ai-act-scope-and-first-draft.md`, section B,
//! and the `derived` entries of `ai-act-scope-rules.json`), step for step and with the same
//! defaults. The logic is code, so it is typed, total and tested branch by branch; every text
//! it shows (reasons, notes, obligation titles, sources) is data in `packs/ai-act-scope.json`,
//! referred to here by id.

mod text;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use text::{scope_text, InputSpec, ObligationSpec, ReasonSpec, ScopeText};

use crate::profile::{Generality, Profile, Signatory};

/// Indicative GPAI criterion: training compute above this many FLOP (Guidelines para 17).
pub const GPAI_INDICATIVE_FLOP: f64 = 1e23;
/// Systemic-risk presumption: cumulative compute above this many FLOP (Art 51(2)).
pub const SYSTEMIC_RISK_FLOP: f64 = 1e25;
/// A modification above this share of the original's compute makes a provider (Guidelines para 63).
pub const MODIFICATION_SHARE: f64 = 1.0 / 3.0;
/// Fallback when the original's compute is unknown and it is a GPAI model (para 64).
pub const MODIFICATION_FALLBACK_GPAI_FLOP: f64 = GPAI_INDICATIVE_FLOP / 3.0;
/// Fallback when the original's compute is unknown and it has systemic risk (para 64).
pub const MODIFICATION_FALLBACK_GPAISR_FLOP: f64 = SYSTEMIC_RISK_FLOP / 3.0;
/// Art 101(1): the fixed part of the maximum fine.
pub const FINE_FIXED_EUR: f64 = 15_000_000.0;
/// Art 101(1): the turnover share of the maximum fine.
pub const FINE_TURNOVER_SHARE: f64 = 0.03;
/// Chapter V applies from this date (Art 113(b)).
pub const OBLIGATIONS_APPLY: &str = "2025-08-02";
/// Fines and enforcement powers apply from this date (Art 113(b)).
pub const FINES_APPLY: &str = "2026-08-02";
/// Models placed before `OBLIGATIONS_APPLY` must comply by this date (Art 111(3)).
pub const LEGACY_DEADLINE: &str = "2027-08-02";

/// The AI Act's dates for providers of general-purpose AI models, as `scopeTexts().dates` gives
/// them to the page (which counts the days to or since each from the assessment date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyDates {
    /// Chapter V applies (Art 113(b)).
    pub obligations_apply: &'static str,
    /// The Commission can fine providers of general-purpose AI models (Art 101, Art 113(b)).
    pub fines_apply: &'static str,
    /// Models placed on the market before `obligations_apply` comply by this date (Art 111(3)).
    pub legacy_deadline: &'static str,
}

/// The dates above, from the constants the decision itself uses.
pub const KEY_DATES: KeyDates =
    KeyDates { obligations_apply: OBLIGATIONS_APPLY, fines_apply: FINES_APPLY, legacy_deadline: LEGACY_DEADLINE };

/// The obligation ids, in the order the report lists them.
pub const OBLIGATION_IDS: [&str; 11] = [
    "art53_1a",
    "art53_1b",
    "art53_1c",
    "art53_1d",
    "art53_3",
    "art54",
    "art52_notify",
    "art55_1a",
    "art55_1b",
    "art55_1c",
    "art55_1d",
];

/// The scope decision for one profile.
///
/// Each decision is three-valued: `Some(true)`, `Some(false)`, or `None` for *undecided on these
/// answers* — some completion of the unanswered profile inputs would make it true and another
/// false. `decided_by` lists the inputs whose answers would decide it, in the order to ask them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ScopeResult {
    /// Excluded as research, development or prototyping (Art 2(6), 2(8), 3(63)). Always decided:
    /// its inputs have defaults.
    pub excluded_research: bool,
    /// The model is a GPAI model (Art 3(63)).
    pub is_gpai_model: Option<bool>,
    /// The organisation is the provider of that model (Art 3(3)).
    pub is_provider: Option<bool>,
    /// GPAI model, provider and EU placement: Chapter V applies.
    pub in_scope: Option<bool>,
    /// GPAI model with systemic risk (Art 51).
    pub systemic_risk: Option<bool>,
    /// Planned compute will cross 10^25 FLOP but has not yet (classification follows crossing).
    pub systemic_risk_expected: Option<bool>,
    /// An Art 52(1) notification is required.
    pub notification_required: Option<bool>,
    /// The open-source exemption applies (Art 53(2), 54(6)).
    pub open_source_exempt: Option<bool>,
    /// Art 53 duties cover only the provider's modification (recital 109; Guidelines para 68).
    pub limited_to_modification: Option<bool>,
    /// An authorised representative is required (Art 54).
    pub authorised_representative_required: Option<bool>,
    /// Placed on the market before 2 August 2025 (Art 111(3)).
    pub legacy_model: Option<bool>,
    /// When the obligations must be met; null when the model is out of scope.
    pub compliance_deadline: Option<ComplianceDeadline>,
    /// Whether fines are enforceable on the assessment date; null without an assessment date.
    pub fines_enforceable_now: Option<bool>,
    /// The Art 101(1) maximum fine in EUR; null when out of scope or without turnover.
    pub max_fine_eur: Option<f64>,
    /// Every obligation with whether it applies and why.
    pub obligations: Vec<ObligationResult>,
    /// Notes that matter for this profile (deadlines, signatory status, interpretations).
    pub notes: Vec<Reason>,
    /// Rights and options open to the provider (contest, reassessment, voluntary commitments).
    pub options: Vec<Reason>,
    /// Profile inputs whose answers would decide what is still undecided (any field above that
    /// is null, or an obligation that is), in the order to ask them. Empty when all is decided.
    pub decided_by: Vec<String>,
    /// Profile inputs that are unknown but would change or confirm this decision: `decided_by`
    /// and the inputs of figures shown beside it (the turnover behind the maximum fine).
    pub missing_inputs: Vec<String>,
    /// The unanswered profile inputs whose assumed answer (the reference default) decides the
    /// verdict: with any other answer, `inScope` would differ. In the order the scope questions
    /// are asked, so that a person whom an assumption does not fit (not the provider, say)
    /// learns it at once.
    pub decisive_assumptions: Vec<String>,
    /// The reasons every applying obligation shares (that the model is a GPAI model, that you
    /// are its provider, that it is on the EU market), to be said once beside the verdict rather
    /// than under each obligation; out of scope, the reasons every obligation shares for not
    /// applying. Empty when fewer than two obligations apply. In the order of the first
    /// obligation's reasons.
    pub shared_reasons: Vec<Reason>,
}

/// When the obligations must be met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ComplianceDeadline {
    /// Which rule sets the date.
    pub rule: DeadlineRule,
    /// The date for `by-date` (2027-08-02 for models placed before 2 August 2025); for
    /// `from-placing-on-market`, the date from which the obligations apply at the earliest.
    pub date: String,
}

/// The rule behind a compliance deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineRule {
    /// Placed on the market before 2 August 2025: comply by the date (Art 111(3)).
    ByDate,
    /// The obligations apply from placing on the market, not before the date (Art 113(b)).
    FromPlacingOnMarket,
}

/// One obligation of the AI Act and whether it applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ObligationResult {
    /// Obligation id, e.g. `art53_1c` (its article and title: `scopeTexts().obligations`).
    pub id: Cow<'static, str>,
    /// Whether it applies to this profile; null when undecided on these answers.
    pub applies: Option<bool>,
    /// The profile inputs whose answers would decide it, in the order to ask them.
    pub decided_by: Vec<String>,
    /// Why: reason ids, in the order they apply.
    pub reasons: Vec<Reason>,
}

/// A reason or note, by the id of its text in the scope data (`scopeTexts().reasons`): the
/// paraphrase, the article or Guidelines paragraph it rests on, and whether it is the tool's
/// reading are joined at render time ([`Reason::spec`]). A chapter's own reason
/// (`<chapter>.also-applies`) takes its text from the pack. In JSON, the id as a string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Reason {
    /// Stable id of the text in the scope data.
    pub id: Cow<'static, str>,
}

impl Reason {
    /// Its text, source and interpretation mark in the scope data; `None` for a chapter's own
    /// reason, whose text is in the pack.
    pub fn spec(&self) -> Option<&'static text::ReasonSpec> {
        text::scope_text().reason_spec(&self.id)
    }
}

/// The intermediate values of the decision tree, named as in the reference's `derived` list.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Derived {
    excluded_research: bool,
    is_gpai_model: bool,
    modification_makes_provider: bool,
    org_is_provider: bool,
    in_scope: bool,
    presumed_high_impact: bool,
    sr_via_modification: bool,
    meets_art51_1_a: bool,
    is_gpaisr: bool,
    gpaisr_expected: bool,
    notification_required: bool,
    open_source_conditions_met: bool,
    open_source_exempt: bool,
    limited_to_modification: bool,
    authorised_representative_required: bool,
    legacy_model: bool,
}

/// `a > b` where an unknown `a` is false, as JSONLogic compares null in the reference.
fn above(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| a > b)
}

/// The profile with the reference's defaults applied.
struct Inputs<'a> {
    p: &'a Profile,
}

impl Inputs<'_> {
    fn flag(v: Option<bool>, default: bool) -> bool {
        v.unwrap_or(default)
    }
    fn sole_purpose(&self) -> bool {
        Self::flag(self.p.sole_purpose_scientific_research, false)
    }
    fn rd_only(&self) -> bool {
        Self::flag(self.p.used_only_for_rd_before_market, false)
    }
    fn develops(&self) -> bool {
        Self::flag(self.p.org_develops_or_commissions_model, true)
    }
    fn own_name(&self) -> bool {
        Self::flag(self.p.under_own_name_or_trademark, true)
    }
    fn planned(&self) -> bool {
        Self::flag(self.p.compute_will_exceed_1e25_planned, false)
    }
    fn generality(&self) -> Generality {
        self.p.significant_generality.unwrap_or(Generality::Unknown)
    }
    fn integrates_excluded(&self) -> bool {
        Self::flag(self.p.integrates_third_party_model_that_excluded_eu, false)
    }
    fn is_modification(&self) -> bool {
        Self::flag(self.p.is_modification, false)
    }
    fn original_is_gpai(&self) -> bool {
        Self::flag(self.p.original_model_is_gpai, true)
    }
    fn original_sr(&self) -> bool {
        Self::flag(self.p.original_model_systemic_risk, false)
    }
    fn open_licence(&self) -> bool {
        Self::flag(self.p.is_open_source_licence, false)
    }
    fn weights_public(&self) -> bool {
        Self::flag(self.p.weights_public, false)
    }
    fn info_public(&self) -> bool {
        Self::flag(self.p.architecture_and_usage_info_public, false)
    }
    fn monetised(&self) -> bool {
        Self::flag(self.p.monetised, false)
    }
    fn placed_before(&self) -> bool {
        Self::flag(self.p.placed_before_2025_08_02, false)
    }
    fn designated(&self) -> bool {
        Self::flag(self.p.designated_by_commission, false)
    }
    fn other_evidence(&self) -> bool {
        Self::flag(self.p.high_impact_capabilities_other_evidence, false)
    }
    fn contest_accepted(&self) -> bool {
        Self::flag(self.p.contest_accepted_by_commission, false)
    }
    fn signatory(&self) -> Signatory {
        self.p.code_of_practice_signatory.unwrap_or(Signatory::No)
    }
    fn is_sme(&self) -> bool {
        Self::flag(self.p.is_sme, false)
    }
    /// Modification compute as a share of the original's (para 63), if it can be known.
    fn mod_fraction(&self) -> Option<f64> {
        if self.p.modification_compute_fraction.is_some() {
            return self.p.modification_compute_fraction;
        }
        match (self.p.modification_compute_flop, self.p.original_training_compute_flop) {
            (Some(m), Some(o)) if o > 0.0 => Some(m / o),
            _ => None,
        }
    }
    fn fallback_flop(&self) -> f64 {
        if self.original_sr() {
            MODIFICATION_FALLBACK_GPAISR_FLOP
        } else {
            MODIFICATION_FALLBACK_GPAI_FLOP
        }
    }
    fn cumulative_compute(&self) -> Option<f64> {
        self.p.cumulative_training_compute_flop.or(self.p.training_compute_flop)
    }
}

fn derive(i: &Inputs<'_>) -> Derived {
    let p = i.p;
    let excluded_research = i.sole_purpose() || i.rd_only();
    let meets_indicative =
        above(p.training_compute_flop, GPAI_INDICATIVE_FLOP) && p.generates_language_image_or_video == Some(true);
    let is_gpai_model = !excluded_research
        && match i.generality() {
            Generality::Yes => true,
            Generality::No => false,
            Generality::Unknown if i.is_modification() => i.original_is_gpai(),
            Generality::Unknown => meets_indicative,
        };
    let modification_makes_provider = i.is_modification()
        && i.original_is_gpai()
        && match i.mod_fraction() {
            Some(f) => f > MODIFICATION_SHARE,
            None => above(p.modification_compute_flop, i.fallback_flop()),
        };
    let org_is_provider = (!i.is_modification() && i.develops() && i.own_name())
        || (modification_makes_provider && i.own_name())
        || i.integrates_excluded();
    let in_scope = is_gpai_model && org_is_provider && (p.placed_on_eu_market == Some(true) || i.integrates_excluded());
    let presumed_high_impact = above(i.cumulative_compute(), SYSTEMIC_RISK_FLOP);
    let sr_via_modification = modification_makes_provider && i.original_sr();
    let meets_art51_1_a = presumed_high_impact || i.other_evidence() || sr_via_modification;
    let is_gpaisr = in_scope && ((meets_art51_1_a && !i.contest_accepted()) || i.designated());
    let gpaisr_expected = in_scope && i.planned() && !is_gpaisr && !i.contest_accepted();
    let notification_required = in_scope && (meets_art51_1_a || i.planned());
    let open_source_conditions_met = i.open_licence() && i.weights_public() && i.info_public() && !i.monetised();
    let open_source_exempt = in_scope && open_source_conditions_met && !is_gpaisr;
    let limited_to_modification = in_scope && modification_makes_provider && !is_gpaisr;
    let authorised_representative_required = in_scope && p.established_in_eu == Some(false) && !open_source_exempt;
    let legacy_model = in_scope && i.placed_before();
    Derived {
        excluded_research,
        is_gpai_model,
        modification_makes_provider,
        org_is_provider,
        in_scope,
        presumed_high_impact,
        sr_via_modification,
        meets_art51_1_a,
        is_gpaisr,
        gpaisr_expected,
        notification_required,
        open_source_conditions_met,
        open_source_exempt,
        limited_to_modification,
        authorised_representative_required,
        legacy_model,
    }
}

/// The reasons for being in or out of scope, step by step. The chain stops at a step that is
/// decided *no*; an undecided step gives its reason and the chain goes on, so that every later
/// step that is known is said too.
fn scope_chain(i: &Inputs<'_>, d: &Derived, v: &Verdicts) -> Vec<&'static str> {
    let p = i.p;
    let mut chain = Vec::new();
    // Step 1: research exclusions.
    if d.excluded_research {
        chain.push(if i.sole_purpose() { "out.sole-purpose-research" } else { "out.pre-market-rd" });
        return chain;
    }
    // Step 2: is it a GPAI model?
    chain.push(match i.generality() {
        Generality::Yes => "gpai.generality-yes",
        Generality::No => "not-gpai.generality-no",
        Generality::Unknown if i.is_modification() => {
            if i.original_is_gpai() {
                "gpai.modified-gpai"
            } else {
                "not-gpai.original-not-gpai"
            }
        }
        Generality::Unknown if d.is_gpai_model => "gpai.indicative-criterion",
        Generality::Unknown => match (p.training_compute_flop, p.generates_language_image_or_video) {
            (None, _) => "undecided.gpai-compute-unknown",
            (Some(c), _) if c <= GPAI_INDICATIVE_FLOP => "not-gpai.below-indicative-compute",
            (_, Some(false)) => "not-gpai.no-generative-modality",
            _ => "undecided.gpai-modality-unknown",
        },
    });
    if v.get(GPAI) == Some(false) {
        return chain;
    }
    // Step 3: is the organisation the provider?
    chain.push(if i.integrates_excluded() {
        "provider.integrates-eu-excluded-model"
    } else if i.is_modification() {
        if !i.original_is_gpai() {
            "not-provider.original-not-gpai"
        } else if !d.modification_makes_provider {
            if i.mod_fraction().is_none() && p.modification_compute_flop.is_none() {
                "undecided.modification-compute-unknown"
            } else {
                "not-provider.modification-below-threshold"
            }
        } else if !i.own_name() {
            "not-provider.modifier-not-own-name"
        } else if i.mod_fraction().is_some() {
            "provider.modification-over-third"
        } else {
            "provider.modification-over-fallback"
        }
    } else if !i.develops() {
        "not-provider.does-not-develop"
    } else if !i.own_name() {
        "not-provider.not-own-name"
    } else {
        "provider.own-model"
    });
    if v.get(PROVIDER) == Some(false) {
        return chain;
    }
    // Step 4: placed on the EU market?
    if !i.integrates_excluded() {
        chain.push(match p.placed_on_eu_market {
            Some(true) => "placed.eu-market",
            Some(false) => "not-placed.no",
            None => "undecided.placement-unknown",
        });
    }
    chain
}

/// Why the Art 51(1)(a) condition is, or is not, met.
fn systemic_triggers(i: &Inputs<'_>, d: &Derived) -> Vec<&'static str> {
    let mut r = Vec::new();
    if d.presumed_high_impact {
        r.push("sr.compute-over-threshold");
    }
    if i.other_evidence() {
        r.push("sr.other-high-impact-evidence");
    }
    if d.sr_via_modification {
        r.push("sr.modification-of-sr-model");
    }
    r
}

fn below_threshold_reason(i: &Inputs<'_>) -> &'static str {
    if i.cumulative_compute().is_none() {
        "undecided.sr-compute-unknown"
    } else {
        "sr.below-threshold"
    }
}

fn obligation_reasons(id: &str, i: &Inputs<'_>, d: &Derived, chain: &[&'static str]) -> (bool, Vec<&'static str>) {
    if !d.in_scope {
        return (false, chain.to_vec());
    }
    let mut r: Vec<&'static str> = chain.to_vec();
    let applies = match id {
        "art53_1a" | "art53_1b" => {
            if d.open_source_exempt {
                r = vec!["open-source.exempt"];
                false
            } else {
                if d.open_source_conditions_met && d.is_gpaisr {
                    r.push("open-source.blocked-by-systemic-risk");
                } else if i.open_licence() {
                    r.push("open-source.conditions-not-met");
                }
                if id == "art53_1a" && d.is_gpaisr {
                    r.push("sr.annex-xi-section-2");
                }
                true
            }
        }
        "art53_1c" | "art53_1d" => {
            if d.open_source_exempt {
                r.push("open-source.does-not-exempt");
            }
            true
        }
        "art53_3" => true,
        "art54" => {
            if d.open_source_exempt {
                r = vec!["art54.open-source-exempt"];
                false
            } else {
                match i.p.established_in_eu {
                    Some(true) => {
                        r = vec!["art54.established-in-eu"];
                        false
                    }
                    None => {
                        r = vec!["undecided.establishment-unknown"];
                        false
                    }
                    Some(false) => {
                        r.push("art54.non-eu-provider");
                        if d.open_source_conditions_met && d.is_gpaisr {
                            r.push("open-source.blocked-by-systemic-risk");
                        }
                        true
                    }
                }
            }
        }
        "art52_notify" => {
            if d.notification_required {
                r.extend(systemic_triggers(i, d));
                if i.planned() {
                    r.push("sr.planned-crossing");
                }
                if i.contest_accepted() {
                    r.push("sr.notify-even-if-contest-accepted");
                }
                r.push("deadline.notification");
                true
            } else {
                r = vec![if i.designated() { "sr.designated-without-threshold" } else { below_threshold_reason(i) }];
                false
            }
        }
        _ => {
            // art55_1a..d
            if d.is_gpaisr {
                if i.designated() {
                    r.push("sr.designated");
                }
                r.extend(systemic_triggers(i, d));
                if d.meets_art51_1_a {
                    r.push("sr.contest-does-not-suspend");
                }
                true
            } else {
                r = vec![if d.meets_art51_1_a && i.contest_accepted() {
                    "sr.contest-accepted"
                } else if d.gpaisr_expected {
                    "sr.expected-not-yet"
                } else {
                    below_threshold_reason(i)
                }];
                false
            }
        }
    };
    if applies && d.limited_to_modification && id.starts_with("art53_1") {
        r.push("modification.limited");
    }
    // Art 111(3) gives legacy models until 2027 for "the obligations" in general; whether the
    // notification is one of them is not settled, so it stays due now and says it is our reading.
    if applies && d.legacy_model {
        r.push(if id == "art52_notify" { "deadline.legacy-notification" } else { "deadline.legacy" });
    }
    (applies, r)
}

fn notes(i: &Inputs<'_>, d: &Derived, v: &Verdicts) -> Vec<&'static str> {
    let mut n = Vec::new();
    if v.get(IN_SCOPE).is_none() {
        n.push("note.scope-undecided");
        return n;
    }
    if !d.in_scope {
        if d.excluded_research {
            n.push("note.recheck-at-placement");
        } else if !d.is_gpai_model {
            n.push("note.ai-system-rules-may-apply");
        } else if !d.org_is_provider {
            n.push("note.may-be-system-provider");
        } else {
            n.push("note.downstream-placement");
        }
        return n;
    }
    n.push(if d.legacy_model { "deadline.legacy" } else { "deadline.new-model" });
    n.push("note.enforcement-timeline");
    if d.legacy_model {
        n.push("note.legacy-gaps");
    }
    n.push(match i.signatory() {
        Signatory::No => "note.non-signatory",
        Signatory::YesAllChapters => "note.signatory",
        Signatory::YesSomeChapters => "note.signatory-some-chapters",
    });
    if d.limited_to_modification {
        n.push("modification.limited");
    }
    if d.sr_via_modification && !i.contest_accepted() {
        n.push("note.sr-modifier");
    }
    if d.gpaisr_expected {
        n.push("note.planned-crossing");
    }
    if !d.is_gpaisr {
        n.push("note.designation-possible");
    }
    if i.is_sme() {
        n.push("note.sme-training-summary");
    }
    n
}

fn options(i: &Inputs<'_>, d: &Derived) -> Vec<&'static str> {
    let mut o = Vec::new();
    if d.notification_required {
        o.push("option.art52_2-contest");
    }
    if d.in_scope && i.designated() {
        o.push("option.art52_5-reassessment");
    }
    if d.in_scope && !d.is_gpaisr {
        o.push("option.art56_7-voluntary-safety-chapter");
    }
    o
}

fn missing_inputs(i: &Inputs<'_>, d: &Derived) -> Vec<&'static str> {
    let p = i.p;
    let mut m = Vec::new();
    let uses_indicative = !d.excluded_research && i.generality() == Generality::Unknown && !i.is_modification();
    if uses_indicative && p.training_compute_flop.is_none() {
        m.push("training_compute_flop");
    }
    if uses_indicative && p.generates_language_image_or_video.is_none() {
        m.push("generates_language_image_or_video");
    }
    if i.is_modification() && i.mod_fraction().is_none() && p.modification_compute_flop.is_none() {
        m.push("modification_compute_flop");
    }
    if d.is_gpai_model && d.org_is_provider && !i.integrates_excluded() && p.placed_on_eu_market.is_none() {
        m.push("placed_on_eu_market");
    }
    if d.in_scope && !d.open_source_exempt && p.established_in_eu.is_none() {
        m.push("established_in_eu");
    }
    // Without any compute the presumption cannot be checked; ask for the training compute,
    // which the cumulative figure defaults to (the cumulative one is optional).
    if d.in_scope && i.cumulative_compute().is_none() && !d.is_gpaisr && !m.contains(&"training_compute_flop") {
        m.push("training_compute_flop");
    }
    if d.in_scope && p.worldwide_annual_turnover_eur.is_none() {
        m.push("worldwide_annual_turnover_eur");
    }
    m
}

/// The decisions that can be undecided, one bit each in a [`Verdicts`] mask: the flags, in the
/// order [`verdict_bits`] lists them, then the obligations in [`OBLIGATION_IDS`] order.
const GPAI: usize = 0;
const PROVIDER: usize = 1;
const IN_SCOPE: usize = 2;
const SYSTEMIC_RISK: usize = 3;
const SYSTEMIC_RISK_EXPECTED: usize = 4;
const NOTIFICATION: usize = 5;
const OPEN_SOURCE_EXEMPT: usize = 6;
const LIMITED_TO_MODIFICATION: usize = 7;
const AUTHORISED_REPRESENTATIVE: usize = 8;
const LEGACY: usize = 9;
const FLAGS: usize = 10;
const BITS: usize = FLAGS + OBLIGATION_IDS.len();

/// Every decision of one completed profile, as bits (see [`FLAGS`]).
fn verdict_bits(i: &Inputs<'_>, d: &Derived) -> u32 {
    let flags = [
        (GPAI, d.is_gpai_model),
        (PROVIDER, d.org_is_provider),
        (IN_SCOPE, d.in_scope),
        (SYSTEMIC_RISK, d.is_gpaisr),
        (SYSTEMIC_RISK_EXPECTED, d.gpaisr_expected),
        (NOTIFICATION, d.notification_required),
        (OPEN_SOURCE_EXEMPT, d.open_source_exempt),
        (LIMITED_TO_MODIFICATION, d.limited_to_modification),
        (AUTHORISED_REPRESENTATIVE, d.authorised_representative_required),
        (LEGACY, d.legacy_model),
    ];
    let obligations = OBLIGATION_IDS.iter().enumerate().map(|(k, id)| (FLAGS + k, obligation_reasons(id, i, d, &[]).0));
    flags.into_iter().chain(obligations).fold(0, |m, (bit, b)| m | (u32::from(b) << bit))
}

/// A profile input whose reference default is *unknown*, with values that stand for every way
/// an answer could take the decision (one on each side of each threshold it meets).
struct OpenInput {
    id: &'static str,
    /// Whether the profile leaves it open.
    open: fn(&Profile) -> bool,
    /// Sets the `k`th standing-in value.
    set: fn(&mut Profile, usize),
    values: usize,
}

const OPEN_INPUTS: [OpenInput; 5] = [
    OpenInput {
        id: "training_compute_flop",
        open: |p| p.training_compute_flop.is_none(),
        // Below 10^23, between 10^23 and 10^25, above 10^25.
        set: |p, k| p.training_compute_flop = Some([1e22, 1e24, 1e26][k]),
        values: 3,
    },
    OpenInput {
        id: "generates_language_image_or_video",
        open: |p| p.generates_language_image_or_video.is_none(),
        set: |p, k| p.generates_language_image_or_video = Some(k == 1),
        values: 2,
    },
    OpenInput {
        id: "modification_compute_flop",
        open: |p| {
            p.is_modification == Some(true)
                && p.modification_compute_fraction.is_none()
                && p.modification_compute_flop.is_none()
        },
        // At most and above one third of the original's compute (para 63).
        set: |p, k| p.modification_compute_fraction = Some([0.1, 0.5][k]),
        values: 2,
    },
    OpenInput {
        id: "placed_on_eu_market",
        open: |p| p.placed_on_eu_market.is_none(),
        set: |p, k| p.placed_on_eu_market = Some(k == 1),
        values: 2,
    },
    OpenInput {
        id: "established_in_eu",
        open: |p| p.established_in_eu.is_none(),
        set: |p, k| p.established_in_eu = Some(k == 1),
        values: 2,
    },
];

/// The three-valued decisions and what would decide each undecided one.
struct Verdicts {
    /// Bits true in every completion.
    all: u32,
    /// Bits true in some completion.
    any: u32,
    /// Per bit, the open inputs (indexes into `OPEN_INPUTS`) that change it on their own.
    deciders: [u8; BITS],
}

impl Verdicts {
    /// Decides every completion of the open inputs: the profile's answers stand; each open input
    /// takes each of its standing-in values. A decision is made when all completions agree.
    fn of(profile: &Profile) -> Self {
        // Each open input with its index in OPEN_INPUTS, which `deciders` records.
        let open: Vec<(usize, &OpenInput)> =
            OPEN_INPUTS.iter().enumerate().filter(|(_, o)| (o.open)(profile)).collect();
        let count: usize = open.iter().map(|(_, o)| o.values).product();
        let mut bits = Vec::with_capacity(count);
        let mut completed = profile.clone();
        for n in 0..count {
            let mut rest = n;
            for (_, o) in &open {
                (o.set)(&mut completed, rest % o.values);
                rest /= o.values;
            }
            let i = Inputs { p: &completed };
            bits.push(verdict_bits(&i, &derive(&i)));
        }
        let all = bits.iter().fold(u32::MAX, |a, b| a & b);
        let any = bits.iter().fold(0, |a, b| a | b);
        // An input decides a bit when changing it alone, with every other input held, changes it.
        let mut deciders = [0u8; BITS];
        let mut stride = 1;
        for &(index, o) in &open {
            for n in 0..count {
                let digit = (n / stride) % o.values;
                for other in digit + 1..o.values {
                    let changed = bits[n] ^ bits[n + (other - digit) * stride];
                    for (bit, d) in deciders.iter_mut().enumerate() {
                        if changed & (1 << bit) != 0 {
                            *d |= 1 << index;
                        }
                    }
                }
            }
            stride *= o.values;
        }
        Self { all, any, deciders }
    }

    fn get(&self, bit: usize) -> Option<bool> {
        let (all, any) = (self.all & (1 << bit) != 0, self.any & (1 << bit) != 0);
        if all == any {
            Some(all)
        } else {
            None
        }
    }

    /// The inputs that decide any of these bits, in the order the scope questions are asked.
    fn decided_by(&self, bits: impl IntoIterator<Item = usize>) -> Vec<String> {
        let mask = bits.into_iter().fold(0u8, |m, b| m | self.deciders[b]);
        in_ask_order(OPEN_INPUTS.iter().enumerate().filter(|(k, _)| mask & (1 << k) != 0).map(|(_, o)| o.id))
    }
}

/// Whether `profile` is in scope, three-valued, as [`Verdicts::of`] decides it (every completion
/// of the open inputs), without the rest of the decision.
fn in_scope_of(profile: &Profile) -> Option<bool> {
    let open: Vec<&OpenInput> = OPEN_INPUTS.iter().filter(|o| (o.open)(profile)).collect();
    let count: usize = open.iter().map(|o| o.values).product();
    let (mut all, mut any) = (true, false);
    let mut completed = profile.clone();
    for n in 0..count {
        let mut rest = n;
        for o in &open {
            (o.set)(&mut completed, rest % o.values);
            rest /= o.values;
        }
        let in_scope = derive(&Inputs { p: &completed }).in_scope;
        all &= in_scope;
        any |= in_scope;
    }
    (all == any).then_some(all)
}

/// The unanswered inputs with a reference default whose other answers change `in_scope`: the
/// profile is decided again with each answer of each (giving the default changes nothing, as
/// `tests/scope.rs` checks). Inputs whose default is unknown are `decided_by`'s business.
fn decisive_assumptions(profile: &Profile, in_scope: Option<bool>) -> Vec<String> {
    scope_text()
        .inputs
        .iter()
        .filter(|input| !input.default.is_null())
        .filter(|input| each_answer(profile, &input.id).iter().any(|p| in_scope_of(p) != in_scope))
        .map(|input| input.id.clone())
        .collect()
}

/// The profile with each possible answer of the yes/no or choice input `id`, while the profile
/// leaves it unanswered; none when it is answered or is a number or a date. By field rather than
/// through serde, which would add a deserializer to the page's engine for this one use.
fn each_answer(profile: &Profile, id: &str) -> Vec<Profile> {
    type Flag = fn(&mut Profile) -> &mut Option<bool>;
    let flag: Flag = match id {
        "sole_purpose_scientific_research" => |p| &mut p.sole_purpose_scientific_research,
        "used_only_for_rd_before_market" => |p| &mut p.used_only_for_rd_before_market,
        "org_develops_or_commissions_model" => |p| &mut p.org_develops_or_commissions_model,
        "under_own_name_or_trademark" => |p| &mut p.under_own_name_or_trademark,
        "compute_will_exceed_1e25_planned" => |p| &mut p.compute_will_exceed_1e25_planned,
        "generates_language_image_or_video" => |p| &mut p.generates_language_image_or_video,
        "placed_on_eu_market" => |p| &mut p.placed_on_eu_market,
        "integrates_third_party_model_that_excluded_eu" => |p| &mut p.integrates_third_party_model_that_excluded_eu,
        "is_modification" => |p| &mut p.is_modification,
        "original_model_is_gpai" => |p| &mut p.original_model_is_gpai,
        "original_model_systemic_risk" => |p| &mut p.original_model_systemic_risk,
        "is_open_source_licence" => |p| &mut p.is_open_source_licence,
        "weights_public" => |p| &mut p.weights_public,
        "architecture_and_usage_info_public" => |p| &mut p.architecture_and_usage_info_public,
        "monetised" => |p| &mut p.monetised,
        "established_in_eu" => |p| &mut p.established_in_eu,
        "placed_before_2025_08_02" => |p| &mut p.placed_before_2025_08_02,
        "designated_by_commission" => |p| &mut p.designated_by_commission,
        "high_impact_capabilities_other_evidence" => |p| &mut p.high_impact_capabilities_other_evidence,
        "contest_accepted_by_commission" => |p| &mut p.contest_accepted_by_commission,
        "is_sme" => |p| &mut p.is_sme,
        "is_small_mid_cap" => |p| &mut p.is_small_mid_cap,
        "signed_safety_security_chapter" => |p| &mut p.signed_safety_security_chapter,
        "significant_generality" if profile.significant_generality.is_none() => {
            return [Generality::Unknown, Generality::Yes, Generality::No]
                .map(|g| Profile { significant_generality: Some(g), ..profile.clone() })
                .into();
        }
        "code_of_practice_signatory" if profile.code_of_practice_signatory.is_none() => {
            return [Signatory::No, Signatory::YesAllChapters, Signatory::YesSomeChapters]
                .map(|s| Profile { code_of_practice_signatory: Some(s), ..profile.clone() })
                .into();
        }
        _ => return Vec::new(),
    };
    let mut probe = profile.clone();
    if flag(&mut probe).is_some() {
        return Vec::new();
    }
    [false, true]
        .map(|b| {
            let mut p = profile.clone();
            *flag(&mut p) = Some(b);
            p
        })
        .into()
}

/// The reasons every obligation in the pool shares: the applying ones, or all of them when out
/// of scope (see [`ScopeResult::shared_reasons`]). Only when the pool holds two or more.
fn shared_reasons(in_scope: Option<bool>, obligations: &[ObligationResult]) -> Vec<Reason> {
    let pool: Vec<&ObligationResult> =
        obligations.iter().filter(|o| in_scope == Some(false) || o.applies == Some(true)).collect();
    match pool.as_slice() {
        [first, _, ..] => {
            first.reasons.iter().filter(|r| pool.iter().all(|o| o.reasons.contains(r))).cloned().collect()
        }
        _ => Vec::new(),
    }
}

/// Input ids in the order of the scope questions, each once.
fn in_ask_order<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let ids: Vec<&str> = ids.into_iter().collect();
    scope_text().inputs.iter().filter(|input| ids.contains(&input.id.as_str())).map(|input| input.id.clone()).collect()
}

/// Decides which obligations apply to `profile` and why. Total: every profile gets a result.
///
/// The profile should have passed [`Profile::validate`]; unvalidated numbers are still handled
/// (NaN compares false, as an unknown would).
pub fn decide(profile: &Profile) -> ScopeResult {
    let i = Inputs { p: profile };
    // With every open input unanswered the decision tree reads "unknown" as "no" (as JSONLogic
    // compares null in the reference), so `d` is one of the completions: where the verdicts are
    // decided, `d` agrees with them, and its reasons are the right ones.
    let d = derive(&i);
    let v = Verdicts::of(profile);
    let text = scope_text();
    let chain = scope_chain(&i, &d, &v);
    let obligations: Vec<ObligationResult> = OBLIGATION_IDS
        .iter()
        .enumerate()
        .map(|(k, &id)| {
            let applies = v.get(FLAGS + k);
            let (_, mut reasons) = obligation_reasons(id, &i, &d, &chain);
            if applies.is_none() && v.get(IN_SCOPE).is_some() && !reasons.iter().any(|r| r.starts_with("undecided.")) {
                reasons.push("undecided.obligation");
            }
            ObligationResult {
                id: Cow::Borrowed(id),
                applies,
                decided_by: if applies.is_none() { v.decided_by([FLAGS + k]) } else { Vec::new() },
                reasons: reasons.into_iter().map(|r| text.reason(r)).collect(),
            }
        })
        .collect();
    let compliance_deadline = (v.get(IN_SCOPE) != Some(false)).then(|| {
        if i.placed_before() {
            ComplianceDeadline { rule: DeadlineRule::ByDate, date: LEGACY_DEADLINE.to_string() }
        } else {
            ComplianceDeadline { rule: DeadlineRule::FromPlacingOnMarket, date: OBLIGATIONS_APPLY.to_string() }
        }
    });
    let max_fine_eur = if v.get(IN_SCOPE) == Some(false) {
        None
    } else {
        profile.worldwide_annual_turnover_eur.map(|t| (FINE_TURNOVER_SHARE * t).max(FINE_FIXED_EUR))
    };
    let undecided = (0..BITS).filter(|&b| v.get(b).is_none());
    let decided_by = v.decided_by(undecided);
    let missing = missing_inputs(&i, &d);
    let missing_inputs = in_ask_order(decided_by.iter().map(String::as_str).chain(missing));
    let in_scope = v.get(IN_SCOPE);
    ScopeResult {
        decisive_assumptions: decisive_assumptions(profile, in_scope),
        shared_reasons: shared_reasons(in_scope, &obligations),
        excluded_research: d.excluded_research,
        is_gpai_model: v.get(GPAI),
        is_provider: v.get(PROVIDER),
        in_scope: v.get(IN_SCOPE),
        systemic_risk: v.get(SYSTEMIC_RISK),
        systemic_risk_expected: v.get(SYSTEMIC_RISK_EXPECTED),
        notification_required: v.get(NOTIFICATION),
        open_source_exempt: v.get(OPEN_SOURCE_EXEMPT),
        limited_to_modification: v.get(LIMITED_TO_MODIFICATION),
        authorised_representative_required: v.get(AUTHORISED_REPRESENTATIVE),
        legacy_model: v.get(LEGACY),
        compliance_deadline,
        fines_enforceable_now: profile.assessment_date.as_deref().map(|a| a >= FINES_APPLY),
        max_fine_eur,
        obligations,
        notes: notes(&i, &d, &v).into_iter().map(|r| text.reason(r)).collect(),
        options: options(&i, &d).into_iter().map(|r| text.reason(r)).collect(),
        decided_by,
        missing_inputs,
    }
}

impl ScopeResult {
    /// Whether the obligation with this id applies: `None` when undecided (or unknown id: `Some(false)`).
    pub fn applies(&self, obligation: &str) -> Option<bool> {
        self.obligations.iter().find(|o| o.id == obligation).map_or(Some(false), |o| o.applies)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_with_a_default_can_be_tried_with_its_other_answers() {
        // An input the field list missed would silently never be a decisive assumption.
        let empty = Profile::default();
        for input in scope_text().inputs.iter().filter(|i| !i.default.is_null()) {
            let answers = each_answer(&empty, &input.id);
            let expected = if input.values.is_empty() { 2 } else { input.values.len() };
            assert_eq!(answers.len(), expected, "{}", input.id);
            assert!(answers.iter().all(|p| *p != empty), "{}: each answer is given", input.id);
        }
    }

    #[test]
    fn an_answered_input_is_not_tried_again() {
        let p = Profile { org_develops_or_commissions_model: Some(true), ..Profile::default() };
        assert!(each_answer(&p, "org_develops_or_commissions_model").is_empty());
        let p = Profile { significant_generality: Some(Generality::Unknown), ..Profile::default() };
        assert!(each_answer(&p, "significant_generality").is_empty());
    }
}
