//! The AI Act scope decision, branch by branch: each test states a provider's situation and
//! checks the decision a lawyer would give, and the article its reason cites.

use gpai_check::scope::{scope_text, ComplianceDeadline, DeadlineRule, OBLIGATION_IDS};
use gpai_check::{scope, ErrorCode, Profile, ScopeResult};
use serde_json::json;

fn profile(v: serde_json::Value) -> Profile {
    serde_json::from_value(v).expect("test profile is well-formed")
}

fn decide(v: serde_json::Value) -> ScopeResult {
    scope(&profile(v)).expect("valid profile")
}

/// A typical in-scope provider: own general model, placed on the EU market, EU-established.
fn base() -> serde_json::Value {
    json!({
        "training_compute_flop": 5e23,
        "generates_language_image_or_video": true,
        "placed_on_eu_market": true,
        "established_in_eu": true,
    })
}

fn with(mut v: serde_json::Value, extra: serde_json::Value) -> serde_json::Value {
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    v
}

/// Whether the obligation applies; a test that expects a decision fails on *undecided*.
fn applies(s: &ScopeResult, id: &str) -> bool {
    let o = s.obligations.iter().find(|o| o.id == id).unwrap_or_else(|| panic!("{id} listed"));
    o.applies.unwrap_or_else(|| panic!("{id} undecided; decided by {:?}", o.decided_by))
}

/// A decision that a test expects to be made; fails on *undecided*.
#[track_caller]
fn yes(b: Option<bool>) -> bool {
    b.expect("decided")
}

/// The reason ids of an obligation, for asserting the explanation.
fn reasons(s: &ScopeResult, id: &str) -> Vec<String> {
    s.obligations.iter().find(|o| o.id == id).unwrap().reasons.iter().map(|r| r.id.to_string()).collect()
}

fn reason_source(s: &ScopeResult, obligation: &str, reason: &str) -> String {
    let o = s.obligations.iter().find(|o| o.id == obligation).unwrap();
    let r = o.reasons.iter().find(|r| r.id == reason).unwrap_or_else(|| panic!("{reason} in {obligation}"));
    r.spec().unwrap_or_else(|| panic!("{reason} has a text in the scope data")).source.clone()
}

fn none_apply(s: &ScopeResult) -> bool {
    s.obligations.iter().all(|o| o.applies == Some(false))
}

// Step 1: research exclusions (Art 2(6), 2(8), 3(63)).

#[test]
fn sole_purpose_research_is_out_of_scope_under_art_2_6() {
    let s = decide(with(base(), json!({"sole_purpose_scientific_research": true})));
    assert!(s.excluded_research && !yes(s.in_scope) && !yes(s.is_gpai_model));
    assert!(none_apply(&s));
    assert_eq!(reason_source(&s, "art53_1c", "out.sole-purpose-research"), "Art 2(6)");
    assert!(s.notes.iter().any(|n| n.id == "note.recheck-at-placement"));
}

#[test]
fn pre_market_research_is_not_yet_a_gpai_model() {
    let s = decide(with(base(), json!({"used_only_for_rd_before_market": true})));
    assert!(s.excluded_research && !yes(s.in_scope));
    assert!(reason_source(&s, "art53_1a", "out.pre-market-rd").contains("Art 3(63)"));
}

// Step 2: is it a GPAI model? (Art 3(63); Guidelines para 17-20)

#[test]
fn indicative_criterion_makes_a_generative_model_above_1e23_gpai() {
    let s = decide(base());
    assert!(yes(s.is_gpai_model) && yes(s.in_scope));
    assert!(reason_source(&s, "art53_1c", "gpai.indicative-criterion").contains("para 17"));
}

#[test]
fn exactly_1e23_flop_does_not_meet_the_indicative_criterion() {
    let s = decide(with(base(), json!({"training_compute_flop": 1e23})));
    assert!(!yes(s.is_gpai_model) && !yes(s.in_scope));
    assert_eq!(reasons(&s, "art53_1c"), ["not-gpai.below-indicative-compute"]);
    assert!(s.notes.iter().any(|n| n.id == "note.ai-system-rules-may-apply"));
}

#[test]
fn a_model_that_generates_no_language_image_or_video_is_not_presumed_gpai() {
    let s = decide(with(base(), json!({"generates_language_image_or_video": false})));
    assert!(!yes(s.is_gpai_model));
    assert_eq!(reasons(&s, "art53_1c"), ["not-gpai.no-generative-modality"]);
}

#[test]
fn unknown_compute_or_modality_leaves_the_decision_open_and_asks_for_it() {
    // Without the compute the indicative criterion cannot be applied: undecided, never "no"
    // (Guidelines para 17-20). The later steps that are known are still said.
    let s = decide(json!({"placed_on_eu_market": true, "established_in_eu": true}));
    assert_eq!((s.is_gpai_model, s.is_provider, s.in_scope), (None, Some(true), None));
    assert_eq!(reasons(&s, "art53_1c"), ["undecided.gpai-compute-unknown", "provider.own-model", "placed.eu-market"]);
    assert_eq!(s.decided_by, ["training_compute_flop", "generates_language_image_or_video"]);
    let o = s.obligations.iter().find(|o| o.id == "art53_1c").unwrap();
    assert_eq!((o.applies, o.decided_by.clone()), (None, s.decided_by.clone()));
    let s = decide(json!({"training_compute_flop": 5e23, "placed_on_eu_market": true, "established_in_eu": true}));
    assert_eq!(s.is_gpai_model, None);
    assert_eq!(reasons(&s, "art53_1c")[0], "undecided.gpai-modality-unknown");
    assert_eq!(s.decided_by, ["generates_language_image_or_video"]);
    // An answer that settles it either way settles it: a narrow model is out whatever the compute.
    let s = decide(json!({"significant_generality": "no", "placed_on_eu_market": true}));
    assert_eq!((s.is_gpai_model, s.in_scope), (Some(false), Some(false)));
    assert!(s.decided_by.is_empty());
    // Not placed on the EU market: out of scope whatever the compute turns out to be.
    let s = decide(json!({"placed_on_eu_market": false}));
    assert_eq!((s.is_gpai_model, s.in_scope), (None, Some(false)));
    assert!(none_apply(&s));
}

