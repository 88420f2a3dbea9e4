// Shared set-up for the browser tests: the repository's own static server on a free loopback
// port, and Debian's Chromium driven by playwright-core (no browser download).
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { buildSingleFile } from "../../scripts/single-file.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Starts the server and the browser; returns { origin, browser, close() }. The one-file checker
 * (pkg/gpai-check.html, which the page offers for download) is built first from the current
 * www/ and pkg/, as scripts/single-file.mjs does after a build.
 */
export async function startHarness() {
  buildSingleFile();
  const server = await startServer(0);
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/**
 * Opens the page in a fresh context (fresh localStorage) and waits until it is ready.
 * Records every request and every console error or uncaught exception. Requests to any
 * other origin are recorded and then aborted, so a test can never reach the network.
 */
export async function openPage(harness, { layout = "all", ...contextOptions } = {}) {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...contextOptions });
  // The page's layout is a per-browser preference (www/places.js). These tests exercise what the
  // page does with answers, which is the same in both layouts, so they see everything on one page
  // ("all") unless a test asks for the guided layout, which the walkthroughs (guided.test.mjs)
  // and the accessibility checks exercise.
  if (layout === "all") await context.addInitScript((key) => localStorage.getItem(key) ?? localStorage.setItem(key, "all"), LAYOUT_KEY);
  const requests = [];
  const consoleErrors = [];
  context.on("request", (request) => requests.push(request.url()));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${harness.origin}/`) || url.startsWith("blob:") || url.startsWith("data:")) route.continue();
    else route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on("dialog", (dialog) => dialog.accept());
  await gotoReady(page, `${harness.origin}/www/`);
  return { context, page, requests, consoleErrors };
}

/** Navigates (or reloads when `url` is null) and waits for the page to say it is ready. */
export async function gotoReady(page, url = null) {
  if (url) await page.goto(url);
  else await page.reload();
  await page.waitForSelector("main[data-state=ready]", { timeout: 15000 });
}

/** Retries `check` (which throws on failure) until it passes or `timeout` ms have gone by. */
export async function eventually(check, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

/** The text of a locator, whitespace collapsed. */
export async function textOf(locator) {
  return (await locator.textContent()).replace(/\s+/g, " ").trim();
}

/** Storage keys of the page (see www/storage.js). */
export const INDEX_KEY = "gpai-check:v1:assessments";
export const LEGACY_KEY = "gpai-check:v1:current";
export const recordKey = (id) => `gpai-check:v1:assessment:${id}`;
export const LAYOUT_KEY = "gpai-check:v1:layout";

/** The open assessment as stored: { id, title, profile, answers, mode, ... }. */
export async function storedOpenAssessment(page) {
  return page.evaluate(([indexKey, prefix]) => {
    const index = JSON.parse(localStorage.getItem(indexKey));
    return JSON.parse(localStorage.getItem(prefix + index.open));
  }, [INDEX_KEY, recordKey("")]);
}

/** Every gpai-check entry of localStorage, as { key: text }. */
export async function storageSnapshot(page) {
  // Leaves out the summary of each assessment's last check (www/what-changed.js): the page's
  // memory of results, rewritten whenever the person leaves an assessment, not what they stored;
  // and the layout preference (www/places.js), which is the browser's, not an assessment's.
  return page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith("gpai-check:") && !k.startsWith("gpai-check:v1:last-check:") && k !== "gpai-check:v1:layout")
        .sort()
        .map((k) => [k, localStorage.getItem(k)]),
    ),
  );
}

/**
 * A radio button inside the fieldset whose legend matches `question`. `scope` is a page, a frame
 * or a locator (locators pierce the element's shadow root).
 */
export function radio(scope, question, choice) {
  return scope.getByRole("group", { name: question }).getByRole("radio", { name: choice, exact: true });
}

/** Profile answers that put a model in scope: GPAI by generality, on the EU market, EU provider. */
export async function answerInScopeProfile(scope) {
  await scope.getByLabel("Does the model display significant generality").selectOption("yes");
  await radio(scope, /placed \(or to be placed\) on the EU market/, "Yes").check();
  await radio(scope, /organisation established in the EU/, "Yes").check();
}
