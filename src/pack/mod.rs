//! Rule packs: the built-in packs embedded at build time, loading, and validation.
//!
//! A pack is only data; `validate` makes sure it is data the engine can trust: the format
//! version it reads, unique ids, and every reference (questions, KPIs, obligations, profile
//! inputs, confidence codes) resolving.

pub mod model;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, InputError};
use crate::scope::{scope_text, OBLIGATION_IDS};
use model::{Check, Condition, Pack, QuestionType, FORMAT_VERSION};

/// A pack embedded at build time: its assembled JSON and the digest `build.rs` computed.
#[derive(Debug)]
pub struct BuiltinPack {
    /// Pack id.
    pub id: &'static str,
    /// Pack version.
    pub version: &'static str,
    /// `sha256:` digest of the canonical pack JSON.
    pub digest: &'static str,
    /// The assembled pack JSON.
    pub json: &'static str,
}

static BUILTIN: &[BuiltinPack] = include!(concat!(env!("OUT_DIR"), "/builtin_packs.rs"));

/// The built-in packs, in id order.
pub fn builtin() -> &'static [BuiltinPack] {
    BUILTIN
}

/// What `packs()` lists for each built-in pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackSummary {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// Human title.
    pub title: String,
    /// Publication date of the encoded text.
    pub publication_date: String,
    /// Digest fixed at build time.
    pub digest: String,
}

fn parsed() -> &'static [Pack] {
    static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();
    PACKS.get_or_init(|| {
        BUILTIN
            .iter()
            // Embedded packs are validated (with error paths) by a unit test, so the plain parser
            // suffices here and keeps the path-tracking code for the whole pack out of the wasm.
            .map(|b| serde_json::from_str(b.json).expect("embedded pack is valid"))
            .collect()
    })
}

/// Summaries of every built-in pack.
pub fn summaries() -> Vec<PackSummary> {
    parsed()
        .iter()
        .map(|p| PackSummary {
            id: p.id.clone(),
            version: p.version.clone(),
            title: p.title.clone(),
            publication_date: p.publication_date.clone(),
            digest: p.digest.clone(),
        })
        .collect()
}

/// The built-in pack with this id.
///
/// # Errors
/// `unknown_pack` when no built-in pack has that id; the path is `field`.
pub fn get(id: &str, field: &str) -> Result<&'static Pack, InputError> {
    parsed().iter().find(|p| p.id == id).ok_or_else(|| {
        let known: Vec<&str> = BUILTIN.iter().map(|b| b.id).collect();
        InputError::new(
            ErrorCode::UnknownPack,
            field,
            format!("no built-in pack has the id {id:?}; known packs: {}", known.join(", ")),
        )
    })
}

impl Pack {
    /// Parses and validates a pack from JSON text.
    ///
    /// # Errors
    /// `invalid_json`, `invalid_type`, `unknown_field`, ... with the path, or `invalid_pack`.
    pub fn from_json(text: &str) -> Result<Pack, InputError> {
        let pack: Pack = crate::error::parse_json(text, true)?;
        pack.validate()?;
        Ok(pack)
    }