#[test]
fn significant_generality_rebuts_the_criterion_both_ways() {
    // A general model below 1e23 is GPAI (para 20).
    let s = decide(with(base(), json!({"training_compute_flop": 1e21, "significant_generality": "yes"})));
    assert!(yes(s.is_gpai_model) && yes(s.in_scope));
    assert!(reason_source(&s, "art53_1c", "gpai.generality-yes").contains("para 20"));
    // A narrow model above 1e23 is not (para 20).
    let s = decide(with(base(), json!({"training_compute_flop": 1e24, "significant_generality": "no"})));
    assert!(!yes(s.is_gpai_model) && !yes(s.in_scope));
    assert_eq!(reasons(&s, "art53_1c"), ["not-gpai.generality-no"]);
}

// Step 3: provider status (Art 3(3); Guidelines para 49-70).

#[test]
fn an_organisation_that_neither_develops_nor_commissions_is_not_the_provider() {
    let s = decide(with(base(), json!({"org_develops_or_commissions_model": false})));
    assert!(yes(s.is_gpai_model) && !yes(s.is_provider) && !yes(s.in_scope));
    assert_eq!(reasons(&s, "art53_1c").last().unwrap(), "not-provider.does-not-develop");
    assert!(s.notes.iter().any(|n| n.id == "note.may-be-system-provider"));
}

#[test]
fn a_model_not_offered_under_own_name_has_another_provider() {
    let s = decide(with(base(), json!({"under_own_name_or_trademark": false})));
    assert!(!yes(s.is_provider) && !yes(s.in_scope));
    assert!(reason_source(&s, "art53_1c", "not-provider.not-own-name").contains("Art 3(3)"));
}

#[test]
fn integrating_a_model_whose_developer_excluded_the_eu_makes_you_its_provider() {
    let s = decide(json!({
        "training_compute_flop": 5e23, "generates_language_image_or_video": true,
        "org_develops_or_commissions_model": false,
        "integrates_third_party_model_that_excluded_eu": true,
        "established_in_eu": true,
    }));
    assert!(yes(s.is_provider) && yes(s.in_scope), "in scope even without placed_on_eu_market");
    assert!(reason_source(&s, "art53_1c", "provider.integrates-eu-excluded-model").contains("para 58-59"));
}

fn modifier(extra: serde_json::Value) -> serde_json::Value {
    with(
        json!({
            "is_modification": true,
            "placed_on_eu_market": true,
            "established_in_eu": true,
        }),
        extra,
    )
}

#[test]
fn a_modification_above_one_third_of_the_original_compute_makes_a_provider_limited_to_it() {
    let s = decide(modifier(json!({
        "original_training_compute_flop": 3e24, "modification_compute_flop": 1.2e24,
        "cumulative_training_compute_flop": 4.2e24
    })));
    assert!(yes(s.is_gpai_model) && yes(s.is_provider) && yes(s.in_scope) && yes(s.limited_to_modification));
    assert!(reasons(&s, "art53_1c").contains(&"provider.modification-over-third".to_string()));
    assert!(reason_source(&s, "art53_1a", "modification.limited").contains("para 68"));
    // The GPAI reading of a modified model is ours, and says so.
    let gpai = &s.obligations[0].reasons[0];
    assert_eq!(gpai.id, "gpai.modified-gpai");
    assert!(gpai.spec().unwrap().interpretation);
}

#[test]
fn a_modification_of_exactly_one_third_does_not_make_a_provider() {
    let s = decide(modifier(json!({"modification_compute_fraction": 1.0 / 3.0})));
    assert!(!yes(s.is_provider) && !yes(s.in_scope));
    assert_eq!(reasons(&s, "art53_1c").last().unwrap(), "not-provider.modification-below-threshold");
}

#[test]
fn a_given_fraction_takes_precedence_over_computed_compute() {
    let s = decide(modifier(json!({
        "modification_compute_fraction": 0.5,
        "original_training_compute_flop": 1e24, "modification_compute_flop": 1e20,
    })));
    assert!(yes(s.is_provider));
}

#[test]
fn without_the_original_compute_the_fallback_thresholds_apply() {
    // 1e23/3 ~ 3.33e22 for a GPAI original (para 64).
    assert_eq!(decide(modifier(json!({"modification_compute_flop": 3.4e22}))).is_provider, Some(true));
    assert_eq!(decide(modifier(json!({"modification_compute_flop": 3.3e22}))).is_provider, Some(false));
    let s = decide(modifier(json!({"modification_compute_flop": 3.4e22})));
    assert!(reason_source(&s, "art53_1c", "provider.modification-over-fallback").contains("para 64"));
    // 1e25/3 ~ 3.33e24 when the original has systemic risk.
    assert_eq!(
        decide(modifier(json!({"modification_compute_flop": 1e24, "original_model_systemic_risk": true}))).is_provider,
        Some(false)
    );
}

