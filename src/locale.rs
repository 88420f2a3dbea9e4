//! A language for the renderers: the texts of the pack and the scope decision, and the engine's
//! messages, by the keys of `locales/` (`measure:SS-1.1:title`, `status.met`; see
//! locales/README.md). English is built in and authoritative; another language is data handed
//! in (the file `scripts/locales.mjs --bundle` writes, `www/locales/<lang>.json`), and a text it
//! lacks stays English. Renderers take a [`Locale`] and work on a localised copy of the pack
//! ([`Pack::localised`]) and of the scope texts ([`ScopeText::localised`]), so that every text
//! they join is the language's, with nothing to look up twice.
//!
//! The walk below mirrors `www/locale-keys.js` (the extraction and the page); `tests/locales.rs`
//! holds the two to the same keys.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::pack::model::{Chapter, Measure, Pack};
use crate::scope::ScopeText;
use crate::{ErrorCode, InputError};

/// The status of the built-in English texts.
pub const AUTHORITATIVE: &str = "authoritative";

/// One language's texts, as the bundle file holds them. Unknown fields (the page's `interface`,
/// the count of `missing` texts) are read past.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Locale {
    /// The language code, e.g. `de`.
    pub language: String,
    /// What the texts are, printed in every report: e.g. "translation, not legally reviewed".
    pub status: String,
    /// The pack's and the scope decision's texts, by key.
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
    /// The engine's messages, by key.
    #[serde(default)]
    pub messages: BTreeMap<String, String>,
}

/// Largest locale accepted, in bytes of JSON: every text of the pack, several times over.
pub const MAX_LOCALE_BYTES: usize = 4 * 1024 * 1024;

impl Locale {
    /// Reads a locale from its JSON text. The error names the field (`locale.status`).
    pub fn from_json(text: &str) -> Result<Self, InputError> {
        if text.len() > MAX_LOCALE_BYTES {
            return Err(InputError::new(
                ErrorCode::TooLarge,
                "locale",
                format!("a locale of at most {MAX_LOCALE_BYTES} bytes"),
            ));
        }
        let locale: Locale = crate::error::parse_json(text, false).map_err(|e| e.within("locale"))?;
        locale.checked()
    }

    /// The locale if its language and status say what it is; an error naming the field if not.
    pub fn checked(self) -> Result<Self, InputError> {
        let code_like = |s: &str| (2..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        if !code_like(&self.language) {
            return Err(InputError::new(
                ErrorCode::InvalidValue,
                "locale.language",
                "a language code such as \"de\" or \"fr\"",
            ));
        }
        if self.status.trim().is_empty() {
            return Err(InputError::new(
                ErrorCode::InvalidValue,
                "locale.status",
                "the locale's status, e.g. \"translation, not legally reviewed\"",
            ));
        }
        Ok(self)
    }

    /// The text for `key`, if the locale has one.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str).filter(|t| !t.is_empty())
    }

    /// The engine's message catalogue in this language (English where it has no message).
    pub fn catalogue(&self) -> crate::messages::Catalogue<'_> {
        crate::messages::Catalogue::with(&self.messages)
    }
}

/// Puts the locale's text for `key` in place of `text`, where it has one.
fn put(locale: &Locale, key: &str, text: &mut String) {
    if text.is_empty() {
        return;
    }
    if let Some(t) = locale.text(key) {
        *text = t.to_string();
    }
}

fn put_opt(locale: &Locale, key: &str, text: &mut Option<String>) {
    if let Some(t) = text.as_mut() {
        put(locale, key, t);
    }
}

impl Pack {
    /// A copy of the pack with every text the locale has in its language. Ids, conditions,
    /// numbers, sources and the digest stay: it is the same pack, in other words.
    pub fn localised(&self, locale: &Locale) -> Pack {
        let mut p = self.clone();
        let id = p.id.clone();
        put(locale, &format!("pack:{id}:title"), &mut p.title);
        put(locale, &format!("pack:{id}:publisher"), &mut p.publisher);
        put(locale, &format!("pack:{id}:disclaimer"), &mut p.disclaimer);
        for l in &mut p.law {
            put(locale, &format!("law:{}:title", l.id), &mut l.title);
            put(locale, &format!("law:{}:note", l.id), &mut l.note);
        }
        for r in &mut p.changelog {
            put(locale, &format!("release:{}:summary", r.version), &mut r.summary);
            for c in &mut r.changes {
                put(locale, &format!("change:{}:reason", c.id), &mut c.reason);
            }
        }
        for ch in &mut p.chapters {
            localise_chapter(ch, locale);
        }
        p
    }
}

