// The engine's limits through the built package: limits() is what evaluate() applies, and the
// page's title cut (www/title.js) counts as the engine counts, in code points, so that astral
// characters (emoji: two UTF-16 code units each) behave the same on both sides.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initSync, limits, evaluate } from "../../pkg/gpai_check.js";
import { clipTitle } from "../../www/title.js";

const root = new URL("../../", import.meta.url).pathname;
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });

const EMOJI = "😀";
const submission = (title) => ({ pack: "gpai-cop-final", title, profile: {}, answers: {} });
function refusal(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail("accepted");
}

test("limits() gives the engine's limits", () => {
  assert.deepEqual(limits(), { maxSubmissionBytes: 4 * 1024 * 1024, maxBundleBytes: 12 * 1024 * 1024, maxAnswers: 5000, maxTitleChars: 500, maxTextChars: 20000, maxNumberChars: 64, maxDepth: 127 });
});

test("a title of maxTitleChars emoji is accepted; one more is refused, naming the title", () => {
  const { maxTitleChars } = limits();
  const longest = EMOJI.repeat(maxTitleChars);
  assert.equal(longest.length, 2 * maxTitleChars, "twice as many UTF-16 code units");
  assert.equal(evaluate(submission(longest)).title, longest);
  const e = refusal(() => evaluate(submission(longest + EMOJI)));
  assert.equal(e.code, "too_large");
  assert.equal(e.path, "title");
});

test("the page cuts a title to the same count, never into half an emoji", () => {
  const { maxTitleChars } = limits();
  const longest = EMOJI.repeat(maxTitleChars);
  assert.equal(clipTitle(longest), longest, "500 emoji are kept whole");
  assert.equal(clipTitle(longest + EMOJI), longest, "501 are cut to 500");
  const cut = clipTitle(`a${longest}`);
  assert.equal(Array.from(cut).length, maxTitleChars);
  assert.equal(cut, `a${EMOJI.repeat(maxTitleChars - 1)}`, "no lone surrogate at the end");
  assert.equal(evaluate(submission(cut)).title, cut, "and the engine takes what the page kept");
  assert.equal(clipTitle("Northwind"), "Northwind");
});
