// The built package (pkg/) in Node: the same goldens as the native tests, the error contract,
// the JSON Schemas, and the README example run as written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";
import Ajv2020 from "ajv/dist/2020.js";
import {
  initSync, packs, pack, scope, scopeQuestions, scopeTexts, evaluate, sealedReport, reportMarkdown, documents, isGpaiInputError, engineVersion,
} from "../../pkg/gpai_check.js";

const root = new URL("../../", import.meta.url).pathname;
const read = (p) => readFileSync(join(root, p), "utf8");
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });

const examples = readdirSync(join(root, "www/examples"))
  .filter((f) => f.endsWith(".json") && f !== "index.json")
  .map((f) => ({ name: f.replace(/\.json$/, ""), submission: JSON.parse(read(`www/examples/${f}`)) }));

function throws(fn, code, path) {
  /** @type {any} */
  let caught;
  try { fn(); } catch (e) { caught = e; }
  assert.ok(caught, `expected a GpaiInputError ${code}`);
  assert.equal(caught.name, "GpaiInputError");
  assert.ok(caught instanceof Error);
  caught = /** @type {any} */ (caught);
  assert.equal(caught.code, code, caught.message);
  assert.equal(caught.path, path, caught.message);
  if (path) assert.ok(caught.message.startsWith(path), `message names the field: ${caught.message}`);
  return caught;
}

test("the wasm package gives the same reports as the native engine (goldens)", () => {
  assert.ok(examples.length >= 3);
  for (const { name, submission } of examples) {
    const report = sealedReport(submission);
    const golden = JSON.parse(read(`tests/golden/${name}.report.json`));
    assert.deepStrictEqual(report, golden, name);
    assert.equal(report.digest, golden.digest, `${name}: same digest`);
    // evaluate() is the same report, not sealed: its digest is empty.
    assert.deepStrictEqual(evaluate(submission), { ...golden, digest: "" }, `${name}: unsealed`);
    assert.equal(reportMarkdown(submission), read(`tests/golden/${name}.report.md`), `${name}: same Markdown`);
  }
});

test("packs() lists the built-in pack with its digest, and pack() returns it", () => {
  const list = packs();
  assert.equal(list.length, 1);
  assert.equal(list[0].id, "gpai-cop-final");
  assert.match(list[0].digest, /^sha256:[0-9a-f]{64}$/);
  const p = pack("gpai-cop-final");
  assert.equal(p.digest, list[0].digest);
  assert.deepEqual(p.chapters.map((c) => c.id), ["T", "C", "SS", "TS"]);
  throws(() => pack("gpai-cop-draft"), "unknown_pack", "id");
});

test("the pack and the examples validate against the published JSON Schemas", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const packSchema = ajv.compile(JSON.parse(read("schema/pack.schema.json")));
  const subSchema = ajv.compile(JSON.parse(read("schema/submission.schema.json")));
  assert.ok(packSchema(pack("gpai-cop-final")), JSON.stringify(packSchema.errors));
  for (const { name, submission } of examples) {
    assert.ok(subSchema(submission), `${name}: ${JSON.stringify(subSchema.errors)}`);
  }
  // The schemas reject what the engine rejects.
  assert.equal(subSchema({ pack: "gpai-cop-final", profile: { training_compute_flops: 1 } }), false);
  assert.equal(subSchema({ profile: {} }), false);
  const broken = pack("gpai-cop-final");
  // @ts-expect-error: a kind outside the enum, which the schema must refuse
  broken.chapters[0].commitments[0].measures[0].requirements[0].kind = "must";
  assert.equal(packSchema(broken), false);
});

test("every report the engine gives validates against the report's schema, generated from its Rust types", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const reportSchema = ajv.compile(JSON.parse(read("schema/report.schema.json")));
  for (const { name, submission } of examples) {
    for (const report of [evaluate(submission), sealedReport(submission), JSON.parse(read(`tests/golden/${name}.report.json`))]) {
      assert.ok(reportSchema(report), `${name}: ${JSON.stringify(reportSchema.errors)}`);
    }
  }
  const empty = evaluate({ pack: "gpai-cop-final", answers: { t_downstream_response_days: -3, no_such_question: 1 } });
  assert.ok(reportSchema(empty), JSON.stringify(reportSchema.errors));
  // And it is a schema that can fail: a status outside the enum, a missing field.
  const broken = structuredClone(empty);
  // @ts-expect-error: a status outside the enum, which the schema must refuse
  broken.chapters[0].measures[0].status = "mostly";
  assert.equal(reportSchema(broken), false);
  delete broken.questions;
  assert.equal(reportSchema(broken), false);
});

test("scope() answers from a plain object and explains itself", () => {
  const s = scope({ significant_generality: "yes", placed_on_eu_market: true, established_in_eu: false });
  assert.equal(s.inScope, true);
  const art54 = s.obligations.find((o) => o.id === "art54");
  assert.equal(art54.applies, true);
  // Reasons are ids; each has its words and legal source in scopeTexts().
  const texts = new Map(scopeTexts().reasons.map((r) => [r.id, r]));
  assert.ok(art54.reasons.length > 0 && art54.reasons.every((id) => texts.get(id)?.text && texts.get(id)?.source));
  assert.ok(scopeTexts().obligations.find((o) => o.id === "art54").article.startsWith("Art 54"));
  assert.equal(scopeQuestions().length, JSON.parse(read("src/packs/ai-act-scope.json")).inputs.length);
  assert.equal(engineVersion(), JSON.parse(read("tests/golden/closed-non-eu.report.json")).engineVersion);
});

