// Answers as a file: the answers file of one assessment, and its name. Reading a file back is
// the engine's (readAnswers in src/wasm.rs, src/answers_file.rs); this module has no rules of
// its own. No DOM here, so Node can test it too. The format is in docs/answers-file.md:
//
//   { "format": "gpai-check-answers", "formatVersion": 1, "pack": id, "packVersion": version,
//     "title": text, "profile": {...}, "answers": {...}, "assessmentDate"?: "YYYY-MM-DD",
//     "exportedAt": ISO time }

import { fileSlug } from "./download.js";

export const ANSWERS_FORMAT = "gpai-check-answers";
export const ANSWERS_FORMAT_VERSION = 1;

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
  // Object.fromEntries, not assignment: an answer keyed "__proto__" stays an answer.
  const entries = Object.entries(answers);
  return {
    matched: Object.fromEntries(entries.filter(([id]) => questionIds.has(id))),
    unmatched: Object.fromEntries(entries.filter(([id]) => !questionIds.has(id))),
  };
}

/** Every question of a pack, in the pack's order. */
export function questionsOf(pack) {
  return pack.chapters.flatMap((c) => c.commitments.flatMap((cm) => cm.measures.flatMap((m) => m.questions)));
}