#[test]
fn the_share_is_taken_from_the_two_compute_figures_when_no_fraction_is_given() {
    // 3e23 FLOP of fine-tuning on an original trained with 1e24 FLOP is 30%: not more than a
    // third (para 63), although it is far above the fallback of para 64. 4e23 is 40%.
    let s = decide(modifier(json!({"original_training_compute_flop": 1e24, "modification_compute_flop": 3e23})));
    assert!(!yes(s.is_provider) && !yes(s.in_scope));
    assert_eq!(reasons(&s, "art53_1c").last().unwrap(), "not-provider.modification-below-threshold");
    let s = decide(modifier(json!({
        "original_training_compute_flop": 1e24, "modification_compute_flop": 4e23,
        "cumulative_training_compute_flop": 1.4e24
    })));
    assert!(yes(s.is_provider) && yes(s.limited_to_modification));
    assert!(reasons(&s, "art53_1c").contains(&"provider.modification-over-third".to_string()));
}

#[test]
fn an_original_compute_of_zero_is_no_figure_to_take_a_share_of() {
    // A share of zero cannot be taken: as without the original's figure, the fallback of para 64
    // decides. 1e22 FLOP is under a third of 10^23; 5e22 is over it.
    let s = decide(modifier(json!({"original_training_compute_flop": 0.0, "modification_compute_flop": 1e22})));
    assert!(!yes(s.is_provider));
    let s = decide(modifier(json!({"original_training_compute_flop": 0.0, "modification_compute_flop": 5e22})));
    assert!(yes(s.is_provider));
    assert!(reasons(&s, "art53_1c").contains(&"provider.modification-over-fallback".to_string()));
}

#[test]
fn an_unknown_modification_compute_is_asked_for() {
    let s = decide(modifier(json!({})));
    assert_eq!((s.is_provider, s.in_scope), (None, None));
    assert!(reasons(&s, "art53_1c").contains(&"undecided.modification-compute-unknown".to_string()));
    assert!(s.decided_by.contains(&"modification_compute_flop".to_string()));
    assert!(s.missing_inputs.contains(&"modification_compute_flop".to_string()));
}

#[test]
fn a_significant_modifier_not_using_its_own_name_is_not_the_provider_by_our_reading() {
    let s = decide(modifier(json!({"modification_compute_fraction": 0.5, "under_own_name_or_trademark": false})));
    assert!(!yes(s.is_provider));
    let r = s.obligations[0].reasons.last().unwrap();
    assert_eq!(r.id, "not-provider.modifier-not-own-name");
    assert!(r.spec().unwrap().interpretation);
}

#[test]
fn modifying_a_systemic_risk_model_past_one_third_brings_notification_and_art_55() {
    let s = decide(modifier(json!({"original_model_systemic_risk": true, "modification_compute_fraction": 0.4})));
    assert!(yes(s.in_scope) && yes(s.systemic_risk) && yes(s.notification_required));
    assert!(!yes(s.limited_to_modification), "not limited when the modified model has systemic risk");
    for id in ["art52_notify", "art55_1a", "art55_1b", "art55_1c", "art55_1d"] {
        assert!(applies(&s, id), "{id}");
    }
    assert!(reason_source(&s, "art52_notify", "sr.modification-of-sr-model").contains("para 70"));
    assert!(s.notes.iter().any(|n| n.id == "note.sr-modifier" && n.spec().unwrap().interpretation));
}

// Step 4: placement on the EU market (Art 3(9)-(10)).

#[test]
fn a_model_not_placed_on_the_eu_market_triggers_nothing_yet() {
    let s = decide(with(base(), json!({"placed_on_eu_market": false})));
    assert!(yes(s.is_provider) && !yes(s.in_scope) && none_apply(&s));
    assert_eq!(reasons(&s, "art53_1c").last().unwrap(), "not-placed.no");
    assert!(s.notes.iter().any(|n| n.id == "note.downstream-placement"));
    let s = decide(with(base(), json!({"placed_on_eu_market": null})));
    assert_eq!(s.in_scope, None);
    assert_eq!(reasons(&s, "art53_1c").last().unwrap(), "undecided.placement-unknown");
    assert_eq!(s.decided_by, ["placed_on_eu_market"]);
    assert!(s.missing_inputs.contains(&"placed_on_eu_market".to_string()));
}

#[test]
fn in_scope_providers_owe_copyright_summary_and_cooperation() {
    let s = decide(base());
    for id in ["art53_1a", "art53_1b", "art53_1c", "art53_1d", "art53_3"] {
        assert!(applies(&s, id), "{id}");
    }
    for id in ["art54", "art52_notify", "art55_1a", "art55_1b", "art55_1c", "art55_1d"] {
        assert!(!applies(&s, id), "{id}");
    }
}

// Steps 5 and 6: systemic risk (Art 51, 52).

#[test]
fn cumulative_compute_above_1e25_presumes_systemic_risk() {
    let s = decide(with(base(), json!({"training_compute_flop": 2e25})));
    assert!(yes(s.systemic_risk) && yes(s.notification_required));
    assert!(reason_source(&s, "art55_1b", "sr.compute-over-threshold").contains("Art 51(2)"));
    assert!(reasons(&s, "art55_1a").contains(&"sr.contest-does-not-suspend".to_string()));
    assert!(reasons(&s, "art53_1a").contains(&"sr.annex-xi-section-2".to_string()));
    assert!(s.options.iter().any(|o| o.id == "option.art52_2-contest"));
}

