//! A language for the renderers: the texts of the pack and the scope decision, and the engine's
//! messages, by the keys of `locales/` (`measure:SS-1.1:title`, `status.met`; see
//! locales/README.md). English is built in and authoritative; another language is data handed
//! in (the file `scripts/locales.mjs --bundle` writes, `www/locales/<lang>.json`), and a text it
//! lacks stays English. The renderers look each text up by its key as they write it
//! (`markdown::Words`, `documents`), so a language costs no copy of the pack.
//!
//! [`Pack::localised`] and [`ScopeText::localised`] make the whole copy for a Rust caller that
//! wants one; their walk mirrors `www/locale-keys.js` (the extraction and the page), and
//! `tests/locales.rs` holds the two to the same keys.

use serde_json::{Map, Value};

use crate::pack::model::{Chapter, Measure, Pack, Recipient};
use crate::scope::ScopeText;
use crate::{ErrorCode, InputError};

/// The status of the built-in English texts.
pub const AUTHORITATIVE: &str = "authoritative";

/// One language's texts, as the bundle file holds them: `{ language, status, texts, messages }`.
/// Other fields (the page's `interface`, the count of `missing` texts) are read past. Read as a
/// JSON value and checked by hand: a derived reader for it would add its own code to the wasm.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Locale {
    /// The language code, e.g. `de`.
    pub language: String,
    /// What the texts are, printed in every report: e.g. "translation, not legally reviewed".
    pub status: String,
    /// The pack's and the scope decision's texts, by key.
    texts: Map<String, Value>,
    /// The engine's messages, by key.
    messages: Map<String, Value>,
}

/// Largest locale accepted, in bytes of JSON: every text of the pack, several times over.
pub const MAX_LOCALE_BYTES: usize = 4 * 1024 * 1024;

impl Locale {
    /// An empty locale (every text English) of this language and status.
    pub fn new(language: &str, status: &str) -> Self {
        Locale { language: language.into(), status: status.into(), ..Locale::default() }
    }

    /// Sets the text for a key of the pack or the scope decision.
    pub fn set_text(&mut self, key: &str, text: &str) {
        self.texts.insert(key.into(), Value::String(text.into()));
    }

    /// Sets a message of the engine.
    pub fn set_message(&mut self, key: &str, text: &str) {
        self.messages.insert(key.into(), Value::String(text.into()));
    }

    /// Reads a locale from its JSON text. The error names the field (`locale.status`).
    pub fn from_json(text: &str) -> Result<Self, InputError> {
        if text.len() > MAX_LOCALE_BYTES {
            return Err(InputError::new(
                ErrorCode::TooLarge,
                "locale",
                format!("a locale of at most {MAX_LOCALE_BYTES} bytes"),
            ));
        }
        let value: Value = crate::error::parse_json(text, false).map_err(|e| e.within("locale"))?;
        Self::from_value(value)
    }

    /// Reads a locale from a JSON value; the error names the field that is wrong.
    pub fn from_value(value: Value) -> Result<Self, InputError> {
        let Value::Object(mut m) = value else {
            return Err(InputError::new(ErrorCode::InvalidType, "locale", "expected an object"));
        };
        let text = |m: &mut Map<String, Value>, field: &str, what: &str| match m.remove(field) {
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(InputError::new(ErrorCode::InvalidType, ["locale.", field].concat(), what)),
            None => Err(InputError::new(ErrorCode::MissingField, ["locale.", field].concat(), what)),
        };
        let language = text(&mut m, "language", "a language code such as \"de\" or \"fr\"")?;
        let status = text(&mut m, "status", "the locale's status, e.g. \"translation, not legally reviewed\"")?;
        let table = |m: &mut Map<String, Value>, field: &str| -> Result<Map<String, Value>, InputError> {
            let t = match m.remove(field) {
                None | Some(Value::Null) => return Ok(Map::new()),
                Some(Value::Object(t)) => t,
                Some(_) => {
                    return Err(InputError::new(
                        ErrorCode::InvalidType,
                        ["locale.", field].concat(),
                        "expected an object of texts by key",
                    ))
                }
            };
            match t.iter().find(|(_, v)| !v.is_string()) {
                Some((k, _)) => {
                    Err(InputError::new(ErrorCode::InvalidType, ["locale.", field, ".", k].concat(), "expected a text"))
                }
                None => Ok(t),
            }
        };
        let texts = table(&mut m, "texts")?;
        let messages = table(&mut m, "messages")?;
        Locale { language, status, texts, messages }.checked()
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
        self.texts.get(key).and_then(Value::as_str).filter(|t| !t.is_empty())
    }

