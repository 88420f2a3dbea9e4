// The page loads its JavaScript for the first screen as one file: www/app.bundle.js, app.js and
// every module it imports statically, made by esbuild (scripts/bundle.mjs). Served as twenty
// modules, the page waited for each of them (they arrived one after another), and its cold start
// was about 70 ms later. A dynamic import() becomes a chunk beside it, loaded on first use: the
// page's second module (www/exports.js, the engine's export-only entry points) is one. The page
// preloads its first-visit wasm, so that it downloads with the page and not once the script asks.
// These tests walk the real import graph from www/app.js and compare it with the bundle's
// metafile and with www/index.html, so that a module added to the graph, a chunk the first screen
// would wait for, or a bundle left over from older sources cannot go unnoticed. The test command
// builds the bundle before it runs them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname, relative, resolve } from "node:path";
import { pageBundle, bundlePath, chunkFiles, ENGINE_GLUE, PAGE_ENGINE_GLUE, EXPORTS_MODULE } from "../../scripts/bundle.mjs";

const root = new URL("../../", import.meta.url).pathname;
const www = join(root, "www");

/**
 * The modules `entry` imports statically, directly or not, and `entry` itself, relative to the
 * repository; and the modules named by a dynamic import() on the way (`dynamic`).
 */
function importGraph(entry, { glue = ENGINE_GLUE } = {}) {
  const seen = new Set();
  const dynamic = new Set();
  const walk = (file) => {
    if (relative(root, file) === ENGINE_GLUE) file = join(root, glue);
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const m of code.matchAll(/^import\s+(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)) walk(resolve(dirname(file), m[1]));
    // The page's own modules' dynamic imports; not the type imports of JSDoc comments.
    if (!/^www\/[\w.-]+\.js$/.test(relative(root, file))) return;
    for (const m of code.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) dynamic.add(relative(root, resolve(dirname(file), m[1])));
  };
  walk(entry);
  // The engine's glue imports its inline snippets (the boundary's own JavaScript) as modules too.
  const modules = [...seen].map((f) => relative(root, f)).filter((f) => !/\/snippets\//.test(f));
  return { modules: modules.sort(), dynamic: [...dynamic].sort() };
}

const html = readFileSync(join(www, "index.html"), "utf8");
const readable = await pageBundle({ minify: false });
const built = await pageBundle();
const linked = (rel) => [...html.matchAll(new RegExp(`<link rel="${rel}" href="([^"]+)"`, "g"))].map((m) => m[1]);
const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g)].map((m) => m[1]);
/** The modules held by each output file of a bundle, without the engine's inline snippets. */
const held = (metafile, output) => Object.keys(metafile.outputs[output].inputs).filter((f) => !/\/snippets\//.test(f)).sort();
const chunkOf = (metafile, module) => Object.keys(metafile.outputs).find((o) => metafile.outputs[o].entryPoint === module);

test("index.html loads one script, the bundle, and no module besides", () => {
  assert.deepEqual(scripts, ["app.bundle.js"]);
  assert.match(html, /<script type="module" src="app\.bundle\.js"><\/script>/);
  assert.deepEqual(linked("modulepreload"), [], "a module preload would be a request the bundle makes needless");
});

test("the bundle holds exactly the modules of app.js's static import graph, with the first-visit engine", () => {
  const graph = importGraph(join(www, "app.js"), { glue: PAGE_ENGINE_GLUE });
  assert.ok(graph.modules.length > 10, `the import graph was read (${graph.modules.length} modules)`);
  assert.ok(graph.modules.includes(PAGE_ENGINE_GLUE), "the first-visit engine's module is part of the page's graph");
  assert.ok(!graph.modules.includes(ENGINE_GLUE), "the whole engine is not");
  assert.deepEqual(held(readable.metafile, "www/app.bundle.js"), graph.modules);
});

test("each dynamic import is a chunk of its own, and www/exports.js's holds the whole engine", () => {
  const { dynamic } = importGraph(join(www, "app.js"));
  assert.ok(dynamic.includes(EXPORTS_MODULE), `app.js imports ${EXPORTS_MODULE} dynamically (${dynamic.join(", ")})`);
  const imports = readable.metafile.outputs["www/app.bundle.js"].imports;
  // The DOCX chunk is built on its own (scripts/docx-chunk.mjs, the docx library) and imported
  // as it is: it is no chunk of the page's bundle (scripts/bundle.mjs leaves it external).
  for (const module of dynamic.filter((m) => m !== "www/docx-export.bundle.js")) {
    const chunk = chunkOf(readable.metafile, module);
    assert.ok(chunk, `${module} has a chunk`);
    assert.ok(imports.some((i) => i.path === chunk && i.kind === "dynamic-import"), `the bundle loads ${chunk} on first use`);
  }
  assert.deepEqual(held(readable.metafile, chunkOf(readable.metafile, EXPORTS_MODULE)), [ENGINE_GLUE, EXPORTS_MODULE].sort());
});

test("the first screen waits for one script: the bundle imports no chunk statically", () => {
  const statics = built.metafile.outputs["www/app.bundle.js"].imports.filter((i) => i.kind !== "dynamic-import");
  assert.deepEqual(statics, []);
  assert.doesNotMatch(built.entry, /^import\s|[;}]import\s*[{*\w]/m, "no import statement in the page's bundle");
});

test("the first-visit engine has none of the export-only entry points, and the second module has them", () => {
  const page = readFileSync(join(root, PAGE_ENGINE_GLUE), "utf8");
  const whole = readFileSync(join(root, ENGINE_GLUE), "utf8");
  for (const name of ["sealedReport", "readAnswers", "reportMarkdown", "documents", "resultBundle", "verify", "oscalAssessmentResults"]) {
    assert.doesNotMatch(page, new RegExp(`export function ${name}\\(`), `${PAGE_ENGINE_GLUE} has no ${name}`);
    assert.match(whole, new RegExp(`export function ${name}\\(`), `${ENGINE_GLUE} has ${name}`);
  }
  for (const name of ["evaluate", "scope", "pack", "whatChanged", "parseNumber", "limits"]) {
    assert.match(page, new RegExp(`export function ${name}\\(`), `${PAGE_ENGINE_GLUE} has ${name}`);
  }
});

test("the page's bundle is minified: smaller than its readable text, and without its comments", () => {
  const page = readFileSync(bundlePath, "utf8");
  // Unminified, the two would be about the same length; the English catalogue (interface-en.js),
  // text that no minifier shortens, keeps the ratio above one half.
  assert.ok(page.length < readable.entry.length * 0.7, `${page.length} bytes against ${readable.entry.length} readable`);
  assert.match(readable.entry, /^\/\/ www\/app\.js$/m, "the readable text names each module");
  assert.doesNotMatch(page, /^\/\/ www\/app\.js$/m, "the module headings are comments, gone once minified");
});

test("the bundle and its chunks are what scripts/bundle.mjs makes of the sources as they are now, with no chunk left over", () => {
  assert.equal(readFileSync(bundlePath, "utf8"), built.entry, "www/app.bundle.js is stale: run bash scripts/build.sh");
  assert.deepEqual(chunkFiles(), built.chunks.map((c) => c.file).sort(), "the chunks in www/ are this build's");
  for (const chunk of built.chunks) assert.equal(readFileSync(join(www, chunk.file), "utf8"), chunk.text, `www/${chunk.file}`);
});

test("index.html preloads the wasm the engine fetches", () => {
  assert.deepEqual(linked("preload"), ["engine/gpai_check_page_bg.wasm"]);
  assert.match(html, /<link rel="preload" href="engine\/gpai_check_page_bg\.wasm" as="fetch" type="application\/wasm" crossorigin>/);
  // The page names the same file when it starts the engine (named from the bundle's own URL).
  assert.match(readFileSync(join(www, "app.js"), "utf8"), /new URL\("\.\/engine\/gpai_check_page_bg\.wasm", import\.meta\.url\)/);
});

test("the one-file checker carries no preload (it would be a request from disk), and no chunk", () => {
  const single = readFileSync(join(root, "pkg/gpai-check.html"), "utf8");
  assert.doesNotMatch(single, /rel="(module)?preload"/);
  assert.doesNotMatch(single, /src="app\.bundle\.js"/, "the one file inlines the bundle");
  assert.doesNotMatch(single, /app\.chunk-/, "the one file inlines its dynamic imports");
});