#[test]
fn exactly_1e25_flop_is_not_above_the_presumption() {
    let s = decide(with(base(), json!({"training_compute_flop": 1e25})));
    assert!(!yes(s.systemic_risk) && !yes(s.notification_required));
    assert_eq!(reasons(&s, "art55_1a"), ["sr.below-threshold"]);
}

#[test]
fn cumulative_compute_counts_over_training_compute() {
    let s = decide(with(base(), json!({"cumulative_training_compute_flop": 1.5e25})));
    assert!(yes(s.systemic_risk));
    let s = decide(with(base(), json!({"training_compute_flop": 2e25, "cumulative_training_compute_flop": 5e24})));
    assert!(!yes(s.systemic_risk));
}

#[test]
fn other_evidence_of_high_impact_capabilities_gives_systemic_risk() {
    let s = decide(with(base(), json!({"high_impact_capabilities_other_evidence": true})));
    assert!(yes(s.systemic_risk) && yes(s.notification_required));
    assert!(reason_source(&s, "art55_1a", "sr.other-high-impact-evidence").contains("51(1)(a)"));
}

#[test]
fn a_planned_crossing_requires_notification_but_not_yet_art_55() {
    let s = decide(with(base(), json!({"compute_will_exceed_1e25_planned": true})));
    assert!(yes(s.notification_required) && !yes(s.systemic_risk) && yes(s.systemic_risk_expected));
    assert!(applies(&s, "art52_notify") && !applies(&s, "art55_1a"));
    assert_eq!(reasons(&s, "art55_1a"), ["sr.expected-not-yet"]);
    let planned = s.obligations.iter().find(|o| o.id == "art52_notify").unwrap();
    assert!(planned.reasons.iter().any(|r| r.id == "sr.planned-crossing" && r.spec().unwrap().interpretation));
}

#[test]
fn an_accepted_contest_ends_art_55_but_the_notification_stays_shown() {
    let s = decide(with(base(), json!({"training_compute_flop": 2e25, "contest_accepted_by_commission": true})));
    assert!(!yes(s.systemic_risk) && yes(s.notification_required));
    assert_eq!(reasons(&s, "art55_1c"), ["sr.contest-accepted"]);
    assert!(reasons(&s, "art52_notify").contains(&"sr.notify-even-if-contest-accepted".to_string()));
}

#[test]
fn a_planned_crossing_whose_contest_was_accepted_is_no_longer_expected_to_bring_art_55() {
    // The provider notified that its compute will cross 10^25 FLOP and contested with that
    // notification (Art 52(2)); the Commission accepted its arguments (Art 52(3)). The model is
    // not a systemic-risk model, and no longer expected to become one: the notification stays
    // shown, the planned-crossing note goes.
    let s =
        decide(with(base(), json!({"compute_will_exceed_1e25_planned": true, "contest_accepted_by_commission": true})));
    assert!(yes(s.notification_required) && !yes(s.systemic_risk));
    assert!(!yes(s.systemic_risk_expected), "an accepted contest ends the expectation too");
    assert!(!s.notes.iter().any(|n| n.id == "note.planned-crossing"));
    assert!(!reasons(&s, "art55_1a").contains(&"sr.expected-not-yet".to_string()));
}

#[test]
fn a_designated_model_has_systemic_risk_without_notification() {
    let s = decide(with(base(), json!({"designated_by_commission": true})));
    assert!(yes(s.systemic_risk) && !yes(s.notification_required));
    assert!(reason_source(&s, "art55_1d", "sr.designated").contains("Art 51(1)(b)"));
    assert_eq!(reasons(&s, "art52_notify"), ["sr.designated-without-threshold"]);
    assert!(s.options.iter().any(|o| o.id == "option.art52_5-reassessment"));
    // Designation overrides an accepted contest.
    let s = decide(with(base(), json!({"designated_by_commission": true, "contest_accepted_by_commission": true})));
    assert!(yes(s.systemic_risk));
}

// Step 7: the open-source exemption (Art 53(2), 54(6)).

fn open(extra: serde_json::Value) -> serde_json::Value {
    with(
        with(
            base(),
            json!({
                "is_open_source_licence": true, "weights_public": true,
                "architecture_and_usage_info_public": true, "monetised": false,
                "established_in_eu": false,
            }),
        ),
        extra,
    )
}

#[test]
fn the_open_source_exemption_drops_documentation_and_representative_but_not_copyright() {
    let s = decide(open(json!({})));
    assert!(yes(s.open_source_exempt) && !yes(s.authorised_representative_required));
    for id in ["art53_1a", "art53_1b", "art54"] {
        assert!(!applies(&s, id), "{id}");
    }
    for id in ["art53_1c", "art53_1d", "art53_3"] {
        assert!(applies(&s, id), "{id}");
    }
    assert!(reason_source(&s, "art53_1a", "open-source.exempt").contains("Art 53(2)"));
    assert!(reason_source(&s, "art54", "art54.open-source-exempt").contains("Art 54(6)"));
    assert!(reasons(&s, "art53_1d").contains(&"open-source.does-not-exempt".to_string()));
}

#[test]
fn each_missing_open_source_condition_removes_the_exemption() {
    for missing in [
        json!({"monetised": true}),
        json!({"weights_public": false}),
        json!({"architecture_and_usage_info_public": false}),
    ] {
        let s = decide(open(missing.clone()));
        assert!(!yes(s.open_source_exempt), "{missing}");
        assert!(applies(&s, "art53_1a") && applies(&s, "art54"), "{missing}");
        assert!(reasons(&s, "art53_1a").contains(&"open-source.conditions-not-met".to_string()));
    }
}