    /// Checks the rules the format cannot express in types.
    ///
    /// # Errors
    /// `invalid_pack` naming the first offending item.
    pub fn validate(&self) -> Result<(), InputError> {
        let bad = |path: String, msg: String| Err(InputError::new(ErrorCode::InvalidPack, path, msg));
        if self.format_version != FORMAT_VERSION {
            return bad("formatVersion".into(), format!("this engine reads pack format {FORMAT_VERSION}"));
        }
        let codes: BTreeSet<&str> = self.confidence_levels.iter().map(|c| c.code.as_str()).collect();
        let mut ids = BTreeSet::new();
        let mut questions = std::collections::BTreeMap::new();
        for (ci, ch) in self.chapters.iter().enumerate() {
            for m in ch.commitments.iter().flat_map(|c| &c.measures) {
                for q in &m.questions {
                    if questions.insert(q.id.as_str(), q).is_some() {
                        return bad(format!("chapters[{ci}]"), format!("question id {:?} is used twice", q.id));
                    }
                }
            }
        }
        let inputs: BTreeSet<&str> = scope_text().inputs.iter().map(|i| i.id.as_str()).collect();
        let check_condition = |c: &Condition, at: &str| -> Result<(), InputError> {
            condition_refs(c, &questions, &inputs)
                .map_err(|msg| InputError::new(ErrorCode::InvalidPack, at.to_string(), msg))
        };
        for (ci, ch) in self.chapters.iter().enumerate() {
            let at = format!("chapters[{ci}]");
            if !ids.insert(ch.id.clone()) {
                return bad(at, format!("id {:?} is used twice", ch.id));
            }
            if let Some(o) = ch.obligations.iter().find(|o| !OBLIGATION_IDS.contains(&o.as_str())) {
                return bad(format!("{at}.obligations"), format!("unknown obligation {o:?}"));
            }
            if let Some(c) = &ch.applies_if {
                check_condition(c, &format!("{at}.appliesIf"))?;
            }
            for (ni, n) in ch.notes.iter().enumerate() {
                if !codes.contains(n.confidence.as_str()) {
                    return bad(format!("{at}.notes[{ni}]"), format!("unknown confidence {:?}", n.confidence));
                }
                if let Some(c) = &n.show_if {
                    check_condition(c, &format!("{at}.notes[{ni}].showIf"))?;
                }
            }
            for (ki, cm) in ch.commitments.iter().enumerate() {
                let at = format!("{at}.commitments[{ki}]");
                if !ids.insert(cm.id.clone()) {
                    return bad(at, format!("id {:?} is used twice", cm.id));
                }
                if !codes.contains(cm.confidence.as_str()) {
                    return bad(at, format!("unknown confidence {:?}", cm.confidence));
                }
                for (mi, m) in cm.measures.iter().enumerate() {
                    let at = format!("{at}.measures[{mi}]");
                    if !ids.insert(m.id.clone()) {
                        return bad(at, format!("id {:?} is used twice", m.id));
                    }
                    if !codes.contains(m.confidence.as_str()) {
                        return bad(at, format!("unknown confidence {:?}", m.confidence));
                    }
                    if m.sources.is_empty() {
                        return bad(format!("{at}.sources"), "a measure cites at least one source".into());
                    }
                    if let Some(c) = &m.applies_if {
                        check_condition(c, &format!("{at}.appliesIf"))?;
                    }
                    for (qi, q) in m.questions.iter().enumerate() {
                        let at = format!("{at}.questions[{qi}]");
                        let choice = matches!(q.kind, QuestionType::SingleChoice | QuestionType::MultiChoice);
                        if choice == q.options.is_empty() {
                            return bad(at, "choice questions need options; other types have none".into());
                        }
                        if let Some(c) = &q.show_if {
                            check_condition(c, &format!("{at}.showIf"))?;
                        }
                    }
                    for (ri, r) in m.requirements.iter().enumerate() {
                        let at = format!("{at}.requirements[{ri}]");
                        if !ids.insert(r.id.clone()) {
                            return bad(at, format!("id {:?} is used twice", r.id));
                        }
                        if !codes.contains(r.confidence.as_str()) {
                            return bad(at, format!("unknown confidence {:?}", r.confidence));
                        }
                        if let Some(c) = &r.applies_if {
                            check_condition(c, &format!("{at}.appliesIf"))?;
                        }
                        for (ki, k) in r.kpis.iter().enumerate() {
                            if !ids.insert(k.id.clone()) {
                                return bad(format!("{at}.kpis[{ki}]"), format!("id {:?} is used twice", k.id));
                            }
                            match questions.get(k.question.as_str()) {
                                Some(q) if q.kind == QuestionType::Number => {}
                                _ => {
                                    return bad(
                                        format!("{at}.kpis[{ki}].question"),
                                        format!("{:?} is not a number question of this pack", k.question),
                                    )
                                }
                            }
                            if k.target.is_some() != k.comparator.is_some() {
                                return bad(
                                    format!("{at}.kpis[{ki}]"),
                                    "a KPI has both a comparator and a target, or neither".into(),
                                );
                            }
                        }
                        if let Some(check) = &r.check {
                            check_refs(check, r, &questions)
                                .map_err(|msg| InputError::new(ErrorCode::InvalidPack, format!("{at}.check"), msg))?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Every measure of the pack with its chapter, in pack order.
    pub fn measures(&self) -> impl Iterator<Item = (&model::Chapter, &model::Commitment, &model::Measure)> {
        self.chapters
            .iter()
            .flat_map(|ch| ch.commitments.iter().flat_map(move |c| c.measures.iter().map(move |m| (ch, c, m))))
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&model::Question> {
        self.measures().flat_map(|(_, _, m)| &m.questions).find(|q| q.id == id)
    }

    /// The confidence code's unconfirmed flag (unknown codes count as unconfirmed).
    pub fn is_unconfirmed(&self, code: &str) -> bool {
        self.confidence_levels.iter().find(|c| c.code == code).map_or(true, |c| c.unconfirmed)
    }
}

type QuestionIndex<'a> = std::collections::BTreeMap<&'a str, &'a model::Question>;

/// The values an answer to `q` can take, for choice-like questions.
pub(crate) fn option_ids(q: &model::Question) -> Vec<&str> {
    match q.kind {
        QuestionType::YesPartlyNo => vec!["yes", "partly", "no"],
        QuestionType::YesNo => vec!["yes", "no"],
        QuestionType::SingleChoice | QuestionType::MultiChoice => q.options.iter().map(|o| o.id.as_str()).collect(),
        _ => Vec::new(),
    }
}

fn choice_values(question: &str, values: &[String], questions: &QuestionIndex<'_>) -> Result<(), String> {
    let q = questions.get(question).ok_or_else(|| format!("unknown question {question:?}"))?;
    let allowed = option_ids(q);
    if allowed.is_empty() {
        return Err(format!("question {question:?} is not a choice question"));
    }
    match values.iter().find(|v| !allowed.contains(&v.as_str())) {
        Some(v) => Err(format!("{v:?} is not an option of question {question:?}")),
        None => Ok(()),
    }
}

fn check_refs(check: &Check, r: &model::Requirement, questions: &QuestionIndex<'_>) -> Result<(), String> {
    match check {
        Check::Choice(c) => {
            choice_values(&c.question, &c.met, questions)?;
            choice_values(&c.question, &c.partial, questions)
        }
        Check::Provided(p) => {
            questions.get(p.question.as_str()).map(|_| ()).ok_or_else(|| format!("unknown question {:?}", p.question))
        }
        Check::Kpi(id) => match r.kpis.iter().find(|k| &k.id == id) {
            Some(k) if k.target.is_some() => Ok(()),
            Some(_) => Err(format!("KPI {id:?} has no target, so it cannot decide a requirement")),
            None => Err(format!("KPI {id:?} is not defined in this requirement")),
        },
        Check::All(list) if list.is_empty() => Err("an `all` check needs at least one check".into()),
        Check::All(list) => list.iter().try_for_each(|c| check_refs(c, r, questions)),
    }
}

fn condition_refs(c: &Condition, questions: &QuestionIndex<'_>, inputs: &BTreeSet<&str>) -> Result<(), String> {
    match c {
        Condition::All(list) | Condition::Any(list) => {
            list.iter().try_for_each(|c| condition_refs(c, questions, inputs))
        }
        Condition::Not(inner) => condition_refs(inner, questions, inputs),
        Condition::Scope(_) => Ok(()),
        Condition::Profile(t) if inputs.contains(t.input.as_str()) => Ok(()),
        Condition::Profile(t) => Err(format!("unknown profile input {:?}", t.input)),
        Condition::Answer(t) => choice_values(&t.question, &t.one_of, questions),
        Condition::Answered(q) => {
            questions.get(q.as_str()).map(|_| ()).ok_or_else(|| format!("unknown question {q:?}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_pack_parses_and_validates() {
        for b in builtin() {
            let pack = Pack::from_json(b.json).unwrap_or_else(|e| panic!("{}: {e}", b.id));
            assert_eq!(pack.id, b.id);
            assert_eq!(pack.digest, b.digest);
            assert!(pack.digest.starts_with("sha256:") && pack.digest.len() == 71);
        }
    }

    #[test]
    fn unknown_pack_is_an_error_naming_the_field() {
        let e = get("gpai-cop-draft", "pack").unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownPack);
        assert_eq!(e.path, "pack");
        assert!(e.message.contains("gpai-cop-final"));
    }

    fn pack_value() -> serde_json::Value {
        serde_json::from_str(builtin()[0].json).unwrap()
    }

    #[test]
    fn a_check_on_an_unknown_question_is_rejected() {
        let mut v = pack_value();
        let req = &mut v["chapters"][0]["commitments"][0]["measures"][0]["requirements"][0];
        req["check"] = serde_json::json!({"provided": {"question": "no_such_question"}});
        let e = Pack::from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidPack);
        assert!(e.path.ends_with("requirements[0].check"), "{}", e.path);
        assert!(e.message.contains("no_such_question"));
    }

    #[test]
    fn a_duplicate_requirement_id_is_rejected() {
        let mut v = pack_value();
        let reqs = &mut v["chapters"][0]["commitments"][0]["measures"][0]["requirements"];
        let first = reqs[0].clone();
        reqs.as_array_mut().unwrap().push(first);
        let e = Pack::from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidPack);
        assert!(e.message.contains("used twice"));
    }

    #[test]
    fn an_unknown_pack_field_is_rejected_with_its_path() {
        let mut v = pack_value();
        v["chapters"][0]["commitments"][0]["measures"][0]["titel"] = serde_json::json!("typo");
        let e = Pack::from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownField);
        assert_eq!(e.path, "chapters[0].commitments[0].measures[0].titel");
    }

    #[test]
    fn another_format_version_is_rejected() {
        let mut v = pack_value();
        v["formatVersion"] = serde_json::json!(2);
        let e = Pack::from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.path, "formatVersion");
    }
}
