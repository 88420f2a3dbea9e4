// The bad-input corpus through the JS package: each file, given as the bytes of a file to
// evaluateJson(), is refused with the same stable code and path as natively; JS-only hazards
// (NaN, Infinity, cycles, BigInt, __proto__, undefined) are refused by evaluate() too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initSync, evaluate, evaluateJson, resultBundle } from "../../pkg/gpai_check.js";

const root = new URL("../../", import.meta.url).pathname;
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });
const expected = JSON.parse(readFileSync(join(root, "tests/bad-input/expected.json"), "utf8"));

/** @returns {any} the GpaiInputError thrown */
function refusal(fn) {
  try {
    fn();
  } catch (e) {
    assert.equal(e.name, "GpaiInputError", String(e));
    return e;
  }
  assert.fail("accepted");
}

test("every file of the corpus is refused with the native code and path", () => {
  assert.ok(Object.keys(expected).length >= 40);
  for (const [file, { code, path }] of Object.entries(expected)) {
    const bytes = file.startsWith("(generated)")
      ? new TextEncoder().encode(`{"pack": "gpai-cop-final", "title": "${"x".repeat(20 * 1024 * 1024)}"}`)
      : new Uint8Array(readFileSync(join(root, "tests/bad-input", file)));
    const e = refusal(() => evaluateJson(bytes));
    assert.equal(e.code, code, `${file}: ${e.message}`);
    assert.equal(e.path, path, `${file}: ${e.message}`);
    if (path) assert.ok(e.message.startsWith(path), `${file}: ${e.message}`);
  }
});

test("JSON text gives the same result as the bytes of the file", () => {
  const text = readFileSync(join(root, "tests/bad-input/misspelt-profile-key.json"), "utf8");
  const e = refusal(() => evaluateJson(text));
  assert.equal(e.code, "unknown_field");
  assert.equal(e.path, "profile.training_compute_flops");
  const good = readFileSync(join(root, "www/examples/fine-tuner.json"), "utf8");
  assert.deepEqual(evaluateJson(good), evaluate(JSON.parse(good)));
  // @ts-expect-error: neither text nor bytes
  assert.equal(refusal(() => evaluateJson(42)).code, "invalid_type");
});

test("JS values that JSON cannot carry are refused, not silently changed", () => {
  const base = () => ({ pack: "gpai-cop-final", profile: {} });
  for (const [value, code] of [[NaN, "invalid_type"], [Infinity, "invalid_type"], [-Infinity, "invalid_type"], [10n ** 25n, "invalid_type"]]) {
    const s = base();
    s.profile.training_compute_flop = value;
    const e = refusal(() => evaluate(s));
    assert.equal(e.code, code, String(value));
    assert.equal(e.path, "profile.training_compute_flop", String(value));
  }
  const cyclic = base();
  cyclic.profile.self = cyclic;
  assert.equal(refusal(() => evaluate(cyclic)).code, "invalid_json");
  const proto = JSON.parse('{"pack": "gpai-cop-final", "profile": {"__proto__": {"is_sme": true}}}');
  assert.equal(refusal(() => evaluate(proto)).path, "profile.__proto__");
  // undefined is "not given", exactly like a missing key.
  assert.equal(evaluate({ ...base(), title: undefined }).title, null);
});

