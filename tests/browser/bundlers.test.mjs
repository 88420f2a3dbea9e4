// The package as portals build it: a tiny portal, made from the packed package installed offline
// and the package README's "Bundlers" snippets as written, built with Vite (production build and
// dev server) and webpack 5, served, and used in Chromium. Each build must give a styled element
// (a computed style from its stylesheet), an evaluation equal to the engine's in Node, and its
// events; and ship one copy of the wasm, the one it uses.
// Run: node --test tests/browser/bundlers.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { writeFileSync, mkdirSync, readdirSync, copyFileSync, rmSync } from "node:fs";
import { extname, join, normalize, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { build as viteBuild, createServer as createViteServer } from "vite";
import webpack from "webpack";
import { installPackedPackage, readmeSnippets } from "../js/consumer.mjs";
import { eventually } from "./harness.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".json": "application/json" };
const GENERALITY = "Does the model display significant generality";

let project;
let snippets;
let browser;
/** The engine from the installed package, in Node: what each browser report must equal. */
let engine;
const servers = [];

/** A portal page: its module entry, and one element that keeps nothing in the browser. */
const hostPage = (script, type = "module") =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Portal</title>\n<script ${type === "module" ? 'type="module" ' : "defer "}src="${script}"></script>\n</head>\n<body>\n<main>\n<h1>Model compliance</h1>\n<gpai-check storage="none"></gpai-check>\n</main>\n</body>\n</html>\n`;

function write(file, text) {
  mkdirSync(join(project.dir, file, ".."), { recursive: true });
  writeFileSync(join(project.dir, file), text);
}

before(async () => {
  project = installPackedPackage("gpai-bundlers-");
  snippets = readmeSnippets(project.readme);
  engine = await import(pathToFileURL(join(project.dir, "node_modules/gpai-check/node.js")).href);
  // Vite: index.html at the project's root, its entry the README's snippet as written.
  write("index.html", hostPage("/src/main.js"));
  write("src/main.js", snippets["vite-main"]);
  // The same portal serving its own copy of the wasm (public/ is copied as it is).
  write("own-copy/index.html", hostPage("/main.js"));
  write("own-copy/main.js", 'import { configure } from "gpai-check/element";\n\nconfigure({ wasm: "/static/gpai_check_bg.wasm" });\n');
  mkdirSync(join(project.dir, "own-copy/public/static"), { recursive: true });
  copyFileSync(join(project.dir, "node_modules/gpai-check/gpai_check_bg.wasm"), join(project.dir, "own-copy/public/static/gpai_check_bg.wasm"));
  // The element imported with no configure(): under a bundler it cannot find its wasm.
  write("unconfigured/index.html", hostPage("/main.js"));
  write("unconfigured/main.js", 'import "gpai-check/element";\n');
  // webpack: the README's snippet as the entry; the page names the bundle webpack writes.
  write("src-webpack/main.js", snippets["webpack-main"]);
  write("dist-webpack/index.html", hostPage("main.js", "classic"));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  if (project) rmSync(project.dir, { recursive: true, force: true });
});

/** Serves a folder as static files, with the package README's Content Security Policy. Resolves to its origin. */
function serveStatic(dir) {
  const csp = snippets.csp.trim();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    try {
      if (!file.startsWith(dir) || !(await stat(file)).isFile()) throw new Error("not a file");
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-security-policy": csp, "x-content-type-options": "nosniff" });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  servers.push({ close: () => new Promise((done) => server.close(done)) });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(`http://127.0.0.1:${server.address().port}`)));
}

/** Every file under dir, as paths relative to it. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)))
    .sort();
}

async function buildWithVite(root) {
  await viteBuild({ configFile: false, root: join(project.dir, root), logLevel: "warn", cacheDir: join(project.dir, ".vite", root || "main"), build: { outDir: join(project.dir, "dist-vite", root || "main"), emptyOutDir: true } });
  return join(project.dir, "dist-vite", root || "main");
}

/** Opens a portal page with every gpai-* event recorded from the start; nothing leaves its origin. */
async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  const errors = [];
  context.on("request", (request) => requests.push(request.url()));
  await context.route("**/*", (route) => (route.request().url().startsWith(`${new URL(url).origin}/`) ? route.continue() : route.abort()));
  await context.addInitScript(() => {
    window.seen = [];
    for (const type of ["gpai-change", "gpai-report", "gpai-error"]) document.addEventListener(type, (event) => window.seen.push({ type, detail: event.detail }));
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => customElements.get("gpai-check"));
  return { context, page, requests, errors };
}

/**
 * What a portal engineer checks: the element is styled (its heading's rule, from the element's
 * stylesheet, in the accent colour), it reports at start, and an answer gives gpai-change and a
 * gpai-report whose report is the engine's for those answers. Returns the requested paths.
 */
