// Where each translatable text of a pack and of the scope texts sits, by a stable key: the kind,
// the item's id and the field, joined by ":" (`measure:SS-1.1:title`,
// `question:c_crawls_web:option:yes`). One walk serves both directions: scripts/locales.mjs reads
// the English texts out of the sources with it (locales/en/), and the page puts a language's texts
// into its copy of the pack with it (localisedPack). The Rust renderers look texts up by the same
// keys (src/locale.rs); tests/locales.rs holds them to these files.

/**
 * Calls `visit(key, holder, field)` for every text of a pack's chapter file (or a whole pack's
 * chapter), in order; `holder[field]` is the text. Commitments, the form and the chapter's own
 * texts are reported to `part(name)` first, so that the extraction can file them separately.
 */
/**
 * @param {any} ch
 * @param {(key: string, holder: any, field: string | number) => void} visit
 * @param {(name: string) => void} [part]
 */
export function walkChapter(ch, visit, part = () => {}) {
  part(`chapter.${ch.id}`);
  visit(`chapter:${ch.id}:title`, ch, "title");
  visit(`chapter:${ch.id}:summary`, ch, "summary");
  if (ch.alsoAppliesReason) visit(`chapter:${ch.id}:also-applies`, ch.alsoAppliesReason, "text");
  for (const n of ch.notes ?? []) visit(`note:${n.id}:text`, n, "text");
  for (const s of ch.simplifications ?? []) visit(`simplification:${s.id}:text`, s, "text");
  for (const x of ch.crossChecks ?? []) {
    visit(`cross-check:${x.id}:title`, x, "title");
    visit(`cross-check:${x.id}:message`, x, "message");
  }
  if (ch.document) {
    // A published document's layout: its sections and items have no id, their place is their key.
    const d = ch.document;
    const k = `document:${d.id}`;
    visit(`${k}:title`, d, "title");
    visit(`${k}:recipient`, d, "recipient");
    visit(`${k}:delivery`, d, "delivery");
    (d.sections ?? []).forEach((s, i) => {
      visit(`${k}:section:${i}:title`, s, "title");
      (s.items ?? []).forEach((item, j) => {
        visit(`${k}:section:${i}:item:${j}:label`, item, "label");
        for (const o of item.values ?? []) visit(`${k}:section:${i}:item:${j}:value:${o.id}`, o, "label");
      });
    });
  }
  for (const c of ch.commitments ?? []) {
    part(`commitment.${c.id}`);
    visit(`commitment:${c.id}:title`, c, "title");
    visit(`commitment:${c.id}:summary`, c, "summary");
    for (const m of c.measures ?? []) walkMeasure(m, visit);
  }
  if (ch.form) {
    const f = ch.form;
    part(`form.${f.id}`);
    visit(`form:${f.id}:title`, f, "title");
    for (const r of f.recipients ?? []) {
      visit(`form:${f.id}:recipient:${r.id}:label`, r, "label");
      visit(`form:${f.id}:recipient:${r.id}:delivery`, r, "delivery");
    }
    for (const r of f.rules ?? []) visit(`form-rule:${r.id}:text`, r, "text");
    // Sections have no id: their position is their key. A field names its section by its
    // English title, which stays as it is (it is a reference, not a text shown).
    (f.sections ?? []).forEach((_, i) => visit(`form:${f.id}:section:${i}`, f.sections, i));
    for (const x of f.fields ?? []) {
      visit(`form-field:${x.id}:label`, x, "label");
      visit(`form-field:${x.id}:note`, x, "note");
    }
  }
}

/** A measure's texts: title, summary, requirements (text, note, KPIs) and questions (text,
 * help, unit, option labels). */
function walkMeasure(m, visit) {
  visit(`measure:${m.id}:title`, m, "title");
  visit(`measure:${m.id}:summary`, m, "summary");
  for (const r of m.requirements ?? []) {
    visit(`requirement:${r.id}:text`, r, "text");
    visit(`requirement:${r.id}:note`, r, "note");
    for (const k of r.kpis ?? []) {
      visit(`kpi:${k.id}:metric`, k, "metric");
      visit(`kpi:${k.id}:unit`, k, "unit");
      visit(`kpi:${k.id}:anchor`, k, "anchor");
    }
  }
  for (const q of m.questions ?? []) {
    visit(`question:${q.id}:text`, q, "text");
    visit(`question:${q.id}:help`, q, "help");
    visit(`question:${q.id}:unit`, q, "unit");
    for (const o of q.options ?? []) visit(`question:${q.id}:option:${o.id}`, o, "label");
  }
}

/** The pack's own texts (title, publisher, disclaimer, the law it encodes), then its changelog. */
/**
 * @param {any} p
 * @param {(key: string, holder: any, field: string | number) => void} visit
 * @param {(name: string) => void} [part]
 */
export function walkPackHead(p, visit, part = () => {}) {
  part(`pack.${p.id}`);
  visit(`pack:${p.id}:title`, p, "title");
  visit(`pack:${p.id}:publisher`, p, "publisher");
  visit(`pack:${p.id}:disclaimer`, p, "disclaimer");
  for (const l of p.law ?? []) {
    visit(`law:${l.id}:title`, l, "title");
    visit(`law:${l.id}:note`, l, "note");
  }
  part(`changelog.${p.id}`);
  for (const r of p.changelog ?? []) {
    visit(`release:${r.version}:summary`, r, "summary");
    for (const c of r.changes ?? []) visit(`change:${c.id}:reason`, c, "reason");
  }
}

/** The scope decision's texts: what they rest on, the profile questions, the obligations' titles
 * and every reason, note and option. Legal citations (`source`, `article`) stay as they are. */
export function walkScope(s, visit) {
  visit("scope:as-of", s, "asOf");
  for (const i of s.inputs ?? []) {
    visit(`input:${i.id}:label`, i, "label");
    visit(`input:${i.id}:help`, i, "help");
    visit(`input:${i.id}:unit`, i, "unit");
  }
  for (const o of s.obligations ?? []) visit(`obligation:${o.id}:title`, o, "title");
  for (const r of s.reasons ?? []) visit(`reason:${r.id}:text`, r, "text");
}

/** A copy of an assembled pack (from `pack(id)`) with each text that `texts` holds replaced. */
export function localisedPack(pack, texts) {
  const copy = structuredClone(pack);
  const put = (key, holder, field) => {
    if (typeof holder[field] === "string" && holder[field] !== "" && Object.hasOwn(texts, key)) holder[field] = texts[key];
  };
  walkPackHead(copy, put);
  for (const ch of copy.chapters ?? []) {
    const english = [...(ch.form?.sections ?? [])];
    walkChapter(ch, put);
    // A field names its section by title: it follows the section's translation.
    for (const f of ch.form?.fields ?? []) {
      const i = english.indexOf(f.section);
      if (i >= 0) f.section = ch.form.sections[i];
    }
  }
  return copy;
}

/** A copy of the scope texts (from `scopeTexts()`) with each text that `texts` holds replaced. */
export function localisedScopeTexts(scopeTexts, texts) {
  const copy = structuredClone(scopeTexts);
  walkScope(copy, (key, holder, field) => {
    if (typeof holder[field] === "string" && holder[field] !== "" && Object.hasOwn(texts, key)) holder[field] = texts[key];
  });
  return copy;
}
