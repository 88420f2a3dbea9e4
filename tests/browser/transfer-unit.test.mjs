// The answers file's reader (www/transfer.js) in Node, with the built package as its engine:
// every refusal names the problem, and what it accepts gives the same report as the original.
// The page tests (transfer.test.mjs) check the same files through the browser's file input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { packs, scopeQuestions, evaluate, limits } from "../../pkg/gpai_check.js";
import { pack, frontierSubmission } from "./submissions.mjs";
import { answersFile, readAnswersFile, ANSWERS_FORMAT } from "../../www/transfer.js";

const engine = { packs, pack, scopeQuestions, evaluate, limits };
const bytes = (value) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));

function validFile(overrides = {}) {
  const s = frontierSubmission();
  return { ...answersFile({ ...s, unmatchedAnswers: {} }, pack, new Date("2026-11-28T10:00:00Z")), ...overrides };
}

test("a file made by answersFile reads back to the same answers, and the same report", () => {
  const s = frontierSubmission();
  const file = answersFile({ ...s, unmatchedAnswers: {} }, pack, new Date("2026-11-28T10:00:00Z"));
  assert.equal(file.format, ANSWERS_FORMAT);
  assert.equal(file.formatVersion, 1);
  assert.equal(file.pack, pack.id);
  assert.equal(file.packVersion, pack.version);
  assert.equal(file.assessmentDate, s.profile.assessment_date);
  assert.equal(file.exportedAt, "2026-11-28T10:00:00.000Z");
  const result = readAnswersFile(bytes(file), engine);
  assert.equal(result.ok, true, result.problem);
  assert.deepEqual(result.assessment.answers, s.answers);
  assert.deepEqual(result.assessment.profile, s.profile);
  assert.deepEqual(result.assessment.unmatchedAnswers, {});
  assert.equal(result.findings, 0);
  const digest = (sub) => evaluate({ pack: pack.id, title: sub.title, profile: sub.profile, answers: sub.answers }).digest;
  assert.equal(digest(result.assessment), digest(s));
});

test("a byte-order mark is accepted; answers for unknown questions are kept apart, with the file's pack version", () => {
  const file = validFile({ packVersion: "0.0.9", answers: { ...validFile().answers, c_old_question: "yes", c_older: ["a", "b"] } });
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(file)]);
  const result = readAnswersFile(withBom, engine);
  assert.equal(result.ok, true, result.problem);
  assert.deepEqual(result.assessment.unmatchedAnswers, { c_old_question: "yes", c_older: ["a", "b"] });
  assert.equal(result.assessment.unmatchedPackVersion, "0.0.9");
  assert.equal("c_old_question" in result.assessment.answers, false);
});

const refusals = [
  ["an empty file", new Uint8Array(), /^The file is empty\.$/],
  ["only spaces", bytes("  \n "), /only spaces/],
  ["not JSON", bytes("{ answers: yes"), /^The file is not valid JSON \(/],
  ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), /not UTF-8/],
  ["a JSON list", bytes([validFile()]), /JSON list/],
  ["a JSON string", bytes('"gpai-check-answers"'), /single JSON string/],
  ["no format marker", bytes({ ...validFile(), format: undefined }), /no "format": "gpai-check-answers" marker/],
  ["a wrong format marker", bytes(validFile({ format: "gpai-check-report" })), /"format" is “gpai-check-report”/],
  ["a newer format version", bytes(validFile({ formatVersion: 2 })), /newer gpai-check \(format version 2\)/],
  ["an unknown field", bytes(validFile({ answer: {} })), /a field the format does not have: “answer”/],
  ["an unknown pack", bytes(validFile({ pack: "gpai-cop-draft" })), /rule pack “gpai-cop-draft”, which this checker does not have \(it has: gpai-cop-final\)/],
  ["answers as a list", bytes(validFile({ answers: ["yes"] })), /^"answers" must be an object mapping question ids to answers; the file has a list\.$/],
  ["answers missing", bytes(validFile({ answers: undefined })), /no "answers" object/],
  ["profile as a text", bytes(validFile({ profile: "SME" })), /^"profile" must be an object/],
  ["a misspelt profile key", bytes(validFile({ profile: { is_smee: true } })), /^profile\.is_smee: .*did you mean “is_sme”\?/],
  ["a profile number as text", bytes(validFile({ profile: { training_compute_flop: "NaN" } })), /^profile\.training_compute_flop: expected a number of zero or more; the file has “NaN”\.$/],
  ["a number answer as NaN text", bytes(validFile({ answers: { t_docs_retention_years: "NaN" } })), /^answers\.t_docs_retention_years: expected a number; the file has “NaN”\.$/],
  ["a quantity answer as Infinity text", bytes(validFile({ answers: { t_mdf_7_2b: "Infinity" } })), /^answers\.t_mdf_7_2b: expected a number; the file has “Infinity”\.$/],
  ["a number too large for a double", bytes(`{"format":"gpai-check-answers","formatVersion":1,"pack":"gpai-cop-final","profile":{},"answers":{"t_docs_retention_years":1e999}}`), /too large/],
  ["an object as an answer", bytes(validFile({ answers: { c_policy_exists: { value: "yes" } } })), /^answers\.c_policy_exists: an answer is a text, a number or a list of option ids; the file has an object\.$/],
  ["an impossible date", bytes(validFile({ assessmentDate: "2026-02-30" })), /"assessmentDate" must be a date/],
  ["a title too long", bytes(validFile({ title: "x".repeat(501) })), /"title" is 501 characters long/],
  ["a __proto__ key", bytes(`{"format":"gpai-check-answers","formatVersion":1,"pack":"gpai-cop-final","profile":{},"answers":{"__proto__":{"polluted":"yes"}}}`), /"__proto__" key \(at answers\.__proto__\)/],
  ["a report instead of answers", bytes(evaluate({ pack: pack.id, profile: {}, answers: {} })), /This is a gpai-check report, not an answers file/],
  ["more than 4 MB", new Uint8Array(6 * 1024 * 1024).fill(0x20), /^The file is 6\.0 MB; an answers file can be at most 4\.0 MB\.$/],
];

for (const [what, input, message] of refusals) {
  test(`refused with a message that names the problem: ${what}`, () => {
    const result = readAnswersFile(input, engine);
    assert.equal(result.ok, false);
    assert.match(result.problem, message);
    assert.equal({}.polluted, undefined);
  });
}

test("what the engine refuses is refused, with the engine's field path", () => {
  const refusing = {
    ...engine,
    evaluate() {
      const error = new Error("profile.assessment_date: must be a real calendar date written YYYY-MM-DD");
      error.name = "GpaiInputError";
      error.code = "invalid_value";
      error.path = "profile.assessment_date";
      throw error;
    },
  };
  const result = readAnswersFile(bytes(validFile()), refusing);
  assert.equal(result.ok, false);
  assert.equal(result.problem, "The checker cannot use these answers: profile.assessment_date: must be a real calendar date written YYYY-MM-DD.");
});
