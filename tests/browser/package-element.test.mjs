// The npm package in a portal of its own, in Chromium: pkg/ packed, installed offline into an
// empty project, and the package README's browser snippets used as written (the host page,
// portal.js, the theme, the Content Security Policy, the iframe and its script, the engine
// alone). The project is served by a tiny static server that plays the portal's back end with
// the README's server snippet. Run: node --test tests/browser/package-element.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { writeFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { installPackedPackage, readmeSnippets } from "../js/consumer.mjs";
import { eventually } from "./harness.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".json": "application/json" };
const IN_SCOPE = { significant_generality: "yes", placed_on_eu_market: true, established_in_eu: true };
const DRAFT = { profile: IN_SCOPE, answers: { t_contact_published: "yes" }, title: "Draft the portal kept" };
const POLICY_EXISTS = /Do you have a copyright policy that is up to date/;

let project;
let snippets;
let server;
let origin;
let browser;
/** The portal back end's state: the kept draft, and every result bundle it was sent with its verdict. */
const backEnd = { draft: null, results: [] };

before(async () => {
  project = installPackedPackage("gpai-portal-");
  snippets = readmeSnippets(project.readme);
  // The back end's verification module is the README's server snippet, importing the installed package.
  writeFileSync(join(project.dir, "verify-result.mjs"), snippets.server);
  const { checkResult } = await import(pathToFileURL(join(project.dir, "verify-result.mjs")).href);
  server = await startPortal(checkResult);
  origin = `http://127.0.0.1:${server.address().port}`;

  const page = (title, body, script) =>
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n<script type="module" src="${script}"></script>\n</head>\n<body>\n<main>\n<h1>${title}</h1>\n${body}</main>\n</body>\n</html>\n`;
  const write = (file, text) => writeFileSync(join(project.dir, file), text);
  write("index.html", snippets["host-page"]);
  write("portal.js", snippets["portal-script"]);
  write("portal.css", snippets.theme);
  write("iframe-portal.js", snippets["iframe-script"]);
  // The iframe snippet as written lists https://portal.example; this portal's own origin is listed in one copy.
  assert.match(snippets.iframe, /origins=https:\/\/portal\.example"/);
  write("framed.html", page("Framed checker", snippets.iframe.replace("https://portal.example", origin), "/iframe-portal.js"));
  write("framed-unlisted.html", page("Framed checker, this origin not listed", snippets.iframe, "/iframe-portal.js"));
  write("engine.js", snippets["engine-browser"]);
  write("engine.html", page("Engine alone", "", "/engine.js"));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  if (server) await new Promise((done) => server.close(done));
});

/**
 * The portal's server: the project's files as they are, with the README's Content Security
 * Policy on every response, and three API routes (the kept draft; result bundles, checked with
 * the README's checkResult).
 */
function startPortal(checkResult) {
  const csp = snippets.csp.trim();
  const s = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    const json = (status, value) => res.writeHead(status, { "content-type": "application/json", "content-security-policy": csp }).end(JSON.stringify(value));
    const body = async () => {
      let text = "";
      for await (const chunk of req) text += chunk;
      return JSON.parse(text);
    };
    // No draft yet (a person's first visit): 404, as a portal's API would answer.
    if (path === "/api/gpai-draft" && req.method === "GET") return backEnd.draft ? json(200, backEnd.draft) : json(404, { error: "no draft" });
    if (path === "/api/gpai-draft" && req.method === "PUT") {
      backEnd.draft = await body();
      return json(200, { ok: true });
    }
    if (path === "/api/gpai-results" && req.method === "POST") {
      const bundle = await body();
      const verdict = checkResult(bundle);
      backEnd.results.push({ bundle, verdict });
      // The status the README's checkResult says to answer with.
      return json(verdict.status, verdict);
    }
    const file = normalize(join(project.dir, path === "/" ? "index.html" : path));
    try {
      if (!file.startsWith(project.dir) || !(await stat(file)).isFile()) throw new Error("not a file");
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-security-policy": csp, "x-content-type-options": "nosniff" });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) => s.listen(0, "127.0.0.1", () => ok(s)));
}

/** A fresh context; every request is recorded, any to another origin aborted; console errors collected. */
async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  const consoleErrors = [];
  const logs = [];
  context.on("request", (request) => requests.push(request.url()));
  context.on("console", (message) => (message.type() === "error" ? consoleErrors : logs).push(message.text()));
  context.on("weberror", (error) => consoleErrors.push(`uncaught: ${error.error().message}`));
  await context.route("**/*", (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  await page.goto(`${origin}${path}`);
  return { context, page, requests, consoleErrors, logs };
}

async function elementReady(frameOrPage) {
  await frameOrPage.waitForFunction(() => customElements.get("gpai-check") && document.querySelector("gpai-check"), null, { timeout: 15000 });
  await frameOrPage.evaluate(() => document.querySelector("gpai-check").ready);
}


/** Every request went to this portal's own files: the project's pages and API, and the package's packed files. */
function assertOwnFiles(requests) {
  const packaged = new Set(project.files.map((f) => `/node_modules/gpai-check/${f}`));
  const own = new Set(["/", "/index.html", "/portal.js", "/portal.css", "/framed.html", "/framed-unlisted.html", "/iframe-portal.js", "/engine.html", "/engine.js", "/api/gpai-draft", "/api/gpai-results"]);
  const paths = requests.map((url) => {
    assert.ok(url.startsWith(`${origin}/`), `request to another origin: ${url}`);
    return new URL(url).pathname;
  });
  assert.deepEqual(paths.filter((p) => !own.has(p) && !packaged.has(p)), [], "only the project's own files and the package's packed files are requested");
  return paths;
}

test("the README's host page on a first visit (no draft on the server): the person's answers are kept by the portal", async () => {
  backEnd.draft = null;
  backEnd.results = [];
  const { context, page, consoleErrors } = await open("/");
  try {
    await elementReady(page);
    const checker = page.locator("gpai-check");
    await checker.getByLabel("Name of this assessment").fill("First visit");
    await eventually(() => assert.equal(backEnd.draft?.title, "First visit"), 5000);
    await checker.getByLabel("Does the model display significant generality").selectOption("yes");
    await eventually(() => assert.equal(backEnd.draft?.profile?.significant_generality, "yes"), 5000);
    await eventually(async () => assert.match(await page.locator("#status").textContent(), /measures met, \d+ unanswered/));
    // The only console message allowed is the browser's note on the 404 itself.
    assert.deepEqual(consoleErrors.filter((e) => !/404/.test(e)), []);
  } finally {
    await context.close();
  }
});

test("the README's host page: the element from node_modules renders, restores the draft, reports, and the server verifies the result", async () => {
  backEnd.draft = structuredClone(DRAFT);
  backEnd.results = [];
  const { context, page, requests, consoleErrors } = await open("/");
  try {
    await elementReady(page);
    const checker = page.locator("gpai-check");
    // It renders its questions (inside the shadow root, which locators pierce).
    await assert.doesNotReject(checker.getByLabel("Does the model display significant generality").waitFor());
    assert.equal(await checker.getByLabel("Name of this assessment").inputValue(), DRAFT.title);
    // portal.js restored the draft the portal kept: the answers and the inputs show it.
    await eventually(async () => assert.deepEqual(await page.evaluate(() => document.querySelector("gpai-check").answers), DRAFT));
    assert.ok((await checker.locator("section.measure").count()) > 10, "the measures of the chapters that apply are shown");

    // Answering a question: gpai-change with the answers, then gpai-report with the new report.
    await page.evaluate(() => {
      window.seen = [];
      const el = document.querySelector("gpai-check");
      for (const type of ["gpai-change", "gpai-report", "gpai-error"]) el.addEventListener(type, (event) => window.seen.push({ type, detail: event.detail }));
    });
    const before = await page.evaluate(() => document.querySelector("gpai-check").report.digest);
    // The guided layout (the default): the Copyright chapter is one part, opened from the places.
    await checker.getByRole("navigation", { name: "Parts of the check" }).getByRole("link", { name: /^Copyright/ }).click();
    await checker.getByRole("group", { name: POLICY_EXISTS }).getByRole("radio", { name: "Yes", exact: true }).check();
    await eventually(async () => assert.deepEqual((await page.evaluate(() => window.seen)).map((e) => e.type), ["gpai-change", "gpai-report"]));
    const [change, report] = await page.evaluate(() => window.seen);
    const expectedAnswers = { ...DRAFT, answers: { ...DRAFT.answers, c_policy_exists: "yes" } };
    assert.deepEqual(change.detail, expectedAnswers, "gpai-change carries the answers");
    const engine = await page.evaluate(async (state) => {
      const { loadEngine } = await import("/node_modules/gpai-check/element.js");
      const { sealedReport } = await loadEngine();
      return sealedReport({ pack: "gpai-cop-final", ...state });
    }, expectedAnswers);
    assert.deepEqual(report.detail, { report: engine }, "gpai-report carries the sealed report the engine gives for those answers");
    assert.notEqual(report.detail.report.digest, before);

    // portal.js kept the change on the server and shows the counts.
    await eventually(() => assert.deepEqual(backEnd.draft, expectedAnswers));
    const { met, unanswered } = engine.summary.overall;
    assert.equal(await page.locator("#status").textContent(), `${met} measures met, ${unanswered} unanswered`);

    // Submit: the server verifies the bundle with the README's checkResult.
    await page.getByRole("button", { name: "Submit the result" }).click();
    await eventually(async () => assert.equal(await page.locator("#status").textContent(), `Submitted: report ${engine.digest}`));
    assert.equal(backEnd.results.length, 1);
    assert.deepEqual(backEnd.results[0].verdict, { status: 200, ok: true, digest: engine.digest });
    const tampered = structuredClone(backEnd.results[0].bundle);
    const measure = tampered.report.chapters[1].measures[0];
    measure.status = measure.status === "met" ? "not-met" : "met";
    const { checkResult } = await import(pathToFileURL(join(project.dir, "verify-result.mjs")).href);
    assert.equal(checkResult(tampered).verdict, "report-differs", "a changed report is refused");

    // The theme from portal.css reaches inside; nothing else of the portal's does.
    const themed = await page.evaluate(() => {
      const root = document.querySelector("gpai-check").shadowRoot.querySelector(".gpai-root");
      const style = getComputedStyle(root);
      return { font: style.fontFamily, size: style.fontSize, padding: style.paddingTop };
    });
    assert.deepEqual(themed, { font: "Georgia, serif", size: "17px", padding: "16px" });

    // Only the project's own files: the modules and the wasm came from the package; the styles
    // are inside the modules (no stylesheet is fetched).
    const paths = assertOwnFiles(requests);
    for (const f of ["element.js", "embed/gpai-check-element.js", "embed/element-css.js", "gpai_check.js", "gpai_check_bg.wasm"]) assert.ok(paths.includes(`/node_modules/gpai-check/${f}`), `${f} is loaded from the package`);
    assert.deepEqual(paths.filter((p) => p.endsWith(".css") && p !== "/portal.css"), [], "the element fetches no stylesheet");
    assert.deepEqual(consoleErrors, [], "no console error (the README's CSP is enough)");
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).length + Object.keys(sessionStorage).length), 0, 'storage="none" keeps nothing');
  } finally {
    await context.close();
  }
});

test("the iframe page from the package: talks with its listed origin, and refuses a page whose origin is not listed", async () => {
  backEnd.draft = structuredClone(DRAFT);
  const listed = await open("/framed.html");
  try {
    const frame = listed.page.frames().find((f) => f.url().includes("/node_modules/gpai-check/embed/embed.html"));
    assert.ok(frame, "the iframe loads embed.html from the package");
    await elementReady(frame);
    // The README's script answered gpai:ready with the kept draft.
    await eventually(async () => assert.deepEqual(await frame.evaluate(() => document.querySelector("gpai-check").answers), DRAFT));
    await frame.locator("gpai-check").getByLabel("Name of this assessment").fill("Edited in the frame");
    await eventually(() => assert.equal(backEnd.draft?.title, "Edited in the frame"), 5000);
    assertOwnFiles(listed.requests);
    assert.deepEqual(listed.consoleErrors, []);
  } finally {
    await listed.context.close();
  }

  // The snippet as written lists only https://portal.example, so this origin is refused.
  backEnd.draft = structuredClone(DRAFT);
  const unlisted = await open("/framed-unlisted.html");
  try {
    const frame = unlisted.page.frames().find((f) => f.url().includes("/node_modules/gpai-check/embed/embed.html"));
    await elementReady(frame);
    const received = await unlisted.page.evaluate(
      ([targetOrigin, answers]) =>
        new Promise((resolve) => {
          const got = [];
          const win = document.querySelector("iframe").contentWindow;
          window.addEventListener("message", (event) => event.source === win && got.push(event.data?.type));
          win.postMessage({ type: "gpai:set-answers", answers }, targetOrigin);
          win.postMessage({ type: "gpai:get-report" }, targetOrigin);
          setTimeout(() => resolve(got), 1000);
        }),
      [origin, { profile: IN_SCOPE, answers: { c_policy_exists: "yes" } }],
    );
    assert.deepEqual(received, [], "no answer to an unlisted origin, not even gpai:ready");
    assert.deepEqual(await frame.evaluate(() => document.querySelector("gpai-check").answers), { profile: {}, answers: {} }, "no change");
    assertOwnFiles(unlisted.requests);
  } finally {
    await unlisted.context.close();
  }
});

test("the README's engine-alone snippet runs in the browser from node_modules", async () => {
  const { context, page, requests, consoleErrors, logs } = await open("/engine.html");
  try {
    // The snippet prints the report's counts (evaluate() does not seal, so no digest here).
    await eventually(() => assert.ok(logs.some((line) => /met: \d+, partial: \d+, notMet: \d+, notApplicable: \d+, unanswered: \d+/.test(line)), `logs: ${logs.join(" | ")}`), 10000);
    assert.deepEqual(consoleErrors, []);
    assertOwnFiles(requests);
    await page.close();
  } finally {
    await context.close();
  }
});