#[test]
fn systemic_risk_models_cannot_use_the_open_source_exemption() {
    let s = decide(open(json!({"training_compute_flop": 3e25})));
    assert!(yes(s.systemic_risk) && !yes(s.open_source_exempt));
    assert!(applies(&s, "art53_1a") && applies(&s, "art54"));
    assert!(reason_source(&s, "art53_1b", "open-source.blocked-by-systemic-risk").contains("Art 53(2)"));
}

#[test]
fn a_closed_systemic_risk_model_from_outside_the_eu_owes_art_54_as_a_non_eu_provider_only() {
    // No open-source licence, so there was no exemption for systemic risk to block: Art 54
    // applies because the provider is outside the EU, and the reasons say only that.
    let s = decide(with(base(), json!({"established_in_eu": false, "training_compute_flop": 3e25})));
    assert!(yes(s.systemic_risk) && applies(&s, "art54"));
    let r = reasons(&s, "art54");
    assert_eq!(r.last().unwrap(), "art54.non-eu-provider");
    assert!(!r.contains(&"open-source.blocked-by-systemic-risk".to_string()), "{r:?}");
    // Open weights from outside the EU: the Art 54(6) exemption is what systemic risk blocks.
    let s = decide(open(json!({"training_compute_flop": 3e25})));
    assert_eq!(reasons(&s, "art54").last().unwrap(), "open-source.blocked-by-systemic-risk");
}

// Step 8: the authorised representative (Art 54).

#[test]
fn a_provider_established_outside_the_eu_needs_a_representative() {
    let s = decide(with(base(), json!({"established_in_eu": false})));
    assert!(yes(s.authorised_representative_required) && applies(&s, "art54"));
    assert!(reason_source(&s, "art54", "art54.non-eu-provider").contains("Art 54"));
    let s = decide(base());
    assert!(!applies(&s, "art54"));
    assert_eq!(reasons(&s, "art54"), ["art54.established-in-eu"]);
    let s = decide(with(base(), json!({"established_in_eu": null})));
    assert_eq!(s.obligations.iter().find(|o| o.id == "art54").unwrap().applies, None);
    assert_eq!(s.authorised_representative_required, None);
    assert_eq!(reasons(&s, "art54"), ["undecided.establishment-unknown"]);
    assert_eq!(s.decided_by, ["established_in_eu"]);
    assert!(s.missing_inputs.contains(&"established_in_eu".to_string()));
}

// Step 9: dates and fines (Art 101, 111(3), 113).

#[test]
fn legacy_models_have_until_2_august_2027() {
    let s = decide(with(base(), json!({"placed_before_2025_08_02": true})));
    assert!(yes(s.legacy_model));
    let by_date = ComplianceDeadline { rule: DeadlineRule::ByDate, date: "2027-08-02".into() };
    assert_eq!(s.compliance_deadline, Some(by_date));
    assert!(reasons(&s, "art53_1c").contains(&"deadline.legacy".to_string()));
    assert!(s.notes.iter().any(|n| n.id == "note.legacy-gaps"));
    let s = decide(base());
    // Placed after 2 August 2025: from placing on the market, never a date already past for a
    // model placed in 2026.
    let from_placing = ComplianceDeadline { rule: DeadlineRule::FromPlacingOnMarket, date: "2025-08-02".into() };
    assert_eq!(s.compliance_deadline, Some(from_placing.clone()));
    assert!(s.notes.iter().any(|n| n.id == "deadline.new-model"));
    assert_eq!(decide(with(base(), json!({"placed_on_eu_market": false}))).compliance_deadline, None);
    // Undecided scope: the deadline that will hold if it is in scope.
    assert_eq!(decide(json!({})).compliance_deadline, Some(from_placing));
}

#[test]
fn fines_are_enforceable_from_2_august_2026() {
    assert_eq!(decide(with(base(), json!({"assessment_date": "2026-08-01"}))).fines_enforceable_now, Some(false));
    assert_eq!(decide(with(base(), json!({"assessment_date": "2026-08-02"}))).fines_enforceable_now, Some(true));
    assert_eq!(decide(base()).fines_enforceable_now, None);
}

#[test]
fn the_maximum_fine_is_3_percent_of_turnover_or_15_million() {
    let fine = |t: f64| decide(with(base(), json!({"worldwide_annual_turnover_eur": t}))).max_fine_eur;
    assert_eq!(fine(1e9), Some(3e7));
    assert_eq!(fine(1e8), Some(1.5e7));
    assert_eq!(fine(0.0), Some(1.5e7));
    assert_eq!(decide(base()).max_fine_eur, None);
    // No fine is computed for an organisation that is out of scope.
    let out = with(base(), json!({"placed_on_eu_market": false, "worldwide_annual_turnover_eur": 1e9}));
    assert_eq!(decide(out).max_fine_eur, None);
}

#[test]
fn signatory_status_selects_the_matching_note() {
    let note = |v: &str| decide(with(base(), json!({"code_of_practice_signatory": v}))).notes;
    assert!(note("no").iter().any(|n| n.id == "note.non-signatory"));
    assert!(note("yes_all_chapters").iter().any(|n| n.id == "note.signatory"));
    assert!(note("yes_some_chapters").iter().any(|n| n.id == "note.signatory-some-chapters"));
    let sme = decide(with(base(), json!({"is_sme": true})));
    assert!(sme.notes.iter().any(|n| n.id == "note.sme-training-summary"));
}

// What the decision asks for: the inputs that would change or confirm it, and no others.

