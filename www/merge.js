// Two tabs open on the same assessment both save it at every change. Before a tab writes, it
// reads the record again; when another tab wrote it since (the text differs from the one this
// tab last saw), the three versions are merged here: the common ancestor (what this tab last
// saw), theirs (what is stored now) and ours (this tab's). Whatever only one side changed is
// taken from that side; an answer both changed to different values is a conflict: this tab's
// value stays in use and the other is kept with the record (`conflicts`) until the person
// chooses, in either tab. Nothing is dropped. No DOM, no storage here: records in, record out.

/** The parts of a record that hold answers, merged key by key; a conflict there is asked about. */
export const ANSWER_PARTS = ["profile", "answers", "unmatchedAnswers"];
/** Other parts merged key by key, where the later writer (this tab) wins without asking. */
const OTHER_PARTS = ["extra", "storedAs"];

/** Equal as saved data: the same JSON. */
export function same(a, b) {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/** The key of a conflict entry: which answer it is about. */
export const conflictKey = (c) => `${c.where}\u0000${c.key}`;

/**
 * Merges `ours` into `theirs` over their common ancestor `base` (null when this tab never saw
 * the record stored: then every difference is a conflict). Returns { merged, conflicts, changed }:
 * `merged` is a new record (this tab's id), `conflicts` the new conflicts (also added to
 * merged.conflicts), `changed` lists { where, key, from, to } for what the other tab changed
 * and this tab takes, so that the page can say so.
 */
export function mergeRecords(base, theirs, ours) {
  base ??= {};
  const merged = { ...ours };
  const conflicts = [];
  const changed = [];
  const pick = (where, key, b, t, o, ask) => {
    if (same(o, b)) {
      if (!same(t, o)) changed.push({ where, key, from: o, to: t });
      return t;
    }
    if (same(t, b) || same(t, o)) return o;
    if (ask) conflicts.push({ where, key, value: o, other: t });
    return o;
  };

  for (const part of [...ANSWER_PARTS, ...OTHER_PARTS]) {
    const b = base[part] ?? {};
    const t = theirs[part] ?? {};
    const o = ours[part] ?? {};
    const out = [];
    for (const key of new Set([...Object.keys(t), ...Object.keys(o), ...Object.keys(b)])) {
      const value = pick(part, key, own(b, key), own(t, key), own(o, key), ANSWER_PARTS.includes(part));
      if (value !== undefined) out.push([key, value]);
    }
    merged[part] = Object.fromEntries(out);
  }
  merged.title = pick("title", "title", base.title, theirs.title, ours.title, true) ?? "";
  merged.mode = pick("mode", "mode", base.mode, theirs.mode, ours.mode, false) ?? "full";
  merged.unmatchedPackVersion = pick("unmatchedPackVersion", "unmatchedPackVersion", base.unmatchedPackVersion, theirs.unmatchedPackVersion, ours.unmatchedPackVersion, false) ?? null;

  // Conflicts already kept with the record: merged like answers (one the other tab settled goes;
  // one it added comes), then the new ones, one per answer.
  const kept = new Map();
  const asMap = (list) => new Map((list ?? []).map((c) => [conflictKey(c), c]));
  const [b, t, o] = [asMap(base.conflicts), asMap(theirs.conflicts), asMap(ours.conflicts)];
  for (const key of new Set([...t.keys(), ...o.keys(), ...b.keys()])) {
    const value = pick("conflicts", key, b.get(key), t.get(key), o.get(key), false);
    if (value !== undefined) kept.set(key, value);
  }
  for (const c of conflicts) kept.set(conflictKey(c), c);
  // A conflict whose two values have become the same is settled.
  merged.conflicts = [...kept.values()].filter((c) => !same(valueAt(merged, c), c.other));

  merged.createdAt = theirs.createdAt ?? ours.createdAt;
  merged.updatedAt = [theirs.updatedAt, ours.updatedAt].filter(Boolean).sort().at(-1) ?? null;
  merged.revision = Math.max(theirs.revision ?? 0, ours.revision ?? 0);
  merged.pack = theirs.pack ?? ours.pack;
  merged.packVersion = theirs.packVersion ?? ours.packVersion;
  return { merged, conflicts, changed: changed.filter((c) => ANSWER_PARTS.includes(c.where) || c.where === "title") };
}

/** The value in use for a conflict's answer. */
export function valueAt(record, c) {
  if (c.where === "title") return record.title;
  return own(record[c.where] ?? {}, c.key);
}

function own(object, key) {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
