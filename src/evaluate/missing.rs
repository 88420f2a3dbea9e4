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

use crate::pack::model::{Condition, Pack};
use crate::pack::IdMap;
use crate::report::{MeasureResult, MissingQuestion};

use super::context::referenced_questions;

/// Every question some measure still needs, once, in the order of the module documentation.
///
/// Lookups are hashed and the pack is walked once for the gate counts (only when something is
/// missing), so the time grows with the pack's size and not faster: a provider who has just
/// started has every question of the pack in this list.
pub(crate) fn still_to_answer<'a, 'p: 'a>(
    pack: &Pack,
    measures: impl Iterator<Item = &'a MeasureResult<'p>>,
) -> Vec<MissingQuestion<'p>> {
    let mut list: Vec<MissingQuestion<'p>> = Vec::new();
    let mut position: IdMap<&str, usize> = IdMap::default();
    for m in measures {
        for q in &m.missing {
            if let Some(&i) = position.get(&**q) {
                // A measure lists a question once (see `evaluate_measure`).
                list[i].measure_ids.push(m.id.clone());
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
    if list.is_empty() {
        return list;
    }
    let mut gates = vec![0u32; list.len()];
    count_gates(pack, &position, &mut gates);
    for (entry, g) in list.iter_mut().zip(gates) {
        entry.gates = g;
    }
    // A stable sort keeps pack order among equals.
    list.sort_by(|a, b| b.measure_ids.len().cmp(&a.measure_ids.len()).then(b.gates.cmp(&a.gates)));
    list
}

/// For each listed question (`position` gives its place in `gates`), how many of the pack's
/// items have a condition that refers to it (an item that refers to it twice counts once).
fn count_gates(pack: &Pack, position: &IdMap<&str, usize>, gates: &mut [u32]) {
    let mut refs: Vec<&str> = Vec::new();
    for ch in &pack.chapters {
        refer(&mut refs, &[ch.applies_if.as_ref(), ch.also_applies_if.as_ref()], position, gates);
        for field in ch.form.iter().flat_map(|f| &f.fields) {
            refer(&mut refs, &[field.applies_if.as_ref()], position, gates);
        }
        for m in ch.commitments.iter().flat_map(|c| &c.measures) {
            refer(&mut refs, &[m.applies_if.as_ref()], position, gates);
            for r in &m.requirements {
                refer(&mut refs, &[r.applies_if.as_ref()], position, gates);
            }
            for q in &m.questions {
                refer(&mut refs, &[q.show_if.as_ref()], position, gates);
            }
        }
    }
}

/// Counts one item with these conditions for every listed question they refer to.
fn refer<'p>(
    refs: &mut Vec<&'p str>,
    conditions: &[Option<&'p Condition>],
    position: &IdMap<&str, usize>,
    gates: &mut [u32],
) {
    refs.clear();
    for c in conditions.iter().flatten() {
        referenced_questions(c, refs);
    }
    refs.sort_unstable();
    refs.dedup();
    for q in refs.iter() {
        if let Some(&i) = position.get(q) {
            gates[i] += 1;
        }
    }
}