test("unusable input throws a GpaiInputError with a stable code and the field path", () => {
  // The wrong inputs below are type errors too: a JavaScript caller gets the same refusals.
  // @ts-expect-error: misspelt key
  throws(() => scope({ training_compute_flops: 1e24 }), "unknown_field", "training_compute_flops");
  // @ts-expect-error: a string for a number
  throws(() => scope({ training_compute_flop: "1e24" }), "invalid_type", "training_compute_flop");
  throws(() => scope({ training_compute_flop: -1 }), "invalid_value", "training_compute_flop");
  throws(() => scope({ training_compute_flop: NaN }), "invalid_type", "training_compute_flop");
  throws(() => scope({ training_compute_flop: Infinity }), "invalid_type", "training_compute_flop");
  throws(() => scope(JSON.parse('{"__proto__": {"is_sme": true}}')), "unknown_field", "__proto__");
  throws(() => scope(undefined), "invalid_type", "");
  throws(() => evaluate({ pack: "gpai-cop-final", packVersion: "0.0.1" }), "pack_version_mismatch", "packVersion");
  // @ts-expect-error: a number for a boolean
  throws(() => evaluate({ pack: "gpai-cop-final", profile: { is_sme: 1 } }), "invalid_type", "profile.is_sme");
  throws(() => evaluate({ pack: "gpai-cop-final", assessmentDate: "2025-02-29" }), "invalid_value", "assessmentDate");
  const cyclic = { pack: "gpai-cop-final" };
  cyclic.self = cyclic;
  throws(() => evaluate(cyclic), "invalid_json", "");
  // A renderer renders only the engine's own evaluation: never a report handed to it.
  // @ts-expect-error: a report is neither a submission nor a bundle
  throws(() => reportMarkdown(evaluate({ pack: "gpai-cop-final" })), "not_verified", "");
  // @ts-expect-error: answers as a list
  throws(() => reportMarkdown({ pack: "gpai-cop-final", answers: [] }), "invalid_type", "answers");
});

test("answer problems become findings, and NaN is never taken for an empty answer", () => {
  const r = evaluate({
    pack: "gpai-cop-final",
    profile: { significant_generality: "yes", placed_on_eu_market: true },
    answers: { t_downstream_response_days: NaN, c_policy_exists: "maybe", c_unknown: "yes", c_crawls_web: null },
  });
  const byId = Object.fromEntries(r.findings.map((f) => [f.questionId, f]));
  assert.equal(byId.t_downstream_response_days.code, "invalid-answer");
  assert.equal(byId.c_policy_exists.code, "invalid-answer");
  assert.equal(byId.c_unknown.code, "unknown-question");
  assert.equal(byId.c_crawls_web, undefined, "null clears an answer without a finding");
});

test("the README example runs as written", () => {
  const readme = read("README.md");
  const match = readme.match(/<!-- readme-example -->\s*```js\n([\s\S]*?)```/);
  assert.ok(match, "README has a JS example marked <!-- readme-example -->");
  const dir = mkdtempSync(join(tmpdir(), "gpai-readme-"));
  const file = join(dir, "example.mjs");
  writeFileSync(file, match[1].replaceAll('"./pkg/', `"${root}pkg/`));
  const out = execFileSync(process.execPath, [file], { cwd: root, encoding: "utf8" });
  // What the README says the example prints.
  for (const expected of match[1].matchAll(/\/\/ prints: (.*)/g)) {
    assert.ok(out.includes(expected[1].trim()), `README promises "${expected[1]}", got:\n${out}`);
  }
});

test("documents() writes the Model Documentation Form for each recipient and the public training-content summary, from answers only", () => {
  const frontier = examples.find((e) => e.name === "frontier-systemic-risk").submission;
  const docs = documents(frontier);
  assert.deepEqual(docs.map((d) => d.recipient), ["AIO", "NCA", "DP", "public"]);
  for (const d of docs) {
    const [md] = d.files;
    // The summary has no model card: CycloneDX has no place for it.
    assert.deepEqual(d.files.map((f) => f.mediaType), d.recipient === "public" ? ["text/markdown"] : ["text/markdown", "application/vnd.cyclonedx+json"]);
    assert.equal(md.text, read(`tests/golden/frontier-systemic-risk.${d.id}.md`), `${d.id} is the golden document`);
    assert.ok(md.text.includes(sealedReport(frontier).digest), "traced to the sealed report");
  }
  // A report handed in is refused, as by every renderer.
  // @ts-expect-error: a report is neither a submission nor a bundle
  throws(() => documents(evaluate(frontier)), "not_verified", "");
});

test("isGpaiInputError tells the package's own refusals from other errors", () => {
  let caught;
  try {
    evaluate({ pack: "gpai-cop-final", answers: /** @type {any} */ ([]) });
  } catch (error) {
    caught = error;
  }
  assert.equal(isGpaiInputError(caught), true);
  assert.equal(isGpaiInputError(new Error("other")), false);
  assert.equal(isGpaiInputError({ name: "GpaiInputError", code: "x", path: "" }), false, "a look-alike plain object is not an Error");
  assert.equal(isGpaiInputError(null), false);
});
