// Bundles the page's ES modules and the engine's JavaScript with esbuild (a pinned dev
// dependency; nothing of it reaches the page but its output):
//   www/app.bundle.js          app.js and every module it imports statically, with the page's
//                              first-visit engine (www/engine/gpai_check_page.js, the wasm
//                              built without the export-only entry points; scripts/build.sh);
//   www/app.chunk-<name>-<hash>.js  one file per dynamic import(), loaded on first use: www/exports.js
//                              (the whole engine, pkg/gpai_check.js, for downloads, print, import
//                              and documents) and any other module a dynamic import names.
// One request for the first screen instead of twenty: served as separate modules, the page waited
// for each of them and its cold start was about 70 ms later (docs/performance.md). So the entry
// must import nothing statically: a module shared by the entry and a chunk would become a shared
// chunk the entry imports, a request before the page can start, and the build stops instead.
// The one-file checker (scripts/single-file.mjs) gets one module with everything inline, dynamic
// imports included, and the whole engine only: it runs from file://, where nothing is fetched.
//   node scripts/bundle.mjs        (writes www/app.bundle.js and its chunks; build outputs, not in git)
import { readdirSync, writeFileSync, renameSync, unlinkSync } from "node:fs";
import { build, buildSync } from "esbuild";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const rel = (file) => relative(root, file).split(sep).join("/");
const www = join(root, "www");

/** Where the page's bundle is written. */
export const bundlePath = join(www, "app.bundle.js");
/** The engine's glue as the sources import it (the whole engine, as in the npm package). */
export const ENGINE_GLUE = "pkg/gpai_check.js";
/** The page's first-visit engine glue, which the page's bundle uses in place of ENGINE_GLUE. */
export const PAGE_ENGINE_GLUE = "www/engine/gpai_check_page.js";
/** The one module of the page whose imports of ENGINE_GLUE keep the whole engine. */
export const EXPORTS_MODULE = "www/exports.js";
/** The names of the chunk files beside the entry (the wasm URLs are made from the entry's own). */
const CHUNK_PREFIX = "app.chunk-";

// ES2022, the first with top-level await: esbuild writes no newer syntax than that (and stops
// with an error where the sources use any).
/** @type {import("esbuild").BuildOptions} */
const common = { absWorkingDir: root, bundle: true, format: "esm", target: "es2022", legalComments: "none", write: false, metafile: true, logLevel: "silent" };

/**
 * The DOCX export chunk is built on its own (scripts/docx-chunk.mjs: the docx library, which is
 * not the page's code) and imported at run time by www/docx-loader.js on the first DOCX export;
 * the one-file checker carries it inline instead (scripts/single-file.mjs). Left as it is here.
 */
