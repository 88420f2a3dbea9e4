//! Rule packs: the built-in packs embedded at build time, loading, and validation.
//!
//! A pack is only data; `validate` makes sure it is data the engine can trust: the format
//! version it reads, unique ids, and every reference (questions, KPIs, obligations, profile
//! inputs, confidence codes) resolving.

mod lookup;
pub mod model;
mod validate;

pub use lookup::Lookup;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, InputError};
use model::{Pack, QuestionType};

/// A hash map keyed by the pack's ids. Hashed with foldhash rather than std's SipHash: SipHash
/// guards against keys chosen to collide, but every key stored here is an id of the pack (an
/// answer to an unknown id is looked up, never stored), and SipHash was a tenth of the
/// evaluation's time. Fixed seed: the same table on every run (its order never reaches a report).
pub type IdMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// Questions by id, for lookups in time that does not grow with the pack. Hashed: evaluation
/// looks questions and answers up by id for every condition and check, and an ordered map's
/// lookups grow with the pack (string comparisons down a deeper tree); hashed, `evaluate()` in
/// Chromium was about 8% faster (see README, Figures).
///
/// A view of the pack's [`QuestionPositions`], which are built once per pack, on first use: built
/// again for every evaluation, the table cost about 3% of an evaluation of the real pack, and a
/// tenth of one of a pack a hundred times its size, whose table outgrows the processor's cache.
#[derive(Debug, Clone, Copy)]
pub struct QuestionIndex<'a> {
    pack: &'a Pack,
    positions: &'a IdMap<Box<str>, [u32; 4]>,
}

impl<'a> QuestionIndex<'a> {
    /// The question with this id, if the pack has one.
    pub fn get(&self, id: &str) -> Option<&'a model::Question> {
        // A pack changed after its positions were taken (its fields are public: a question
        // added, moved, renamed or removed) is still read right, by a scan. Only an id the
        // table does not hold where it says costs one, as an answer to an unknown question does.
        self.stored(id).or_else(|| self.pack.question(id))
    }

    /// The question at the position the table holds for this id, if it still has that id.
    fn stored(&self, id: &str) -> Option<&'a model::Question> {
        let &[ch, c, m, q] = self.positions.get(id)?;
        self.pack
            .chapters
            .get(ch as usize)
            .and_then(|x| x.commitments.get(c as usize))
            .and_then(|x| x.measures.get(m as usize))
            .and_then(|x| x.questions.get(q as usize))
            .filter(|x| x.id == id)
    }
}

/// Where each question of a pack sits (chapter, commitment, measure, question), by id: derived
/// from the pack's content, so it is neither compared, serialised nor read.
#[derive(Debug, Clone, Default)]
pub struct QuestionPositions(OnceLock<IdMap<Box<str>, [u32; 4]>>);

impl PartialEq for QuestionPositions {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

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

pub(crate) fn parsed() -> &'static [Pack] {
    static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();
    PACKS.get_or_init(|| {
        BUILTIN
            .iter()
            // Embedded packs are validated by a unit test; failing here is a build defect.
            .map(|b| crate::json::from_str(b.json).map_err(|(e, _)| e).expect("embedded pack is valid"))
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
    parsed().iter().find(|p| p.id == id).ok_or_else(|| unknown(id, field))
}

/// The embedded text of the built-in pack with this id, without parsing any pack.
///
/// # Errors
/// As [`get`].
pub fn text(id: &str, field: &str) -> Result<&'static str, InputError> {
    BUILTIN.iter().find(|b| b.id == id).map(|b| b.json).ok_or_else(|| unknown(id, field))
}

fn unknown(id: &str, field: &str) -> InputError {
    let known: Vec<&str> = BUILTIN.iter().map(|b| b.id).collect();
    InputError::new(
        ErrorCode::UnknownPack,
        field,
        format!("no built-in pack has the id {id:?}; known packs: {}", known.join(", ")),
    )
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

    /// Every measure of the pack with its chapter, in pack order.
    pub fn measures(&self) -> impl Iterator<Item = (&model::Chapter, &model::Commitment, &model::Measure)> {
        self.chapters
            .iter()
            .flat_map(|ch| ch.commitments.iter().flat_map(move |c| c.measures.iter().map(move |m| (ch, c, m))))
    }

    /// Every question by id, for lookups in time that does not grow with the pack (the table is
    /// made on the first call and kept with the pack).
    pub fn question_index(&self) -> QuestionIndex<'_> {
        let positions = self.question_positions.0.get_or_init(|| {
            let mut map = IdMap::default();
            for (ch, chapter) in (0u32..).zip(&self.chapters) {
                for (c, commitment) in (0u32..).zip(&chapter.commitments) {
                    for (m, measure) in (0u32..).zip(&commitment.measures) {
                        for (q, question) in (0u32..).zip(&measure.questions) {
                            // The first of a repeated id wins, as a scan finds it (validation
                            // refuses repeats).
                            map.entry(question.id.as_str().into()).or_insert([ch, c, m, q]);
                        }
                    }
                }
            }
            map
        });
        QuestionIndex { pack: self, positions }
    }

