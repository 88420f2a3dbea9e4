// Writes compressed copies of the files the page serves, as static hosts serve them: brotli (.br)
// and gzip (.gz), made once at build time at the highest levels, so that no request pays for
// compression. Node's zlib only; no dependency.
//   node scripts/precompress.mjs      (after the build; scripts/build.sh runs it last)
// The copies live in precompressed/ (git-ignored), under the served path plus .br or .gz:
// www/app.bundle.js -> precompressed/www/app.bundle.js.br. Not beside the originals, because
// www/examples/ is read as a folder of examples by tests and by the engine's own tests.
// scripts/serve.mjs serves a copy only when it decompresses to the original exactly.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
/** The folder of the compressed copies. */
export const precompressedRoot = join(root, "precompressed");

/** Content encodings with a precompressed copy, in order of preference, and their suffixes. */
export const encodings = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
];

/** Types worth compressing (images other than SVG, fonts in woff2 and the like already are). */
const compressible = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".ts", ".md"]);

/** The compressed copy of `path` (a served path such as "/www/app.bundle.js") in `encoding`. */
export function variantPath(path, encoding) {
  const { suffix } = encodings.find((e) => e.name === encoding);
  return join(precompressedRoot, `${path}${suffix}`);
}

/**
 * The files the page serves, relative to the repository: everything in www/ and the files at the
 * top of pkg/ (the wasm, the engine's module, the one-file checker). pkg/'s folders are the npm
 * package's copies of www/'s modules and its schemas, which the page does not load.
 */
export function servedFiles() {
  const walk = (dir) =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(`${dir}/${e.name}`) : e.isFile() ? [`${dir}/${e.name}`] : [],
    );
  const top = readdirSync(join(root, "pkg"), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => `pkg/${e.name}`);
  return [...walk("www"), ...top].filter((f) => compressible.has(extname(f))).sort();
}

/** `bytes` compressed in `encoding`, at the highest level of each. */
export function compress(bytes, encoding) {
  if (encoding === "br") {
    return brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
  }
  if (encoding === "gzip") return gzipSync(bytes, { level: 9 });
  throw new Error(`unknown encoding ${encoding}`);
}

/**
 * Writes the copies of one file (relative to the repository). A copy no smaller than its
 * original is not written: the server then sends the original. Returns { file, bytes, br, gzip }
 * (null where no copy was written).
 */
export function precompressFile(file) {
  const bytes = readFileSync(join(root, file));
  const sizes = { file, bytes: bytes.length };
  for (const { name } of encodings) {
    const out = variantPath(`/${file}`, name);
    const packed = compress(bytes, name);
    sizes[name] = null;
    rmSync(out, { force: true });
    if (packed.length >= bytes.length) continue;
    mkdirSync(dirname(out), { recursive: true });
    // Atomically: the server never sees half a file.
    const tmp = `${out}.tmp-${process.pid}`;
    writeFileSync(tmp, packed);
    renameSync(tmp, out);
    sizes[name] = packed.length;
  }
  return sizes;
}

/** Writes every served file's copies afresh: the folder is emptied first, so a file gone leaves no copy. */
export function precompress(files = servedFiles()) {
  rmSync(precompressedRoot, { recursive: true, force: true });
  return files.map(precompressFile);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = precompress();
  const sum = (key) => written.reduce((n, w) => n + (w[key] ?? w.bytes), 0);
  console.log(
    `[precompress] ${relative(root, precompressedRoot)}/: ${written.length} files, ${sum("bytes")} bytes; brotli ${sum("br")}, gzip ${sum("gzip")}`,
  );
}
