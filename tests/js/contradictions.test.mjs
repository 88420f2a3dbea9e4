// The golden of a submission that contradicts itself and misses a measure
// (tests/contradictions.rs), replayed against the wasm package: the same report, digest and
// Markdown as the native engine, and valid against the report's schema.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { initSync, evaluate, sealedReport, reportMarkdown } from "../../pkg/gpai_check.js";

const root = new URL("../../", import.meta.url).pathname;
const read = (p) => readFileSync(join(root, p), "utf8");
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });

const submission = JSON.parse(read("tests/fixtures/contradictions.json"));
const golden = JSON.parse(read("tests/golden/contradictions.report.json"));

test("the wasm package gives the golden report of contradicting answers", () => {
  const report = sealedReport(submission);
  assert.deepStrictEqual(report, golden);
  assert.equal(report.digest, golden.digest);
  assert.deepStrictEqual(evaluate(submission), { ...golden, digest: "" });
  assert.equal(reportMarkdown(submission), read("tests/golden/contradictions.report.md"));
  // What the golden is for: tripped cross-checks and a measure not met.
  assert.deepEqual(report.crossChecks.filter((x) => x.status === "tripped").map((x) => x.id), ["X-01", "X-16", "X-33"]);
  assert.deepEqual(report.chapters.flatMap((c) => c.measures).filter((m) => m.status === "not-met").map((m) => m.id), ["C-1.2"]);
});

test("the report of contradicting answers validates against the report's schema", () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(read("schema/report.schema.json")));
  assert.ok(validate(golden), JSON.stringify(validate.errors));
});
