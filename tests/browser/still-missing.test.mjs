// The "Still missing" panel: every question measures still wait on, what blocks compliance most
// first, as the engine orders `report.missing`; live updates, links that move focus, the
// "Show all" control, short mode, the empty state, axe, and the <gpai-check> element.
// Run: node --test tests/browser/still-missing.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluate } from "../../pkg/gpai_check.js";
import { startHarness, openPage, gotoReady, eventually, textOf, storedOpenAssessment } from "./harness.mjs";
import { pack, storedAssessments, putStorage, partlyAnswered } from "./submissions.mjs";

const SCREENSHOTS = process.env.SCREENSHOTS ?? "/tmp/gpai-check-screens";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const FIRST_SHOWN = 10;
const questionText = new Map(pack.chapters.flatMap((c) => c.commitments.flatMap((cm) => cm.measures.flatMap((m) => m.questions.map((q) => [q.id, q.text])))));

/** The engine's report for what the page has stored, computed here in Node. */
async function engineReport(page) {
  const state = await storedOpenAssessment(page);
  return evaluate({ pack: pack.id, packVersion: pack.version, title: state.title || undefined, profile: state.profile, answers: state.answers });
}

/** What the panel shows, entry by entry: the question's text, its link, the count and ids shown. */
async function shownEntries(scope) {
  const items = scope.locator("#still-missing-list > li");
  const out = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    const link = item.locator("a");
    const hasLink = (await link.count()) === 1;
    const blocks = await textOf(item.locator(".still-missing-blocks"));
    const m = /^(\d+) measures? waits? on it: (.+?)\.(?: Its answer .*)?$/.exec(blocks);
    assert.ok(m, `entry ${i} says how many measures wait on it: ${blocks}`);
    out.push({
      // Linked: the link's text; left out: the name given in place of a link (with its note).
      text: hasLink ? await textOf(link) : await textOf(item.locator(":scope > span").first()),
      href: hasLink ? await link.getAttribute("href") : null,
      count: Number(m[1]),
      ids: m[2].split(", "),
    });
  }
  return out;
}

/** Checks the entries shown against the engine's `missing`, in order, and the counts' order. */
function assertMatchesEngine(entries, missing, shown) {
  assert.equal(entries.length, shown);
  entries.forEach((e, i) => {
    const m = missing[i];
    if (e.href !== null) assert.equal(e.text, questionText.get(m.questionId), `entry ${i} is ${m.questionId}`);
    else assert.ok(e.text.startsWith(questionText.get(m.questionId)), `entry ${i} names ${m.questionId}: ${e.text}`);
    assert.equal(e.count, m.measureIds.length, `entry ${i}: the count shown is the engine's`);
    assert.deepEqual(e.ids, m.measureIds, `entry ${i}: the measures shown are the engine's`);
    if (i > 0) assert.ok(e.count <= entries[i - 1].count, `entry ${i} blocks no more measures than the one before`);
  });
}