#[test]
fn an_undecided_obligation_names_only_the_inputs_that_decide_it() {
    // Neither the compute nor the establishment is known. Systemic risk (Art 55) turns on the
    // compute alone, the representative (Art 54) on the establishment alone: each obligation
    // names its own question, and the decision as a whole names both.
    let s = decide(json!({"significant_generality": "yes", "placed_on_eu_market": true}));
    let by = |id: &str| s.obligations.iter().find(|o| o.id == id).unwrap().decided_by.clone();
    for id in ["art55_1a", "art55_1d", "art52_notify"] {
        assert_eq!(by(id), ["training_compute_flop"], "{id}");
    }
    assert_eq!(by("art54"), ["established_in_eu"]);
    assert!(by("art53_1c").is_empty(), "decided: it applies whatever the answers");
    assert_eq!(s.decided_by, ["training_compute_flop", "established_in_eu"]);
}

fn missing(v: serde_json::Value) -> Vec<String> {
    decide(v).missing_inputs
}

#[test]
fn a_model_out_of_scope_whatever_its_compute_is_not_asked_for_it() {
    // Research only (Art 2(6)) or narrow (para 20): no compute or modality would bring it in.
    for p in [
        json!({"sole_purpose_scientific_research": true, "placed_on_eu_market": true}),
        json!({"used_only_for_rd_before_market": true}),
        json!({"significant_generality": "no", "placed_on_eu_market": true}),
    ] {
        assert!(missing(p.clone()).is_empty(), "{p}: {:?}", missing(p.clone()));
    }
}

#[test]
fn an_integrator_of_a_model_whose_developer_excluded_the_eu_is_not_asked_about_placement() {
    // Bringing such a model into the EU is what makes it the provider (Guidelines para 58-59).
    let m = missing(json!({
        "training_compute_flop": 5e23, "generates_language_image_or_video": true,
        "org_develops_or_commissions_model": false, "integrates_third_party_model_that_excluded_eu": true,
        "established_in_eu": true, "worldwide_annual_turnover_eur": 1e9,
    }));
    assert!(!m.contains(&"placed_on_eu_market".to_string()), "{m:?}");
}

#[test]
fn an_open_source_exempt_provider_is_not_asked_where_it_is_established() {
    // Art 54(6): the exemption covers the authorised representative, wherever the provider is.
    let m = missing(open(json!({"established_in_eu": null})));
    assert!(!m.contains(&"established_in_eu".to_string()), "{m:?}");
    // Without the exemption it is asked.
    let m = missing(open(json!({"established_in_eu": null, "monetised": true})));
    assert!(m.contains(&"established_in_eu".to_string()), "{m:?}");
}

#[test]
fn systemic_risk_on_other_evidence_is_not_asked_for_the_compute() {
    // Art 51(1)(a) met on other evidence: no compute figure changes the classification or the
    // notification, so the decision does not ask for one.
    let m = missing(json!({"significant_generality": "yes", "placed_on_eu_market": true, "established_in_eu": true,
                           "high_impact_capabilities_other_evidence": true}));
    assert!(!m.contains(&"training_compute_flop".to_string()), "{m:?}");
}

#[test]
fn an_in_scope_provider_without_any_compute_figure_is_asked_for_its_training_compute() {
    // Without a figure the presumption of Art 51(2) cannot be checked. This holds even where the
    // rest is decided without it: a planned crossing was notified and the contest accepted.
    for extra in [json!({}), json!({"compute_will_exceed_1e25_planned": true, "contest_accepted_by_commission": true})]
    {
        let p = with(
            json!({"significant_generality": "yes", "placed_on_eu_market": true, "established_in_eu": true}),
            extra,
        );
        let m = missing(p.clone());
        assert_eq!(m.iter().filter(|i| *i == "training_compute_flop").count(), 1, "{p}: {m:?}");
    }
}

// The assumptions that decide: unanswered questions whose assumed answer makes the verdict.

fn decisive(v: serde_json::Value) -> Vec<String> {
    decide(v).decisive_assumptions
}

#[test]
fn on_the_first_screen_a_person_who_does_not_develop_the_model_learns_it_decides() {
    // Nothing answered: the verdict waits for the compute, but "you develop the model" is
    // assumed, and an integrator who calls someone else's model must be asked that at once.
    let first = decisive(json!({}));
    for id in ["org_develops_or_commissions_model", "under_own_name_or_trademark", "sole_purpose_scientific_research"] {
        assert!(first.contains(&id.to_string()), "{id} in {first:?}");
    }
    // Answering it settles the question: it is no longer an assumption, and the verdict is made.
    let integrator = json!({"org_develops_or_commissions_model": false, "training_compute_flop": 5e24,
        "generates_language_image_or_video": true, "placed_on_eu_market": true, "established_in_eu": true});
    let s = decide(integrator);
    assert_eq!(s.in_scope, Some(false));
    assert!(!s.decisive_assumptions.contains(&"org_develops_or_commissions_model".to_string()));
    // What could still bring an integrator into scope: the Guidelines' rule for a model whose
    // developer excluded the EU (para 58-59), or that the model is its own modification.
    assert_eq!(s.decisive_assumptions, ["integrates_third_party_model_that_excluded_eu", "is_modification"]);
}

#[test]
fn an_in_scope_provider_is_shown_the_assumptions_that_put_it_in_scope_and_no_others() {
    let s = decide(base());
    assert_eq!(s.in_scope, Some(true));
    assert_eq!(
        s.decisive_assumptions,
        [
            "sole_purpose_scientific_research",
            "used_only_for_rd_before_market",
            "org_develops_or_commissions_model",
            "under_own_name_or_trademark",
            "significant_generality",
            "is_modification",
        ]
    );
    // Being an SME or a signatory changes what is asked of it, not whether it is in scope.
    for id in ["is_sme", "code_of_practice_signatory", "is_open_source_licence", "placed_before_2025_08_02"] {
        assert!(!s.decisive_assumptions.contains(&id.to_string()), "{id}");
    }
}

