// Answers as a file: export of one assessment, and import that checks a file completely before
// anything on the page changes. No DOM here; the engine is passed in, so Node can test this too.
//
//   { "format": "gpai-check-answers", "formatVersion": 1, "pack": id, "packVersion": version,
//     "title": text, "profile": {...}, "answers": {...}, "assessmentDate"?: "YYYY-MM-DD",
//     "exportedAt": ISO time }

import { fileSlug } from "./download.js";

export const ANSWERS_FORMAT = "gpai-check-answers";
export const ANSWERS_FORMAT_VERSION = 1;
/** The engine's limits (its limits() export), taken from the engine each file is read with. */
let MAX_FILE_BYTES, MAX_ANSWERS, MAX_TITLE;
const TOP_LEVEL = ["format", "formatVersion", "pack", "packVersion", "title", "profile", "answers", "assessmentDate", "exportedAt"];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NOT_A_NUMBER = /^[+-]?(nan|inf|infinity)$/i;

/**
 * The answers file of an assessment. Answers kept from another pack version (unmatchedAnswers)
 * go out with the others, so exporting never drops them.
 */
export function answersFile(record, packInfo, now = new Date()) {
  const file = {
    format: ANSWERS_FORMAT,
    formatVersion: ANSWERS_FORMAT_VERSION,
    pack: packInfo.id,
    packVersion: packInfo.version,
    title: record.title,
    profile: record.profile,
    answers: { ...record.answers, ...(record.unmatchedAnswers ?? {}) },
  };
  if (typeof record.profile.assessment_date === "string") file.assessmentDate = record.profile.assessment_date;
  file.exportedAt = now.toISOString();
  return file;
}

/** "gpai-check-answers-northwind-model-2026-11-28.json". */
export function answersFileName(record, now = new Date()) {
  const slug = fileSlug(record.title);
  return `${["gpai-check-answers", slug || "assessment", now.toISOString().slice(0, 10)].join("-")}.json`;
}

/** Splits answers into those whose question the pack has and the others. */
export function splitAnswers(answers, questionIds) {
  const matched = {};
  const unmatched = {};
  for (const [id, value] of Object.entries(answers)) {
    if (questionIds.has(id)) matched[id] = value;
    else unmatched[id] = value;
  }
  return { matched, unmatched };
}

class ImportProblem extends Error {}
const fail = (message) => {
  throw new ImportProblem(message);
};

/**
 * Reads an answers file. `bytes` is a Uint8Array; `engine` = { packs, pack, scopeQuestions,
 * evaluate, limits } with `pack` the page's pack. Returns
 *   { ok: true, assessment: { title, profile, answers, unmatchedAnswers, unmatchedPackVersion },
 *     packVersion, notes: [text], findings: n }
 * or { ok: false, problem: text } naming what is wrong, with the field's path where there is one.
 */
export function readAnswersFile(bytes, engine) {
  ({ maxSubmissionBytes: MAX_FILE_BYTES, maxAnswers: MAX_ANSWERS, maxTitleChars: MAX_TITLE } = engine.limits());
  try {
    return { ok: true, ...check(bytes, engine) };
  } catch (error) {
    if (error instanceof ImportProblem) return { ok: false, problem: error.message };
    if (error?.name === "GpaiInputError") {
      return { ok: false, problem: `The checker cannot use these answers: ${error.message}${/[.!?]$/.test(error.message) ? "" : "."}` };
    }
    return { ok: false, problem: `The file could not be read (${error?.message ?? error}).` };
  }
}

