// Radio groups by keyboard: arrow keys move and answer, but never wrap around an end, where a
// person on "Not answered" pressing ArrowRight would otherwise answer "Yes" without meaning to.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startHarness, openPage, storedOpenAssessment } from "./harness.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

test("ArrowRight on “Not answered” stays there; ArrowLeft on the first option stays there", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    // A profile question (yes/no) and, once in scope, a Code question (yes/partly/no).
    const market = page.locator("#p-placed_on_eu_market-unanswered");
    await market.focus();
    await page.keyboard.press("ArrowRight");
    assert.ok(await market.isChecked(), "still not answered");
    assert.equal((await storedOpenAssessment(page))?.profile?.placed_on_eu_market, undefined, "nothing stored");
    await page.keyboard.press("ArrowLeft");
    assert.ok(await page.locator("#p-placed_on_eu_market-no").isChecked(), "moving back answers, as a radio group does");
    await page.keyboard.press("ArrowLeft");
    assert.ok(await page.locator("#p-placed_on_eu_market-yes").isChecked());
    await page.keyboard.press("ArrowLeft");
    assert.ok(await page.locator("#p-placed_on_eu_market-yes").isChecked(), "no wrap to “Not answered” at the start");

    const policy = page.locator("#q-c_policy_exists-o-unanswered");
    await policy.focus();
    await page.keyboard.press("ArrowDown");
    assert.ok(await policy.isChecked(), "a Code question does not wrap either");
    assert.equal((await storedOpenAssessment(page))?.answers?.c_policy_exists, undefined);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
