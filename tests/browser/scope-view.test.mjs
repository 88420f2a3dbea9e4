// The scope decision as a person reads it: the verdict with its reasons once, then only what is
// particular to each obligation (it used to repeat the same three reasons under eleven of them).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startHarness, openPage, eventually, textOf } from "./harness.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

test("the reasons every applying obligation shares are said once, under the verdict", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await page.getByLabel("Load an example").selectOption("frontier-systemic-risk.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    const scope = page.locator("#scope-result");
    const why = scope.locator(".verdict-reasons li");
    assert.equal(await why.count(), 3);
    assert.match(await textOf(why.nth(0)), /significant generality/);
    const text = await textOf(scope);
    assert.equal(text.split("makes it a GPAI model").length - 1, 1, "the GPAI reason appears once in the scope block");
    // An obligation with nothing of its own lists no reasons; one with its own reason keeps it.
    assert.equal(await page.locator("#obligation-art53_1b .reasons").count(), 0);
    assert.match(await textOf(page.locator("#obligation-art53_1a .reasons")), /Annex XI Section 2/);
    assert.match(await textOf(page.locator("#obligation-art54 .reasons")), /established in the EU/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
