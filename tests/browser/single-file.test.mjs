// The checker as one HTML file (scripts/single-file.mjs): built here, opened from disk
// (file://), offline, under its own strict CSP; and the served page's link to it.
// Run: node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { startHarness, openPage, gotoReady, eventually, textOf, radio } from "./harness.mjs";
import { buildSingleFile } from "../../scripts/single-file.mjs";

const SCREENSHOTS = process.env.SCREENSHOTS ?? "/tmp/gpai-check-screens";

let harness;
let dir;
let built;
before(async () => {
  harness = await startHarness();
  dir = await mkdtemp(join(tmpdir(), "gpai-check-single-"));
  built = buildSingleFile({ out: join(dir, "gpai-check.html") });
});
after(async () => {
  await harness?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The built one file opened from disk, offline, ready; with the requests and errors it makes. */
async function openOneFile() {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, offline: true });
  const requests = [];
  const errors = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => d.accept());
  const url = pathToFileURL(built.out).href;
  await page.goto(url);
  await page.waitForSelector("main[data-state=ready]", { timeout: 20000 }).catch(async (error) => {
    const shown = await textOf(page.locator("#error"));
    await context.close();
    throw new Error(`${error.message}\nshown: ${shown}\nerrors: ${errors.join("; ")}`);
  });
  return { context, page, requests, errors, url };
}

test("the one-file checker runs from a file:// URL, offline, under its own CSP, and keeps its answers on the page, not in the browser's storage", async (t) => {
  t.diagnostic(`single file: ${built.bytes} bytes, ${built.gzip} gzip`);
  const html = await readFile(built.out, "utf8");
  // One self-contained page: no file it would have to fetch, one inline script allowed by hash.
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+rel="stylesheet"|href="[^"#d][^"]*\.(js|css|svg)"/);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp);
  // The page's script, and the DOCX chunk it runs on the first export: each allowed by its hash.
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/]+=*' 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval';/);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:/);
  assert.equal((html.match(/<script type="module">/g) ?? []).length, 1);

  const { context, page, requests, errors, url } = await openOneFile();
  try {
    assert.match(await textOf(page.locator("#engine-version")), /^\d+\.\d+\.\d+/);
    assert.equal(await page.locator("#single-file").isVisible(), false, "the one file does not offer itself again");

    // Answer a question, see a status.
    await page.getByLabel("Does the model display significant generality").selectOption("yes");
    await radio(page, /placed \(or to be placed\) on the EU market/, "Yes").check();
    await radio(page, /organisation established in the EU/, "Yes").check();
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    // The guided layout (from disk the page keeps no preference): the Copyright chapter is a place.
    await page.getByRole("navigation", { name: "Parts of the check" }).getByRole("link", { name: /^Copyright/ }).click();
    await radio(page, /Do you have a copyright policy that is up to date/, "Partly").check();
    await eventually(async () => assert.equal(await textOf(page.locator("#measure-C-1_1 .measure-status")), "Partly met"));
    await page.screenshot({ path: join(SCREENSHOTS, "single-file.png") });

    // The examples travel inside the file.
    await page.getByLabel("Load an example").selectOption("closed-non-eu.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.equal(await textOf(page.locator("#obligation-art54 .badge")), "Applies"));
    assert.equal(await page.locator("#assessment-list > li").count(), 2, "loaded as a new assessment beside the one being answered");

    // Downloads work from disk too.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-answers").click()]);
    assert.equal(JSON.parse(await readFile(await download.path(), "utf8")).format, "gpai-check-answers");

    // From disk, every file shares one storage, so nothing is written there: the page says so,
    // and a reload starts afresh (tests/browser/attacks-page.test.mjs has the rest).
    assert.match(await textOf(page.locator("#storage-message")), /Opened from a file on your disk, so autosave is off/);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    await gotoReady(page);
    assert.equal(await page.locator("#assessment-list > li").count(), 1);

    assert.deepEqual([...new Set(requests)], [url], "the file is the only thing loaded");
    assert.deepEqual(errors, [], "no CSP violation, no error");
  } finally {
    await context.close();
  }
});

test("the one-file checker saves a document as DOCX offline from file://, its chunk run from the file itself", async () => {
  const { context, page, requests, errors, url } = await openOneFile();
  try {
    await page.getByLabel("Load an example").selectOption("sme-open-weights.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    await page.getByText("Documents to hand over").click();
    const summary = page.locator("#documents-list .document").filter({ hasText: "Public summary of training content" });
    await eventually(async () => assert.equal(await summary.count(), 1));
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 20000 }),
      summary.getByRole("button", { name: /^Download \(Word, DOCX\)/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "lindenlite-7b-v1-0-training-summary.docx");
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK", "a DOCX file (a zip archive)");
    assert.ok(bytes.includes(Buffer.from("word/document.xml")), "with its main part");
    assert.deepEqual([...new Set(requests)].filter((u) => !u.startsWith("blob:")), [url], "nothing but the file itself is loaded");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the served page offers the one file for download (the same bytes as pkg/gpai-check.html), and hides the link when it was not built", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const link = page.getByRole("link", { name: "Download the checker as one file" });
    assert.ok(await link.isVisible());
    assert.equal(await link.getAttribute("download"), "gpai-check.html");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    assert.equal(download.suggestedFilename(), "gpai-check.html");
    const served = await readFile(await download.path());
    const onDisk = await readFile(fileURLToPath(new URL("../../pkg/gpai-check.html", import.meta.url)));
    assert.ok(served.equals(onDisk), "the download is pkg/gpai-check.html");
    assert.ok((await stat(await download.path())).size > 100000);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }

  // Not built: the page asks once while loading, gets a 404, and shows no link.
  const missing = await openPage(harness);
  try {
    await missing.context.route("**/pkg/gpai-check.html", (route) => route.fulfill({ status: 404, body: "not found" }));
    await gotoReady(missing.page);
    assert.equal(await missing.page.locator("#single-file").isVisible(), false);
    assert.deepEqual(missing.consoleErrors.filter((e) => !/404/.test(e)), []);
  } finally {
    await missing.context.close();
  }
});
