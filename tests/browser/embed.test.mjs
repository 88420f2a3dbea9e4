// Embedding in a portal: the <gpai-check> custom element (www/gpai-check-element.js) inside the
// example portal (www/examples/portal.html, with careless global CSS put in front of its own: hostile-portal.css), and the iframe mode
// (www/embed.html) with its postMessage origin list. Two servers give two origins: A hosts the
// portal, B plays another site. Run: node --test tests/browser/embed.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { eventually, radio, answerInScopeProfile, violations } from "./harness.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const PACK = "gpai-cop-final";
const STORAGE_PREFIX = "example-portal";

let browser;
let servers = [];
let A;
let B;

before(async () => {
  servers = [await startServer(0), await startServer(0)];
  [A, B] = servers.map((s) => `http://127.0.0.1:${s.address().port}`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
});

// --- Helpers -------------------------------------------------------------------------------------


const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * A fresh context (fresh storage). Every request is recorded with the frame that made it;
 * requests to anything but the two test origins (or blob:/data:) are aborted. Console errors and
 * uncaught exceptions of every page and frame are collected, and any dialog counts as an error
 * (the element never asks with confirm()).
 */
async function newContext(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const requests = [];
  const consoleErrors = [];
  context.on("request", (request) => {
    let frame = null;
    try {
      frame = request.frame().url();
    } catch {
      // A popup's first navigation has no frame yet.
    }
    requests.push({ url: request.url(), frame });
  });
  context.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  context.on("weberror", (error) => consoleErrors.push(`uncaught: ${error.error().message}`));
  context.on("page", (page) => {
    page.setDefaultTimeout(5000);
    page.on("dialog", (dialog) => {
      consoleErrors.push(`dialog: ${dialog.message()}`);
      dialog.dismiss();
    });
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${A}/`) || url.startsWith(`${B}/`) || url.startsWith("blob:") || url.startsWith("data:")) route.continue();
    else route.abort();
  });
  return { context, requests, consoleErrors };
}

/** Opens portal.html (query string `query`) and waits until the element is ready. */
/**
 * The example portal. Its element starts in the guided layout (one part at a time); these tests
 * exercise what the element does with answers, which is the same in both layouts, so the element
 * is switched to `layout="all"` unless a test asks for the guided layout (as the page's tests do,
 * harness.mjs; the element's walkthroughs are in element-guided.test.mjs).
 */
async function openPortal(query = "", { layout = "all", ...options } = {}) {
  const opened = await newContext(options);
  const page = await opened.context.newPage();
  await page.goto(`${A}/www/examples/portal.html${query}`);
  await elementReady(page);
  if (layout === "all") await everythingOnOnePage(page);
  return { ...opened, page };
}

async function everythingOnOnePage(page) {
  await page.evaluate(() => document.querySelector("gpai-check#checker").setAttribute("layout", "all"));
}

async function elementReady(page, selector = "gpai-check") {
  await page.waitForFunction((s) => customElements.get("gpai-check") && document.querySelector(s), selector, { timeout: 15000 });
  await page.evaluate((s) => document.querySelector(s).ready, selector);
}

/** Every request went to A or B (or blob:/data:), and nothing was logged as an error. */
function assertClean({ requests, consoleErrors }) {
  const foreign = requests.map((r) => r.url).filter((url) => !url.startsWith(`${A}/`) && !url.startsWith(`${B}/`) && !url.startsWith("blob:") && !url.startsWith("data:"));
  assert.deepEqual(foreign, [], "no request leaves the test origins");
  assert.deepEqual(consoleErrors, [], "no console error");
}

const GENERALITY = "Does the model display significant generality";
const EU_MARKET = /placed \(or to be placed\) on the EU market/;
const ESTABLISHED = /organisation established in the EU/;
const POLICY_EXISTS = /Do you have a copyright policy that is up to date/;

const IN_SCOPE = { placed_on_eu_market: true, significant_generality: "yes", established_in_eu: true };

/** A state with answers in several measures of Transparency and Copyright. */
const STATE = {
  title: "Restored model",
  profile: { ...IN_SCOPE, training_compute_flop: 3e24 },
  answers: {
    c_policy_exists: "partly",
    c_policy_single_document: "yes",
    c_policy_document_ref: "Copyright policy v2, 2026-01-15",
    c_policy_responsibilities: "yes",
    c_crawls_web: "no",
    t_contact_published: "yes",
    t_ai_office_requests_in_time: "no",
    t_docs_updated_on_change: "no",
    t_docs_retention_years: 10,
  },
};

const STATUS_LABELS = { met: "Met", partial: "Partly met", "not-met": "Not met", "not-applicable": "Not applicable", unanswered: "Unanswered" };

/** What the engine itself computes for `state`: the digest and every measure's status. */
async function engineResult(page, state) {
  return page.evaluate(
    async ([pack, s]) => {
      const { loadEngine } = await import("/www/gpai-check-element.js");
      const { sealedReport } = await loadEngine();
      const report = sealedReport({ pack, ...s });
      return { digest: report.digest, statuses: Object.fromEntries(report.chapters.flatMap((c) => c.measures.map((m) => [m.id, m.status]))) };
    },
    [PACK, state],
  );
}

/** Every measure's status badge as shown in an element's shadow root: { "C-1.1": "Partly met", ... }. */
async function shownStatuses(frameOrPage, selector = "gpai-check") {
  return frameOrPage.evaluate((s) => {
    const root = document.querySelector(s).shadowRoot;
    return Object.fromEntries(
      [...root.querySelectorAll("section.measure")].map((section) => [section.querySelector("h4 .id").textContent, section.querySelector(".measure-status").textContent]),
    );
  }, selector);
}

function labelled(statuses) {
  return Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, STATUS_LABELS[status]]));
}

/**
 * Posts `message` from `page` (whatever origin it has) to the window `target` names, with
 * `targetOrigin`, and collects every message that comes back within `wait` ms (or up to the first
 * one, with `first`).
 */
async function postAndCollect(page, { target, message, targetOrigin, wait = 1500, first = false }) {
  return page.evaluate(
    ([t, m, origin, ms, firstOnly]) =>
      new Promise((resolve) => {
        const received = [];
        const done = () => {
          window.removeEventListener("message", listener);
          resolve(received);
        };
        const listener = (event) => {
          // Only what the target window sends counts as its answer.
          if (event.source !== win) return;
          const d = event.data;
          received.push({ origin: event.origin, type: d?.type, digest: d?.report?.digest ?? null, message: d?.message ?? null, report: d?.report ?? null });
          if (firstOnly) done();
        };
        window.addEventListener("message", listener);
        const win = t === "opener-frame" ? window.opener.frames[0] : document.querySelector(t).contentWindow;
        win.postMessage(m, origin);
        setTimeout(done, ms);
      }),
    [target, message, targetOrigin, wait, first],
  );
}

// --- The element in the portal -----------------------------------------------------------------

test("the element renders inside portal.html: its profile questions are visible and usable inside the shadow root", async () => {
  const opened = await openPortal("", { layout: "guided" });
  const { page, requests } = opened;
  try {
    const host = page.locator("gpai-check#checker");
    const shape = await host.evaluate((el) => ({
      open: el.shadowRoot?.mode,
      lightChildren: el.childNodes.length,
      profileGroups: el.shadowRoot.querySelectorAll("fieldset.group").length,
    }));
    assert.equal(shape.open, "open");
    assert.equal(shape.lightChildren, 0, "nothing is added to the host's light DOM");
    assert.ok(shape.profileGroups >= 5, "the profile's groups are built inside the shadow root");

    const generality = host.getByLabel(GENERALITY);
    assert.ok(await generality.isVisible());
    assert.match(await host.locator("#scope-verdict").textContent(), /^Not decided yet/);
    await generality.selectOption("yes");
    // Keyboard use: focus a radio and press Space; focus stays on it after the evaluation.
    const market = radio(host, EU_MARKET, "Yes");
    await market.focus();
    await page.keyboard.press("Space");
    assert.ok(await market.isChecked());
    await radio(host, ESTABLISHED, "Yes").check();
    await eventually(async () => assert.match(await host.locator("#scope-verdict").textContent(), /^In scope/));
    // The guided layout: the Copyright chapter is one part of the check, opened from the places.
    await host.getByRole("navigation", { name: "Parts of the check" }).getByRole("link", { name: /^Copyright/ }).click();
    await radio(host, POLICY_EXISTS, "Partly").focus();
    await page.keyboard.press("Space");
    await eventually(async () => assert.equal(await host.locator("#measure-C-1_1 .measure-status").textContent(), "Partly met"));
    const focused = await host.evaluate((el) => el.shadowRoot.activeElement?.id);
    assert.equal(focused, await radio(host, POLICY_EXISTS, "Partly").getAttribute("id"), "focus stays on the radio just answered");

    // An in-element link moves focus inside the shadow root and leaves the host page's URL alone.
    const stillToAnswer = host.locator("#measure-C-1_1 .still-to-answer a").first();
    await stillToAnswer.click();
    assert.equal(await page.evaluate(() => location.hash), "");
    assert.match(await host.evaluate((el) => el.shadowRoot.activeElement?.id ?? ""), /^q-c_policy/);

    // The wasm is fetched once by the page, even with a second element; the styles are in the
    // element's modules, so no stylesheet is fetched at all.
    await page.evaluate(() => document.querySelector("main").append(document.createElement("gpai-check")));
    await elementReady(page, "gpai-check:not(#checker)");
    const fromTop = (suffix) => requests.filter((r) => r.frame === page.url() && r.url.endsWith(suffix)).length;
    assert.equal(fromTop("/pkg/gpai_check_bg.wasm"), 1, "the engine is loaded once per page");
    const sheets = requests.filter((r) => r.frame === page.url() && new URL(r.url).pathname.endsWith(".css")).map((r) => new URL(r.url).pathname);
    assert.deepEqual(sheets, ["/www/examples/portal.css"], "no stylesheet is fetched but the portal's own");
    assert.equal(await page.locator("gpai-check:not(#checker) #scope-verdict").textContent().then((t) => /^Not decided yet/.test(t)), true, "the second element has its own state");
    assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

/** Computed styles of controls inside the element that the host page's CSS could reach. */
async function innerStyles(page) {
  return page.evaluate(() => {
    const root = document.querySelector("gpai-check#checker").shadowRoot;
    const props = ["font-size", "font-family", "color", "display", "visibility", "line-height", "letter-spacing", "text-transform", "background-color", "padding-top", "margin-top", "border-top-width"];
    const pick = (el, extra = []) => Object.fromEntries([...props, ...extra].map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
    return {
      root: pick(root.querySelector(".gpai-root")),
      titleInput: pick(root.querySelector("#assessment-title"), ["width"]),
      numberInput: pick(root.querySelector("input.input-number"), ["width"]),
      select: pick(root.querySelector("select")),
      radioLabel: pick(root.querySelector("label.choice")),
      hint: pick(root.querySelector(".hint")),
      heading: pick(root.querySelector("#profile-title")),
      // A button always on screen: the report's downloads.
      button: pick(root.querySelector(".gpai-toolbar button")),
    };
  });
}

/** The example portal with careless global CSS (tests/browser/hostile-portal.css) in front of its own. */
async function openHostilePortal() {
  const opened = await newContext();
  const page = await opened.context.newPage();
  const own = readFileSync(new URL("../../www/examples/portal.css", import.meta.url), "utf8");
  const hostile = readFileSync(new URL("./hostile-portal.css", import.meta.url), "utf8");
  await page.route("**/portal.css", (route) => route.fulfill({ status: 200, contentType: "text/css", body: hostile + own }));
  await page.goto(`${A}/www/examples/portal.html`);
  await elementReady(page);
  await everythingOnOnePage(page);
  return { ...opened, page };
}

test("host CSS does not leak in: controls inside the shadow root keep their own font size, colour, display and width", async () => {
  const hostile = await openHostilePortal();
  let clean;
  try {
    const styles = await innerStyles(hostile.page);
    // The portal's rules: * { color: red; font-size: 30px } button { display: none } input { width: 5px },
    // all !important, plus body { text-transform: uppercase; letter-spacing; line-height: 3 }.
    assert.equal(styles.root.color, "rgb(27, 31, 36)");
    for (const [name, s] of Object.entries(styles)) {
      assert.notEqual(s.color, "rgb(255, 0, 0)", `${name} is not red`);
      assert.notEqual(s["font-size"], "30px", `${name} is not 30px`);
      assert.equal(s["text-transform"], "none", `${name} is not upper case`);
      assert.equal(s["letter-spacing"], "normal", `${name} keeps its letter spacing`);
    }
    assert.equal(styles.titleInput["font-size"], "16px");
    assert.equal(styles.hint["font-size"], "14.4px", "rem lengths follow the element, not the host's root font size");
    assert.equal(styles.heading["font-size"], "24px");
    assert.notEqual(styles.titleInput.width, "5px");
    assert.notEqual(styles.button.display, "none");
    const download = hostile.page.locator("gpai-check#checker").getByRole("button", { name: "Download report (JSON)" });
    assert.ok(await download.isVisible(), "the element's buttons are visible");
    assert.ok(await hostile.page.locator("gpai-check#checker").getByLabel("Name of this assessment").isVisible());
    assertClean(hostile);

    // The example portal as it is (its own layout and theming, no careless rules) shows the
    // element exactly the same.
    clean = await openPortal();
    assert.deepEqual(await innerStyles(clean.page), styles);
  } finally {
    await hostile.context.close();
    await clean?.context.close();
  }
});

// Properties whose computed value is a used length that depends on the layout (the page gets
// taller, a scroll bar appears), not on any stylesheet.
const LAYOUT = new Set(["width", "height", "inline-size", "block-size", "transform-origin", "perspective-origin", "min-inline-size", "min-block-size"]);

test("the element's CSS does not leak out: the host page's computed styles, stylesheets and globals are unchanged", async () => {
  const opened = await newContext();
  try {
    const page = await opened.context.newPage();
    let release;
    const held = new Promise((resolve) => (release = resolve));
    // The element's module is held back until the host page has been measured without it.
    await page.route("**/www/gpai-check-element.js", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${A}/www/examples/portal.html`, { waitUntil: "commit" });
    await page.waitForFunction(() => document.readyState !== "loading" && document.styleSheets.length > 0 && document.querySelector("#verify"));
    const snapshot = () =>
      page.evaluate((layout) => {
        // (#verify is left out: the portal's script enables it once the element is ready.)
        const selectors = ["html", "body", "h1", "h2", ".portal-note", "code", "#element-reset", "pre", "main", "section", "iframe"];
        const styles = {};
        for (const s of selectors) {
          const cs = getComputedStyle(document.querySelector(s));
          styles[s] = Object.fromEntries([...cs].filter((p) => !layout.includes(p)).map((p) => [p, cs.getPropertyValue(p)]));
        }
        return {
          styles,
          sheets: [...document.styleSheets].map((s) => s.href),
          adopted: document.adoptedStyleSheets.length,
          head: [...document.head.children].map((e) => e.outerHTML.length),
          globals: Object.getOwnPropertyNames(window).sort(),
          hash: location.hash,
        };
      }, [...LAYOUT]);
    const beforeLoad = await snapshot();
    assert.equal(await page.evaluate(() => customElements.get("gpai-check")), undefined, "measured before the element exists");
    release();
    await elementReady(page);
    await answerInScopeProfile(page.locator("gpai-check#checker"));
    const afterLoad = await snapshot();
    assert.deepEqual(afterLoad.sheets, beforeLoad.sheets, "no stylesheet added to the document");
    assert.equal(afterLoad.adopted, 0);
    assert.deepEqual(afterLoad.head, beforeLoad.head, "nothing added to <head>");
    assert.deepEqual(afterLoad.globals, beforeLoad.globals, "no global variable");
    assert.equal(afterLoad.hash, "");
    for (const [selector, style] of Object.entries(beforeLoad.styles)) {
      const changed = Object.keys(style).filter((p) => afterLoad.styles[selector][p] !== style[p]);
      assert.deepEqual(changed, [], `${selector} keeps its computed style`);
    }
    assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

test("events: answering a question fires gpai-change with that answer and gpai-report with a new digest", async () => {
  const opened = await openPortal();
  const { page } = opened;
  try {
    const host = page.locator("gpai-check#checker");
    await answerInScopeProfile(host);
    await page.evaluate(() => {
      window.seen = [];
      for (const type of ["gpai-change", "gpai-report"]) {
        document.addEventListener(type, (event) =>
          window.seen.push({
            type,
            bubbles: event.bubbles,
            composed: event.composed,
            target: event.target.id,
            detail: type === "gpai-report" ? { digest: event.detail.report.digest } : event.detail,
          }),
        );
      }
    });
    const digestBefore = await host.evaluate((el) => el.report.digest);
    await radio(host, POLICY_EXISTS, "Partly").check();
    await eventually(async () => assert.equal((await page.evaluate(() => window.seen)).length, 2));
    const [change, report] = await page.evaluate(() => window.seen);
    assert.deepEqual(
      { type: change.type, bubbles: change.bubbles, composed: change.composed, target: change.target },
      { type: "gpai-change", bubbles: true, composed: true, target: "checker" },
    );
    assert.equal(change.detail.answers.c_policy_exists, "partly");
    assert.deepEqual(change.detail.profile, IN_SCOPE);
    assert.deepEqual(change.detail, await host.evaluate((el) => el.answers), "detail is what `answers` returns");
    assert.equal(report.type, "gpai-report");
    assert.ok(report.bubbles && report.composed);
    assert.notEqual(report.detail.digest, digestBefore, "the report's digest changes");
    assert.equal(report.detail.digest, await host.evaluate((el) => el.report.digest));

    // The portal shows the JSON it received.
    const shown = JSON.parse(await page.locator("#last-change").textContent());
    assert.equal(shown.answers.c_policy_exists, "partly");
    assert.equal(JSON.parse(await page.locator("#last-report").textContent()).report.digest, report.detail.digest);

    // The title is part of the answers.
    await host.getByLabel("Name of this assessment").fill("Model X");
    await eventually(async () => assert.equal((await page.evaluate(() => window.seen.filter((e) => e.type === "gpai-change").at(-1)))?.detail.title, "Model X"));
    assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

test("setting `answers` restores a state: the inputs, the report and every measure's status are what evaluate gives", async () => {
  const opened = await openPortal("?storage=none");
  const { page } = opened;
  try {
    const host = page.locator("gpai-check#checker");
    await page.evaluate(() => {
      window.changes = 0;
      window.reports = 0;
      document.addEventListener("gpai-change", () => window.changes++);
      document.addEventListener("gpai-report", () => window.reports++);
    });
    await host.evaluate((el, state) => (el.answers = state), STATE);
    const expected = await engineResult(page, STATE);
    assert.equal(await host.evaluate((el) => el.report.digest), expected.digest);
    assert.deepEqual(await shownStatuses(page, "gpai-check#checker"), labelled(expected.statuses));
    assert.ok(Object.values(expected.statuses).includes("partial") && Object.values(expected.statuses).includes("not-met"), "a state with varied statuses");
    assert.deepEqual(await host.evaluate((el) => el.answers), STATE, "`answers` gives back what was set");
    assert.ok(await radio(host, POLICY_EXISTS, "Partly").isChecked());
    assert.equal(await host.getByLabel("Which document is it?").inputValue(), STATE.answers.c_policy_document_ref);
    assert.equal(await host.getByLabel("Name of this assessment").inputValue(), STATE.title);
    assert.deepEqual(await page.evaluate(() => [window.changes, window.reports]), [0, 1], "a portal's own change fires gpai-report, not gpai-change");

    // Bad input is refused with a TypeError and changes nothing.
    const refused = await host.evaluate((el) => {
      const errors = [];
      for (const bad of [null, [], { profile: { no_such_key: true } }, { answers: { c_policy_exists: { nested: 1 } } }, { extra: 1 }]) {
        try {
          el.answers = bad;
        } catch (error) {
          errors.push(error.name);
        }
      }
      return errors;
    });
    assert.deepEqual(refused, ["TypeError", "TypeError", "TypeError", "TypeError", "TypeError"]);
    assert.equal(await host.evaluate((el) => el.report.digest), expected.digest);

    // reset() clears everything without a dialog (a dialog would be recorded as an error).
    await host.evaluate((el) => el.reset());
    assert.deepEqual(await host.evaluate((el) => el.answers), { profile: {}, answers: {} });
    assert.match(await host.locator("#scope-verdict").textContent(), /^Not decided yet/);
    assert.equal(await host.getByLabel("Name of this assessment").inputValue(), "");
    assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

test("documents(): the element hands the portal the Form for each recipient and the training-content summary, as data and DOCX, and says so in an event", async () => {
  const opened = await openPortal("?storage=none");
  const { page } = opened;
  try {
    const host = page.locator("gpai-check#checker");
    const example = JSON.parse(readFileSync(new URL("../../www/examples/frontier-systemic-risk.json", import.meta.url), "utf8"));
    await host.evaluate((el, s) => (el.answers = { profile: s.profile, answers: s.answers, title: s.title }), example);
    const got = await host.evaluate((el) => {
      let detail = null;
      el.addEventListener("gpai-documents", (event) => (detail = event.detail), { once: true });
      const docs = el.documents();
      return { docs: docs.map((d) => [d.recipient, d.provided, d.total, d.files.map((f) => f.fileName)]), event: detail?.documents.length ?? 0 };
    });
    assert.deepEqual(got.docs.map(([r]) => r), ["AIO", "NCA", "DP", "public"]);
    assert.deepEqual(got.docs[1].slice(1, 3), [35, 35], "the national authorities' Form is complete for the frontier example");
    assert.deepEqual(got.docs[2][3], ["meridian-2-mdf-downstream-providers.md", "meridian-2-mdf-downstream-providers.cdx.json"]);
    assert.deepEqual(got.docs[3][3], ["meridian-2-training-summary.md"], "the public training-content summary, in Markdown");
    assert.equal(got.event, 4, "gpai-documents carries the same four documents");
    // The same documents as DOCX, made by the chunk the element loads on this first call.
    const docx = await host.evaluate(async (el) =>
      (await el.documentsDocx()).map((d) => [d.recipient, d.fileName, d.mediaType, String.fromCharCode(d.bytes[0], d.bytes[1])]),
    );
    assert.deepEqual(docx.map(([r, name]) => [r, name]), [
      ["AIO", "meridian-2-mdf-ai-office.docx"],
      ["NCA", "meridian-2-mdf-national-authorities.docx"],
      ["DP", "meridian-2-mdf-downstream-providers.docx"],
      ["public", "meridian-2-training-summary.docx"],
    ]);
    assert.ok(docx.every(([, , type, magic]) => type === "application/vnd.openxmlformats-officedocument.wordprocessingml.document" && magic === "PK"));
    assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

// --- Storage -----------------------------------------------------------------------------------

async function storageState(page) {
  return page.evaluate(() => ({ local: Object.keys(localStorage), session: sessionStorage.length }));
}

test('storage="none" writes nothing to localStorage or sessionStorage, in the element and in embed.html', async () => {
  const opened = await openPortal("?storage=none");
  const { page } = opened;
  try {
    const empty = { local: [], session: 0 };
    const host = page.locator("gpai-check#checker");
    assert.equal(await host.getAttribute("storage"), "none");
    assert.deepEqual(await storageState(page), empty);
    await answerInScopeProfile(host);
    assert.deepEqual(await storageState(page), empty);
    await radio(host, POLICY_EXISTS, "Partly").check();
    await host.getByLabel("Name of this assessment").fill("Nothing kept");
    assert.deepEqual(await storageState(page), empty);
    await host.evaluate((el, state) => (el.answers = state), STATE);
    await host.evaluate((el) => el.reset());
    assert.deepEqual(await storageState(page), empty);

    // The iframe (same origin, same storage) keeps nothing either.
    await eventually(async () => assert.match(await page.locator("#iframe-status").textContent(), /gpai:ready/));
    const framed = page.frameLocator("#iframe").locator("gpai-check");
    await answerInScopeProfile(framed);
    await framed.getByLabel("Name of this assessment").fill("Nothing kept in the iframe");
    assert.deepEqual(await storageState(page), empty);
    const frame = page.frame({ url: /embed\.html/ });
    assert.deepEqual(await storageState(frame), empty);

    // After a reload nothing comes back.
    await page.reload();
    await elementReady(page);
    assert.deepEqual(await host.evaluate((el) => el.answers), { profile: {}, answers: {} });
    assert.deepEqual(await storageState(page), empty);
    assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

test('storage="example-portal" writes only keys that start with the prefix, and restores from them', async () => {
  const opened = await openPortal();
  const { page } = opened;
  try {
    const host = page.locator("gpai-check#checker");
    await answerInScopeProfile(host);
    await radio(host, POLICY_EXISTS, "Partly").check();
    await host.getByLabel("Name of this assessment").fill("Kept model");
    const { local, session } = await storageState(page);
    assert.equal(session, 0);
    assert.ok(local.length >= 1, "something is stored");
    for (const key of local) assert.ok(key.startsWith(STORAGE_PREFIX), `${key} starts with ${STORAGE_PREFIX}`);
    const status = await host.locator("#measure-C-1_1 .measure-status").textContent();

    await page.reload();
    await elementReady(page);
    await everythingOnOnePage(page);
    assert.ok(await radio(host, POLICY_EXISTS, "Partly").isChecked());
    assert.equal(await host.getByLabel("Name of this assessment").inputValue(), "Kept model");
    assert.equal(await host.locator("#measure-C-1_1 .measure-status").textContent(), status);

    // The portal's reset button calls reset(): the saved copy goes too.
    await page.locator("#element-reset").click();
    assert.deepEqual((await storageState(page)).local, []);
    assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

// --- The iframe mode ---------------------------------------------------------------------------

test("iframe mode answers its listed origin: set-answers, get-report, reset, and errors for bad messages", async () => {
  const opened = await openPortal("?storage=none");
  const { page } = opened;
  try {
    await eventually(async () => assert.equal(await page.locator("#iframe-status").textContent(), "gpai:ready"));
    const frame = page.frame({ url: /embed\.html/ });
    const expected = await engineResult(page, STATE);

    const [set] = await postAndCollect(page, { target: "#iframe", message: { type: "gpai:set-answers", answers: STATE }, targetOrigin: A, first: true });
    assert.deepEqual({ origin: set.origin, type: set.type, digest: set.digest }, { origin: A, type: "gpai:report", digest: expected.digest });
    assert.deepEqual(await shownStatuses(frame), labelled(expected.statuses), "the iframe shows the statuses evaluate gives");

    const [got] = await postAndCollect(page, { target: "#iframe", message: { type: "gpai:get-report" }, targetOrigin: A, first: true });
    assert.equal(got.digest, expected.digest);

    const bad = await postAndCollect(page, { target: "#iframe", message: { type: "gpai:set-answers", answers: { profile: { no_such_key: 1 } } }, targetOrigin: A, wait: 500 });
    assert.deepEqual(bad.map((m) => m.type), ["gpai:error"]);
    assert.match(bad[0].message, /no_such_key/);
    const unknown = await postAndCollect(page, { target: "#iframe", message: { type: "gpai:launch" }, targetOrigin: A, wait: 500 });
    assert.deepEqual(unknown.map((m) => m.type), ["gpai:error"]);
    assert.equal((await postAndCollect(page, { target: "#iframe", message: { type: "gpai:get-report" }, targetOrigin: A, first: true }))[0].digest, expected.digest, "bad messages changed nothing");

    // Editing inside the iframe sends gpai:change and gpai:report to the parent.
    await page.evaluate(() => {
      window.fromFrame = [];
      window.addEventListener("message", (event) => window.fromFrame.push({ origin: event.origin, type: event.data.type, answers: event.data.answers ?? null }));
    });
    await page.frameLocator("#iframe").locator("gpai-check").getByLabel("Name of this assessment").fill("Edited in the iframe");
    await eventually(async () => {
      const types = await page.evaluate(() => window.fromFrame.map((m) => m.type));
      assert.ok(types.includes("gpai:change") && types.includes("gpai:report"), types.join());
    });
    const change = await page.evaluate(() => window.fromFrame.filter((m) => m.type === "gpai:change").at(-1));
    assert.equal(change.origin, A);
    assert.equal(change.answers.title, "Edited in the iframe");

    const [reset] = await postAndCollect(page, { target: "#iframe", message: { type: "gpai:reset" }, targetOrigin: A, first: true });
    assert.equal(reset.type, "gpai:report");
    assert.equal(reset.report.scope.inScope, null, "an emptied assessment is undecided, not out of scope");

    // The portal's own buttons drive the same messages.
    await page.locator("#iframe-get").click();
    await eventually(async () => assert.match(await page.locator("#iframe-status").textContent(), /gpai:report$/));
    assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

test("iframe mode refuses an unlisted origin: no answer and no change, whether the parent or another site posts", async () => {
  const opened = await openPortal("?storage=none");
  const { page, context } = opened;
  try {
    await eventually(async () => assert.equal(await page.locator("#iframe-status").textContent(), "gpai:ready"));
    const frame = page.frame({ url: /embed\.html/ });
    await postAndCollect(page, { target: "#iframe", message: { type: "gpai:set-answers", answers: STATE }, targetOrigin: A, first: true });
    const state = async (f) => f.evaluate(() => ({ answers: document.querySelector("gpai-check").answers, digest: document.querySelector("gpai-check").report.digest }));
    const before = await state(frame);

    // Another site (origin B, a second server) gets hold of the iframe through window.opener and
    // posts to it: with the right target origin, and with "*".
    const [popup] = await Promise.all([context.waitForEvent("page"), page.evaluate((url) => window.open(url), `${B}/www/examples/portal.html?storage=none`)]);
    await elementReady(popup);
    assert.equal(new URL(popup.url()).origin, B);
    const attacks = [
      { type: "gpai:reset" },
      { type: "gpai:set-answers", answers: { profile: {}, answers: { c_policy_exists: "no" } } },
      { type: "gpai:get-report" },
      { type: "gpai:launch" },
    ];
    for (const message of attacks) {
      for (const targetOrigin of [A, "*"]) {
        const replies = await postAndCollect(popup, { target: "opener-frame", message, targetOrigin, wait: 700 });
        assert.deepEqual(replies, [], `no answer to ${message.type} from ${B}`);
      }
    }
    assert.deepEqual(await state(frame), before, "the iframe's state did not change");

    // An iframe whose list names only B, framed by A: it sends A nothing and answers A nothing.
    const onlyBUrl = `${A}/www/embed.html?origins=${encodeURIComponent(B)}`;
    await page.evaluate((url) => {
      window.fromOnlyB = [];
      const iframe = document.createElement("iframe");
      iframe.id = "only-b";
      iframe.title = "gpai-check listing another origin";
      window.addEventListener("message", (event) => {
        if (event.source === iframe.contentWindow) window.fromOnlyB.push(event.data?.type);
      });
      iframe.src = url;
      document.body.append(iframe);
    }, onlyBUrl);
    const onlyBFrame = await eventually(async () => {
      const f = page.frames().find((x) => x.url() === onlyBUrl);
      assert.ok(f);
      return f;
    });
    await elementReady(onlyBFrame);
    const quiet = await postAndCollect(page, { target: "#only-b", message: { type: "gpai:set-answers", answers: STATE }, targetOrigin: A, wait: 1000 });
    assert.deepEqual(quiet, [], "no answer to the unlisted parent");
    assert.deepEqual(await page.evaluate(() => window.fromOnlyB), [], "no gpai:ready (nor anything else) to an unlisted parent");
    assert.deepEqual(await onlyBFrame.evaluate(() => document.querySelector("gpai-check").answers), { profile: {}, answers: {} });

    // A list with two origins: each is answered, exactly (the popup on B now gets its answer).
    await page.evaluate(
      ([url]) => {
        const iframe = document.createElement("iframe");
        iframe.id = "both";
        iframe.title = "gpai-check listing two origins";
        iframe.src = url;
        document.body.append(iframe);
      },
      [`${A}/www/embed.html?origins=${encodeURIComponent(`https://portal.example,${B}, ${A}`)}`],
    );
    const bothFrame = await eventually(async () => {
      const f = page.frames().find((x) => x.url().includes("portal.example"));
      assert.ok(f);
      return f;
    });
    await elementReady(bothFrame);
    const fromA = await postAndCollect(page, { target: "#both", message: { type: "gpai:get-report" }, targetOrigin: A, first: true });
    assert.equal(fromA[0]?.type, "gpai:report");
    const fromB = await popup.evaluate(
      () =>
        new Promise((resolve) => {
          const target = window.opener.frames[2];
          window.addEventListener("message", (event) => {
            if (event.source === target) resolve({ origin: event.origin, type: event.data.type });
          });
          target.postMessage({ type: "gpai:get-report" }, "*");
          setTimeout(() => resolve(null), 3000);
        }),
    );
    assert.deepEqual(fromB, { origin: A, type: "gpai:report" });
    assertClean(opened);
  } finally {
    await context.close();
  }
});

// --- Verifying, and accessibility --------------------------------------------------------------

test("portal.html's Verify button: the bundle matches, the tampered copy fails with report-differs and its path", async () => {
  const opened = await openPortal("?storage=none");
  const { page } = opened;
  try {
    const host = page.locator("gpai-check#checker");
    await host.evaluate((el, state) => (el.answers = state), STATE);
    await page.locator("#verify").click();
    await eventually(async () => assert.match(await page.locator("#verify-output").textContent(), /"tampered"/));
    const out = JSON.parse(await page.locator("#verify-output").textContent());
    assert.equal(out.reportDigest, await host.evaluate((el) => el.report.digest), "the bundle is made from the element's latest answers");
    assert.equal(out.original.valid, true);
    assert.equal(out.original.verdict, "match");
    assert.equal(out.tampered.valid, false);
    assert.equal(out.tampered.verdict, "report-differs");
    assert.equal(out.tampered.firstDifference.path, out.tampered.changed);
    assert.match(out.tampered.changed, /^chapters\[\d+\]\.measures\[0\]\.status$/);
    assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

const axeSource = readFileSync(fileURLToPath(import.meta.resolve("axe-core/axe.min.js")), "utf8");

test("axe-core finds no violations inside the element (empty, answered with findings and contradictions, SME mode) nor in embed.html", async () => {
  // axe is injected as a script, which the CSP rightly forbids: this context bypasses it.
  const opened = await openPortal("?storage=none", { bypassCSP: true });
  const { page } = opened;
  try {
    await page.addScriptTag({ content: axeSource });
    const host = page.locator("gpai-check#checker");
    assert.deepEqual(await violations(page, "gpai-check#checker"), [], "empty");

    await host.evaluate((el, state) => (el.answers = state), {
      ...STATE,
      profile: { ...STATE.profile, is_sme: true },
      // The Form's training compute against the profile's 3e24 FLOP: cross-check X-33 trips.
      answers: { ...STATE.answers, t_docs_retention_years: -5, t_mdf_7_2b: "5.0e24" },
    });
    const summary = await host.locator(".summary").textContent();
    assert.match(summary, /1 answer needs checking/);
    assert.match(summary, /1 consistency check finds a contradiction/);
    await host.evaluate((el) => el.shadowRoot.querySelectorAll("details").forEach((d) => (d.open = true)));
    assert.deepEqual(await violations(page, "gpai-check#checker"), [], "answered, with findings");

    await host.evaluate((el) => el.setAttribute("mode", "sme"));
    assert.ok(await host.locator(".short-mode-info").isVisible());
    assert.ok(await host.locator(".short-note").first().isVisible(), "SME mode leaves questions out");
    assert.deepEqual(await violations(page, "gpai-check#checker"), [], "SME mode");

    const embed = await opened.context.newPage();
    await embed.goto(`${A}/www/embed.html?origins=${encodeURIComponent(A)}`);
    await elementReady(embed);
    await embed.addScriptTag({ content: axeSource });
    assert.deepEqual(await violations(embed, null), [], "embed.html");
    assertClean(opened);
  } finally {
    await opened.context.close();
  }
});
