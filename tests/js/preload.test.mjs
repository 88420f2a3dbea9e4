// The page preloads every module of its import graph and the wasm, so that they download in
// parallel with the page instead of one import level after another. A module added to the graph
// but not to the preload list would silently bring the waterfall back: this test walks the real
// import graph from www/app.js and compares it with www/index.html.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname, relative, resolve } from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const www = join(root, "www");

function importGraph(entry) {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const m of code.matchAll(/^import\s+(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)) walk(resolve(dirname(file), m[1]));
  };
  walk(join(www, "app.js"));
  seen.delete(join(www, "app.js"));
  // wasm-bindgen's snippet module is preloaded too (left to the normal import it was fetched only
  // once the engine's module had been read, about 20 ms later). Its path carries a hash that stays
  // the same for a given crate and wasm-bindgen version; when either changes, this test names the
  // new path.
  return [...seen].map((f) => relative(www, f)).sort();
}

const html = readFileSync(join(www, "index.html"), "utf8");
const preloaded = (rel) => [...html.matchAll(new RegExp(`<link rel="${rel}" href="([^"]+)"`, "g"))].map((m) => m[1]);

test("index.html preloads exactly the modules app.js imports, directly or not", () => {
  const graph = importGraph(join(www, "app.js"));
  assert.ok(graph.length > 10, `the import graph was read (${graph.length} modules)`);
  assert.deepEqual([...preloaded("modulepreload")].sort(), graph);
});

test("index.html preloads the wasm the engine fetches", () => {
  assert.deepEqual(preloaded("preload"), ["../pkg/gpai_check_bg.wasm"]);
  assert.match(html, /<link rel="preload" href="\.\.\/pkg\/gpai_check_bg\.wasm" as="fetch" type="application\/wasm" crossorigin>/);
});

test("the one-file checker carries no preload (it would be a request from disk)", () => {
  const single = readFileSync(join(root, "pkg/gpai-check.html"), "utf8");
  assert.doesNotMatch(single, /rel="(module)?preload"/);
});
