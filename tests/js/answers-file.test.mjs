// readAnswers() in the built package: the examples and the page's answers files read into the
// submissions they hold, and the refusals a person meets, with the native code and path
// (tests/answers_file.rs has every refusal).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { initSync, readAnswers, sealedReport } from "../../pkg/gpai_check.js";

const root = new URL("../../", import.meta.url).pathname;
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });

const examples = readdirSync(join(root, "www/examples"))
  .filter((f) => f.endsWith(".json") && f !== "index.json")
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(root, "www/examples", f))) }));

/** @returns {any} the GpaiInputError thrown */
function refusal(input) {
  try {
    readAnswers(input);
  } catch (e) {
    assert.equal(e.name, "GpaiInputError", String(e));
    assert.ok(e instanceof Error);
    return e;
  }
  assert.fail("accepted");
}

test("every example file is read into exactly the submission it holds", () => {
  assert.ok(examples.length >= 4);
  for (const { name, bytes } of examples) {
    const submission = JSON.parse(new TextDecoder().decode(bytes));
    assert.deepStrictEqual(readAnswers(bytes), submission, name);
    assert.deepStrictEqual(readAnswers(new TextDecoder().decode(bytes)), submission, `${name} as text`);
    assert.equal(sealedReport(readAnswers(bytes)).digest, sealedReport(submission).digest, name);
  }
});

test("an answers file as the page exports it is read into its submission", () => {
  const submission = JSON.parse(readFileSync(join(root, "www/examples/fine-tuner.json"), "utf8"));
  const file = {
    format: "gpai-check-answers",
    formatVersion: 1,
    pack: submission.pack,
    packVersion: submission.packVersion,
    title: submission.title,
    profile: { ...submission.profile, is_sme: null },
    answers: submission.answers,
    assessmentDate: submission.assessmentDate,
    exportedAt: "2026-11-28T10:00:00.000Z",
  };
  // A profile answer given as null (unknown) is left out, as if not given.
  const { is_sme: _, ...profile } = submission.profile;
  assert.deepStrictEqual(readAnswers(JSON.stringify(file)), { ...submission, profile });
});

test("what is not a file of answers is refused with a code and the field's path", () => {
  const text = (value) => JSON.stringify(value);
  const cases = [
    [new Uint8Array(), "invalid_json", ""],
    [new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), "invalid_json", ""],
    [text([1]), "invalid_type", ""],
    [readFileSync(join(root, "tests/golden/fine-tuner.report.json"), "utf8"), "invalid_type", ""],
    [text({ format: "gpai-check-answers", formatVersion: 2, pack: "gpai-cop-final" }), "invalid_value", "formatVersion"],
    [text({ pack: "gpai-cop-final", answer: {} }), "unknown_field", "answer"],
    [text({ pack: "gpai-cop-draft" }), "unknown_pack", "pack"],
    [text({ pack: "gpai-cop-final", profile: { is_smee: true } }), "unknown_field", "profile.is_smee"],
    ['{"pack": "gpai-cop-final", "answers": {"__proto__": {"polluted": 1}}}', "unknown_field", "answers.__proto__"],
    [new Uint8Array(5 * 1024 * 1024), "too_large", ""],
    [42, "invalid_type", ""],
  ];
  for (const [input, code, path] of cases) {
    const e = refusal(input);
    assert.equal(e.code, code, e.message);
    assert.equal(e.path, path, e.message);
    if (path) assert.ok(e.message.startsWith(`${path}: `), e.message);
  }
  assert.match(refusal(text({ pack: "gpai-cop-final", profile: { is_smee: true } })).message, /did you mean "is_sme"\?/);
  assert.equal({}.polluted, undefined);
});
