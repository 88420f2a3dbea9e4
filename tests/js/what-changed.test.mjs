// whatChanged() and reportSummary() in the built package: a portal holding the reports engine
// 0.1.0 made with pack 0.1.0 (tests/fixtures/pack-0.1.0, format 1) re-checks the same answers
// and learns what moved and why, in the same terms as the native engine.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initSync, evaluate, pack, reportSummary, whatChanged } from "../../pkg/gpai_check.js";

const root = new URL("../../", import.meta.url).pathname;
const read = (p) => readFileSync(join(root, p), "utf8");
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });

const EXAMPLES = ["closed-non-eu", "fine-tuner", "frontier-systemic-risk", "sme-open-weights"];
const fixture = (name, what) => JSON.parse(read(`tests/fixtures/pack-0.1.0/${name}.${what}.json`));

/** The old answers evaluated now, as the page does: without the pack version they were given for. */
function nowOf(name) {
  const { packVersion, ...submission } = fixture(name, "submission");
  assert.equal(packVersion, "0.1.0");
  return evaluate(submission);
}

const statuses = (report) => new Map(report.chapters.flatMap((c) => c.measures).map((m) => [m.id, m.status]));
const changelog = pack("gpai-cop-final").changelog;
const entry = (item) => changelog[0].changes.find((c) => c.item === item).id;

test("a format-1 report of pack 0.1.0 against the same answers now: every moved status is listed and explained", () => {
  for (const name of EXAMPLES) {
    const old = fixture(name, "report");
    const now = nowOf(name);
    const w = whatChanged(old, now);
    assert.deepEqual([w.before.packVersion, w.before.reportFormat, w.after.packVersion], ["0.1.0", 1, "0.2.0"], name);
    const [a, b] = [statuses(old), statuses(now)];
    const moved = [...b.keys()].filter((id) => a.get(id) !== b.get(id));
    assert.deepEqual(w.measures.map((m) => m.id), moved, `${name}: exactly the measures that moved`);
    for (const m of w.measures) {
      assert.ok(m.causes.some((c) => ["pack-change", "chapter-applicability", "answers-changed"].includes(c.kind)), `${name} ${m.id}`);
      for (const c of m.causes.filter((c) => c.kind === "pack-change")) {
        for (const id of c.changes) assert.ok(changelog[0].changes.some((e) => e.id === id), `${id} is in the pack's changelog`);
      }
    }
  }
});

test("the frontier example's reasons name the changelog entries a reader can look up", () => {
  const w = whatChanged(fixture("frontier-systemic-risk", "report"), nowOf("frontier-systemic-risk"));
  const ss93 = w.measures.find((m) => m.id === "SS-9.3");
  assert.deepEqual([ss93.before, ss93.after], ["partial", "unanswered"]);
  const why = ss93.causes.find((c) => c.kind === "pack-change").changes;
  assert.ok(why.includes(entry("ss_incident_intermediate_report_weeks")));
  const words = changelog[0].changes.find((c) => c.id === why[0]);
  assert.ok(words.reason.length > 40 && words.sources.length > 0, "the words and sources come from the pack");
  assert.deepEqual(w.crossChecks.filter((x) => x.after === null).map((x) => x.id), ["X-21", "X-22", "X-23"]);
  assert.ok(w.questions.some((q) => q.id === "t_mdf_6_4_details" && q.change === "removed" && q.concernsYou));
  assert.ok(w.findingsAppeared.some((f) => f.questionId === "t_mdf_3_2b" && f.code === "invalid-answer"));
});

test("a summary is small, and compares as the report it was made of, natively and here alike", () => {
  const old = fixture("closed-non-eu", "report");
  const summary = reportSummary(old);
  assert.equal(summary.summaryVersion, 1);
  assert.ok(JSON.stringify(summary).length * 5 < JSON.stringify(old).length);
  const now = nowOf("closed-non-eu");
  assert.deepEqual(whatChanged(summary, now), whatChanged(old, now));
  // Two stored summaries: without the later check's list of questions, an added question counts
  // as asked wherever its measure applies (src/changes/mod.rs), so a question its showIf hides
  // (the template's fields while the summary is not written here) is said to concern you. That
  // is the only difference, and it is on the safe side.
  const both = whatChanged(summary, reportSummary(now));
  const exact = whatChanged(old, now);
  const hidden = new Set(now.questions.filter((q) => !q.asked).map((q) => q.id));
  const moved = both.questions.filter((q, i) => q.concernsYou !== exact.questions[i].concernsYou);
  assert.ok(moved.every((q) => q.change === "added" && q.concernsYou && hidden.has(q.id)), JSON.stringify(moved.map((q) => q.id)));
  assert.deepEqual({ ...both, questions: exact.questions }, exact);
});

test("an assessment known only by its pack version gets the changes that concern it", () => {
  const w = whatChanged({ packId: "gpai-cop-final", packVersion: "0.1.0" }, nowOf("sme-open-weights"));
  assert.equal(w.statusesKnown, false);
  assert.deepEqual(w.measures, []);
  assert.deepEqual(w.changes, changelog[0].changes.map((c) => c.id));
  assert.ok(w.relevantChanges.length > 0 && w.relevantChanges.length < w.changes.length, `${w.relevantChanges.length} of ${w.changes.length}`);
});

test("unusable checks throw GpaiInputError naming the field", () => {
  const now = nowOf("fine-tuner");
  /** @type {[any, string, string][]} */
  const cases = [
    [{ packVersion: "0.1.0" }, "missing_field", "before.packId"],
    [{ packId: "another", packVersion: "0.1.0" }, "invalid_value", "before.packId"],
    [null, "invalid_type", "before"],
  ];
  for (const [before, code, path] of cases) {
    assert.throws(
      () => whatChanged(before, now),
      (/** @type {any} */ e) => e.name === "GpaiInputError" && e.code === code && e.path === path,
      JSON.stringify(before),
    );
  }
});
