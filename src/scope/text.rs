//! The texts of the scope decision, loaded from `packs/ai-act-scope.json` (embedded at build
//! time): profile questions, obligation titles and articles, and every reason and note with its
//! legal source. The decision logic refers to them by id only.

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::Reason;

/// The scope data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScopeText {
    /// What the texts rest on (Act, Guidelines, template) and their dates.
    pub as_of: String,
    /// The profile questions, in the order a person answers them.
    pub inputs: Vec<InputSpec>,
    /// The AI Act obligations the decision reports on.
    pub obligations: Vec<ObligationSpec>,
    /// Reasons, notes and options, by id.
    pub reasons: Vec<ReasonSpec>,
}

/// A profile question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InputSpec {
    /// The profile key, e.g. `training_compute_flop`.
    pub id: String,
    /// `bool`, `number`, `enum` or `date`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The value a missing key takes (`null`: unknown).
    pub default: serde_json::Value,
    /// The question.
    pub label: String,
    /// Help text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Unit of a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Allowed values of an enum.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Legal source.
    pub source: String,
    /// The group the page shows it in (`model`, `organisation`, `modification`, ...).
    pub group: String,
    /// Asked only when this other boolean input is true (e.g. modification details).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if_true: Option<String>,
}

/// An obligation's article and title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ObligationSpec {
    /// Obligation id, e.g. `art53_1c`.
    pub id: String,
    /// Article reference.
    pub article: String,
    /// Plain-language title.
    pub title: String,
}

/// A reason, note or option text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReasonSpec {
    /// Stable id.
    pub id: String,
    /// Paraphrased text.
    pub text: String,
    /// Legal source.
    pub source: String,
    /// True when it is the tool's reading rather than the text of the law.
    #[serde(default)]
    pub interpretation: bool,
}

const SCOPE_JSON: &str = include_str!("../packs/ai-act-scope.json");

/// The embedded scope texts, parsed once.
pub fn scope_text() -> &'static ScopeText {
    static TEXT: OnceLock<ScopeText> = OnceLock::new();
    // The file is embedded and checked by a unit test; failing here is a build defect.
    TEXT.get_or_init(|| {
        crate::json::from_str(SCOPE_JSON).map_err(|(e, _)| e).expect("embedded ai-act-scope.json is valid")
    })
}

impl ScopeText {
    /// The reason with this id as a report value. Ids come from the decision code; a test
    /// walks every branch and keeps them in the data.
    pub(crate) fn reason(&'static self, id: &str) -> Reason {
        match self.reason_spec(id) {
            Some(r) => Reason { id: Cow::Borrowed(&r.id) },
            None => Reason { id: Cow::Owned(id.to_string()) },
        }
    }

    /// The text, source and mark of the reason with this id.
    pub fn reason_spec(&self, id: &str) -> Option<&ReasonSpec> {
        self.reasons.iter().find(|r| r.id == id)
    }

    /// The title and article of the obligation with this id, if the data holds it.
    pub fn obligation_spec(&self, id: &str) -> Option<&ObligationSpec> {
        self.obligations.iter().find(|o| o.id == id)
    }
}
