// The words of a report. A report (format 2) holds ids, statuses, values and codes; the titles,
// requirement texts, sources and units it names come from the pack it was made with (`pack(id)`)
// and the scope decision's texts (`scopeTexts()`), indexed here once at start-up. As with the
// message catalogue (messages.js), a language is other data, not other code.

let index = emptyIndex();

function emptyIndex() {
  return {
    chapters: new Map(),
    measures: new Map(),
    requirements: new Map(),
    kpis: new Map(),
    notes: new Map(),
    simplifications: new Map(),
    forms: new Map(),
    crossChecks: new Map(),
    reasons: new Map(),
    obligations: new Map(),
  };
}

/** Indexes a pack (from `pack(id)`) and the scope texts (from `scopeTexts()`) by id. */
export function useTexts(pack, scopeTexts) {
  const next = emptyIndex();
  for (const chapter of pack?.chapters ?? []) {
    next.chapters.set(chapter.id, chapter);
    if (chapter.alsoAppliesReason) next.reasons.set(`${chapter.id}.also-applies`, { ...chapter.alsoAppliesReason, interpretation: false });
    for (const n of chapter.notes ?? []) next.notes.set(n.id, n);
    for (const s of chapter.simplifications ?? []) next.simplifications.set(s.id, s);
    if (chapter.form) next.forms.set(chapter.form.id, chapter.form);
    for (const x of chapter.crossChecks ?? []) next.crossChecks.set(x.id, x);
    for (const commitment of chapter.commitments ?? []) {
      for (const m of commitment.measures ?? []) {
        next.measures.set(m.id, m);
        for (const r of m.requirements ?? []) {
          next.requirements.set(r.id, { ...r, measure: m });
          for (const k of r.kpis ?? []) next.kpis.set(k.id, k);
        }
      }
    }
  }
  for (const r of scopeTexts?.reasons ?? []) next.reasons.set(r.id, r);
  for (const o of scopeTexts?.obligations ?? []) next.obligations.set(o.id, o);
  index = next;
}

/** A reason of the scope decision or a chapter: `{ text, source, interpretation }`. */
export function reasonText(id) {
  return index.reasons.get(id) ?? { text: id, source: "", interpretation: false };
}

/** An AI Act obligation: `{ article, title }`. */
export function obligationText(id) {
  return index.obligations.get(id) ?? { article: "", title: id };
}

/** A chapter of the pack: `{ title, summary, ... }`. */
export function chapterText(id) {
  return index.chapters.get(id) ?? { title: id };
}

/** A measure of the pack: `{ title, summary, sources, ... }`. */
export function measureText(id) {
  return index.measures.get(id) ?? { title: id, sources: [] };
}

/** A requirement: `{ text, note, ... }` and the line of sources it rests on (its Code id and
 * its measure's AI Act articles), as the Markdown report writes it. */
export function requirementText(id) {
  const r = index.requirements.get(id);
  if (!r) return { text: id, note: null, sourceLine: id };
  const articles = (r.measure.sources ?? []).filter((s) => s.kind !== "code").map((s) => s.ref);
  return { ...r, sourceLine: [r.id, ...articles].join("; ") };
}

/** A KPI: `{ metric, unit, anchor, ... }`. */
export function kpiText(id) {
  return index.kpis.get(id) ?? { metric: id, unit: "", anchor: "" };
}

/** A chapter note: `{ text }`. */
export function noteText(id) {
  return index.notes.get(id) ?? { text: id };
}

/** An SME/SMC simplification: `{ text, reference }`. */
export function simplificationText(id) {
  const s = index.simplifications.get(id);
  return s ? { ...s, reference: s.ref } : { text: id, reference: "" };
}

/** A cross-check: `{ title, message, sources }`. */
export function crossCheckText(id) {
  return index.crossChecks.get(id) ?? { title: id, message: "", sources: [] };
}

/** A documentation form: `{ title, ... }`. */
export function formText(id) {
  return index.forms.get(id) ?? { title: id, recipients: [] };
}

/** A form's recipient column: `{ label, delivery }`. */
export function recipientText(formId, recipient) {
  return formText(formId).recipients.find((r) => r.id === recipient) ?? { label: recipient, delivery: "" };
}
