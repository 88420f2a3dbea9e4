// Builds the checker as one self-contained HTML file that runs from disk (file://), offline:
// the page's ES modules and the package's JavaScript bundled into one inline module, the CSS
// inlined, the wasm and the examples as data blocks, and a Content Security Policy of its own
// that allows exactly that inline script and style by their SHA-256 hashes.
//   node scripts/single-file.mjs [--out path]     (default pkg/gpai-check.html; needs pkg/ built)
// No dependencies. The bundler understands the import and export forms this project uses and
// stops with an error on any other, rather than produce a page that fails later.
import { readFileSync, writeFileSync, renameSync, unlinkSync } from "node:fs";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

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
  const script = bundle(join(root, "www", "app.js"));
  const examples = readExamples();

  if (/<\/style/i.test(css)) throw new Error("www/style.css contains </style");
  const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
  const scriptHash = hash(script);
  const styleHash = hash(css);
  const csp = [
    "default-src 'none'",
    `script-src ${scriptHash} 'wasm-unsafe-eval'`,
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
  replace(/<script type="module" src="app\.js"><\/script>/, `<script type="module">${script}</script>`, "the app.js script element");
  // Data blocks: never run (their type is not JavaScript), read by app.js at start.
  const data =
    `<script type="application/json" id="gpai-examples">${jsonForScript(examples)}</script>\n` +
    `<script type="application/octet-stream" id="gpai-wasm">${wasm.toString("base64")}</script>\n`;
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

/**
 * Bundles an ES module and everything it imports (relative paths only) into one module text.
 * Each module becomes an async function run once in dependency order; its exports are the
 * object it returns, and its imports read those objects. Exports must be functions, classes or
 * consts, so no live binding is lost.
 */
function bundle(entry) {
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
  let text = `${parts.join("\n")}\n`;
  if (/<!--/.test(text)) throw new Error("the bundle contains <!--, which would confuse the HTML parser");
  // "</script" inside a string or comment would end the element: "<\/script" means the same in JS.
  text = text.replace(/<\/script/gi, "<\\/script");
  checkSyntax(text);
  return text;
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
  if (/\bimport\s*\(/.test(code)) throw new Error(`${rel(file)}: dynamic import() cannot be bundled`);
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--out");
  const out = at > 0 ? resolve(process.argv[at + 1]) : undefined;
  const result = buildSingleFile({ out });
  console.log(`[single-file] ${rel(result.out)}: ${result.bytes} bytes, ${result.gzip} gzip`);
}