fn localise_chapter(ch: &mut Chapter, locale: &Locale) {
    let id = ch.id.clone();
    put(locale, &format!("chapter:{id}:title"), &mut ch.title);
    put(locale, &format!("chapter:{id}:summary"), &mut ch.summary);
    if let Some(r) = ch.also_applies_reason.as_mut() {
        put(locale, &format!("chapter:{id}:also-applies"), &mut r.text);
    }
    for n in &mut ch.notes {
        put(locale, &format!("note:{}:text", n.id), &mut n.text);
    }
    for s in &mut ch.simplifications {
        put(locale, &format!("simplification:{}:text", s.id), &mut s.text);
    }
    for x in &mut ch.cross_checks {
        put(locale, &format!("cross-check:{}:title", x.id), &mut x.title);
        put(locale, &format!("cross-check:{}:message", x.id), &mut x.message);
    }
    for c in &mut ch.commitments {
        put(locale, &format!("commitment:{}:title", c.id), &mut c.title);
        put(locale, &format!("commitment:{}:summary", c.id), &mut c.summary);
        for m in &mut c.measures {
            localise_measure(m, locale);
        }
    }
    if let Some(f) = ch.form.as_mut() {
        let fid = f.id.clone();
        put(locale, &format!("form:{fid}:title"), &mut f.title);
        for r in &mut f.recipients {
            let rid = serde_json::to_value(r.id).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            put(locale, &format!("form:{fid}:recipient:{rid}:label"), &mut r.label);
            put(locale, &format!("form:{fid}:recipient:{rid}:delivery"), &mut r.delivery);
        }
        for r in &mut f.rules {
            put(locale, &format!("form-rule:{}:text", r.id), &mut r.text);
        }
        // A field names its section by title: it follows the section's translation.
        let english = f.sections.clone();
        for (i, s) in f.sections.iter_mut().enumerate() {
            put(locale, &format!("form:{fid}:section:{i}"), s);
        }
        for x in &mut f.fields {
            put(locale, &format!("form-field:{}:label", x.id), &mut x.label);
            put_opt(locale, &format!("form-field:{}:note", x.id), &mut x.note);
            if let Some(i) = english.iter().position(|s| *s == x.section) {
                x.section = f.sections[i].clone();
            }
        }
    }
}

fn localise_measure(m: &mut Measure, locale: &Locale) {
    put(locale, &format!("measure:{}:title", m.id), &mut m.title);
    put(locale, &format!("measure:{}:summary", m.id), &mut m.summary);
    for r in &mut m.requirements {
        put(locale, &format!("requirement:{}:text", r.id), &mut r.text);
        put_opt(locale, &format!("requirement:{}:note", r.id), &mut r.note);
        for k in &mut r.kpis {
            put(locale, &format!("kpi:{}:metric", k.id), &mut k.metric);
            put(locale, &format!("kpi:{}:unit", k.id), &mut k.unit);
            put(locale, &format!("kpi:{}:anchor", k.id), &mut k.anchor);
        }
    }
    for q in &mut m.questions {
        put(locale, &format!("question:{}:text", q.id), &mut q.text);
        put_opt(locale, &format!("question:{}:help", q.id), &mut q.help);
        put_opt(locale, &format!("question:{}:unit", q.id), &mut q.unit);
        for o in &mut q.options {
            put(locale, &format!("question:{}:option:{}", q.id, o.id), &mut o.label);
        }
    }
}

impl ScopeText {
    /// A copy of the scope texts with every text the locale has in its language; articles and
    /// sources stay as they are.
    pub fn localised(&self, locale: &Locale) -> ScopeText {
        let mut s = self.clone();
        put(locale, "scope:as-of", &mut s.as_of);
        for i in &mut s.inputs {
            put(locale, &format!("input:{}:label", i.id), &mut i.label);
            put_opt(locale, &format!("input:{}:help", i.id), &mut i.help);
            put_opt(locale, &format!("input:{}:unit", i.id), &mut i.unit);
        }
        for o in &mut s.obligations {
            put(locale, &format!("obligation:{}:title", o.id), &mut o.title);
        }
        for r in &mut s.reasons {
            put(locale, &format!("reason:{}:text", r.id), &mut r.text);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_names_the_field_that_is_wrong() {
        let e = Locale::from_json(r#"{"language":"German","status":"x"}"#).unwrap_err();
        assert_eq!(e.path, "locale.language");
        let e = Locale::from_json(r#"{"language":"de","status":" "}"#).unwrap_err();
        assert_eq!(e.path, "locale.status");
        let e = Locale::from_json(r#"{"language":"de","status":"x","texts":{"a":1}}"#).unwrap_err();
        assert!(e.path.starts_with("locale.texts"), "{}", e.path);
        let ok = Locale::from_json(r#"{"language":"de","status":"x","interface":{},"missing":3}"#).unwrap();
        assert_eq!(ok.language, "de");
    }

    #[test]
    fn a_localised_pack_keeps_its_ids_and_takes_the_texts_it_is_given() {
        let pack = crate::pack::get("gpai-cop-final", "packId").unwrap();
        let m = &pack.chapters[0].commitments[0].measures[0];
        let mut locale = Locale { language: "de".into(), status: "translation".into(), ..Locale::default() };
        locale.texts.insert(format!("measure:{}:title", m.id), "Dokumentation".into());
        let de = pack.localised(&locale);
        let dm = &de.chapters[0].commitments[0].measures[0];
        assert_eq!(dm.title, "Dokumentation");
        assert_eq!(dm.id, m.id);
        assert_eq!(dm.summary, m.summary, "a text the locale lacks stays English");
        assert_eq!(de.digest, pack.digest);
    }
}
