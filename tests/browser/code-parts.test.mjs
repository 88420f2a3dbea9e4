// The parts of the whole Code on the page: the Model Documentation Form (sections, recipients,
// precision), quantities, consistency checks, Safety and Security, SME simplifications.
// Run: node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { startHarness, openPage, gotoReady, eventually, textOf, storedOpenAssessment, radio, answerInScopeProfile } from "./harness.mjs";
import { pack, form, frontierSubmission, storedAssessments, putStorage } from "./submissions.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const FRONTIER_EXAMPLE = "frontier-systemic-risk.json";

async function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? null);
}

const stored = storedOpenAssessment;

/** Puts a submission in the page's storage and reloads, as if the person had typed it all. */
async function loadSubmission(page, submission) {
  await putStorage(page, storedAssessments([submission]));
  await gotoReady(page);
}

/**
 * Loads the frontier example through the example picker when the page lists it; otherwise a
 * frontier submission made from the pack's questions (see submissions.mjs).
 */
async function loadFrontier(page) {
  const index = JSON.parse(await readFile(new URL("../../www/examples/index.json", import.meta.url), "utf8"));
  if (index.some((e) => e.file === FRONTIER_EXAMPLE)) {
    await page.getByLabel("Load an example").selectOption(FRONTIER_EXAMPLE);
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    return "example";
  }
  await loadSubmission(page, frontierSubmission());
  return "built";
}

/** Profile answers that put a model in scope without systemic risk (5e24 FLOP). */
async function answerInScopeProfileWithCompute(page) {
  await answerInScopeProfile(page);
  await page.getByLabel("Training compute of the model").fill("5e24");
  await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
}

const fieldCount = (recipient) => form.fields.filter((f) => f.recipients.includes(recipient)).length;
const safetySecurity = pack.chapters.find((c) => c.id === "SS");
const ssMeasures = safetySecurity.commitments.flatMap((c) => c.measures);

/** Measure id -> the ids of the SME simplifications that concern it (from the pack). */
function simplificationsByMeasure() {
  const out = new Map();
  for (const s of safetySecurity.simplifications ?? []) for (const m of s.measures) out.set(m, [...(out.get(m) ?? []), s.id]);
  return out;
}

