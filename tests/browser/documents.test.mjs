// "Documents to hand over" on the page: the Model Documentation Form for each recipient and the
// public training-content summary, as a provider would check them before sending — the right
// fields for each, "not yet provided" where an answer is missing, files that save (Markdown,
// CycloneDX, DOCX), and nothing sent anywhere.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startHarness, openPage, eventually, textOf } from "./harness.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

test("the Form for each recipient: its own fields, gaps said aloud, saved as a file, made offline", async () => {
  const { context, page, requests, consoleErrors } = await openPage(harness);
  try {
    await page.getByLabel("Load an example").selectOption("frontier-systemic-risk.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    const before = requests.length;

    await page.getByText("Documents to hand over").click();
    const docs = page.locator("#documents-list .document");
    await eventually(async () => assert.equal(await docs.count(), 4));
    const titles = await docs.locator("h3").allTextContents();
    assert.deepEqual(titles, [
      "Model Documentation Form: AI Office",
      "Model Documentation Form: National competent authorities",
      "Model Documentation Form: Downstream providers",
      "Public summary of training content",
    ]);
    assert.match(await textOf(docs.nth(3).locator(".document-count")), /^44 of 44 items provided\. Given on the provider's website\./);
    assert.match(await textOf(docs.nth(1).locator(".document-count")), /^35 of 35 fields provided/);

    // The authorities' preview holds the compute as a power of ten, never the AI Office's figure.
    await docs.nth(1).getByText("Preview").click();
    const nca = await textOf(docs.nth(1).locator(".document-body"));
    assert.match(nca, /MDF-7\.2a Amount of computation used for training \(NCA version\) ?1e25 FLOP/);
    assert.doesNotMatch(nca, /3\.8e25/);

    // Clearing an answer the Form needs shows at once, while the panel is open.
    const compute = page.locator("#q-t_mdf_7_2a-input");
    await compute.fill("");
    await compute.blur();
    await eventually(async () => assert.match(await textOf(docs.nth(1).locator(".document-count")), /^34 of 35 fields provided; the other 1 say “not yet provided”/));
    await docs.nth(1).getByText("Preview").click();
    await eventually(async () =>
      assert.match(await textOf(docs.nth(1).locator(".document-body")), /MDF-7\.2a Amount of computation used for training \(NCA version\) ?not yet provided/),
    );

    const [download] = await Promise.all([page.waitForEvent("download"), docs.nth(2).getByRole("button", { name: /^Download \(Markdown\)/ }).click()]);
    assert.equal(download.suggestedFilename(), "meridian-2-mdf-downstream-providers.md");
    const text = await readFile(await download.path(), "utf8");
    assert.match(text, /^# Model Documentation Form: Downstream providers\n/);
    assert.doesNotMatch(text, /MDF-7\.2b|MDF-2\.7a/, "no field reserved for the AI Office");
    const [cardDownload] = await Promise.all([page.waitForEvent("download"), docs.nth(2).getByRole("button", { name: /^Download model card \(CycloneDX JSON\)/ }).click()]);
    assert.equal(cardDownload.suggestedFilename(), "meridian-2-mdf-downstream-providers.cdx.json");
    const card = JSON.parse(await readFile(await cardDownload.path(), "utf8"));
    assert.equal(card.components[0].type, "machine-learning-model");

    // DOCX: the chunk that makes it is loaded on the first export, from the page's own origin.
    const chunkRequests = () => requests.filter((u) => u.endsWith("/docx-export.bundle.js")).length;
    assert.equal(chunkRequests(), 0, "the DOCX chunk is not loaded before the first export");
    const [docx] = await Promise.all([page.waitForEvent("download"), docs.nth(3).getByRole("button", { name: /^Download \(Word, DOCX\)/ }).click()]);
    assert.equal(docx.suggestedFilename(), "meridian-2-training-summary.docx");
    const bytes = await readFile(await docx.path());
    assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK");
    await eventually(async () => assert.match(await textOf(docs.nth(3).locator(".docx-status")), /^Saved meridian-2-training-summary\.docx\./));
    await Promise.all([page.waitForEvent("download"), docs.nth(0).getByRole("button", { name: /^Download \(Word, DOCX\)/ }).click()]);
    assert.equal(chunkRequests(), 1, "loaded once, for every later export too");

    const origin = new URL(page.url()).origin;
    assert.deepEqual(
      requests.slice(before).filter((u) => !u.startsWith("blob:") && u !== `${origin}/www/docx-export.bundle.js`),
      [],
      "making and saving the documents requests nothing but the DOCX chunk, from the page's own origin",
    );
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("a document prints alone, on A4, with every row and no part of the page", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await page.getByLabel("Load an example").selectOption("closed-non-eu.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    await page.getByText("Documents to hand over").click();
    const docs = page.locator("#documents-list .document");
    await eventually(async () => assert.equal(await docs.count(), 4));
    // window.print() blocks in a real browser; count the calls and keep what was shown.
    await page.evaluate(() => {
      window.printed = [];
      window.print = () => window.printed.push(document.documentElement.dataset.print ?? "");
    });
    await docs.nth(0).getByRole("button", { name: /^Print/ }).click();
    assert.deepEqual(await page.evaluate(() => window.printed), ["document"]);
    await page.emulateMedia({ media: "print" });
    const shown = await page.evaluate(() =>
      [...document.body.children].filter((el) => getComputedStyle(el).display !== "none").map((el) => el.id),
    );
    assert.deepEqual(shown, ["print-document"], "only the document is printed");
    const printed = await textOf(page.locator("#print-document"));
    assert.match(printed, /^Model Documentation Form: AI Office/);
    assert.equal(await page.locator("#print-document tbody tr").count(), 37, "every row the AI Office gets");
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    await page.emulateMedia({ media: "screen" });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.print ?? null), null, "the page is itself again after printing");
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("a provider the Form is not required of is told so beside each document", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await page.getByLabel("Load an example").selectOption("sme-open-weights.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    await page.getByText("Documents to hand over").click();
    const docs = page.locator("#documents-list .document");
    await eventually(async () => assert.equal(await docs.count(), 4));
    assert.match(await textOf(docs.nth(0).locator(".document-required")), /^Required of you: no: the Transparency chapter does not apply/);
    // The summary is required of open-source providers too (Art 53(1)(d) is not lifted).
    assert.equal(await docs.nth(3).locator(".document-required").count(), 0);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