function check(bytes, engine) {
  if (bytes.length === 0) fail("The file is empty.");
  if (bytes.length > MAX_FILE_BYTES) {
    fail(`The file is ${megabytes(bytes.length)}; an answers file can be at most ${megabytes(MAX_FILE_BYTES)}.`);
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    fail("The file is not UTF-8 text, so it cannot be an answers file.");
  }
  if (text.trim() === "") fail("The file is empty (it holds only spaces or line breaks).");
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(`The file is not valid JSON (${error.message}).`);
  }
  forbidProtoKeys(data);
  if (Array.isArray(data)) fail(`The file holds a JSON list, not an answers object of the form { "format": "${ANSWERS_FORMAT}", … }.`);
  if (!isPlainObject(data)) fail(`The file holds a single JSON ${data === null ? "null" : typeof data}, not an answers object.`);

  if (data.format !== ANSWERS_FORMAT) {
    if (data.format === undefined && "digest" in data && "chapters" in data) {
      fail("This is a gpai-check report, not an answers file. Import a file made with “Export answers”.");
    }
    if (data.format === undefined) fail(`The file has no "format": "${ANSWERS_FORMAT}" marker, so it is not an answers file made with “Export answers”.`);
    fail(`The file's "format" is ${quote(data.format)}, not "${ANSWERS_FORMAT}".`);
  }
  if (data.formatVersion !== ANSWERS_FORMAT_VERSION) {
    if (Number.isInteger(data.formatVersion) && data.formatVersion > ANSWERS_FORMAT_VERSION) {
      fail(`The file was made by a newer gpai-check (format version ${data.formatVersion}); this page reads version ${ANSWERS_FORMAT_VERSION}.`);
    }
    fail(`"formatVersion" must be ${ANSWERS_FORMAT_VERSION}; the file has ${quote(data.formatVersion)}.`);
  }
  const extra = Object.keys(data).filter((k) => !TOP_LEVEL.includes(k));
  if (extra.length) fail(`The file has ${extra.length === 1 ? "a field" : "fields"} the format does not have: ${extra.map(quote).join(", ")}.`);

  if (typeof data.pack !== "string") fail(`"pack" must be the id of a rule pack; the file has ${quote(data.pack)}.`);
  const known = engine.packs().map((p) => p.id);
  if (!known.includes(data.pack)) {
    fail(`The file is for the rule pack ${quote(data.pack)}, which this checker does not have (it has: ${known.join(", ")}).`);
  }
  if (data.pack !== engine.pack.id) fail(`The file is for the rule pack ${quote(data.pack)}; this page checks ${quote(engine.pack.id)}.`);
  if (data.packVersion !== undefined && typeof data.packVersion !== "string") fail(`"packVersion" must be a text; the file has ${quote(data.packVersion)}.`);
  if (data.title !== undefined && typeof data.title !== "string") fail(`"title" must be a text; the file has ${quote(data.title)}.`);
  if ((data.title ?? "").length > MAX_TITLE) fail(`"title" is ${data.title.length} characters long; at most ${MAX_TITLE} are allowed.`);
  if (data.assessmentDate !== undefined && !isDate(data.assessmentDate)) {
    fail(`"assessmentDate" must be a date written YYYY-MM-DD; the file has ${quote(data.assessmentDate)}.`);
  }
  if (data.exportedAt !== undefined && typeof data.exportedAt !== "string") fail(`"exportedAt" must be a text; the file has ${quote(data.exportedAt)}.`);

  const notes = [];
  const profile = checkProfile(data.profile, engine.scopeQuestions(), notes);
  if (typeof data.assessmentDate === "string") profile.assessment_date = data.assessmentDate;
  const answers = checkAnswers(data.answers, engine.pack);

  const questionIds = new Set(questionsOf(engine.pack).map((q) => q.id));
  const { matched, unmatched } = splitAnswers(answers, questionIds);
  const title = data.title ?? "";
  // The final word is the engine's: what it refuses (tier 2) is refused here too.
  const report = engine.evaluate({ pack: data.pack, title: title.trim() || undefined, profile, answers: { ...matched, ...unmatched } });
  const findings = report.findings.filter((f) => f.code !== "unknown-question").length;
  const otherVersion = typeof data.packVersion === "string" && data.packVersion !== engine.pack.version;
  if (otherVersion) notes.push(`The file was made with version ${data.packVersion} of the rule pack; its answers are now checked against version ${engine.pack.version}.`);
  return {
    assessment: {
      title,
      profile,
      answers: matched,
      unmatchedAnswers: unmatched,
      unmatchedPackVersion: otherVersion && Object.keys(unmatched).length ? data.packVersion : null,
    },
    packVersion: data.packVersion ?? null,
    notes,
    findings,
  };
}