#[test]
fn decisive_assumptions_are_exactly_the_defaults_whose_other_answers_change_the_verdict() {
    // As the page used to find them: decide again with each other answer of each unanswered
    // input that has a default, and keep those that change `inScope`, in question order.
    for p in sample_profiles() {
        let s = decide(p.clone());
        let mut expected = Vec::new();
        for input in &scope_text().inputs {
            if p.get(&input.id).is_some_and(|v| !v.is_null()) {
                continue;
            }
            let others: Vec<serde_json::Value> = match &input.default {
                serde_json::Value::Bool(b) => vec![json!(!b)],
                serde_json::Value::String(d) => input.values.iter().filter(|v| *v != d).map(|v| json!(v)).collect(),
                _ => continue,
            };
            if others
                .into_iter()
                .any(|value| decide(with(p.clone(), json!({ &input.id: value }))).in_scope != s.in_scope)
            {
                expected.push(input.id.clone());
            }
        }
        assert_eq!(s.decisive_assumptions, expected, "{p}");
        for id in &s.decisive_assumptions {
            assert!(!s.decided_by.contains(id), "{id} has a default, it is never in decidedBy");
        }
    }
}

// The reasons every obligation shares, said once beside the verdict.

fn shared(s: &ScopeResult) -> Vec<String> {
    s.shared_reasons.iter().map(|r| r.id.to_string()).collect()
}

#[test]
fn in_scope_the_shared_reasons_are_the_steps_that_put_the_model_in_scope() {
    let s = decide(base());
    assert_eq!(shared(&s), ["gpai.indicative-criterion", "provider.own-model", "placed.eu-market"]);
    for o in s.obligations.iter().filter(|o| o.applies == Some(true)) {
        for r in &s.shared_reasons {
            assert!(o.reasons.contains(r), "{} gives {}", o.id, r.id);
        }
    }
}

#[test]
fn out_of_scope_the_shared_reasons_say_why_nothing_applies() {
    let s = decide(with(base(), json!({"org_develops_or_commissions_model": false})));
    assert_eq!(shared(&s), ["gpai.indicative-criterion", "not-provider.does-not-develop"]);
    assert_eq!(reason_source(&s, "art53_1a", "not-provider.does-not-develop"), "Art 3(3); Guidelines para 57");
}

#[test]
fn shared_reasons_are_those_of_every_applying_obligation_and_only_with_two_or_more() {
    for p in sample_profiles() {
        let s = decide(p.clone());
        let pool: Vec<_> =
            s.obligations.iter().filter(|o| s.in_scope == Some(false) || o.applies == Some(true)).collect();
        let expected: Vec<String> = match pool.as_slice() {
            [first, _, ..] => first
                .reasons
                .iter()
                .filter(|r| pool.iter().all(|o| o.reasons.contains(r)))
                .map(|r| r.id.to_string())
                .collect(),
            _ => Vec::new(),
        };
        assert_eq!(shared(&s), expected, "{p}");
    }
    // Nothing answered: nothing applies yet, so nothing is shared.
    assert!(decide(json!({})).shared_reasons.is_empty());
}

// Input errors and data consistency.

#[test]
fn impossible_values_are_refused_with_the_field_named() {
    let e = scope(&profile(json!({"training_compute_flop": -1.0}))).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "training_compute_flop"));
    let e = scope(&profile(json!({"assessment_date": "2026-02-30"}))).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "assessment_date"));
    let p = Profile { modification_compute_fraction: Some(f64::NAN), ..Profile::default() };
    assert_eq!(scope(&p).unwrap_err().path, "modification_compute_fraction");
}

#[test]
fn a_misspelt_profile_key_is_refused() {
    let e = serde_json::from_value::<Profile>(json!({"training_compute_flops": 1e24})).unwrap_err();
    assert!(e.to_string().contains("unknown field `training_compute_flops`"));
}

/// Profiles that, between them, reach every branch above.
fn sample_profiles() -> Vec<serde_json::Value> {
    let mut v = vec![json!({}), base()];
    for extra in [
        json!({"sole_purpose_scientific_research": true}),
        json!({"used_only_for_rd_before_market": true}),
        json!({"training_compute_flop": 1e22}),
        json!({"generates_language_image_or_video": false}),
        json!({"generates_language_image_or_video": null}),
        json!({"significant_generality": "no"}),
        json!({"significant_generality": "yes", "training_compute_flop": null}),
        json!({"org_develops_or_commissions_model": false}),
        json!({"under_own_name_or_trademark": false}),
        json!({"integrates_third_party_model_that_excluded_eu": true}),
        json!({"placed_on_eu_market": false}),
        json!({"placed_on_eu_market": null}),
        json!({"training_compute_flop": 2e25}),
        json!({"training_compute_flop": 2e25, "contest_accepted_by_commission": true}),
        json!({"compute_will_exceed_1e25_planned": true}),
        json!({"designated_by_commission": true}),
        json!({"high_impact_capabilities_other_evidence": true}),
        json!({"established_in_eu": false}),
        json!({"established_in_eu": null}),
        json!({"placed_before_2025_08_02": true}),
        json!({"placed_before_2025_08_02": true, "training_compute_flop": 3e25}),
        json!({"is_open_source_licence": true}),
        json!({"code_of_practice_signatory": "yes_some_chapters", "is_sme": true}),
        json!({"code_of_practice_signatory": "yes_all_chapters"}),
    ] {
        v.push(with(base(), extra));
    }
    v.push(open(json!({})));
    // Open source with the compute unknown: whether the exemption holds waits for the compute.
    v.push(open(json!({"training_compute_flop": null, "significant_generality": "yes"})));
    v.push(open(json!({"training_compute_flop": 3e25})));
    for extra in [
        json!({}),
        json!({"modification_compute_fraction": 0.5}),
        json!({"modification_compute_fraction": 0.5, "under_own_name_or_trademark": false}),
        json!({"modification_compute_fraction": 0.2}),
        json!({"modification_compute_flop": 4e22}),
        json!({"original_model_is_gpai": false}),
        json!({"original_model_is_gpai": false, "significant_generality": "yes"}),
        json!({"original_model_systemic_risk": true, "modification_compute_fraction": 0.4}),
    ] {
        v.push(modifier(extra));
    }
    v
}