    /// The question with this id (a linear scan; use [`Pack::question_index`] for many lookups).
    pub fn question(&self, id: &str) -> Option<&model::Question> {
        self.measures().flat_map(|(_, _, m)| &m.questions).find(|q| q.id == id)
    }

    /// The confidence code's unconfirmed flag (unknown codes count as unconfirmed).
    pub fn is_unconfirmed(&self, code: &str) -> bool {
        self.confidence_levels.iter().find(|c| c.code == code).map_or(true, |c| c.unconfirmed)
    }
}

/// The values an answer to `q` can take, for choice-like questions (none for the others).
/// An iterator, not a list: every choice answer is checked against it on every evaluation.
pub(crate) fn option_ids(q: &model::Question) -> impl Iterator<Item = &str> + Clone {
    let fixed: &'static [&'static str] = match q.kind {
        QuestionType::YesPartlyNo => &["yes", "partly", "no"],
        QuestionType::YesNo => &["yes", "no"],
        _ => &[],
    };
    let listed = match q.kind {
        QuestionType::SingleChoice | QuestionType::MultiChoice => &q.options[..],
        _ => &[],
    };
    fixed.iter().copied().chain(listed.iter().map(|o| o.id.as_str()))
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
    fn the_pack_reads_the_same_as_with_serde_json() {
        // The real pack exercises every way crate::json hands values to serde-derived types
        // (structs, options, defaults, enums with and without data, maps, nested lists).
        for (b, pack) in builtin().iter().zip(parsed()) {
            let expected: Pack = serde_json::from_str(b.json).unwrap_or_else(|e| panic!("{}: {e}", b.id));
            assert!(&expected == pack, "{}", b.id);
        }
    }

    #[test]
    fn the_question_index_finds_every_question_where_it_is() {
        let pack = get("gpai-cop-final", "pack").unwrap();
        let index = pack.question_index();
        let mut n = 0;
        for (_, _, m) in pack.measures() {
            for q in &m.questions {
                // Found by its position, not by the scan that stands in for a stale table.
                assert!(index.stored(&q.id).is_some_and(|found| std::ptr::eq(found, q)), "{}", q.id);
                assert!(index.get(&q.id).is_some_and(|found| std::ptr::eq(found, q)), "{}", q.id);
                n += 1;
            }
        }
        assert!(n > 200, "{n} questions");
        assert!(index.get("no_such_question").is_none());
        assert!(index.get("").is_none());
    }

    #[test]
    fn a_pack_changed_after_its_index_was_made_is_still_read_right() {
        let mut pack = get("gpai-cop-final", "pack").unwrap().clone();
        let first = pack.chapters[0].commitments[0].measures[0].questions[0].id.clone();
        assert!(pack.question_index().get(&first).is_some());
        // Its fields are public: a question moved away, and another in its place.
        let moved = pack.chapters[0].commitments[0].measures[0].questions.remove(0);
        pack.chapters[0].commitments[0].measures[1].questions.push(moved);
        let index = pack.question_index();
        let found = index.get(&first).expect("still found, where it is now");
        assert!(std::ptr::eq(found, pack.chapters[0].commitments[0].measures[1].questions.last().unwrap()));
        let second = &pack.chapters[0].commitments[0].measures[0].questions[0];
        assert!(std::ptr::eq(index.get(&second.id).unwrap(), second));

        // A question added, and one renamed, after the table was made.
        let mut added = pack.chapters[0].commitments[0].measures[0].questions[0].clone();
        added.id = "a_question_added_later".into();
        pack.chapters[1].commitments[0].measures[0].questions.push(added);
        let renamed = pack.chapters[0].commitments[0].measures[0].questions[0].id.clone();
        pack.chapters[0].commitments[0].measures[0].questions[0].id = "a_question_renamed".into();
        let index = pack.question_index();
        let found = index.get("a_question_added_later").expect("an added question is found");
        assert!(std::ptr::eq(found, pack.chapters[1].commitments[0].measures[0].questions.last().unwrap()));
        assert!(index.get("a_question_renamed").is_some(), "found by its new id");
        assert!(index.get(&renamed).is_none(), "and no longer by its old one");
        // A clone carries the table, and is read as right as the pack it came from.
        let copy = pack.clone();
        assert!(copy.question_index().get("a_question_added_later").is_some());
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
