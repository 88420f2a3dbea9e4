// Builds the DOCX export chunk: www/docx-export.js and the `docx` library (npm, pinned in
// package.json) in one minified ES module, www/docx-export.bundle.js (a build output, not in
// git). The page imports it on the first DOCX export (www/docx-loader.js); the one-file checker
// carries its text inline, in base64 (its XML code holds "<!--", which a <script> element must
// not; scripts/single-file.mjs). Prints its size and gzip size
// (docs/documents.md gives them).
//   node scripts/docx-chunk.mjs
import { buildSync } from "esbuild";
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** Where the chunk is written. */
export const docxChunkPath = join(root, "www", "docx-export.bundle.js");

/** Builds the chunk and returns its text; `write: false` builds it only in memory. */
export function buildDocxChunk({ write = true } = {}) {
  const result = buildSync({
    entryPoints: [join(root, "www", "docx-export.js")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    write,
    outfile: docxChunkPath,
  });
  const text = write ? readFileSync(docxChunkPath, "utf8") : result.outputFiles[0].text;
  return text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = buildDocxChunk();
  const bytes = Buffer.byteLength(text);
  console.log(`[docx-chunk] ${relative(root, docxChunkPath)}: ${bytes} bytes, ${gzipSync(text, { level: 9 }).length} gzip`);
}
