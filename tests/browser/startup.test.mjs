// The page's start: it says "interactive" once the profile questions work and everything above
// them is shown with the first report; the Code's chapters are then built below in short
// slices. These tests check what a person would notice: nothing above the profile moves or
// changes when the chapters appear, a link into a chapter followed at once still arrives, a page
// opened with a link to a measure goes there, and an answer given during the build is kept.
// Run: node --test tests/browser/startup.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, eventually, storedOpenAssessment } from "./harness.mjs";
import { pack, storedAssessments, putStorage, partlyAnswered } from "./submissions.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const measureCount = pack.chapters.reduce((n, c) => n + c.commitments.reduce((k, cm) => k + cm.measures.length, 0), 0);

/**
 * Runs `atInteractive` (a function without outside references) at the moment the page says
 * "interactive", before anything else runs, and keeps its result in window.atInteractive.
 */
async function onInteractive(page, atInteractive) {
  await page.addInitScript({
    content: `new MutationObserver((_, observer) => {
      if (document.getElementById("main")?.dataset.state !== "interactive") return;
      observer.disconnect();
      window.atInteractive = (${atInteractive.toString()})();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });`,
  });
}

/** What sits above the chapters, as a person sees it. */
const aboveChapters = () => ({
  measuresBuilt: document.querySelectorAll("#chapters .measure").length,
  profileTop: document.getElementById("profile").getBoundingClientRect().top + window.scrollY,
  scopeTop: document.getElementById("scope").getBoundingClientRect().top + window.scrollY,
  summary: document.getElementById("summary").textContent,
  stillMissing: document.getElementById("still-missing").innerHTML,
  shortModeInfo: document.getElementById("short-mode-info").textContent,
  profileInputs: document.querySelectorAll("#profile-fields input:not([disabled]), #profile-fields select:not([disabled])").length,
});

for (const mode of ["full", "short"]) {
  test(`the profile works before the chapters are built, and nothing above them moves or changes when they appear (${mode} mode)`, async () => {
    const { context, page, consoleErrors } = await openPage(harness);
    try {
      await putStorage(page, storedAssessments([partlyAnswered()], { mode }));
      await onInteractive(page, aboveChapters);
      await gotoReady(page);
      const early = await page.evaluate(() => window.atInteractive);
      const late = await page.evaluate(aboveChapters);
      assert.equal(early.measuresBuilt, 0, "no chapter was built yet when the page said interactive");
      assert.ok(early.profileInputs > 10, `the profile questions accepted input (${early.profileInputs})`);
      assert.equal(late.measuresBuilt, measureCount, "every measure is built once the page is ready");
      assert.ok(late.stillMissing.includes("<a "), "the panel links its questions");
      if (mode === "short") assert.match(late.shortModeInfo, /leaves out \d+/, "short mode says how many questions it leaves out");
      for (const key of ["profileTop", "scopeTop", "summary", "stillMissing", "shortModeInfo", "profileInputs"]) {
        assert.deepEqual(late[key], early[key], `${key} is the same before and after the chapters appear`);
      }
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
  });
}

test("a link into a chapter followed the moment the page is interactive still reaches its question", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await putStorage(page, storedAssessments([partlyAnswered()]));
    await onInteractive(page, () => {
      const link = document.querySelector("#still-missing-list a");
      const target = decodeURIComponent(link.getAttribute("href").slice(1));
      const existed = Boolean(document.getElementById(target));
      link.click();
      return { target, existed };
    });
    await gotoReady(page);
    const { target, existed } = await page.evaluate(() => window.atInteractive);
    assert.equal(existed, false, "the question was not built yet when its link was followed");
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), target));
    assert.ok(await page.locator(`[id="${target}"]`).isVisible());
    assert.equal(await page.evaluate(() => decodeURIComponent(location.hash.slice(1))), target);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("a page opened with a link to a measure of the last chapter shows that measure", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const last = pack.chapters.at(-1).commitments.at(-1).measures.at(-1);
    const id = `measure-${last.id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    await gotoReady(page, `${harness.origin}/www/#${id}`);
    await eventually(async () => {
      const box = await page.evaluate((el) => el.getBoundingClientRect().toJSON(), await page.$(`#${id}`));
      const height = await page.evaluate(() => window.innerHeight);
      assert.ok(box.top >= -1 && box.top < height, `the measure is on screen (top ${box.top} of ${height})`);
    });
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("an answer given while the chapters are still being built is kept and evaluated", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await onInteractive(page, () => {
      const choice = document.querySelector('#profile-fields input[type="radio"]');
      choice.click();
      return { id: choice.id, key: choice.name.replace(/^p-/, ""), measuresBuilt: document.querySelectorAll("#chapters .measure").length };
    });
    await gotoReady(page);
    const early = await page.evaluate(() => window.atInteractive);
    assert.equal(early.measuresBuilt, 0, "the answer was given before any chapter was built");
    const state = await storedOpenAssessment(page);
    // The answer, and the date the page gives an assessment with its first answer.
    assert.deepEqual(Object.keys(state.profile).sort(), [early.key, "assessment_date"].sort(), `one profile answer is stored, with the date: ${JSON.stringify(state.profile)}`);
    assert.ok(await page.locator(`[id="${early.id}"]`).isChecked(), "the choice is still shown");
    // The report shown is the one for that answer: the same as a fresh start from what is stored.
    const summary = await page.locator("#summary").textContent();
    const missing = await page.locator("#still-missing").innerHTML();
    await page.reload();
    await page.waitForSelector("main[data-state=ready]");
    assert.equal(Object.keys((await storedOpenAssessment(page)).profile).length, 2, "it survives a reload");
    assert.ok(await page.locator(`[id="${early.id}"]`).isChecked(), "and is shown after it");
    assert.equal(await page.locator("#summary").textContent(), summary);
    assert.equal(await page.locator("#still-missing").innerHTML(), missing);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