async function assertWorkingPortal(url) {
  const { context, page, requests, errors } = await open(url);
  try {
    await page.evaluate(() => document.querySelector("gpai-check").ready);
    const rule = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector("gpai-check").shadowRoot.querySelector("#profile-title"));
      return `${style.borderBottomWidth} ${style.borderBottomStyle} ${style.borderBottomColor}`;
    });
    assert.equal(rule, "2px solid rgb(31, 58, 104)", "the element's stylesheet applies (the heading's rule)");
    const padding = await page.evaluate(() => getComputedStyle(document.querySelector("gpai-check").shadowRoot.querySelector("button")).paddingLeft);
    assert.equal(padding, "14.4px", "a button has the element's padding (0.9 of its 16px base)");
    assert.deepEqual(await page.evaluate(() => window.seen.map((e) => e.type)), ["gpai-report"], "one report at start, no error");

    await page.locator("gpai-check").getByLabel(GENERALITY).selectOption("yes");
    await eventually(async () => assert.deepEqual(await page.evaluate(() => window.seen.map((e) => e.type)), ["gpai-report", "gpai-change", "gpai-report"]));
    const [, change, report] = await page.evaluate(() => window.seen);
    assert.deepEqual(change.detail, { profile: { significant_generality: "yes" }, answers: {} });
    assert.deepEqual(report.detail.report, engine.sealedReport({ pack: "gpai-cop-final", ...change.detail }), "the report is the engine's for those answers");
    assert.deepEqual(errors, []);
    // (Vite's dev server also answers "…/gpai_check_bg.wasm?url", the module that gives its URL.)
    const paths = requests.map((r) => new URL(r)).map((u) => `${u.pathname}${u.search}`);
    assert.equal(paths.filter((p) => p.endsWith(".wasm")).length, 1, `the wasm is fetched once: ${paths.join(" ")}`);
    assert.deepEqual(paths.filter((p) => p.endsWith(".css")), [], "no stylesheet is fetched");
    return paths;
  } finally {
    await context.close();
  }
}

test("Vite build with the README's snippet: one wasm in the build, a styled element that evaluates and fires its events", async () => {
  const dist = await buildWithVite("");
  const wasm = filesUnder(dist).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one copy of the wasm: ${wasm.join(", ")}`);
  const paths = await assertWorkingPortal(await serveStatic(dist));
  assert.ok(paths.includes(`/${wasm[0]}`), "the element uses the copy the build made");
});

test("Vite dev server with the README's snippet: a styled element that evaluates and fires its events", async () => {
  const server = await createViteServer({ configFile: false, root: project.dir, logLevel: "warn", cacheDir: join(project.dir, ".vite", "dev"), server: { host: "127.0.0.1", port: 8241, strictPort: false, hmr: false } });
  await server.listen();
  servers.push({ close: () => server.close() });
  await assertWorkingPortal(server.resolvedUrls.local[0]);
});

test("Vite build with the portal's own copy of the wasm: the build ships no second copy", async () => {
  const dist = await buildWithVite("own-copy");
  assert.deepEqual(filesUnder(dist).filter((f) => f.endsWith(".wasm")), ["static/gpai_check_bg.wasm"], "only the portal's own copy");
  const paths = await assertWorkingPortal(await serveStatic(dist));
  assert.ok(paths.includes("/static/gpai_check_bg.wasm"));
});

test("webpack 5 with the README's snippet and no loader: one wasm in the build, a styled element that evaluates and fires its events", async () => {
  const dist = join(project.dir, "dist-webpack");
  const stats = await new Promise((resolve, reject) =>
    webpack(
      { mode: "production", context: project.dir, entry: "./src-webpack/main.js", output: { path: dist, clean: { keep: "index.html" } }, devtool: false, performance: { hints: false } },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  assert.deepEqual(stats.compilation.errors.map(String), [], "webpack builds without errors");
  const wasm = filesUnder(dist).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one copy of the wasm: ${wasm.join(", ")}`);
  const paths = await assertWorkingPortal(await serveStatic(dist));
  assert.ok(paths.includes(`/${wasm[0]}`), "the element uses the copy the build made");
});

test("Vite build without configure(): the element says where it looked for its wasm, as a gpai-error and in its place", async () => {
  const dist = await buildWithVite("unconfigured");
  assert.deepEqual(filesUnder(dist).filter((f) => f.endsWith(".wasm")), [], "no wasm copied that nothing asked for");
  const origin = await serveStatic(dist);
  const { context, page } = await open(origin);
  try {
    await assert.rejects(page.evaluate(() => document.querySelector("gpai-check").ready));
    const seen = await page.evaluate(() => window.seen);
    assert.deepEqual(seen.map((e) => e.type), ["gpai-error"]);
    assert.match(seen[0].detail.message, new RegExp(`could not be loaded from ${origin}/[^ ]*gpai_check_bg\\.wasm .*configure\\(\\{ wasm \\}\\)`));
    assert.equal(await page.locator("gpai-check").getByRole("alert").textContent(), seen[0].detail.message);
  } finally {
    await context.close();
  }
});
