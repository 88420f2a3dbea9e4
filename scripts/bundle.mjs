// Bundles the page's ES modules and the package's JavaScript into one module: www/app.bundle.js,
// which www/index.html loads. One request instead of twenty: served as separate modules, the
// page waited for each of them (they arrive one after another on a fresh connection), and its
// cold start was about 70 ms later (README, Figures). The one-file checker inlines the same bundle.
//   node scripts/bundle.mjs        (writes www/app.bundle.js; a build output, not in git)
// The bundler understands the import and export forms this project uses and stops with an error
// on any other, rather than produce a page that fails later. Its output is then minified by
// esbuild (a dev dependency; nothing of it reaches the page but the smaller text): 28 KB gzip
// instead of 46 KB, the largest part of the first visit after the wasm (README, Figures).
import { readFileSync, writeFileSync, renameSync, unlinkSync } from "node:fs";
import { transformSync } from "esbuild";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const rel = (file) => relative(root, file).split("\\").join("/");

/** Where the page's bundle is written. */
export const bundlePath = join(root, "www", "app.bundle.js");

/**
 * Bundles an ES module and everything it imports (relative paths only) into one module text.
 * Each module becomes an async function run once in dependency order; its exports are the
 * object it returns, and its imports read those objects. Exports must be functions, classes or
 * consts, so no live binding is lost. `minify: false` gives the readable text (each module under
 * a `__modules[...] =` line of its own), which the minified one is made from.
 */
export function bundle(entry = join(root, "www", "app.js"), { minify = true } = {}) {
  const done = new Map();
  const visiting = new Set();
  const visit = (file) => {
    if (done.has(file)) return;
    if (visiting.has(file)) throw new Error(`import cycle through ${rel(file)}`);
    visiting.add(file);
    const { code, deps } = transform(readFileSync(file, "utf8"), file);
    for (const dep of deps) visit(dep);
    visiting.delete(file);
    done.set(file, code);
  };
  visit(entry);
  const parts = ["const __modules = Object.create(null);"];
  for (const [file, code] of done) {
    parts.push(`// ${rel(file)}\n__modules[${JSON.stringify(rel(file))}] = await (async () => {\n${code}\n})();`);
  }
  const readable = `${parts.join("\n")}\n`;
  // The text that is returned is the one checked: minified, it is what the page and the one-file
  // checker run (esbuild also stops on a syntax error in the readable text it is given).
  const text = safeForScript(minify ? minified(readable) : readable);
  checkSyntax(text);
  return text;
}

/** The bundle minified: same behaviour, no comments or spaces, short local names. */
function minified(text) {
  // ES2022, the first with top-level await, which the bundle needs: the minifier writes no newer
  // syntax than that (esbuild stops with an error where the sources use any).
  return transformSync(text, { minify: true, format: "esm", target: "es2022", legalComments: "none" }).code;
}

/** The text made safe to inline in a <script> element (the one-file checker does). */
function safeForScript(text) {
  if (/<!--/.test(text)) throw new Error("the bundle contains <!--, which would confuse the HTML parser");
  // "</script" inside a string or comment would end the element: "<\/script" means the same in JS.
  return text.replace(/<\/script/gi, "<\\/script");
}

function transform(source, file) {
  const deps = [];
  const exported = []; // [exported name, local name]
  const key = (spec) => {
    if (!spec.startsWith("./") && !spec.startsWith("../")) throw new Error(`${rel(file)}: cannot bundle the import "${spec}"`);
    const target = resolve(dirname(file), spec);
    deps.push(target);
    return JSON.stringify(rel(target));
  };
  let code = source;
  code = code.replace(/^import\s+(["'])([^"']+)\1\s*;?/gm, (_, __, spec) => `void __modules[${key(spec)}];`);
  code = code.replace(/^import\s+([\w$]+\s*,\s*)?(\{[\s\S]*?\}|\*\s+as\s+[\w$]+|[\w$]+)\s+from\s+(["'])([^"']+)\3\s*;?/gm, (_, first, clause, __, spec) => {
    const from = `__modules[${key(spec)}]`;
    const lines = [];
    const names = [];
    if (first) names.push(`default: ${first.replace(",", "").trim()}`);
    if (clause.startsWith("{")) {
      for (const part of clause.slice(1, -1).split(",").map((p) => p.trim()).filter(Boolean)) {
        const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(part);
        if (!m) throw new Error(`${rel(file)}: cannot read the import "${part}"`);
        names.push(m[2] ? `${m[1]}: ${m[2]}` : m[1]);
      }
    } else if (clause.startsWith("*")) {
      lines.push(`const ${clause.replace(/^\*\s+as\s+/, "")} = ${from};`);
    } else {
      names.push(`default: ${clause}`);
    }
    if (names.length) lines.unshift(`const { ${names.join(", ")} } = ${from};`);
    return lines.join(" ");
  });
  code = code.replace(/^export\s+default\s+(async\s+)?function(\s*\*)?\s+([\w$]+)/gm, (_, async = "", star = "", name) => {
    exported.push(["default", name]);
    return `${async}function${star} ${name}`;
  });
  code = code.replace(/^export\s+(async\s+)?function(\s*\*)?\s+([\w$]+)/gm, (_, async = "", star = "", name) => {
    exported.push([name, name]);
    return `${async}function${star} ${name}`;
  });
  code = code.replace(/^export\s+(const|class)\s+([\w$]+)/gm, (_, kind, name) => {
    exported.push([name, name]);
    return `${kind} ${name}`;
  });
  code = code.replace(/^export\s*\{([^}]*)\}\s*;?/gm, (_, list) => {
    for (const part of list.split(",").map((p) => p.trim()).filter(Boolean)) {
      const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(part);
      if (!m) throw new Error(`${rel(file)}: cannot read the export "${part}"`);
      exported.push([m[2] ?? m[1], m[1]]);
    }
    return "";
  });
  const leftover = /^\s*(import|export)\b(?!\.meta|\s*\()/m.exec(code);
  if (leftover) {
    const line = code.slice(leftover.index).split("\n")[0].trim();
    throw new Error(`${rel(file)}: cannot bundle "${line}" (only static imports and function, class, const or list exports)`);
  }
  // One dynamic import stays as it is: the DOCX chunk, a file of its own that the page loads on the
  // first DOCX export (www/docx-loader.js, scripts/docx-chunk.mjs). Any other cannot be bundled.
  if (/\bimport\s*\((?!"\.\/docx-export\.bundle\.js"\))/.test(code)) throw new Error(`${rel(file)}: dynamic import() cannot be bundled`);
  const exports = exported.map(([name, local]) => `${JSON.stringify(name)}: ${local}`).join(", ");
  return { code: `${code}\nreturn Object.freeze({ ${exports} });`, deps };
}

/** Lets Node parse the bundle as a module, so a syntax error stops the build and not the page. */
function checkSyntax(text) {
  const file = join(tmpdir(), `gpai-check-bundle-${process.pid}-${Date.now()}.mjs`);
  writeFileSync(file, text);
  try {
    const result = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`the bundle does not parse:\n${result.stderr}`);
  } finally {
    unlinkSync(file);
  }
}

/** Writes the page's bundle (atomically: a reader never sees half a file); returns its size. */
export function writeBundle(out = bundlePath) {
  const text = bundle();
  const tmp = `${out}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, out);
  return Buffer.byteLength(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`[bundle] ${rel(bundlePath)}: ${writeBundle()} bytes`);
}