#[test]
fn every_reason_the_decision_gives_has_a_text_and_a_source_in_the_data() {
    let mut used = std::collections::BTreeSet::new();
    for p in sample_profiles() {
        let s = decide(p.clone());
        let all = s.obligations.iter().flat_map(|o| &o.reasons).chain(&s.notes).chain(&s.options);
        for r in all {
            let spec = r.spec().unwrap_or_else(|| panic!("reason {} is in the scope data ({p})", r.id));
            assert!(!spec.text.is_empty() && !spec.source.is_empty(), "reason {} has no text or source ({p})", r.id);
            used.insert(r.id.clone());
        }
    }
    // And every reason in the data is reachable, so no text is dead.
    let unused: Vec<&str> =
        scope_text().reasons.iter().map(|r| r.id.as_str()).filter(|id| !used.contains(*id)).collect();
    assert!(unused.is_empty(), "reasons never given: {unused:?}");
}

#[test]
fn the_data_lists_every_obligation() {
    let text = scope_text();
    for id in OBLIGATION_IDS {
        assert!(text.obligations.iter().any(|o| o.id == id), "{id}");
    }
}

/// The research reference lives beside the repository (as in CI). Ignored by a plain `cargo
/// test`; `cargo test -- --include-ignored` runs it, and it fails without the reference.
#[test]
#[ignore = "needs ../shared/reference: cargo test -- --include-ignored"]
fn the_data_has_every_input_of_the_reference_with_its_default() {
    let path = "../shared/reference/ai-act-scope-rules.json";
    let text_of_reference = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path} is needed to compare the defaults with the reference: {e}"));
    let reference: serde_json::Value = serde_json::from_str(&text_of_reference).unwrap();
    let text = scope_text();
    let inputs = reference["inputs"].as_array().unwrap();
    assert!(inputs.len() >= 25, "the reference lists the profile inputs");
    for input in inputs {
        let id = input["id"].as_str().unwrap();
        let ours = text.inputs.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("input {id} missing"));
        assert_eq!(ours.default, input["default"], "default of {id} must equal the reference's");
    }
}

#[test]
fn stating_a_default_explicitly_changes_nothing() {
    // The data's defaults (shown to users) and the code's defaults (used to decide) agree.
    for input in &scope_text().inputs {
        if input.default.is_null() {
            continue;
        }
        for p in sample_profiles() {
            if p.get(&input.id).is_some() {
                continue;
            }
            let explicit = with(p.clone(), json!({ input.id.clone(): input.default.clone() }));
            let (mut assumed, stated) = (decide(p.clone()), decide(explicit));
            // The one difference: a stated answer is no longer an assumption.
            assumed.decisive_assumptions.retain(|id| *id != input.id);
            assert_eq!(assumed, stated, "default of {} differs from the code's", input.id);
        }
    }
}

#[test]
fn out_of_scope_means_no_obligation_applies() {
    for p in sample_profiles() {
        let s = decide(p.clone());
        if s.in_scope == Some(false) {
            assert!(none_apply(&s), "{p}");
        }
        if s.systemic_risk == Some(true) {
            assert!(s.open_source_exempt == Some(false), "{p}");
            for id in ["art55_1a", "art55_1b", "art55_1c", "art55_1d"] {
                assert!(applies(&s, id), "{p} {id}");
            }
        }
    }
}

#[test]
fn profile_questions_speak_to_people_not_in_internal_names() {
    let inputs = &gpai_check::scope::scope_text().inputs;
    for i in inputs {
        // Ids with an underscore are internal names (a plain word such as "monetised" is not).
        for other in inputs.iter().filter(|o| o.id.contains('_')) {
            assert!(!i.label.contains(&other.id), "{}'s label names {} by its internal id", i.id, other.id);
            assert!(!i.help.as_deref().unwrap_or("").contains(&other.id), "{}'s help names {}", i.id, other.id);
        }
    }
    // The modification question says what it changes, not only where it comes from.
    let m = inputs.iter().find(|i| i.id == "is_modification").unwrap();
    assert!(m.help.as_deref().is_some_and(|h| h.contains("a third")), "{:?}", m.help);
}

#[test]
fn every_profile_question_says_why_it_is_asked() {
    // A person deciding whether to answer sees what the answer changes, with its source.
    for i in &scope_text().inputs {
        let help = i.help.as_deref().unwrap_or("");
        assert!(help.len() > 40, "{} has no help saying what its answer changes", i.id);
        assert!(!i.source.trim().is_empty(), "{} has a source", i.id);
    }
}