const measureDomId = (id) => `#measure-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;

test("the frontier example: Safety and Security applies with its measures, the Form is complete for every recipient, no contradiction", async (t) => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    t.diagnostic(`frontier state: ${await loadFrontier(page)}`);

    const ss = page.locator("#chapter-SS");
    assert.equal(await ss.locator(".chapter-not-applicable").isVisible(), false);
    assert.ok(await ss.locator(".chapter-body").isVisible());
    assert.equal(await ss.locator(".measure:visible").count(), ssMeasures.length);
    assert.match(await textOf(ss.locator(".chapter-counts")), new RegExp(`^${ssMeasures.length} measures`));
    assert.ok(await page.locator("#chapter-TS .chapter-body").isVisible(), "the training-content summary applies in scope");

    // Completeness per recipient, above the fields: "AI Office: 37 of 37 answered".
    const recipients = page.locator("#form-MDF .form-recipients li");
    assert.equal(await recipients.count(), 3);
    for (const [id, label] of [["AIO", "AI Office"], ["NCA", "National competent authorities"], ["DP", "Downstream providers"]]) {
      const n = fieldCount(id);
      assert.match(await textOf(page.locator(`#form-MDF .form-recipients li[data-recipient=${id}]`)), new RegExp(`^${label}: ${n} of ${n} answered`));
    }
    assert.equal(await page.locator("#form-MDF .form-precision-summary").isVisible(), false);

    // The fields are grouped by the Form's sections, each a heading in an open <details>.
    const sections = page.locator("#measure-T-1_1 details.form-section");
    assert.equal(await sections.count(), form.sections.length);
    assert.deepEqual(await sections.locator("summary h5").evaluateAll((els) => els.map((e) => e.firstChild.textContent.trim())), form.sections);
    assert.ok(await sections.evaluateAll((els) => els.every((e) => e.open)));
    const compute = page.locator("#q-t_mdf_7_2b");
    assert.equal(await compute.locator("xpath=ancestor::details[1]/summary/h5").evaluate((e) => e.firstChild.textContent.trim()), "Computational resources (during training)");
    const meta = await textOf(compute.locator(".form-meta"));
    assert.match(meta, /^MDF-7\.2b For: AI Office\. Precision: at least 2 significant figures$/);
    assert.match(await textOf(page.locator("#q-t_mdf_7_2a .form-meta")), /Precision: order of magnitude, e\.g\. 1e24/);
    assert.deepEqual(await page.locator("#q-t_mdf_1_1 .form-meta .tag").allTextContents(), ["AI Office", "National competent authorities", "Downstream providers"]);

    // The requirement that every field be filled in says so in its trace.
    assert.match(await textOf(page.locator("#req-T-1_1-R1 .trace")), /Every field of the Model Documentation Form \(see above\) → Met/);

    // Consistency: every check ran and none tripped.
    assert.match(await textOf(page.locator("#cross-checks-counts")), /^No contradiction found\. \d+ checks passed\.$/);
    assert.equal(await page.locator("#cross-checks-list").isVisible(), false);
    assert.equal(await page.locator(".cross-note:visible").count(), 0);
    assert.doesNotMatch(await textOf(page.locator("#summary")), /consistency/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("a Form quantity is sent as typed; too few significant figures show a message at the field that clears when fixed", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await answerInScopeProfileWithCompute(page);
    const input = page.locator("#q-t_mdf_7_2b-input");
    const message = page.locator("#q-t_mdf_7_2b-precision");
    assert.equal(await textOf(page.locator("#q-t_mdf_7_2b-hint")), "A number such as 2.4e25 or 7.3x10^10, in FLOP.");
    assert.equal(await textOf(page.locator("#q-t_mdf_8_1-hint")), "A number such as 2.4e25 or 7.3x10^10 or N/A, in MWh.");

    await input.fill("7e10");
    await eventually(async () => assert.ok(await message.isVisible()));
    assert.match(await textOf(message), /at least 2 significant figures/);
    assert.equal(await input.getAttribute("aria-invalid"), "true");
    assert.match(await input.getAttribute("aria-describedby"), /q-t_mdf_7_2b-precision/);
    assert.equal((await stored(page)).answers.t_mdf_7_2b, "7e10", "the answer is kept as the text typed");
    assert.match(await textOf(page.locator("#form-MDF .form-precision-summary")), /MDF-7\.2b: Give at least 2 significant figures/);

    // Typed key by key: the field keeps focus and every character, whatever shows meanwhile.
    await input.fill("");
    await input.focus();
    await page.keyboard.type("2.4e25");
    assert.equal(await input.inputValue(), "2.4e25");
    assert.equal(await focusedId(page), "q-t_mdf_7_2b-input");
    await eventually(async () => assert.equal(await message.isVisible(), false));
    assert.equal(await input.getAttribute("aria-invalid"), null);
    assert.doesNotMatch((await input.getAttribute("aria-describedby")) ?? "", /precision/);
    assert.equal((await stored(page)).answers.t_mdf_7_2b, "2.4e25");
    assert.equal(await page.locator("#form-MDF .form-precision-summary").isVisible(), false);

    // "7.3x10^10" parameters: 2 significant figures, accepted as written.
    await page.locator("#q-t_mdf_2_7a-input").fill("7.3x10^10");
    await eventually(async () => assert.equal((await stored(page)).answers.t_mdf_2_7a, "7.3x10^10"));
    assert.equal(await page.locator("#q-t_mdf_2_7a-precision").isVisible(), false);
    assert.equal(await page.locator("#q-t_mdf_2_7a-finding").isVisible(), false);

    // N/A where allowed; a quantity the engine cannot read is a finding from the engine.
    await page.locator("#q-t_mdf_8_1-input").fill("N/A");
    await page.locator("#q-t_mdf_8_3-input").fill("about a lot");
    const finding = page.locator("#q-t_mdf_8_3-finding");
    await eventually(async () => assert.ok(await finding.isVisible()));
    assert.match(await textOf(finding), /2\.4e25 or 7\.3x10\^10/);
    assert.equal(await page.locator("#q-t_mdf_8_1-finding").isVisible(), false);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("a contradiction between the Form and the profile is listed under Consistency checks and marked at its question", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await answerInScopeProfileWithCompute(page);
    // 5e24 FLOP: no systemic risk, so Safety and Security does not apply, and says why.
    const ss = page.locator("#chapter-SS");
    assert.ok(await ss.locator(".chapter-not-applicable").isVisible());
    assert.match(await textOf(ss.locator(".chapter-not-applicable")), /not above 10\^25 FLOP/);
    assert.ok(await page.locator("#chapter-TS .chapter-body").isVisible());
    assert.match(await textOf(page.locator("#cross-checks-counts")), /^No contradiction found\./);

    const input = page.locator("#q-t_mdf_7_2b-input");
    await input.fill("2.4e25");
    const check = page.locator("#cross-checks-list #xcheck-X-01");
    await eventually(async () => assert.ok(await check.isVisible()));
    const text = await textOf(check);
    assert.match(text, /^Contradiction X-01 Training compute above 10\^25 FLOP, but no systemic risk/);
    assert.match(text, /presumes high-impact capabilities/);
    assert.match(text, /Sources: AI Act Art 51\(2\); AI Act Art 52\(2\); Form MDF-7\.2b; Form MDF-7\.2a/);
    const tripped = await page.locator("#cross-checks-list > li").count();
    const counts = await textOf(page.locator("#cross-checks-counts"));
    assert.match(counts, tripped === 1 ? /^1 contradiction found\./ : new RegExp(`^${tripped} contradictions found\\.`));
    assert.match(await textOf(page.locator("#summary")), tripped === 1 ? /1 consistency check finds a contradiction/ : new RegExp(`${tripped} consistency checks find a contradiction`));
    assert.ok(await page.locator("#jump-cross-checks").isVisible());

    // At the question: a note linking to the check; focus stayed in the field.
    const note = page.locator("#q-t_mdf_7_2b-cross");
    assert.ok(await note.isVisible());
    assert.equal(await note.getByRole("link", { name: /X-01/ }).getAttribute("href"), "#xcheck-X-01");
    assert.match(await input.getAttribute("aria-describedby"), /q-t_mdf_7_2b-cross/);
    assert.equal(await focusedId(page), "q-t_mdf_7_2b-input");

    // The same figure as the profile clears both.
    await input.fill("5.0e24");
    await eventually(async () => assert.match(await textOf(page.locator("#cross-checks-counts")), /^No contradiction found\./));
    assert.equal(await note.isVisible(), false);
    assert.equal(await page.locator("#cross-checks-list").isVisible(), false);
    assert.doesNotMatch((await input.getAttribute("aria-describedby")) ?? "", /cross/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("an SME profile shows the chapter's simplifications and a note at each measure they concern", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const submission = frontierSubmission();
    submission.profile.is_sme = true;
    await loadSubmission(page, submission);

    const box = page.locator("#chapter-SS .chapter-simplifications");
    assert.ok(await box.isVisible());
    assert.match(await textOf(box), /^Simplifications for SMEs and small mid-caps/);
    const first = safetySecurity.simplifications[0];
    assert.ok((await textOf(box.locator(`#simplification-${first.id}`))).includes(first.text));

    // At the measures: "Simplification for SMEs: SME-7", "Simplifications for SMEs: SME-4, SME-5, SME-6".
    const byMeasure = simplificationsByMeasure();
    const single = [...byMeasure].find(([, ids]) => ids.length === 1);
    const several = [...byMeasure].find(([, ids]) => ids.length > 1);
    const none = ssMeasures.find((m) => !byMeasure.has(m.id));
    assert.ok(single && several && none, "the pack has measures with one, several and no simplification");
    assert.equal(await textOf(page.locator(`${measureDomId(single[0])} .simplification-note`)), `Simplification for SMEs: ${single[1][0]}`);
    const severalNote = page.locator(`${measureDomId(several[0])} .simplification-note`);
    assert.equal(await textOf(severalNote), `Simplifications for SMEs: ${several[1].join(", ")}`);
    assert.equal(await severalNote.locator("a").first().getAttribute("href"), `#simplification-${several[1][0]}`);
    assert.equal(await page.locator(`${measureDomId(none.id)} .simplification-note`).isVisible(), false);

    // Not an SME: the simplifications go.
    await radio(page, /Are you an SME/, "No").check();
    await eventually(async () => assert.equal(await box.isVisible(), false));
    assert.equal(await severalNote.isVisible(), false);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("Safety and Security signed for a model without systemic risk applies, and says why", async () => {
  const { context, page } = await openPage(harness);
  try {
    await answerInScopeProfileWithCompute(page);
    await radio(page, /signed the Safety and Security chapter/, "Yes").check();
    const ss = page.locator("#chapter-SS");
    await eventually(async () => assert.ok(await ss.locator(".chapter-body").isVisible()));
    assert.match(await textOf(ss.locator(".chapter-applies-note")), /^Why this chapter applies: You signed the Safety and Security chapter voluntarily/);
  } finally {
    await context.close();
  }
});

test("axe-core finds no accessibility violations on the fully loaded page, contradictions and precision messages included", async () => {
  const { context, page } = await openPage(harness, { bypassCSP: true });
  try {
    await loadFrontier(page);
    await page.getByLabel("Training compute of the model").fill("5e24");
    await radio(page, /signed the Safety and Security chapter/, "Yes").check();
    await radio(page, /Are you an SME/, "Yes").check();
    await page.locator("#q-t_mdf_2_7a-input").fill("7e11");
    await page.locator("#q-t_mdf_8_3-input").fill("lots");
    await eventually(async () => assert.ok(await page.locator("#cross-checks-list").isVisible()));
    assert.ok(await page.locator("#q-t_mdf_2_7a-precision").isVisible());
    assert.ok(await page.locator("#q-t_mdf_8_3-finding").isVisible());
    assert.ok(await page.locator("#chapter-SS .chapter-simplifications").isVisible());
    await page.locator("#cross-checks-passed-box > summary").click();

    const axePath = fileURLToPath(import.meta.resolve("axe-core/axe.min.js"));
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    assert.deepEqual(violations, []);
  } finally {
    await context.close();
  }
});

test("one change on the frontier example: evaluate and render time (reported, not asserted)", async (t) => {
  const { context, page } = await openPage(harness);
  try {
    await loadFrontier(page);
    const field = page.locator("#q-t_mdf_1_2-input");
    await field.focus();
    await page.keyboard.press("End");
    const samples = [];
    for (let i = 0; i < 15; i++) {
      await page.keyboard.type(String(i % 10));
      samples.push(
        await page.evaluate(() => {
          const last = (name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN;
          return { evaluate: last("gpai-check:evaluate"), render: last("gpai-check:render") };
        }),
      );
    }
    // The whole input event, synchronously, plus the style and layout it causes.
    const whole = await page.evaluate(() => {
      const input = document.getElementById("q-t_mdf_1_2-input");
      const times = [];
      for (let i = 0; i < 15; i++) {
        const start = performance.now();
        input.value += "x";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        document.body.getBoundingClientRect();
        void document.body.offsetHeight;
        times.push(performance.now() - start);
      }
      return times;
    });
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const max = (xs) => Math.max(...xs);
    const ev = samples.map((s) => s.evaluate);
    const re = samples.map((s) => s.render);
    t.diagnostic(`evaluate: median ${median(ev).toFixed(1)} ms, max ${max(ev).toFixed(1)} ms`);
    t.diagnostic(`render: median ${median(re).toFixed(1)} ms, max ${max(re).toFixed(1)} ms`);
    t.diagnostic(`whole input event incl. storage, style and layout: median ${median(whole).toFixed(1)} ms, max ${max(whole).toFixed(1)} ms`);
    assert.ok(samples.every((s) => Number.isFinite(s.evaluate) && Number.isFinite(s.render)), "both halves are measured");
  } finally {
    await context.close();
  }
});
