//! The report's list of questions still to answer, ordered by what blocks compliance most.
//!
//! The order, a total and deterministic one:
//! 1. the number of measures whose status waits on the question (it is in their `missing`),
//!    most first: one answer that can move three measures matters more than one that moves one;
//! 2. then the number of the pack's items whose condition refers to the question (questions by
//!    `showIf`; chapters, measures, requirements and form fields by `appliesIf`), most first: such
//!    a question decides what else is asked or applies, so answering it early saves work;
//! 3. then pack order: the first measure that needs the question, then that measure's list.
//!
//! Cross-checks are left out of step 2: they compare answers, they decide nothing else.

use std::collections::BTreeMap;

use crate::pack::model::{Condition, Pack};
use crate::report::{MeasureResult, MissingQuestion};

use super::context::referenced_questions;

/// Every question some measure still needs, once, in the order of the module documentation.
pub(crate) fn still_to_answer<'a>(
    pack: &Pack,
    measures: impl Iterator<Item = &'a MeasureResult>,
) -> Vec<MissingQuestion> {
    let mut list: Vec<MissingQuestion> = Vec::new();
    let mut position: BTreeMap<&str, usize> = BTreeMap::new();
    for m in measures {
        for q in &m.missing {
            if let Some(&i) = position.get(q.as_str()) {
                let entry: &mut MissingQuestion = &mut list[i];
                if !entry.measure_ids.contains(&m.id) {
                    entry.measure_ids.push(m.id.clone());
                }
            } else {
                position.insert(q, list.len());
                list.push(MissingQuestion {
                    question_id: q.clone(),
                    measure_id: m.id.clone(),
                    measure_ids: vec![m.id.clone()],
                    gates: 0,
                });
            }
        }
    }
    let gates = gates(pack);
    for entry in &mut list {
        entry.gates = gates.get(entry.question_id.as_str()).copied().unwrap_or(0);
    }
    // A stable sort keeps pack order among equals.
    list.sort_by(|a, b| b.measure_ids.len().cmp(&a.measure_ids.len()).then(b.gates.cmp(&a.gates)));
    list
}

/// For each question, how many of the pack's items have a condition that refers to it (an item
/// that refers to it twice counts once).
fn gates(pack: &Pack) -> BTreeMap<&str, u32> {
    let mut count = BTreeMap::new();
    for ch in &pack.chapters {
        refer(&mut count, &[ch.applies_if.as_ref(), ch.also_applies_if.as_ref()]);
        for field in ch.form.iter().flat_map(|f| &f.fields) {
            refer(&mut count, &[field.applies_if.as_ref()]);
        }
        for m in ch.commitments.iter().flat_map(|c| &c.measures) {
            refer(&mut count, &[m.applies_if.as_ref()]);
            for r in &m.requirements {
                refer(&mut count, &[r.applies_if.as_ref()]);
            }
            for q in &m.questions {
                refer(&mut count, &[q.show_if.as_ref()]);
            }
        }
    }
    count
}

/// Counts one item with these conditions for every question they refer to.
fn refer<'p>(count: &mut BTreeMap<&'p str, u32>, conditions: &[Option<&'p Condition>]) {
    let mut refs: Vec<&str> = Vec::new();
    for c in conditions.iter().flatten() {
        referenced_questions(c, &mut refs);
    }
    refs.sort_unstable();
    refs.dedup();
    for q in refs {
        *count.entry(q).or_default() += 1;
    }
}