    /// The engine's message catalogue in this language (English where it has no message).
    pub fn catalogue(&self) -> crate::messages::Catalogue<'_> {
        crate::messages::Catalogue::with(&self.messages)
    }
}

/// `kind:id:field`, the key of a text (locales/README.md).
fn key(parts: &[&str]) -> String {
    parts.concat()
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
        put(locale, &key(&["pack:", &id, ":title"]), &mut p.title);
        put(locale, &key(&["pack:", &id, ":publisher"]), &mut p.publisher);
        put(locale, &key(&["pack:", &id, ":disclaimer"]), &mut p.disclaimer);
        for l in &mut p.law {
            put(locale, &key(&["law:", &l.id, ":title"]), &mut l.title);
            put(locale, &key(&["law:", &l.id, ":note"]), &mut l.note);
        }
        for r in &mut p.changelog {
            put(locale, &key(&["release:", &r.version, ":summary"]), &mut r.summary);
            for c in &mut r.changes {
                put(locale, &key(&["change:", &c.id, ":reason"]), &mut c.reason);
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
    put(locale, &key(&["chapter:", &id, ":title"]), &mut ch.title);
    put(locale, &key(&["chapter:", &id, ":summary"]), &mut ch.summary);
    if let Some(r) = ch.also_applies_reason.as_mut() {
        put(locale, &key(&["chapter:", &id, ":also-applies"]), &mut r.text);
    }
    for n in &mut ch.notes {
        put(locale, &key(&["note:", &n.id, ":text"]), &mut n.text);
    }
    for s in &mut ch.simplifications {
        put(locale, &key(&["simplification:", &s.id, ":text"]), &mut s.text);
    }
    for x in &mut ch.cross_checks {
        put(locale, &key(&["cross-check:", &x.id, ":title"]), &mut x.title);
        put(locale, &key(&["cross-check:", &x.id, ":message"]), &mut x.message);
    }
    if let Some(d) = ch.document.as_mut() {
        // A published document's layout: its sections and items have no id; their place is their key.
        let k = ["document:", d.id.as_str()].concat();
        put(locale, &key(&[&k, ":title"]), &mut d.title);
        put(locale, &key(&[&k, ":recipient"]), &mut d.recipient);
        put(locale, &key(&[&k, ":delivery"]), &mut d.delivery);
        for (i, s) in d.sections.iter_mut().enumerate() {
            let i = i.to_string();
            put(locale, &key(&[&k, ":section:", &i, ":title"]), &mut s.title);
            for (j, item) in s.items.iter_mut().enumerate() {
                let j = j.to_string();
                put(locale, &key(&[&k, ":section:", &i, ":item:", &j, ":label"]), &mut item.label);
                for o in &mut item.values {
                    put(locale, &key(&[&k, ":section:", &i, ":item:", &j, ":value:", &o.id]), &mut o.label);
                }
            }
        }
    }
    for c in &mut ch.commitments {
        put(locale, &key(&["commitment:", &c.id, ":title"]), &mut c.title);
        put(locale, &key(&["commitment:", &c.id, ":summary"]), &mut c.summary);
        for m in &mut c.measures {
            localise_measure(m, locale);
        }
    }
    if let Some(f) = ch.form.as_mut() {
        let fid = f.id.clone();
        put(locale, &key(&["form:", &fid, ":title"]), &mut f.title);
        for r in &mut f.recipients {
            let rid = match r.id {
                Recipient::AiOffice => "AIO",
                Recipient::NationalAuthorities => "NCA",
                Recipient::DownstreamProviders => "DP",
            };
            put(locale, &key(&["form:", &fid, ":recipient:", rid, ":label"]), &mut r.label);
            put(locale, &key(&["form:", &fid, ":recipient:", rid, ":delivery"]), &mut r.delivery);
        }
        for r in &mut f.rules {
            put(locale, &key(&["form-rule:", &r.id, ":text"]), &mut r.text);
        }
        // A field names its section by title: it follows the section's translation.
        let english = f.sections.clone();
        for (i, s) in f.sections.iter_mut().enumerate() {
            put(locale, &key(&["form:", &fid, ":section:", &i.to_string()]), s);
        }
        for x in &mut f.fields {
            put(locale, &key(&["form-field:", &x.id, ":label"]), &mut x.label);
            put_opt(locale, &key(&["form-field:", &x.id, ":note"]), &mut x.note);
            if let Some(i) = english.iter().position(|s| *s == x.section) {
                x.section = f.sections[i].clone();
            }
        }
    }
}

fn localise_measure(m: &mut Measure, locale: &Locale) {
    put(locale, &key(&["measure:", &m.id, ":title"]), &mut m.title);
    put(locale, &key(&["measure:", &m.id, ":summary"]), &mut m.summary);
    for r in &mut m.requirements {
        put(locale, &key(&["requirement:", &r.id, ":text"]), &mut r.text);
        put_opt(locale, &key(&["requirement:", &r.id, ":note"]), &mut r.note);
        for k in &mut r.kpis {
            put(locale, &key(&["kpi:", &k.id, ":metric"]), &mut k.metric);
            put(locale, &key(&["kpi:", &k.id, ":unit"]), &mut k.unit);
            put(locale, &key(&["kpi:", &k.id, ":anchor"]), &mut k.anchor);
        }
    }
    for q in &mut m.questions {
        put(locale, &key(&["question:", &q.id, ":text"]), &mut q.text);
        put_opt(locale, &key(&["question:", &q.id, ":help"]), &mut q.help);
        put_opt(locale, &key(&["question:", &q.id, ":unit"]), &mut q.unit);
        for o in &mut q.options {
            put(locale, &key(&["question:", &q.id, ":option:", &o.id]), &mut o.label);
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
            put(locale, &key(&["input:", &i.id, ":label"]), &mut i.label);
            put_opt(locale, &key(&["input:", &i.id, ":help"]), &mut i.help);
            put_opt(locale, &key(&["input:", &i.id, ":unit"]), &mut i.unit);
        }
        for o in &mut s.obligations {
            put(locale, &key(&["obligation:", &o.id, ":title"]), &mut o.title);
        }
        for r in &mut s.reasons {
            put(locale, &key(&["reason:", &r.id, ":text"]), &mut r.text);
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
        assert_eq!(e.path, "locale.texts.a");
        let e = Locale::from_json(r#"{"language":"de"}"#).unwrap_err();
        assert_eq!(e.path, "locale.status");
        let ok = Locale::from_json(r#"{"language":"de","status":"x","interface":{},"missing":3}"#).unwrap();
        assert_eq!(ok.language, "de");
    }

    #[test]
    fn a_localised_pack_keeps_its_ids_and_takes_the_texts_it_is_given() {
        let pack = crate::pack::get("gpai-cop-final", "packId").unwrap();
        let m = &pack.chapters[0].commitments[0].measures[0];
        let mut locale = Locale::new("de", "translation");
        locale.set_text(&key(&["measure:", &m.id, ":title"]), "Dokumentation");
        let de = pack.localised(&locale);
        let dm = &de.chapters[0].commitments[0].measures[0];
        assert_eq!(dm.title, "Dokumentation");
        assert_eq!(dm.id, m.id);
        assert_eq!(dm.summary, m.summary, "a text the locale lacks stays English");
        assert_eq!(de.digest, pack.digest);
    }
}
