// The first-screen engine (www/engine/gpai_check_first_screen*, built by scripts/build.sh without
// the "evaluation" feature): the scope decision alone, for a page that shows the profile questions
// and the scope verdict before the pack and its evaluation arrive (docs/performance.md). It must
// decide exactly as the whole engine does, and leave the pack and the evaluation out, which is
// what makes it a third of the page engine's size.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as whole from "../../pkg/gpai_check.js";
import * as firstScreen from "../../www/engine/gpai_check_first_screen.js";

const root = new URL("../../", import.meta.url).pathname;
whole.initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });
firstScreen.initSync({ module: readFileSync(join(root, "www/engine/gpai_check_first_screen_bg.wasm")) });

const profiles = readdirSync(join(root, "www/examples"))
  .filter((f) => f.endsWith(".json") && f !== "index.json")
  .map((f) => [f, JSON.parse(readFileSync(join(root, "www/examples", f), "utf8")).profile]);

/** What a call gives, or the error it throws, as plain data. */
function outcome(call) {
  try {
    return { value: call() };
  } catch (error) {
    return { error: { name: error.name, code: error.code, path: error.path, message: error.message } };
  }
}

test("the first-screen engine decides the scope of every example, and of an empty profile, as the whole engine does", () => {
  for (const [name, profile] of [...profiles, ["an empty profile", {}]]) {
    assert.deepEqual(outcome(() => firstScreen.scope(profile)), outcome(() => whole.scope(profile)), name);
  }
});

test("the first-screen engine refuses a wrong profile with the whole engine's error", () => {
  /** @type {any[]} wrong on purpose */
  const wrong = [{ placed_on_eu_market: "yes" }, { no_such_question: true }, { training_compute_flop: -1 }];
  for (const profile of wrong) {
    const got = outcome(() => firstScreen.scope(profile));
    assert.ok(got.error, JSON.stringify(profile));
    assert.deepEqual(got, outcome(() => whole.scope(profile)), JSON.stringify(profile));
  }
});

test("the first-screen engine asks the same profile questions, in the same words, with the same numbers and limits", () => {
  assert.deepEqual(firstScreen.scopeQuestions(), whole.scopeQuestions());
  assert.deepEqual(firstScreen.scopeTexts(), whole.scopeTexts());
  assert.deepEqual(firstScreen.messages(), whole.messages());
  assert.deepEqual(firstScreen.limits(), whole.limits());
  assert.equal(firstScreen.engineVersion(), whole.engineVersion());
  for (const text of ["2.4e25", "10^24", "1 000", "-3", "many"]) {
    assert.deepEqual(firstScreen.parseNumber(text, { allowNegative: false }), whole.parseNumber(text, { allowNegative: false }), text);
  }
});

test("the first-screen engine has no pack and no evaluation: those come with the whole engine", () => {
  for (const name of ["pack", "packs", "evaluate", "evaluateJson", "reportSummary", "whatChanged", "sealedReport", "reportMarkdown", "documents"]) {
    assert.equal(/** @type {Record<string, unknown>} */ (firstScreen)[name], undefined, name);
    assert.equal(typeof (/** @type {Record<string, unknown>} */ (whole)[name]), "function", name);
  }
});
