// Issue #18's walkthroughs, in the guided layout (the default), from the first screen, as three
// people would go: an EU SME that fine-tunes another provider's model, a non-EU frontier lab, and
// a company that only integrates someone else's model (not a provider). Each answers only the
// profile questions the page puts in front of them, from the facts of their case, and the test
// checks what they see: the undecided state first, a verdict that matches the engine's on their
// complete facts, how many questions it took, the decision beside the questions, one chapter at a
// time with the verdict still in view, deep links, the layout switch, and axe on each screen.
// Run: node --test tests/browser/guided.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, eventually, textOf, LAYOUT_KEY, AXE_PATH, violations, PEOPLE, shownFields, answerGuided, answerProfile as answer } from "./harness.mjs";
import { scope } from "../../pkg/gpai_check.js";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

async function guidedPage(options = {}) {
  const opened = await openPage(harness, { layout: "guided", ...options });
  assert.equal(await opened.page.evaluate((key) => localStorage.getItem(key), LAYOUT_KEY), null, "a fresh browser has no layout preference: the guided layout is the default");
  return opened;
}

const verdictOf = (inScope) => (inScope === true ? /^In scope/ : inScope === false ? /^Not in scope/ : /^Not decided yet/);

for (const [person, facts] of Object.entries(PEOPLE)) {
  test(`${person}: from the first screen to a verdict, asked only what decides it`, async () => {
    const { context, page, consoleErrors } = await guidedPage();
    // The first screen: nothing decided yet, and said so, in the bar that stays in view.
    assert.match(await textOf(page.locator("#summary")), /^Scope not decided yet/);
    assert.match(await textOf(page.locator("#scope-verdict")), /^Not decided yet/);
    const total = (await page.locator("#profile-fields .field").count());
    const firstScreen = await shownFields(page);
    assert.ok(firstScreen.length < total / 2, `the first screen asks ${firstScreen.length} of ${total} profile questions`);

    const asked = await answerGuided(page, facts);
    const expected = scope(facts);
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), verdictOf(expected.inScope)));
    assert.notEqual(expected.inScope, null, "the person's facts decide the scope");
    console.log(`# ${person}: ${asked.length} questions answered of ${total} (${asked.join(", ")}); verdict ${expected.inScope ? "in scope" : "not in scope"}`);
    assert.ok(asked.length <= firstScreen.length + 3, `${asked.length} answers: about what the first screen asked`);

    // The decision sits beside the questions on a wide screen: its box starts to the right of them.
    const [fields, decision] = await Promise.all([page.locator("#profile-fields").boundingBox(), page.locator("#scope").boundingBox()]);
    assert.ok(decision.x >= fields.x + fields.width, "the decision is beside the questions");
    // The reasons are given once, not under every obligation.
    const reasons = await page.locator("#scope-result .verdict-reasons li").allTextContents();
    assert.ok(reasons.length >= 1 && reasons.length <= 4, `${reasons.length} shared reasons`);
    if (expected.isProvider === false) assert.ok(reasons.some((r) => /provider/i.test(r) && /Art|Guidelines/.test(r)), `the reason names the provider rule and its source: ${reasons.join(" | ")}`);
    // And it says what to do next.
    assert.match(await textOf(page.locator("#scope-next")), expected.inScope ? /^Next: the chapters? of the Code that apply to you: .*Transparency/ : /ask nothing of you/);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
}

