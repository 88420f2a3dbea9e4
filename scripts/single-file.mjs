// Builds the checker as one self-contained HTML file that runs from disk (file://), offline:
// the page's ES modules and the engine's JavaScript bundled into one inline module, dynamic imports
// included, with the whole engine (scripts/bundle.mjs; the served page's second module is inline here), the CSS
// inlined, the wasm and the examples as data blocks, and a Content Security Policy of its own
// that allows exactly that inline script and style by their SHA-256 hashes.
//   node scripts/single-file.mjs [--out path]     (default pkg/gpai-check.html; needs pkg/ built)
// No dependencies of its own (bundle.mjs minifies with esbuild, a dev dependency).
import { readFileSync, writeFileSync, renameSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { singleFileScript } from "./bundle.mjs";
import { buildDocxChunk } from "./docx-chunk.mjs";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const rel = (file) => relative(root, file).split("\\").join("/");

/**
 * Builds the file and writes it to `out` (atomically: a reader never sees half a file).
 * Returns { out, bytes, gzip, scriptHash, styleHash }.
 */
export function buildSingleFile({ out = join(root, "pkg", "gpai-check.html") } = {}) {
  const html = readFileSync(join(root, "www", "index.html"), "utf8");
  const css = readFileSync(join(root, "www", "style.css"), "utf8");
  const wasm = readFileSync(join(root, "pkg", "gpai_check_bg.wasm"));
  const favicon = readFileSync(join(root, "www", "favicon.svg"));
  const script = singleFileScript();
  const examples = readExamples();
  // The DOCX export chunk, run as an inline module on the first export (www/docx-loader.js).
  const docxChunk = buildDocxChunk({ write: false });

  if (/<\/style/i.test(css)) throw new Error("www/style.css contains </style");
  const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
  const scriptHash = hash(script);
  const docxHash = hash(docxChunk);
  const styleHash = hash(css);
  const csp = [
    "default-src 'none'",
    `script-src ${scriptHash} ${docxHash} 'wasm-unsafe-eval'`,
    `style-src ${styleHash}`,
    "img-src data:",
    "connect-src 'none'",
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");

  let page = html;
  const replace = (pattern, replacement, what) => {
    if (!pattern.test(page)) throw new Error(`www/index.html: cannot find ${what}`);
    // A function, so that "$" in the replacement is never read as a pattern reference.
    page = page.replace(pattern, () => replacement);
  };
  replace(/<html lang="en">/, `<html lang="en" data-build="single-file">`, "<html lang=\"en\">");
  replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, "the CSP meta element");
  replace(/<link rel="icon" href="favicon\.svg" type="image\/svg\+xml">/, `<link rel="icon" href="data:image/svg+xml;base64,${favicon.toString("base64")}" type="image/svg+xml">`, "the favicon link");
  replace(/<link rel="stylesheet" href="style\.css">/, `<style>${css}</style>`, "the stylesheet link");
  // The one file carries every module and the wasm itself: its preloads would be requests.
  replace(/ *<!-- Preloads:[\s\S]*?-->\n(?: *<link rel="(?:module)?preload"[^>]*>\n)+/, "", "the preload links");
  replace(/<script type="module" src="app\.bundle\.js"><\/script>/, `<script type="module">${script}</script>`, "the app.bundle.js script element");
  // Data blocks: never run (their type is not JavaScript), read by app.js at start.
  // Each shipped language inline (catalogue.js reads it instead of fetching locales/<code>.json).
  const locales = readdirSync(join(root, "www", "locales"))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => `<script type="application/json" data-gpai-locale="${f.slice(0, -5)}">${jsonForScript(JSON.parse(readFileSync(join(root, "www", "locales", f), "utf8")))}</script>\n`)
    .join("");
  const data =
    `<script type="application/json" id="gpai-examples">${jsonForScript(examples)}</script>\n` +
    locales +
    `<script type="application/octet-stream" id="gpai-wasm">${wasm.toString("base64")}</script>\n` +
    `<script type="application/octet-stream" id="gpai-docx">${Buffer.from(docxChunk, "utf8").toString("base64")}</script>\n`;
  replace(/<\/body>/, `${data}</body>`, "</body>");

  const tmp = `${out}.tmp-${process.pid}`;
  writeFileSync(tmp, page);
  renameSync(tmp, out);
  const bytes = Buffer.byteLength(page);
  return { out, bytes, gzip: gzipSync(page, { level: 9 }).length, scriptHash, styleHash };
}

function readExamples() {
  const dir = join(root, "www", "examples");
  const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8"));
  const files = {};
  for (const entry of index) files[entry.file] = JSON.parse(readFileSync(join(dir, entry.file), "utf8"));
  return { index, files };
}

/** JSON that cannot end its <script> element early. */
function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--out");
  const out = at > 0 ? resolve(process.argv[at + 1]) : undefined;
  const result = buildSingleFile({ out });
  console.log(`[single-file] ${rel(result.out)}: ${result.bytes} bytes, ${result.gzip} gzip`);
}
