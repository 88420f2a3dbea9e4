// Keeps the assessments in this browser's localStorage, and nowhere else. One key namespace,
// "gpai-check:v1:": an index (which assessments exist, in which order, which one is open) and
// one entry per assessment. "v1" is the shape of the stored values described below.
//
//   gpai-check:v1:assessments        { "open": id, "order": [id, ...] }
//   gpai-check:v1:assessment:<id>    { id, pack, packVersion, title, profile, answers, mode,
//                                      unmatchedAnswers?, unmatchedPackVersion?, createdAt, updatedAt }
//
// The single entry of earlier versions, gpai-check:v1:current, is moved into this scheme on the
// first load that finds it. Nothing here throws: every read and write says whether it worked.

export const PREFIX = "gpai-check:v1:";
export const INDEX_KEY = `${PREFIX}assessments`;
export const RECORD_PREFIX = `${PREFIX}assessment:`;
export const LEGACY_KEY = `${PREFIX}current`;

export const recordKey = (id) => `${RECORD_PREFIX}${id}`;

/** A random id of 16 hex digits (crypto.getRandomValues works outside secure contexts too). */
export function newId() {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A new, empty assessment. */
export function emptyRecord(overrides = {}) {
  const now = new Date().toISOString();
  return { id: newId(), title: "", profile: {}, answers: {}, mode: "full", unmatchedAnswers: {}, unmatchedPackVersion: null, createdAt: now, updatedAt: now, ...overrides };
}

/**
 * Reads every stored assessment. Returns
 *   { available: false }                       when the browser refuses storage altogether, or
 *   { available: true, order, records, openId, problems, changed }
 * where `records` maps id -> record, or -> { id, damaged: true, raw } for an entry that cannot be
 * read (kept untouched until the person deletes it). Entries missing from the index are put back
 * (so an index written by another tab never hides an assessment); `problems` lists what was
 * repaired or could not be read: "index-unreadable", "legacy-unreadable", "damaged".
 * `changed` says the index must be written back.
 */
export function readStore() {
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
    try {
      records.set(id, normaliseRecord(JSON.parse(raw), id));
    } catch {
      records.set(id, { id, damaged: true, raw: raw ?? "" });
      if (!problems.includes("damaged")) problems.push("damaged");
    }
  }

  // The single assessment of earlier versions becomes one assessment of the list, and opens.
  let openId = index.open;
  const legacy = safeGet(LEGACY_KEY);
  if (legacy !== null) {
    let record;
    try {
      const value = JSON.parse(legacy);
      record = { ...emptyRecord(), ...normaliseAssessment(value), packVersion: typeof value.packVersion === "string" ? value.packVersion : null };
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
    const written = safeSet(recordKey(record.id), record.damaged ? legacy : serialise(record));
    if (written) safeRemove(LEGACY_KEY);
  }
  if (!records.has(openId) || records.get(openId).damaged) {
    openId = order.find((id) => !records.get(id).damaged) ?? null;
    changed = true;
  }
  return { available: true, order, records, openId, problems, changed };
}

/** Writes the index; false when the browser refuses (storage disabled, quota full). */
export function writeIndex(order, openId) {
  return safeSet(INDEX_KEY, JSON.stringify({ open: openId, order }));
}

/** Writes one assessment (with the pack it was answered for); false when the browser refuses. */
export function writeRecord(record, packInfo) {
  return safeSet(recordKey(record.id), serialise(record, packInfo));
}

/** Removes one assessment; false when the browser refuses. */
export function removeRecord(id) {
  return safeRemove(recordKey(id));
}

function serialise(record, packInfo = null) {
  const value = {
    id: record.id,
    pack: packInfo?.id ?? record.pack ?? null,
    packVersion: packInfo?.version ?? record.packVersion ?? null,
    title: record.title,
    profile: record.profile,
    answers: record.answers,
    mode: record.mode,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
  if (Object.keys(record.unmatchedAnswers ?? {}).length) {
    value.unmatchedAnswers = record.unmatchedAnswers;
    value.unmatchedPackVersion = record.unmatchedPackVersion;
  }
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

function normaliseIndex(value) {
  if (!isPlainObject(value)) throw new TypeError("not an object");
  const order = Array.isArray(value.order) ? value.order.filter((id) => typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id)) : [];
  return { open: typeof value.open === "string" ? value.open : null, order: [...new Set(order)] };
}

/** A stored assessment, with only values of the shapes the page uses. */
export function normaliseRecord(value, id) {
  const base = normaliseAssessment(value);
  const time = (t) => (typeof t === "string" && !Number.isNaN(Date.parse(t)) ? t : null);
  return {
    id,
    ...base,
    pack: typeof value.pack === "string" ? value.pack : null,
    packVersion: typeof value.packVersion === "string" ? value.packVersion : null,
    mode: value.mode === "short" ? "short" : "full",
    unmatchedAnswers: normaliseAnswers(value.unmatchedAnswers),
    unmatchedPackVersion: typeof value.unmatchedPackVersion === "string" ? value.unmatchedPackVersion : null,
    createdAt: time(value.createdAt),
    updatedAt: time(value.updatedAt),
  };
}

/**
 * Takes { title?, profile?, answers? } from storage or an example file and keeps only values of
 * the shapes the engine accepts, so a damaged entry cannot make every evaluation fail.
 */
export function normaliseAssessment(value) {
  if (!isPlainObject(value)) throw new TypeError("not an object");
  const profile = {};
  if (isPlainObject(value.profile)) {
    for (const [key, v] of Object.entries(value.profile)) {
      if (key !== "__proto__" && ["boolean", "number", "string"].includes(typeof v)) profile[key] = v;
    }
  }
  const title = typeof value.title === "string" ? value.title : "";
  return { title, profile, answers: normaliseAnswers(value.answers) };
}

function normaliseAnswers(value) {
  const answers = {};
  if (!isPlainObject(value)) return answers;
  for (const [key, v] of Object.entries(value)) {
    if (key === "__proto__") continue;
    const isList = Array.isArray(v) && v.every((item) => typeof item === "string");
    if (["boolean", "number", "string"].includes(typeof v) || isList) answers[key] = v;
  }
  return answers;
}

export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
