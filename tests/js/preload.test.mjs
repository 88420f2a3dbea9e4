// The page loads its JavaScript as one file: www/app.bundle.js, app.js and every module it imports,
// made by scripts/bundle.mjs. Served as twenty modules, the page waited for each of them (they
// arrived one after another), and its cold start was about 70 ms later. It also preloads the wasm,
// so that the wasm downloads with the page and not once the script asks for it.
// These tests walk the real import graph from www/app.js and compare it with the bundle and with
// www/index.html, so that a module added to the graph, or a bundle left over from older sources,
// cannot go unnoticed. The test command builds the bundle before it runs them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname, relative, resolve } from "node:path";
import { bundle, bundlePath } from "../../scripts/bundle.mjs";

const root = new URL("../../", import.meta.url).pathname;
const www = join(root, "www");

/** Every module app.js imports, directly or not, and app.js itself, relative to the repository. */
function importGraph(entry) {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const m of code.matchAll(/^import\s+(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)) walk(resolve(dirname(file), m[1]));
  };
  walk(entry);
  return [...seen].map((f) => relative(root, f)).sort();
}

const html = readFileSync(join(www, "index.html"), "utf8");
/** The bundle's readable text, which the page's minified bundle is made from. */
const readable = bundle(undefined, { minify: false });
const linked = (rel) => [...html.matchAll(new RegExp(`<link rel="${rel}" href="([^"]+)"`, "g"))].map((m) => m[1]);
const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g)].map((m) => m[1]);

test("index.html loads one script, the bundle, and no module besides", () => {
  assert.deepEqual(scripts, ["app.bundle.js"]);
  assert.match(html, /<script type="module" src="app\.bundle\.js"><\/script>/);
  assert.deepEqual(linked("modulepreload"), [], "a module preload would be a request the bundle makes needless");
});

test("the bundle holds exactly the modules of app.js's import graph", () => {
  const graph = importGraph(join(www, "app.js"));
  assert.ok(graph.length > 10, `the import graph was read (${graph.length} modules)`);
  assert.ok(graph.includes("pkg/gpai_check.js"), "the engine's module is part of the page's graph");
  const held = [...readable.matchAll(/^__modules\["([^"]+)"\] = /gm)].map((m) => m[1]).sort();
  assert.deepEqual(held, graph);
});

test("the page's bundle is minified: smaller than its readable text, and without its comments", () => {
  const page = readFileSync(bundlePath, "utf8");
  assert.ok(page.length < readable.length * 0.6, `${page.length} bytes against ${readable.length} readable`);
  assert.doesNotMatch(page, /^\/\/ www\/app\.js$/m, "the module headings are comments, gone once minified");
  // Every module's key is a string, which minifying keeps: the bundle still holds all of them.
  for (const m of readable.matchAll(/^__modules\[("[^"]+")\] = /gm)) assert.ok(page.includes(`[${m[1]}]`), `${m[1]} is in the page's bundle`);
});

test("the bundle is what scripts/bundle.mjs makes of the sources as they are now", () => {
  assert.equal(readFileSync(bundlePath, "utf8"), bundle(), "www/app.bundle.js is stale: run bash scripts/build.sh");
});

test("index.html preloads the wasm the engine fetches", () => {
  assert.deepEqual(linked("preload"), ["../pkg/gpai_check_bg.wasm"]);
  assert.match(html, /<link rel="preload" href="\.\.\/pkg\/gpai_check_bg\.wasm" as="fetch" type="application\/wasm" crossorigin>/);
  // The page names the same file when it starts the engine (the bundle lives in www/, not beside
  // the wasm, so the engine's default location would be wrong).
  assert.match(readFileSync(join(www, "app.js"), "utf8"), /new URL\("\.\.\/pkg\/gpai_check_bg\.wasm", import\.meta\.url\)/);
});

test("the one-file checker carries no preload (it would be a request from disk)", () => {
  const single = readFileSync(join(root, "pkg/gpai-check.html"), "utf8");
  assert.doesNotMatch(single, /rel="(module)?preload"/);
  assert.doesNotMatch(single, /src="app\.bundle\.js"/, "the one file inlines the bundle");
});
