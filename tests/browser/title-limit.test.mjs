// The assessment's name in a real browser: limited as the engine limits it, in code points, so a
// name of 500 emoji (1,000 UTF-16 code units) is kept whole and a 501st is cut, with no error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, eventually, storedOpenAssessment } from "./harness.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const EMOJI = "😀";

test("a name of 500 emoji is kept; the 501st is cut; the report and a reload agree", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const title = page.locator("#assessment-title");
    await title.click();
    await page.keyboard.insertText(EMOJI.repeat(500));
    assert.equal(await title.inputValue(), EMOJI.repeat(500), "500 emoji fit");
    await page.keyboard.insertText(EMOJI);
    assert.equal(await title.inputValue(), EMOJI.repeat(500), "the 501st is cut");
    await eventually(async () => assert.equal((await storedOpenAssessment(page)).title, EMOJI.repeat(500)));
    assert.equal(await page.locator("#error").isVisible(), false, "no error shown");

    await gotoReady(page);
    assert.equal(await page.locator("#assessment-title").inputValue(), EMOJI.repeat(500));
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
