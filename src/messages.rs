//! The engine's words, as data: `src/messages/en.json` maps a message key to a template with
//! `{name}` parameters. A report carries codes with parameters ([`Explanation`], [`Problem`]);
//! renderers join the words at render time, the Rust ones ([`crate::markdown`], OSCAL) through
//! this module, the page and the element through the same file (`messages()` in the wasm).
//! A new language is a new file with the same keys, not new code.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::report::{Explanation, ExplanationGroup, Problem};

/// The English catalogue of a report's codes (statuses, explanations, problems), as shipped.
pub const EN: &str = include_str!("messages/en.json");

/// The renderers' own English words (the Markdown report, the documents): only in a build with
/// the export entry points, so that the page's first-visit engine does not carry them.
#[cfg(feature = "exports")]
pub const REPORT_EN: &str = include_str!("messages/report.en.json");

fn parse(text: &str) -> serde_json::Map<String, serde_json::Value> {
    // The files are the crate's own, checked by the tests: they parse.
    let mut file: serde_json::Value = crate::json::from_str(text).unwrap_or_default();
    match file.get_mut("messages").map(serde_json::Value::take) {
        Some(serde_json::Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    }
}

fn catalogue() -> &'static serde_json::Map<String, serde_json::Value> {
    static PARSED: OnceLock<serde_json::Map<String, serde_json::Value>> = OnceLock::new();
    PARSED.get_or_init(|| {
        #[allow(unused_mut)]
        let mut all = parse(EN);
        #[cfg(feature = "exports")]
        all.extend(parse(REPORT_EN));
        all
    })
}

/// The words of one language: its messages, over the English ones (a message the language lacks
/// is said in English). `Catalogue::ENGLISH` is the built-in English.
#[derive(Debug, Clone, Copy)]
pub struct Catalogue<'a> {
    overlay: Option<&'a serde_json::Map<String, serde_json::Value>>,
}

impl Default for Catalogue<'_> {
    fn default() -> Self {
        Catalogue::ENGLISH
    }
}

impl<'a> Catalogue<'a> {
    /// The built-in English messages.
    pub const ENGLISH: Catalogue<'static> = Catalogue { overlay: None };

    /// A language's messages (`Locale::messages`), English where it has none.
    pub fn with(messages: &'a serde_json::Map<String, serde_json::Value>) -> Self {
        Catalogue { overlay: Some(messages) }
    }

    /// The template for `key`; empty where neither the language nor English has one (a test
    /// keeps every key the engine uses in the English file).
    pub fn template(&self, key: &str) -> &'a str {
        if let Some(t) =
            self.overlay.and_then(|m| m.get(key)).and_then(serde_json::Value::as_str).filter(|t| !t.is_empty())
        {
            return t;
        }
        catalogue().get(key).and_then(serde_json::Value::as_str).unwrap_or("")
    }

    /// The template for `key` with each `{name}` replaced by its value, in one pass as
    /// `www/messages.js` does it (a value is never read as a template itself); a `{name}` without
    /// a value stays as it is.
    pub fn format(&self, key: &str, params: &[(&str, &str)]) -> String {
        fill(self.template(key), params)
    }

    /// The form of `key` for a count: `<key>.one` for 1, `<key>.other` for every other count
    /// (English, German and French need no more).
    pub fn count(&self, key: &str, count: usize, params: &[(&str, &str)]) -> String {
        let n = count.to_string();
        let mut all: Vec<(&str, &str)> = vec![("count", &n)];
        all.extend_from_slice(params);
        self.format(&[key, if count == 1 { ".one" } else { ".other" }].concat(), &all)
    }

    /// A measure's explanation in words.
    pub fn explanation(&self, e: &Explanation<'_>) -> String {
        match e {
            Explanation::DoesNotApply => self.template("explanation.does-not-apply").to_string(),
            Explanation::Undecided => self.template("explanation.undecided").to_string(),
            Explanation::NothingToCheck => self.template("explanation.nothing-to-check").to_string(),
            Explanation::Requirements { status, count, groups } => {
                // English has two forms: one, and every other count.
                let key = if *count == 1 { "explanation.requirements.one" } else { "explanation.requirements.other" };
                let status = self.template(&["status.", status.as_str()].concat());
                self.format(
                    key,
                    &[("status", status), ("count", &count.to_string()), ("groups", &self.groups_text(groups))],
                )
            }
        }
    }

    /// The counted requirements by status: "2 met (A, B); 1 not met (C)".
    pub fn groups_text(&self, groups: &[ExplanationGroup<'_>]) -> String {
        let mut listed = String::new();
        for (i, g) in groups.iter().enumerate() {
            if i > 0 {
                listed.push_str("; ");
            }
            let ids: Vec<&str> = g.ids.iter().map(|x| x.as_ref()).collect();
            let word = self.template(&["status-in-list.", g.status.as_str()].concat());
            let _ = write!(
                listed,
                "{}",
                self.format(
                    "explanation.group",
                    &[("count", &g.ids.len().to_string()), ("status", word), ("ids", &ids.join(", "))]
                )
            );
        }
        listed
    }

    /// What is wrong with an answer, in words.
    pub fn problem(&self, p: &Problem) -> String {
        let number = |n: f64| if n.fract() == 0.0 && n.abs() < 1e15 { (n as i64).to_string() } else { n.to_string() };
        let key = ["problem.", p.code()].concat();
        match p {
            Problem::OneOf { options } | Problem::OptionList { options } => {
                self.format(&key, &[("options", &options.join(", "))])
            }
            Problem::NumberBetween { min, max } => self.format(&key, &[("min", &number(*min)), ("max", &number(*max))]),
            Problem::NumberAtLeast { min } => self.format(&key, &[("min", &number(*min))]),
            Problem::NumberAtMost { max } => self.format(&key, &[("max", &number(*max))]),
            Problem::TooLong { max } => self.format(&key, &[("max", &max.to_string())]),
            Problem::TooShort { min } => self.format(&key, &[("min", &min.to_string())]),
            _ => self.template(&key).to_string(),
        }
    }
}

/// The English template for `key`; empty where the catalogue has none.
pub fn template(key: &str) -> &'static str {
    Catalogue::ENGLISH.template(key)
}

/// The English template for `key` with its parameters (see [`Catalogue::format`]).
pub fn format(key: &str, params: &[(&str, &str)]) -> String {
    Catalogue::ENGLISH.format(key, params)
}

/// `template` with each `{name}` replaced by its value, in one pass.
fn fill(template: &str, params: &[(&str, &str)]) -> String {
    let mut rest = template;
    let mut out = String::with_capacity(rest.len());
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            params.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A measure's explanation in English words.
pub fn explanation(e: &Explanation<'_>) -> String {
    Catalogue::ENGLISH.explanation(e)
}

/// The counted requirements by status, in English.
pub fn groups_text(groups: &[ExplanationGroup<'_>]) -> String {
    Catalogue::ENGLISH.groups_text(groups)
}

/// What is wrong with an answer, in English words.
pub fn problem(p: &Problem) -> String {
    Catalogue::ENGLISH.problem(p)
}
