// "Copy a link with these answers": the answers travel in the link's fragment, never to a
// server; opened, the link is a new assessment with exactly those answers, and the address is
// cleaned. Too many answers for a link say so and point to the file.
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

test("a link with the answers opens them as a new assessment, and no request carries them", async () => {
  const { context, page, requests, consoleErrors } = await openPage(harness, { permissions: ["clipboard-read", "clipboard-write"] });
  try {
    await page.getByLabel("Load an example").selectOption("fine-tuner.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.equal((await storedOpenAssessment(page))?.title?.length > 0, true));
    const original = await storedOpenAssessment(page);

    await page.getByRole("button", { name: "Copy a link with these answers" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#share-result")), /^The link is copied/));
    const url = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/www\/#answers=[A-Za-z0-9_-]+$/);
    assert.equal(await page.getByLabel("Link with these answers").inputValue(), url);

    // Opened in a fresh browser, the link as the first address: a new assessment with the same
    // answers, the fragment gone.
    const freshContext = await harness.browser.newContext();
    const fresh = { context: freshContext, page: await freshContext.newPage(), requests: [], consoleErrors: [] };
    fresh.context.on("request", (r) => fresh.requests.push(r.url()));
    fresh.page.on("pageerror", (e) => fresh.consoleErrors.push(e.message));
    try {
      await gotoReady(fresh.page, url);
      await eventually(async () => assert.match(await textOf(fresh.page.locator("#import-result")), /“a shared link” is open as a new assessment/));
      const opened = await storedOpenAssessment(fresh.page);
      assert.deepEqual(opened.answers, original.answers);
      assert.deepEqual(opened.profile, original.profile);
      assert.equal(opened.title, original.title);
      assert.equal(await fresh.page.evaluate(() => location.hash), "", "the answers leave the address bar");
      assert.ok(fresh.requests.every((r) => !r.includes("answers=") && !r.includes("#")), "no request carries the answers");
      assert.deepEqual(fresh.consoleErrors, []);
    } finally {
      await fresh.context.close();
    }
    assert.ok(requests.every((r) => !r.includes("answers=")));
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("too many answers for a link say so and point to the file; a broken link changes nothing", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await page.getByLabel("Load an example").selectOption("frontier-systemic-risk.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    await page.getByRole("button", { name: "Copy a link with these answers" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#share-result")), /too many for a link .* Use “Export answers” and send the file instead/));

    const before = await page.evaluate(() => Object.keys(localStorage).length);
    await gotoReady(page, `${harness.origin}/www/#answers=not-deflated-data`);
    await eventually(async () => assert.match(await textOf(page.locator("#import-error")), /^The link's answers could not be opened\..*Your assessments are unchanged\./));
    assert.equal(await page.evaluate(() => Object.keys(localStorage).length), before);
    assert.equal(await page.evaluate(() => location.hash), "");
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
