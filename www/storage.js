// Keeps the assessments in this browser's localStorage, and nowhere else. One key namespace,
// "gpai-check:v1:": an index (which assessments exist, in which order, which one is open) and
// one entry per assessment. "v1" is the shape of the stored values described below.
//
//   gpai-check:v1:assessments        { "open": id, "order": [id, ...] }
//   gpai-check:v1:assessment:<id>    { id, pack, packVersion, title, profile, answers, mode,
//                                      unmatchedAnswers?, unmatchedPackVersion?, conflicts?,
//                                      createdAt, updatedAt, revision }
//
// A record is kept as it was stored: values the engine cannot use, fields this version does not
// know and a mode it does not have are read, kept and written back unchanged (kept-values.js
// and the page say what is not used); only what the person changes is written differently.
// `revision` rises with every write. Several tabs share these entries: a record is read again
// before each write and merged (merge.js) when another tab wrote it since.
//
// The single entry of earlier versions, gpai-check:v1:current, is moved into this scheme on the
// first load that finds it. Nothing here throws: every read and write says whether it worked.

import { isPlainObject, ownCopy } from "./kept-values.js";

export const PREFIX = "gpai-check:v1:";
export const INDEX_KEY = `${PREFIX}assessments`;
export const RECORD_PREFIX = `${PREFIX}assessment:`;
export const LEGACY_KEY = `${PREFIX}current`;

export const recordKey = (id) => `${RECORD_PREFIX}${id}`;

/** A random id of 16 hex digits (crypto.getRandomValues works outside secure contexts too). */
export function newId() {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A new, empty assessment (never stored: `stored` is null). */
export function emptyRecord(overrides = {}) {
  const now = new Date().toISOString();
  return {
    id: newId(),
    title: "",
    profile: {},
    answers: {},
    mode: "full",
    unmatchedAnswers: {},
    unmatchedPackVersion: null,
    conflicts: [],
    extra: {},
    storedAs: {},
    createdAt: now,
    updatedAt: now,
    revision: 0,
    stored: null,
    ...overrides,
  };
}

/**
 * Reads every stored assessment. Returns
 *   { available: false }                       when the browser refuses storage altogether, or
 *   { available: true, order, records, openId, problems, changed }
 * where `records` maps id -> record, or -> { id, damaged: true, raw } for an entry that cannot be
 * read (kept untouched until the person deletes it). Entries missing from the index are put back
 * (so an index written by another tab never hides an assessment); `problems` lists what was
 * repaired or could not be read: "index-unreadable", "legacy-unreadable", "damaged".
 * `changed` says the index must be written back. With `{ migrate: false }` nothing is written
 * (the single entry of earlier versions is left where it is).
 */
export function readStore({ migrate = true } = {}) {
  let indexText;
  const keys = [];
  try {
    indexText = localStorage.getItem(INDEX_KEY);
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(RECORD_PREFIX)) keys.push(key.slice(RECORD_PREFIX.length));
    }
  } catch {
    return { available: false };
  }
  const problems = [];
  let index = { open: null, order: [] };
  if (indexText !== null) {
    try {
      index = normaliseIndex(JSON.parse(indexText));
    } catch {
      problems.push("index-unreadable");
    }
  }
  const present = new Set(keys);
  const order = index.order.filter((id) => present.has(id));
  for (const id of keys.sort()) if (!order.includes(id)) order.push(id);
  let changed = indexText === null || order.length !== index.order.length || order.some((id, i) => id !== index.order[i]);

  const records = new Map();
  for (const id of order) {
    const raw = safeGet(recordKey(id));
    const record = readRecord(id, raw);
    records.set(id, record);
    if (record.damaged && !problems.includes("damaged")) problems.push("damaged");
  }

  // The single assessment of earlier versions becomes one assessment of the list, and opens.
  let openId = index.open;
  const legacy = migrate ? safeGet(LEGACY_KEY) : null;
  if (legacy !== null) {
    let record;
    try {
      record = { ...normaliseRecord(JSON.parse(legacy), newId()), stored: null };
      record.createdAt ??= new Date().toISOString();
      record.updatedAt ??= record.createdAt;
    } catch {
      record = { id: newId(), damaged: true, raw: legacy };
      problems.push("legacy-unreadable");
    }
    records.set(record.id, record);
    order.push(record.id);
    if (!record.damaged) openId = record.id;
    changed = true;
    // The old entry goes only once the new one is written; if storage is full, the answers
    // are on the page (with the notice that offers an export) and the old entry stays.
    const text = record.damaged ? legacy : serialise(record);
    const written = safeSet(recordKey(record.id), text);
    if (written) {
      safeRemove(LEGACY_KEY);
      record.stored = text;
    }
  }
  if (!records.has(openId) || records.get(openId).damaged) {
    openId = order.find((id) => !records.get(id).damaged) ?? null;
    changed = true;
  }
  return { available: true, order, records, openId, problems, changed };
}

