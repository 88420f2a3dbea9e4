// The answers file in Node: what www/transfer.js writes (answersFile) is what the engine reads
// back (readAnswers), to the same answers and the same report. The refusals are the engine's,
// tested in tests/answers_file.rs and through the package in tests/js/answers-file.test.mjs; the
// page tests (transfer.test.mjs) check the same files through the browser's file input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate, readAnswers } from "../../pkg/gpai_check.js";
import { pack, frontierSubmission } from "./submissions.mjs";
import { answersFile, answersFileName, splitAnswers, ANSWERS_FORMAT } from "../../www/transfer.js";

const bytes = (value) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));

test("a file made by answersFile reads back to the same answers, and the same report", () => {
  const s = frontierSubmission();
  const file = answersFile({ ...s, unmatchedAnswers: {} }, pack, new Date("2026-11-28T10:00:00Z"));
  assert.equal(file.format, ANSWERS_FORMAT);
  assert.equal(file.formatVersion, 1);
  assert.equal(file.pack, pack.id);
  assert.equal(file.packVersion, pack.version);
  assert.equal(file.assessmentDate, s.profile.assessment_date);
  assert.equal(file.exportedAt, "2026-11-28T10:00:00.000Z");
  const read = readAnswers(bytes(file));
  assert.deepEqual(read.answers, s.answers);
  assert.deepEqual(read.profile, s.profile);
  assert.equal(read.assessmentDate, s.profile.assessment_date);
  const digest = (sub) => evaluate({ pack: pack.id, title: sub.title, profile: sub.profile, answers: sub.answers }).digest;
  assert.equal(digest(read), digest(s));
});

test("answers kept from another pack version go out with the others, and come back to be set apart", () => {
  const s = frontierSubmission();
  const record = { ...s, unmatchedAnswers: { c_old_question: "yes", c_older: ["a", "b"] } };
  const file = { ...answersFile(record, pack), packVersion: "0.0.9" };
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(file)]);
  const read = readAnswers(withBom);
  assert.equal(read.packVersion, "0.0.9");
  const { matched, unmatched } = splitAnswers(read.answers, new Set(Object.keys(s.answers)));
  assert.deepEqual(unmatched, { c_old_question: "yes", c_older: ["a", "b"] });
  assert.deepEqual(matched, s.answers);
});

test("the file's name says what it holds, and when it was exported", () => {
  const at = new Date("2026-11-28T10:00:00Z");
  assert.equal(answersFileName({ title: "Northwind Model 2" }, at), "gpai-check-answers-northwind-model-2-2026-11-28.json");
  assert.equal(answersFileName({ title: "  " }, at), "gpai-check-answers-assessment-2026-11-28.json");
});
