// Shared set-up for the browser tests: the repository's own static server on a free loopback
// port, and Debian's Chromium driven by playwright-core (no browser download).
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { initSync, scopeQuestions } from "../../pkg/gpai_check.js";
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

/**
 * Navigates (or reloads when `url` is null) and waits for the page to say it is ready and that
 * its chapters are built (`main[data-chapters=built]`: the pack, the first evaluation, every
 * chapter), which the tests of answers, chapters and exports use. Today both come together; once
 * the page starts in two phases (docs/performance.md), "ready" is the first screen alone.
 */
export async function gotoReady(page, url = null) {
  if (url) await page.goto(url);
  else await page.reload();
  await page.waitForSelector("main[data-state=ready]", { timeout: 15000 });
  await page.waitForSelector("main[data-chapters=built]", { timeout: 15000 });
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

// --- axe-core -------------------------------------------------------------------------------------

/** axe-core's script, for page.addInitScript({ path }) (the page's CSP forbids it: bypass it). */
export const AXE_PATH = fileURLToPath(import.meta.resolve("axe-core/axe.min.js"));

/**
 * axe-core's violations on `page` (a page or a frame with axe loaded), as short lines: the whole
 * document, or the element `selector` names (a <gpai-check>: axe reads its open shadow root).
 */
export async function violations(page, selector = null) {
  const result = await page.evaluate((s) => window.axe.run(s ? document.querySelector(s) : document, { resultTypes: ["violations"] }), selector);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

// --- The guided profile, as a person answers it (issue #18) --------------------------------------

let profileQuestions = null;
/** The profile questions by key (the engine's scopeQuestions()). */
export function scopeQuestionsByKey() {
  if (!profileQuestions) {
    initSync({ module: readFileSync(new URL("../../pkg/gpai_check_bg.wasm", import.meta.url)) });
    profileQuestions = new Map(scopeQuestions().map((q) => [q.id, q]));
  }
  return profileQuestions;
}

const exampleProfile = (name) => JSON.parse(readFileSync(new URL(`../../www/examples/${name}.json`, import.meta.url), "utf8")).profile;
const withoutDate = ({ assessment_date, ...facts }) => facts;

/**
 * Three people's facts: every profile answer they would give if asked (the date aside: the page
 * dates an assessment itself, the day it gets its first answer).
 */
export const PEOPLE = {
  // The fine-tuner's example gives only the cumulative compute; asked for the model's training
  // compute, this person gives the same figure (the original's and their modification's).
  "EU SME fine-tuner": { ...withoutDate(exampleProfile("fine-tuner")), training_compute_flop: 4.2e24, is_sme: true },
  "non-EU frontier lab": { ...withoutDate(exampleProfile("frontier-systemic-risk")), established_in_eu: false },
  "integrator, not a provider": { org_develops_or_commissions_model: false, training_compute_flop: 5e24, generates_language_image_or_video: true, placed_on_eu_market: true, established_in_eu: true },
};

/**
 * The profile keys of the fields on screen, in order, on the page or (with `host`, a selector)
 * inside that <gpai-check>.
 */
export async function shownFields(page, host = null) {
  return page.evaluate((host) => {
    const root = host ? document.querySelector(host).shadowRoot : document;
    return [...root.querySelectorAll("#profile-fields .field")].filter((f) => f.checkVisibility()).map((f) => (f.querySelector("[id^=p-]")?.id ?? "").replace(/^p-/, "").replace(/-(yes|no|unanswered)$/, ""));
  }, host);
}

/** The key of the question marked "Next question", or "". */
async function nextQuestion(page, host) {
  return page.evaluate((host) => {
    const root = host ? document.querySelector(host).shadowRoot : document;
    return (root.querySelector("#profile-fields .field.next-question [id^=p-]")?.id ?? "").replace(/^p-/, "").replace(/-(yes|no|unanswered)$/, "");
  }, host);
}

/** Gives one profile answer the way a person does: a radio, a choice in a list, or typed text. */
export async function answerProfile(page, key, value, host = null) {
  const scope = host ? page.locator(host) : page;
  const q = scopeQuestionsByKey().get(key);
  if (q.type === "bool") await scope.locator(`#p-${key}-${value ? "yes" : "no"}`).check();
  else if (q.type === "enum") await scope.locator(`#p-${key}`).selectOption(String(value));
  else {
    await scope.locator(`#p-${key}`).fill(String(value));
    await scope.locator(`#p-${key}`).press("Tab");
  }
}

/**
 * Answers as a person with these facts would: the question marked "Next question", and any
 * question on screen whose assumed answer is wrong for them. Returns the keys answered, in order.
 */
export async function answerGuided(page, facts, host = null) {
  const questions = scopeQuestionsByKey();
  const answered = [];
  for (let round = 0; round < 40; round++) {
    const shown = await shownFields(page, host);
    const next = await nextQuestion(page, host);
    const wrongAssumption = shown.find((key) => !answered.includes(key) && key in facts && questions.get(key).default !== null && facts[key] !== questions.get(key).default);
    if (!wrongAssumption && next && !answered.includes(next) && !(next in facts)) throw new Error(`the check asks “${questions.get(next).label}”, which these facts do not answer`);
    const key = wrongAssumption ?? (next && !answered.includes(next) ? next : null);
    if (!key) return answered;
    await answerProfile(page, key, facts[key], host);
    answered.push(key);
  }
  throw new Error("the guided profile never settled");
}