function checkProfile(profile, scopeQuestions, notes) {
  if (profile === undefined) fail(`The file has no "profile" object.`);
  if (!isPlainObject(profile)) fail(`"profile" must be an object of profile answers; the file has ${kind(profile)}.`);
  const byId = new Map(scopeQuestions.map((q) => [q.id, q]));
  const out = {};
  const unknowns = [];
  for (const [key, value] of Object.entries(profile)) {
    const q = byId.get(key);
    if (!q) {
      const near = closest(key, [...byId.keys()]);
      fail(`profile.${key}: the checker has no profile question ${quote(key)}${near ? ` (did you mean ${quote(near)}?)` : ""}. A misspelt key would silently change the scope decision, so the file is refused.`);
    }
    if (value === null) {
      unknowns.push(key);
      continue;
    }
    const ok =
      (q.type === "bool" && typeof value === "boolean") ||
      (q.type === "number" && typeof value === "number" && Number.isFinite(value) && value >= 0) ||
      (q.type === "enum" && (q.values ?? []).includes(value)) ||
      (q.type === "date" && isDate(value));
    if (!ok) fail(`profile.${key}: ${expected(q)}; the file has ${quote(value)}.`);
    out[key] = value;
  }
  if (unknowns.length) {
    notes.push(`Profile answers given as null (unknown) are left unanswered, so the check uses their defaults: ${unknowns.join(", ")}.`);
  }
  return out;
}

function expected(q) {
  if (q.type === "bool") return "expected true or false";
  if (q.type === "number") return "expected a number of zero or more";
  if (q.type === "enum") return `expected one of ${(q.values ?? []).join(", ")}`;
  return "expected a date written YYYY-MM-DD";
}

function checkAnswers(answers, pack) {
  if (answers === undefined) fail(`The file has no "answers" object.`);
  if (!isPlainObject(answers)) fail(`"answers" must be an object mapping question ids to answers; the file has ${kind(answers)}.`);
  const entries = Object.entries(answers);
  if (entries.length > MAX_ANSWERS) fail(`"answers" has ${entries.length} entries; at most ${MAX_ANSWERS} are allowed.`);
  const types = new Map(questionsOf(pack).map((q) => [q.id, q.type]));
  const out = {};
  for (const [id, value] of entries) {
    if (value === null) continue; // null clears an answer
    const where = `answers.${id}`;
    if (typeof value === "number" && !Number.isFinite(value)) fail(`${where}: the number is too large to be read.`);
    const isList = Array.isArray(value);
    if (isList && !value.every((v) => typeof v === "string")) fail(`${where}: a list of answers must hold option ids (texts) only.`);
    if (!isList && !["string", "number", "boolean"].includes(typeof value)) {
      fail(`${where}: an answer is a text, a number or a list of option ids; the file has ${kind(value)}.`);
    }
    const type = types.get(id);
    const wrong = (what) => fail(`${where}: ${what}; the file has ${quote(value)}.`);
    if (type === "number" && typeof value !== "number") wrong("expected a number");
    if (type === "quantity" && !["number", "string"].includes(typeof value)) wrong("expected a number or a figure such as 2.4e25");
    // What a broken serialiser writes for a number that is not one.
    if ((type === "quantity" || type === "number") && typeof value === "string" && NOT_A_NUMBER.test(value.trim())) wrong("expected a number");
    if (type === "multi-choice" && !isList) wrong("expected a list of option ids");
    if (["yes-partly-no", "yes-no", "single-choice", "date", "text", "url"].includes(type) && typeof value !== "string") wrong("expected a text");
    out[id] = value;
  }
  return out;
}

export function questionsOf(pack) {
  return pack.chapters.flatMap((c) => c.commitments.flatMap((cm) => cm.measures.flatMap((m) => m.questions)));
}

/** Refuses "__proto__" anywhere: no answers file has it, and copying it would change a prototype. */
function forbidProtoKeys(data) {
  // Breadth first, in the file's order, so the message names the first one a reader would see.
  const queue = [[data, ""]];
  for (let next = 0; next < queue.length; next++) {
    const [value, path] = queue[next];
    if (typeof value !== "object" || value === null) continue;
    for (const key of Object.keys(value)) {
      const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (key === "__proto__") fail(`The file has a "__proto__" key (at ${at}), which an answers file never has.`);
      queue.push([value[key], at]);
    }
  }
}

function isDate(value) {
  if (typeof value !== "string" || !DATE.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `the ${typeof value === "string" ? "text" : typeof value} ${quote(value)}`;
}

/** A value as it reads in a message: short, and always text. */
function quote(value) {
  const text = typeof value === "string" ? `“${value}”` : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function megabytes(n) {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** The known key nearest to a misspelt one (edit distance at most 3), or null. */
function closest(key, keys) {
  let best = null;
  let bestDistance = 4;
  for (const candidate of keys) {
    const d = distance(key, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function distance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}