test("the panel lists what blocks most first, updates live, and its links move focus to the question", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await putStorage(page, storedAssessments([partlyAnswered()]));
    await gotoReady(page);
    const panel = page.getByRole("region", { name: "Still missing" });
    assert.ok(await panel.isVisible());

    // The order and the counts are the engine's; the counts agree with the measures' own lists.
    const report = await engineReport(page);
    const missing = report.missing;
    assert.ok(missing.length > FIRST_SHOWN, `${missing.length} questions missing`);
    const waiting = new Map();
    for (const m of report.chapters.flatMap((c) => c.measures)) for (const q of m.missing) waiting.set(q, [...(waiting.get(q) ?? []), m.id]);
    for (const m of missing) assert.deepEqual(m.measureIds, waiting.get(m.questionId), m.questionId);
    assert.equal(missing.length, waiting.size);
    assert.ok(missing[0].measureIds.length >= 3, "the top question holds up several measures");

    const count = page.locator("#still-missing-count");
    // The summary announces each evaluation; the count is not a second live region.
    assert.equal(await count.getAttribute("aria-live"), null);
    assert.equal(await page.locator("#summary").getAttribute("aria-live"), "polite");
    assert.equal(await textOf(count), `${missing.length} questions are still to answer.`);
    const entries = await shownEntries(page);
    assertMatchesEngine(entries, missing, FIRST_SHOWN);
    assert.ok(entries[0].count > entries.at(-1).count, "the counts shown go down the list");
    await mkdir(SCREENSHOTS, { recursive: true });
    await panel.screenshot({ path: join(SCREENSHOTS, "still-missing.png") });

    // "Show all", by keyboard: every entry, in the engine's order; and back.
    const toggle = page.getByRole("button", { name: `Show all ${missing.length}` });
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    await toggle.focus();
    await page.keyboard.press("Enter");
    const less = page.getByRole("button", { name: `Show the first ${FIRST_SHOWN} only` });
    assert.equal(await less.getAttribute("aria-expanded"), "true");
    assertMatchesEngine(await shownEntries(page), missing, missing.length);
    assert.equal(await page.evaluate(() => document.activeElement.className), "still-missing-toggle", "focus stays on the control");
    await page.keyboard.press("Enter");
    assert.equal(await page.locator("#still-missing-list > li").count(), FIRST_SHOWN);

    // The top entry's link, followed by keyboard, focuses its question's field.
    const top = missing[0].questionId;
    const link = page.locator("#still-missing-list > li").first().getByRole("link");
    assert.equal(await textOf(link), questionText.get(top));
    await link.focus();
    await page.keyboard.press("Enter");
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.closest(".question")?.id ?? null), `q-${top}`));
    assert.equal(await page.evaluate(() => document.activeElement.id), entries[0].href.slice(1));
    assert.ok(await page.locator(`#q-${top}`).isVisible());

    // Answering it there (the first choice, by keyboard) takes it off the list at once; focus stays.
    const focused = await page.evaluate(() => document.activeElement.id);
    await page.keyboard.press("Space");
    await eventually(async () => assert.ok(top in (await storedOpenAssessment(page)).answers));
    const after = await engineReport(page);
    assert.ok(!after.missing.some((m) => m.questionId === top));
    await eventually(async () => assert.equal(await textOf(count), `${after.missing.length} questions are still to answer.`));
    const entriesAfter = await shownEntries(page);
    assert.ok(!entriesAfter.some((e) => e.text === questionText.get(top)), "the answered question is gone from the list");
    assertMatchesEngine(entriesAfter, after.missing, Math.min(FIRST_SHOWN, after.missing.length));
    assert.equal(await page.evaluate(() => document.activeElement.id), focused, "focus stays on the answer just given");

    // A question in a Form section the person folded: the link opens the section and focuses it.
    const inForm = after.missing.slice(0, FIRST_SHOWN).find((m) => m.questionId.startsWith("t_mdf_"));
    assert.ok(inForm, "a Form field is among the first entries");
    const section = page.locator(`#q-${inForm.questionId}`).locator("xpath=ancestor::details[1]");
    await section.evaluate((d) => (d.open = false));
    assert.equal(await page.locator(`#q-${inForm.questionId}`).isVisible(), false);
    await page.locator("#still-missing-list > li").getByRole("link", { name: questionText.get(inForm.questionId), exact: true }).click();
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.closest(".question")?.id ?? null), `q-${inForm.questionId}`));
    assert.equal(await section.evaluate((d) => d.open), true);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("short mode keeps the panel's links on questions it asks; a fully answered example says nothing is missing", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await putStorage(page, storedAssessments([partlyAnswered()], { mode: "short" }));
    await gotoReady(page);
    assert.ok(await page.getByRole("switch", { name: "Short mode (for SMEs)" }).isChecked());
    const report = await engineReport(page);
    await page.getByRole("button", { name: `Show all ${report.missing.length}` }).click();
    const entries = await shownEntries(page);
    assertMatchesEngine(entries, report.missing, report.missing.length);
    for (const [i, e] of entries.entries()) {
      if (e.href) assert.ok(await page.locator(e.href).isVisible(), `entry ${i} links to a question on screen`);
      else assert.match(await textOf(page.locator("#still-missing-list > li").nth(i)), /\(left out in short mode\)/);
    }
    assert.ok(entries.some((e) => e.href), "short mode asks the questions measures wait on");
    assert.ok(entries.some((e) => !e.href), "and names the Form fields for the AI Office it leaves out");

    // The closed, non-EU example answers everything the measures need.
    await page.getByLabel("Load an example").selectOption("closed-non-eu.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.notEqual((await storedOpenAssessment(page)).title, "Frontier, partly answered"));
    assert.deepEqual((await engineReport(page)).missing, []);
    await eventually(async () => assert.equal(await textOf(page.locator("#still-missing-count")), "Nothing is missing: every measure that applies has the answers it needs."));
    assert.equal(await page.locator("#still-missing-list").isVisible(), false);
    assert.equal(await page.locator(".still-missing-toggle").isVisible(), false);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("a new assessment says which profile answers are open rather than that nothing is missing", async () => {
  const { context, page } = await openPage(harness);
  try {
    const report = await engineReport(page);
    assert.deepEqual(report.missing, []);
    assert.ok(report.scope.missingInputs.length > 0);
    assert.match(await textOf(page.locator("#still-missing-count")), /^No question of the Code is waiting for an answer\. \d+ profile answers? would still change or confirm the scope decision/);
  } finally {
    await context.close();
  }
});

test("axe: the panel collapsed and expanded", async () => {
  const axePath = fileURLToPath(import.meta.resolve("axe-core/axe.min.js"));
  const { context, page } = await openPage(harness, { bypassCSP: true });
  try {
    await page.addInitScript({ path: axePath });
    await putStorage(page, storedAssessments([partlyAnswered()]));
    await gotoReady(page);
    const audit = async () => {
      const result = await page.evaluate(() => window.axe.run(document.getElementById("still-missing"), { resultTypes: ["violations"] }));
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    };
    assert.deepEqual(await audit(), [], "collapsed");
    await page.locator(".still-missing-toggle").click();
    assert.deepEqual(await audit(), [], "expanded");
  } finally {
    await context.close();
  }
});

test("the <gpai-check> element shows the panel too, and its links focus inside the shadow root", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await page.goto(`${harness.origin}/www/examples/portal.html`);
    await page.waitForFunction(() => customElements.get("gpai-check") && document.querySelector("gpai-check"), null, { timeout: 15000 });
    await page.evaluate(() => document.querySelector("gpai-check").ready);
    const host = page.locator("gpai-check").first();
    await host.getByLabel("Does the model display significant generality").selectOption("yes");
    await host.getByRole("group", { name: /placed \(or to be placed\) on the EU market/ }).getByRole("radio", { name: "Yes", exact: true }).check();
    await host.getByRole("group", { name: /organisation established in the EU/ }).getByRole("radio", { name: "Yes", exact: true }).check();
    await eventually(async () => assert.match(await textOf(host.locator("#scope-verdict")), /^In scope/));

    const report = await host.evaluate((el) => el.report);
    assert.ok(report.missing.length > 0);
    await eventually(async () => assert.equal(await textOf(host.locator("#still-missing-count")), `${report.missing.length} questions are still to answer.`));
    // The guided layout: the panel is in "Review", which the status bar's "Still missing" opens;
    // an entry's link then opens the chapter of its question.
    await host.locator("#status-missing").click();
    await eventually(async () => assert.equal(await host.locator("#still-missing-title").isVisible(), true));
    const entries = await shownEntries(host);
    assertMatchesEngine(entries, report.missing, Math.min(FIRST_SHOWN, report.missing.length));
    await host.locator("#still-missing-list > li").first().getByRole("link").click();
    assert.equal(await page.evaluate(() => location.hash), "");
    assert.equal(await host.evaluate((el) => el.shadowRoot.activeElement?.closest(".question")?.id ?? null), `q-${report.missing[0].questionId}`);
    assert.deepEqual(consoleErrors.filter((e) => !/frame|postMessage/i.test(e)), []);
  } finally {
    await context.close();
  }
});
