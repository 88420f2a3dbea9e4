// How short short mode is, measured on the example profiles: the questions it asks against the
// full path, for a provider who has only answered the profile (where a person starts), printed
// as a diagnostic and stated in docs/browser-app.md. Short mode asks only what a result still
// needs; it leaves out optional items and the AI Office's on-request Form figures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { initSync, evaluate, pack } from "../../pkg/gpai_check.js";
import { aiOfficeOnlyQuestions, shortModeReason, neededQuestions, answeredQuestions } from "../../www/short-mode.js";

const root = new URL("../../", import.meta.url).pathname;
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });
const aiOfficeOnly = aiOfficeOnlyQuestions(pack("gpai-cop-final"));
const examples = readdirSync(join(root, "www/examples")).filter((f) => f.endsWith(".json") && f !== "index.json").sort();

/** The questions each path asks on these answers: full = every asked one; short = those short mode keeps. */
function paths(submission) {
  const report = evaluate(submission);
  const asked = report.questions.filter((q) => q.asked).map((q) => q.id);
  const context = { answered: answeredQuestions(report), needed: neededQuestions(report), aiOfficeOnly };
  const short = asked.filter((id) => shortModeReason(id, context) === null);
  const reasons = asked.map((id) => shortModeReason(id, context)).filter(Boolean);
  return { full: asked.length, short: short.length, optional: reasons.filter((r) => r === "optional").length, aiOffice: reasons.filter((r) => r === "ai-office").length };
}

test("short mode asks fewer questions than the full path, and every one it leaves out has a stated reason", (t) => {
  const rows = [];
  for (const file of examples) {
    const example = JSON.parse(readFileSync(join(root, "www/examples", file), "utf8"));
    const start = paths({ pack: example.pack, profile: example.profile, assessmentDate: example.assessmentDate });
    rows.push([file.replace(/\.json$/, ""), start]);
    assert.ok(start.full > 0, `${file}: the full path asks something once the profile is answered`);
    assert.ok(start.short < start.full, `${file}: short mode asks fewer (${start.short} of ${start.full})`);
    assert.equal(start.full - start.short, start.optional + start.aiOffice, `${file}: each question left out is optional or for the AI Office only`);
  }
  for (const [name, p] of rows) {
    t.diagnostic(`${name}: short mode asks ${p.short} of ${p.full} questions (${Math.round((100 * p.short) / p.full)}%); leaves out ${p.optional} not needed for a result, ${p.aiOffice} AI-Office-only Form figures`);
  }
});