const docxChunk = {
  name: "docx-chunk",
  setup(b) {
    b.onResolve({ filter: /^\.\/docx-export\.bundle\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * In the page's bundle, the engine's glue is the first-visit engine's, except in www/exports.js,
 * which loads the whole engine as a chunk of its own. A static import of an export-only entry
 * point anywhere else stops the build ("No matching export"), as it would fail in the page.
 */
const pageEngine = {
  name: "page-engine",
  setup(b) {
    b.onResolve({ filter: /(^|\/)pkg\/gpai_check\.js$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (rel(target) !== ENGINE_GLUE || rel(args.importer) === EXPORTS_MODULE) return undefined;
      return { path: join(root, PAGE_ENGINE_GLUE) };
    });
  },
};

/**
 * The page's bundle, made in memory: { entry, chunks: [{ file, text }], metafile }, where
 * `entry` is the text of www/app.bundle.js and each chunk's `file` its name in www/.
 * `minify: false` gives readable text (with each module's path as a comment).
 */
export async function pageBundle({ minify = true } = {}) {
  const result = await build({
    ...common,
    entryPoints: { "app.bundle": join(www, "app.js") },
    splitting: true,
    outdir: www,
    chunkNames: `${CHUNK_PREFIX}[name]-[hash]`,
    minify,
    plugins: [docxChunk, pageEngine],
  }).catch((error) => {
    throw new Error(`the page's bundle cannot be made:\n${error.message}`);
  });
  checkInputs(result.metafile);
  let entry;
  const chunks = [];
  for (const file of result.outputFiles) {
    const text = safeForScript(file.text, rel(file.path));
    checkSyntax(text, rel(file.path));
    if (file.path === bundlePath) entry = text;
    else chunks.push({ file: basename(file.path), text });
  }
  const statics = result.metafile.outputs[rel(bundlePath)].imports.filter((i) => i.kind === "import-statement");
  if (statics.length) {
    throw new Error(
      `www/app.bundle.js would import ${statics.map((i) => i.path).join(", ")} before it can start: a module that both ` +
        `the page and a dynamically imported chunk import becomes a shared chunk. Import it only in the chunk, or only statically`,
    );
  }
  return { entry, chunks, metafile: result.metafile };
}

/**
 * The one-file checker's script: app.js and everything it imports, dynamic imports included, in
 * one module, with the whole engine (no first-visit engine: the one file carries one wasm).
 */
export function singleFileScript({ minify = true } = {}) {
  // The DOCX chunk stays out (www/docx-loader.js runs it from the file's inline copy); a relative
  // external path is resolved from the working directory before it is compared.
  const result = buildSync({ ...common, entryPoints: [join(www, "app.js")], outfile: join(root, "pkg", "gpai-check.js"), minify, external: ["./www/docx-export.bundle.js"] });
  checkInputs(result.metafile);
  if (result.outputFiles.length !== 1) throw new Error(`the one-file script is ${result.outputFiles.length} files, not one`);
  const text = safeForScript(result.outputFiles[0].text, "the one-file script");
  checkSyntax(text, "the one-file script");
  return text;
}

/** Only the page's own modules and the engine's glue are bundled: nothing from elsewhere. */
function checkInputs(metafile) {
  for (const input of Object.keys(metafile.inputs)) {
    if (!/^(www\/|pkg\/gpai_check\.js$|pkg\/snippets\/)/.test(input)) throw new Error(`cannot bundle ${input}: only www/ and the engine's glue (${ENGINE_GLUE}) are the page's`);
  }
}

/** The text made safe to inline in a <script> element (the one-file checker does). */
function safeForScript(text, what) {
  if (/<!--/.test(text)) throw new Error(`${what} contains <!--, which would confuse the HTML parser`);
  // "</script" inside a string or comment would end the element: "<\/script" means the same in JS.
  return text.replace(/<\/script/gi, "<\\/script");
}

/** Lets Node parse each file as a module, so a syntax error stops the build and not the page. */
function checkSyntax(text, what) {
  const file = join(tmpdir(), `gpai-check-bundle-${process.pid}-${Date.now()}.mjs`);
  writeFileSync(file, text);
  try {
    const result = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${what} does not parse:\n${result.stderr}`);
  } finally {
    unlinkSync(file);
  }
}

/** The chunk files in www/ now (the current build's and any left over from an earlier one). */
export function chunkFiles() {
  return readdirSync(www).filter((f) => f.startsWith(CHUNK_PREFIX) && f.endsWith(".js")).sort();
}

/**
 * Writes the page's bundle and its chunks (each atomically: a reader never sees half a file), and
 * removes the chunks of earlier builds. Returns { entry: bytes, chunks: [{ file, bytes }] }.
 */
export async function writeBundle() {
  const { entry, chunks } = await pageBundle();
  const put = (out, text) => {
    const tmp = `${out}.tmp-${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  };
  // Chunks first: the entry that names them is written once they are all there.
  for (const chunk of chunks) put(join(www, chunk.file), chunk.text);
  put(bundlePath, entry);
  const current = new Set(chunks.map((c) => c.file));
  for (const file of chunkFiles()) if (!current.has(file)) unlinkSync(join(www, file));
  return { entry: Buffer.byteLength(entry), chunks: chunks.map((c) => ({ file: c.file, bytes: Buffer.byteLength(c.text) })) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { entry, chunks } = await writeBundle();
  console.log(`[bundle] ${rel(bundlePath)}: ${entry} bytes`);
  for (const c of chunks) console.log(`[bundle] www/${c.file}: ${c.bytes} bytes`);
}
