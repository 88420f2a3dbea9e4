// The page's number fields in a real browser: they take the engine's one number syntax, the
// Form's spelling included ("3x10^22"), keep it across a reload, and say what is wrong otherwise.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, eventually, textOf, storedOpenAssessment } from "./harness.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

test("training compute typed as 3x10^22 is taken without an error and is still there after a reload", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const compute = page.getByLabel("Training compute of the model");
    const error = page.locator("#p-training_compute_flop-error");
    await compute.click();
    await page.keyboard.type("3x10^22");
    assert.equal(await error.isVisible(), false, "no error under the field");
    assert.equal(await compute.getAttribute("aria-invalid"), null);
    await eventually(async () => assert.equal((await storedOpenAssessment(page)).profile.training_compute_flop, 3e22));

    await gotoReady(page);
    const after = page.getByLabel("Training compute of the model");
    assert.equal(await after.inputValue(), "3e22", "the stored value is shown back in its field");
    assert.equal(await page.locator("#p-training_compute_flop-error").isVisible(), false);

    // The multiplication sign, and a refusal in the engine's words.
    await after.fill("2×10^24");
    await eventually(async () => assert.equal((await storedOpenAssessment(page)).profile.training_compute_flop, 2e24));
    await after.fill("-2e24");
    await eventually(async () => assert.equal(await textOf(page.locator("#p-training_compute_flop-error")), "Enter a number of zero or more."));
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