test("non-EU frontier lab: one chapter at a time, the verdict in view mid-chapter, deep links, the layout kept", async () => {
  const { context, page } = await guidedPage();
  await answerGuided(page, PEOPLE["non-EU frontier lab"]);
  const nav = page.getByRole("navigation", { name: "Parts of the check" });
  await expect(nav.getByRole("link", { name: /^Your model/ }), "aria-current", "location");
  assert.match(await textOf(nav.getByRole("link", { name: /^Safety and Security/ })), /0 of \d+ answered/);

  // Going to a chapter shows it alone.
  await nav.getByRole("link", { name: /^Safety and Security/ }).click();
  await eventually(async () => assert.equal(await page.locator("#chapter-SS").isVisible(), true));
  for (const other of ["#chapter-T", "#chapter-C", "#profile"]) assert.equal(await page.locator(other).isVisible(), false, `${other} is not on screen`);
  await expect(nav.getByRole("link", { name: /^Safety and Security/ }), "aria-current", "location");

  // A question in the middle of the chapter: answering it leaves the verdict in view.
  const questions = page.locator("#chapter-SS .question:visible");
  const middle = questions.nth(Math.floor((await questions.count()) / 2));
  await middle.scrollIntoViewIfNeeded();
  const radio = middle.getByRole("radio", { name: "Yes", exact: true });
  if (await radio.count()) await radio.first().check();
  const bar = await page.locator("#status-bar").boundingBox();
  const viewport = page.viewportSize();
  assert.ok(bar.y >= 0 && bar.y + bar.height <= viewport.height, `the status bar is in view (${Math.round(bar.y)} px from the top)`);
  assert.match(await textOf(page.locator("#summary")), /^In scope\./);
  assert.match(await textOf(page.locator("#status-deadline")), /^Fines by the Commission: possible (since|from) 2 August 2026, \d+ days? (before|after) this assessment’s date\.$/);
  assert.match(await textOf(nav.getByRole("link", { name: /^Safety and Security/ })), /[1-9]\d* of \d+ answered/, "the chapter's progress counts the answer");

  // "Next" at the foot of the chapter leads on; a link to a question in another chapter opens it.
  await page.getByRole("navigation", { name: "Previous and next part" }).getByRole("link", { name: /^Next: / }).click();
  await eventually(async () => assert.equal(await page.locator("#chapter-SS").isVisible(), false));
  const transparencyQuestion = await page.evaluate(() => document.querySelector("#chapter-T .question input, #chapter-T .question select, #chapter-T .question textarea")?.id);
  await page.goto(`${harness.origin}/www/#${transparencyQuestion}`);
  await gotoReady(page);
  await eventually(async () => assert.equal(await page.locator(`#${transparencyQuestion}`).isVisible(), true, "the deep link opened its chapter"));

  // Everything on one page, kept for this browser across a reload.
  await page.getByRole("switch", { name: "Everything on one page" }).check();
  for (const id of ["#chapter-T", "#chapter-C", "#chapter-SS", "#profile", "#cross-checks"]) assert.equal(await page.locator(id).isVisible(), true, `${id} shown`);
  await gotoReady(page);
  assert.equal(await page.getByRole("switch", { name: "Everything on one page" }).isChecked(), true);
  assert.equal(await page.locator("#chapter-SS").isVisible(), true);
  await context.close();
});

test("guided layout at 320 px: the bar stays one summary and one row of places, the questions fit", async () => {
  const { context, page } = await guidedPage({ viewport: { width: 320, height: 640 } });
  await answerGuided(page, PEOPLE["EU SME fine-tuner"]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `no sideways scroll of the page (${width} px)`);
  const bar = await page.locator("#status-bar").boundingBox();
  assert.ok(bar.height <= 640 / 3, `the status bar takes at most a third of the screen (${Math.round(bar.height)} px)`);
  await context.close();
});

test("the assessment is dated the day of its first answer, and the date stays the person's", async () => {
  const { context, page } = await guidedPage();
  assert.equal(await page.locator("#p-assessment_date").inputValue(), "", "an untouched assessment has no date yet");
  await answer(page, "placed_on_eu_market", true);
  const today = await page.evaluate(() => new Date().toLocaleDateString("sv-SE"));
  await eventually(async () => assert.equal(await page.locator("#p-assessment_date").inputValue(), today));
  // Cleared by the person, it stays cleared when they go on answering.
  await page.locator("#p-assessment_date").fill("");
  await page.locator("#p-assessment_date").press("Tab");
  await answer(page, "established_in_eu", true);
  await gotoReady(page);
  assert.equal(await page.locator("#p-assessment_date").inputValue(), "");
  await context.close();
});

test("axe: the guided profile, the decision beside it, and a chapter on its own", async () => {
  const { context, page } = await guidedPage({ bypassCSP: true });
  await page.addInitScript({ path: AXE_PATH });
  await gotoReady(page);
  assert.deepEqual(await violations(page), [], "the first screen");
  await answerGuided(page, PEOPLE["non-EU frontier lab"]);
  assert.deepEqual(await violations(page), [], "the decided profile");
  await page.getByRole("navigation", { name: "Parts of the check" }).getByRole("link", { name: /^Copyright/ }).click();
  assert.deepEqual(await violations(page), [], "a chapter on its own");
  await context.close();
});

async function expect(locator, attribute, value) {
  await eventually(async () => assert.equal(await locator.getAttribute(attribute), value));
}