/**
 * One stored entry as a record: `stored` is the text it was read from (the base of a merge),
 * or { id, damaged: true, raw } for text that is not a JSON object.
 */
export function readRecord(id, raw) {
  try {
    return { ...normaliseRecord(JSON.parse(raw), id), stored: raw };
  } catch {
    return { id, damaged: true, raw: raw ?? "" };
  }
}

/** The stored text of one assessment (null when there is none, or storage refuses). */
export function readRecordText(id) {
  return safeGet(recordKey(id));
}

/**
 * Writes the index: this tab's order, with the assessments another tab added since (those whose
 * entry exists) after it, so that an index written here never hides them. False when the
 * browser refuses (storage disabled, quota full).
 */
export function writeIndex(order, openId) {
  let theirs = [];
  try {
    theirs = normaliseIndex(JSON.parse(safeGet(INDEX_KEY) ?? "null")).order;
  } catch {
    // No index, or one that cannot be read: this tab's order is the index.
  }
  const added = theirs.filter((id) => !order.includes(id) && safeGet(recordKey(id)) !== null);
  return safeSet(INDEX_KEY, JSON.stringify({ open: openId, order: [...order, ...added] }));
}

/**
 * Writes one assessment (with the pack it was answered for), as the next revision, and only if
 * the stored text is still the one this tab last saw (`record.stored`): otherwise nothing is
 * written and { ok: false, stored: text } says what another tab wrote (null: it was deleted),
 * for the caller to merge and write again. { ok: true } once written (then `record.stored` and
 * `record.revision` are updated); { ok: false, refused: true } when the browser refuses.
 */
export function writeRecord(record, packInfo) {
  const current = safeGet(recordKey(record.id));
  if (current !== record.stored) return { ok: false, stored: current };
  const revision = (record.revision ?? 0) + 1;
  const text = serialise({ ...record, revision }, packInfo);
  if (!safeSet(recordKey(record.id), text)) return { ok: false, refused: true };
  record.stored = text;
  record.revision = revision;
  return { ok: true };
}

/** Removes one assessment; false when the browser refuses. */
export function removeRecord(id) {
  return safeRemove(recordKey(id));
}

/** The fields of a stored record this page reads; any other is kept as it is (`extra`). */
const FIELDS = ["id", "pack", "packVersion", "title", "profile", "answers", "mode", "unmatchedAnswers", "unmatchedPackVersion", "conflicts", "createdAt", "updatedAt", "revision"];

/**
 * The record as stored text: its fields, then the fields this version does not know, as they
 * were. A field whose stored value the page could not use (`storedAs`: a title that is not a
 * text, answers that are not an object...) is written back as it was until the page has a value
 * of its own for it.
 */