test("a Map, a Set, a Date or a class instance is refused where an object or a value belongs, naming where (JSON.stringify would make {} of a Map: no answers)", () => {
  class Answers {
    constructor() {
      this.c_policy_exists = "yes";
    }
  }
  const cases = [
    [{ pack: "gpai-cop-final", answers: new Map([["c_policy_exists", "yes"]]) }, "answers", "Map"],
    [{ pack: "gpai-cop-final", answers: new Date() }, "answers", "Date"],
    [{ pack: "gpai-cop-final", answers: new Answers() }, "answers", "Object"],
    [{ pack: "gpai-cop-final", profile: new Map() }, "profile", "Map"],
    [{ pack: "gpai-cop-final", answers: { c_sources: new Set(["a"]) } }, "answers.c_sources", "Set"],
    [{ pack: "gpai-cop-final", answers: { t_date: [new Date(0)] } }, "answers.t_date[0]", "Date"],
    [{ pack: "gpai-cop-final", profile: { assessment_date: new Date(0) } }, "profile.assessment_date", "Date"],
    [{ pack: "gpai-cop-final", title: new String("x") }, "title", "String"],
    [new Map([["pack", "gpai-cop-final"]]), "", "Map"],
  ];
  for (const [value, path, kind] of /** @type {[any, string, string][]} */ (cases)) {
    const e = refusal(() => evaluate(value));
    assert.equal(e.code, "invalid_type", path);
    assert.equal(e.path, path);
    assert.match(e.message, new RegExp(`got a ${kind}$`), path);
  }
  // An object made without a prototype, or in another realm, is a plain object.
  const bare = Object.assign(Object.create(null), { c_policy_exists: "yes" });
  assert.equal(evaluate({ pack: "gpai-cop-final", answers: bare }).questions.find((q) => q.id === "c_policy_exists").answer, "answered");
  // @ts-expect-error: a Map where a plain object of answers belongs
  assert.equal(refusal(() => resultBundle({ pack: "gpai-cop-final", answers: new Map() })).path, "answers");
});

test("deep nesting inside an answer is refused as too deep, naming the answer, and the module keeps working", () => {
  const deep = `{"pack": "gpai-cop-final", "answers": {"c_crawls_web": ${"[".repeat(100000)}${"]".repeat(100000)}}}`;
  const e = refusal(() => evaluateJson(deep));
  assert.equal(e.code, "too_deep");
  assert.equal(e.path, "answers.c_crawls_web[0][0][0][0][0][0]…");
  assert.equal(evaluate({ pack: "gpai-cop-final" }).packId, "gpai-cop-final");
});

/** An object `depth` levels of { a: ... } deep, built without recursion. */
function nested(depth) {
  const top = {};
  let inner = top;
  for (let i = 1; i < depth; i++) inner = inner.a = {};
  return top;
}

test("a JS value nested 5,000 deep says too_deep, the limit and where, as the same JSON text does", () => {
  const submission = { pack: "gpai-cop-final", profile: {}, answers: nested(5000) };
  const e = refusal(() => evaluate(submission));
  assert.equal(e.code, "too_deep");
  assert.equal(e.path, "answers.a.a.a.a.a.a.a…");
  assert.match(e.message, /^answers\.a\.a\.a\.a\.a\.a\.a…: lists and objects are nested deeper than the limit of 127 levels$/);
  // The same value as text (too deep for JSON.stringify, so written by hand) gets the same error.
  const text = `{"pack": "gpai-cop-final", "profile": {}, "answers": ${'{"a": '.repeat(4999)}{}${"}".repeat(4999)}}`;
  const fromText = refusal(() => evaluateJson(text));
  assert.deepEqual([fromText.code, fromText.path, fromText.message], [e.code, e.path, e.message]);
  // Shallow enough for JSON.stringify but past the limit: the engine's check, the same words.
  const e200 = refusal(() => evaluate({ pack: "gpai-cop-final", profile: {}, answers: nested(200) }));
  assert.deepEqual([e200.code, e200.path, e200.message], [e.code, e.path, e.message]);
  // A list inside a list: the path counts its indices.
  const lists = { pack: "gpai-cop-final", answers: { c_crawls_web: [] } };
  let list = lists.answers.c_crawls_web;
  for (let i = 0; i < 5000; i++) list = list[list.push("x", []) - 1];
  assert.equal(refusal(() => evaluate(lists)).path, "answers.c_crawls_web[1][1][1][1][1][1]…");
  assert.equal(evaluate({ pack: "gpai-cop-final" }).packId, "gpai-cop-final", "the module keeps working");
});
