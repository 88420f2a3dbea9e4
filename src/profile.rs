//! The provider's profile: the answers that drive the AI Act scope decision.
//!
//! Keys are the input ids of the reference scope rules (`ai-act-scope-rules.json`), snake_case,
//! exactly as the data defines them. Every key is optional; a missing key takes the reference's
//! default, and `null` means "unknown". An unknown key is an error, because a misspelt key would
//! silently change a legal decision.

use serde::{Deserialize, Serialize};

use crate::date;
use crate::error::{ErrorCode, InputError};

/// Whether the model shows significant generality (Art 3(63); Guidelines para 20).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Generality {
    /// Rely on the indicative compute and modality criterion.
    Unknown,
    /// The model is general: GPAI even below the indicative criterion.
    Yes,
    /// The model is narrow: not GPAI even above the indicative criterion.
    No,
}

/// Whether the provider signed the Code of Practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signatory {
    /// Not a signatory.
    No,
    /// Signed every chapter.
    YesAllChapters,
    /// Signed some chapters only.
    YesSomeChapters,
}

/// The profile; see the module documentation. Field docs give the legal source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Developed and put into service solely for scientific R&D (Art 2(6)). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sole_purpose_scientific_research: Option<bool>,
    /// Only used for R&D or prototyping so far, not placed on the market (Art 3(63), 2(8)). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub used_only_for_rd_before_market: Option<bool>,
    /// The organisation develops the model or has it developed (Art 3(3)). Default true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org_develops_or_commissions_model: Option<bool>,
    /// Offered under the organisation's own name or trademark (Art 3(3)). Default true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub under_own_name_or_trademark: Option<bool>,
    /// Training compute in FLOP (Guidelines para 17, 118). Default unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub training_compute_flop: Option<f64>,
    /// Cumulative training compute in FLOP (Art 51(2)); unknown reuses `training_compute_flop`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cumulative_training_compute_flop: Option<f64>,
    /// Known that cumulative compute will exceed 10^25 FLOP (Art 52(1)). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compute_will_exceed_1e25_planned: Option<bool>,
    /// Generates language, or does text-to-image or text-to-video (Guidelines para 17). Default unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generates_language_image_or_video: Option<bool>,
    /// Significant generality (Art 3(63); Guidelines para 20). Default unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub significant_generality: Option<Generality>,
    /// Placed, or to be placed, on the EU market (Art 3(9)-(10)). Default unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placed_on_eu_market: Option<bool>,
    /// Integrates a model whose developer excluded EU use (Guidelines para 58-59). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integrates_third_party_model_that_excluded_eu: Option<bool>,
    /// The model is a modification of another actor's GPAI model (Guidelines para 60-70). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_modification: Option<bool>,
    /// (Modification) the original is a GPAI model. Default true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_model_is_gpai: Option<bool>,
    /// (Modification) the original has systemic risk. Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_model_systemic_risk: Option<bool>,
    /// (Modification) the original's training compute in FLOP. Default unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_training_compute_flop: Option<f64>,
    /// (Modification) compute of the modification in FLOP. Default unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modification_compute_flop: Option<f64>,
    /// (Modification) modification compute / original compute, if known. Default unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modification_compute_fraction: Option<f64>,
    /// Free and open-source licence (Art 53(2); Guidelines para 76-84). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_open_source_licence: Option<bool>,
    /// Weights public (Art 53(2)). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights_public: Option<bool>,
    /// Architecture and usage information public (Art 53(2)). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub architecture_and_usage_info_public: Option<bool>,
    /// Monetised (recital 103; Guidelines para 85-89). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monetised: Option<bool>,
    /// Established in the EU (Art 54(1)). Default unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub established_in_eu: Option<bool>,
    /// Placed on the EU market before 2 August 2025 (Art 111(3)). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placed_before_2025_08_02: Option<bool>,
    /// Designated by the Commission (Art 51(1)(b), 52(4)). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub designated_by_commission: Option<bool>,
    /// Other evidence of high-impact capabilities (Art 3(64), 51(1)(a)). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high_impact_capabilities_other_evidence: Option<bool>,
    /// The Commission accepted an Art 52(2) contest. Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contest_accepted_by_commission: Option<bool>,
    /// Code of Practice signatory status. Default "no".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code_of_practice_signatory: Option<Signatory>,
    /// SME or start-up. Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_sme: Option<bool>,
    /// Small mid-cap enterprise (SMC), which the Code treats like SMEs. Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_small_mid_cap: Option<bool>,
    /// Signed the Code's Safety and Security chapter although the model has no systemic risk
    /// (Art 56(7)). Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_safety_security_chapter: Option<bool>,
    /// Worldwide annual turnover of the preceding financial year, EUR (Art 101(1)). Default unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worldwide_annual_turnover_eur: Option<f64>,
    /// Date of the assessment, `YYYY-MM-DD`. Default unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessment_date: Option<String>,
}

impl Profile {
    /// Checks values that have the right type but cannot be true: negative or non-finite
    /// numbers, impossible dates.
    ///
    /// # Errors
    /// An [`InputError`] naming the first offending field.
    pub fn validate(&self) -> Result<(), InputError> {
        let numbers = [
            ("training_compute_flop", self.training_compute_flop),
            ("cumulative_training_compute_flop", self.cumulative_training_compute_flop),
            ("original_training_compute_flop", self.original_training_compute_flop),
            ("modification_compute_flop", self.modification_compute_flop),
            ("modification_compute_fraction", self.modification_compute_fraction),
            ("worldwide_annual_turnover_eur", self.worldwide_annual_turnover_eur),
        ];
        for (field, value) in numbers {
            if let Some(v) = value {
                if !v.is_finite() || v < 0.0 {
                    return Err(InputError::new(
                        ErrorCode::InvalidValue,
                        field,
                        "must be a finite number of zero or more",
                    ));
                }
            }
        }
        if let Some(d) = &self.assessment_date {
            if !date::is_valid(d) {
                return Err(InputError::new(
                    ErrorCode::InvalidValue,
                    "assessment_date",
                    "must be a real calendar date written YYYY-MM-DD",
                ));
            }
        }
        Ok(())
    }
}