export function serialise(record, packInfo = null) {
  const value = Object.fromEntries(Object.entries(record.extra ?? {}));
  const put = (field, own, isUnset) => {
    if (isUnset && Object.hasOwn(record.storedAs ?? {}, field)) value[field] = record.storedAs[field];
    else if (own !== undefined) value[field] = own;
  };
  value.id = record.id;
  value.pack = packInfo?.id ?? record.pack ?? null;
  value.packVersion = packInfo?.version ?? record.packVersion ?? null;
  put("title", record.title, record.title === "");
  put("profile", record.profile, Object.keys(record.profile).length === 0);
  put("answers", record.answers, Object.keys(record.answers).length === 0);
  put("mode", record.mode, record.mode === "full");
  const unmatched = record.unmatchedAnswers ?? {};
  put("unmatchedAnswers", Object.keys(unmatched).length ? unmatched : undefined, Object.keys(unmatched).length === 0);
  if (Object.keys(unmatched).length || record.unmatchedPackVersion) value.unmatchedPackVersion = record.unmatchedPackVersion ?? null;
  if (record.conflicts?.length) value.conflicts = record.conflicts;
  put("createdAt", record.createdAt, record.createdAt === null);
  put("updatedAt", record.updatedAt, record.updatedAt === null);
  value.revision = record.revision ?? 0;
  return JSON.stringify(value);
}

function safeGet(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(key, value) {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function safeRemove(key) {
  try {
    localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

export function normaliseIndex(value) {
  if (!isPlainObject(value)) throw new TypeError("not an object");
  const order = Array.isArray(value.order) ? value.order.filter((id) => typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id)) : [];
  return { open: typeof value.open === "string" ? value.open : null, order: [...new Set(order)] };
}

/**
 * A stored assessment as the page holds it. Nothing is dropped: the profile, the answers and
 * the answers from another pack version are kept value for value (the engine decides what it
 * can use); a field of a shape the page cannot hold is kept in `storedAs` and written back as it
 * was; fields this version does not know are kept in `extra`. Throws for a value that is not an
 * object (the entry is then listed as damaged and kept as text).
 */
export function normaliseRecord(value, id) {
  if (!isPlainObject(value)) throw new TypeError("not an object");
  const storedAs = {};
  const extra = Object.fromEntries(Object.entries(value).filter(([key]) => !FIELDS.includes(key)));
  const object = (field) => {
    if (isPlainObject(value[field])) return ownCopy(value[field]);
    if (value[field] !== undefined) storedAs[field] = value[field];
    return {};
  };
  const text = (field, fallback) => {
    if (typeof value[field] === "string") return value[field];
    if (value[field] !== undefined && value[field] !== null) storedAs[field] = value[field];
    return fallback;
  };
  const time = (field) => {
    const t = value[field];
    if (typeof t === "string" && !Number.isNaN(Date.parse(t))) return t;
    if (t !== undefined && t !== null) storedAs[field] = t;
    return null;
  };
  const record = {
    id,
    pack: typeof value.pack === "string" ? value.pack : null,
    packVersion: typeof value.packVersion === "string" ? value.packVersion : null,
    title: text("title", ""),
    profile: object("profile"),
    answers: object("answers"),
    mode: text("mode", "full"),
    unmatchedAnswers: object("unmatchedAnswers"),
    unmatchedPackVersion: typeof value.unmatchedPackVersion === "string" ? value.unmatchedPackVersion : null,
    conflicts: Array.isArray(value.conflicts) ? value.conflicts.filter((c) => isPlainObject(c) && typeof c.where === "string" && typeof c.key === "string") : [],
    createdAt: time("createdAt"),
    updatedAt: time("updatedAt"),
    revision: Number.isSafeInteger(value.revision) && value.revision >= 0 ? value.revision : 0,
    extra,
    storedAs,
  };
  return record;
}

/**
 * Takes { title?, profile?, answers? } from an example file or what readAnswers read (both
 * already checked by the engine): plain objects copied by their own keys.
 */
export function normaliseAssessment(value) {
  if (!isPlainObject(value)) throw new TypeError("not an object");
  return {
    title: typeof value.title === "string" ? value.title : "",
    profile: isPlainObject(value.profile) ? ownCopy(value.profile) : {},
    answers: isPlainObject(value.answers) ? ownCopy(value.answers) : {},
  };
}
