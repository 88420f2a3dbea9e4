// The page's second module (www/exports.js and the whole engine: sealing, downloads, print,
// import, documents) arrives in idle time once the page is ready. What a person sees when they
// ask for an export before it has arrived: the download waits for it and comes; a print from the
// browser's menu says the digest is not made, and why; once it is there, the print is sealed.
// Run: node --test tests/browser/second-module.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startHarness, openPage, gotoReady, eventually, textOf } from "./harness.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

test("an export asked for before the second module arrived waits for it; a print in that moment says its digest is not made", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    // Once the first load's second module has arrived, hold the chunk and load the page again:
    // it is ready without it.
    await page.waitForSelector("main[data-exports=loaded]");
    let release;
    const held = new Promise((resolve) => (release = resolve));
    let asked = 0;
    await context.route(/\/www\/app\.chunk-exports-[\w-]+\.js$/, async (route) => {
      asked += 1;
      await held;
      await route.continue();
    });
    await gotoReady(page);
    await page.getByLabel("Load an example").selectOption("frontier-systemic-risk.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    await eventually(async () => assert.equal(asked, 1, "the page asked for its second module once it was ready"));
    assert.equal(await page.locator("main").getAttribute("data-exports"), null);

    // Printing cannot wait: the printed report says its digest is not made, and why.
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    assert.match(await textOf(page.locator("#print-report-digest")), /^not made: the part of the checker that seals reports was still loading/);

    // A download waits for the module, and comes once it is there.
    const download = page.waitForEvent("download", { timeout: 15000 });
    await page.getByRole("button", { name: "Download report (Markdown)" }).click();
    release();
    const markdown = await readFile(await (await download).path(), "utf8");
    assert.match(markdown, /^# gpai-check report/);
    await page.waitForSelector("main[data-exports=loaded]");
    // The download sealed the report: the digest on screen and in print is the sealed one.
    assert.match(await textOf(page.locator("#print-report-digest")), /^sha256:[0-9a-f]{64}$/);

    // With the module there, a print from the browser's menu after a change is sealed at once.
    await page.getByRole("group", { name: /copyright policy that is up to date/ }).getByRole("radio", { name: "No", exact: true }).check();
    assert.doesNotMatch(await textOf(page.locator("#print-report-digest")), /^sha256:/, "a change leaves the digest to be made");
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    assert.match(await textOf(page.locator("#print-report-digest")), /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
