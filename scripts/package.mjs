// Turns wasm-pack's pkg/ into the publishable npm package: exports (the module, the element, the
// wasm file, the JSON Schemas), engines, licence, the package README, and the embedding files
// (the <gpai-check> element and the iframe page). Run by scripts/build.sh.
import { readFileSync, writeFileSync, copyFileSync, mkdirSync, rmSync, readdirSync } from "node:fs";
// The element's styles as a module (www/element-css.js), before its imports are followed below.
import "./element-css.mjs";

const root = new URL("..", import.meta.url);
const at = (p) => new URL(p, root);
const pkg = JSON.parse(readFileSync(at("pkg/package.json"), "utf8"));

mkdirSync(at("pkg/schema"), { recursive: true });
for (const f of ["pack.schema.json", "report.schema.json", "submission.schema.json"]) copyFileSync(at(`schema/${f}`), at(`pkg/schema/${f}`));
copyFileSync(at("docs/package-README.md"), at("pkg/README.md"));
// The languages (scripts/locales.mjs --bundle): a renderer's `{ locale }`, and the element's when
// its lang attribute asks for one (it fetches them from embed/locales/, beside its modules).
rmSync(at("pkg/locales"), { recursive: true, force: true });
mkdirSync(at("pkg/locales"), { recursive: true });
for (const f of readdirSync(at("www/locales")).filter((f) => f.endsWith(".json"))) {
  copyFileSync(at(`www/locales/${f}`), at(`pkg/locales/${f}`));
}
copyFileSync(at("LICENSE"), at("pkg/LICENSE"));

// --- The embedding files -------------------------------------------------------------------------
//
// www/ is the source of truth: the element and the iframe page are the page's own modules. They
// are copied into pkg/embed/ as they are, found by following the imports of the two entry points
// (so a module added to www/ and imported by the element ships without a list to maintain). The
// one change: the engine's glue is imported from "../pkg/gpai_check.js" in www/ and from
// "../gpai_check.js" in the package (and its wasm is "../pkg/gpai_check_bg.wasm" and
// "../gpai_check_bg.wasm"). Any other import that leaves www/ stops the build.
const EMBED = "embed";
const ENTRIES = ["gpai-check-element.js", "embed.js"];
// Files the modules and embed.html load by URL rather than by import.
// (The element's styles are not among them: they are in its modules, www/element-css.js.)
const ASSETS = ["style.css", "embed.html", "favicon.svg", "docx-export.bundle.js"];
const GLUE_IN_WWW = "../pkg/gpai_check.js";
const GLUE_IN_PACKAGE = "../gpai_check.js";
const WASM_IN_WWW = "../pkg/gpai_check_bg.wasm";
const WASM_IN_PACKAGE = "../gpai_check_bg.wasm";

/** The static import and export specifiers of a module (the forms this project uses). */
function specifiers(text) {
  const out = [];
  for (const m of text.matchAll(/(?:^|[;\n])\s*(?:import|export)\b[^"'`;]*?\bfrom\s*(["'])([^"']+)\1|(?:^|[;\n])\s*import\s*(["'])([^"']+)\3/g)) out.push(m[2] ?? m[4]);
  // One dynamic import is shipped: the DOCX chunk (an asset below), loaded on the first DOCX export.
  if (/\bimport\s*\((?!"\.\/docx-export\.bundle\.js"\))/.test(text)) throw new Error("a module of the element uses import(): not supported by scripts/package.mjs");
  return out;
}

function embeddingFiles() {
  const modules = new Map();
  const pending = [...ENTRIES];
  while (pending.length) {
    const file = pending.pop();
    if (modules.has(file)) continue;
    let text = readFileSync(at(`www/${file}`), "utf8");
    for (const spec of specifiers(text)) {
      if (spec === GLUE_IN_WWW) continue;
      const m = spec.match(/^\.\/([\w.-]+\.js)$/);
      if (!m) throw new Error(`www/${file} imports "${spec}": only "./<module>.js" and "${GLUE_IN_WWW}" can ship in the package`);
      pending.push(m[1]);
    }
    modules.set(file, text.replaceAll(`"${GLUE_IN_WWW}"`, `"${GLUE_IN_PACKAGE}"`).replaceAll(`"${WASM_IN_WWW}"`, `"${WASM_IN_PACKAGE}"`));
  }
  return modules;
}

rmSync(at(`pkg/${EMBED}`), { recursive: true, force: true });
mkdirSync(at(`pkg/${EMBED}`));
const modules = embeddingFiles();
for (const [file, text] of modules) writeFileSync(at(`pkg/${EMBED}/${file}`), text);
for (const file of ASSETS) copyFileSync(at(`www/${file}`), at(`pkg/${EMBED}/${file}`));
mkdirSync(at(`pkg/${EMBED}/locales`), { recursive: true });
for (const f of readdirSync(at("www/locales")).filter((f) => f.endsWith(".json"))) {
  copyFileSync(at(`www/locales/${f}`), at(`pkg/${EMBED}/locales/${f}`));
}
copyFileSync(at("www/gpai-check-element.d.ts"), at("pkg/element.d.ts"));
// The element's manifest for editors and documentation tools (tests/js/element-manifest.test.mjs
// checks it against the element's real attributes, properties, methods and events).
copyFileSync(at("www/custom-elements.json"), at("pkg/custom-elements.json"));

// The glue's default wasm URL is the literal `new URL('gpai_check_bg.wasm', import.meta.url)`,
// which Vite and webpack copy as an asset whether or not it is used: a portal that tells the
// element where its wasm is (configure()) would ship a second, unused copy. Written with a
// variable, and import.meta.url read outside the `new URL()` (webpack makes a context module of
// `new URL(variable, import.meta.url)`), it means the same at run time (next to the module) and
// bundlers leave it alone; a bundled portal names the wasm itself (package README, "Bundlers"),
// and gets one copy.
const glue = readFileSync(at("pkg/gpai_check.js"), "utf8");
const DEFAULT_WASM = "new URL('gpai_check_bg.wasm', import.meta.url)";
const UNBUNDLED_WASM = "new URL(WASM_NEXT_TO_THIS_MODULE, MODULE_URL)";
if (glue.split(DEFAULT_WASM).length !== 2 && !glue.includes(UNBUNDLED_WASM)) throw new Error(`pkg/gpai_check.js: the glue's default wasm URL is not ${DEFAULT_WASM} (once): see scripts/package.mjs`);
if (!glue.includes(UNBUNDLED_WASM)) {
  const names = `// Not new URL("...", import.meta.url), which bundlers copy as an asset: see scripts/package.mjs.\nconst WASM_NEXT_TO_THIS_MODULE = "gpai_check_bg.wasm";\nconst MODULE_URL = import.meta.url;\n`;
  writeFileSync(at("pkg/gpai_check.js"), `${glue.replace(DEFAULT_WASM, UNBUNDLED_WASM)}\n${names}`);
}
// The entry a portal names in its script tag or its import: one line, so the element's own
// modules keep their www/ names and their relative imports.
writeFileSync(
  at("pkg/element.js"),
  `// The <gpai-check> custom element (see README.md). Defines the element and exports configure() and loadEngine().\nexport * from "./${EMBED}/gpai-check-element.js";\n`,
);

// Node: the engine ready at import, its wasm read from the package's own folder (init() would
// fetch, which Node cannot do for a file). Chosen by the "node" export condition, so that
// `import { verify } from "gpai-check"` works on a server with no init call at all.
writeFileSync(
  at("pkg/node.js"),
  `// The engine for Node: initialised synchronously from the wasm next to this file.\nimport { readFileSync } from "node:fs";\nimport { initSync } from "./gpai_check.js";\n\ninitSync({ module: readFileSync(new URL("./gpai_check_bg.wasm", import.meta.url)) });\n\nexport * from "./gpai_check.js";\nexport { default } from "./gpai_check.js";\n`,
);
// DOCX: each document of documents() as a Word file, made by the docx library (bundled into the
// chunk by scripts/docx-chunk.mjs; no dependency to install). A separate entry, so that the engine
// itself stays small and synchronous: `(await import("gpai-check/docx")).documentDocx(doc)`.
writeFileSync(at("pkg/docx.js"), `// Documents as DOCX files (see README.md).\nexport { documentDocx, DOCX_MEDIA_TYPE } from "./${EMBED}/docx-export.bundle.js";\n`);
writeFileSync(
  at("pkg/docx.d.ts"),
  `import type { Locale, ProviderDocument } from "./gpai_check.js";\n/** The Word file's media type. */\nexport declare const DOCX_MEDIA_TYPE: string;\n/** The document (one item of documents()) as a DOCX file: its file name is the Markdown file's with .docx; the locale (the one given to documents()) gives its table headers and fixed words. */\nexport declare function documentDocx(doc: ProviderDocument, options?: { locale?: Locale | null }): Promise<{ format: "docx"; fileName: string; mediaType: string; bytes: Uint8Array }>;\n`,
);
writeFileSync(at("pkg/node.d.ts"), `export * from "./gpai_check.js";\nexport { default } from "./gpai_check.js";\n`);
// No repository field: the project has no public address yet, and a placeholder is not one.
delete pkg.repository;

Object.assign(pkg, {
  license: "MIT",
  // require() of an ES module (a CommonJS server loading the package) needs Node 20.19.
  engines: { node: ">=20.19" },
  // Where editors and documentation tools find the element's manifest.
  customElements: "custom-elements.json",
  keywords: ["ai-act", "gpai", "code-of-practice", "compliance", "eu", "wasm", "web-component"],
  exports: {
    ".": {
      node: { types: "./node.d.ts", default: "./node.js" },
      types: "./gpai_check.d.ts",
      default: "./gpai_check.js",
    },
    "./node": { types: "./node.d.ts", default: "./node.js" },
    "./element": { types: "./element.d.ts", default: "./element.js" },
    "./docx": { types: "./docx.d.ts", default: "./docx.js" },
    "./gpai_check_bg.wasm": "./gpai_check_bg.wasm",
    "./custom-elements.json": "./custom-elements.json",
    "./schema/*": "./schema/*",
    // One file per language, for reportMarkdown(input, { locale }) and documents(input, { locale }).
    "./locales/*": "./locales/*",
    // The iframe page and the element's own files, for tools that resolve them through the package.
    "./embed/*": "./embed/*",
    "./package.json": "./package.json",
  },
  files: [...new Set([...(pkg.files ?? []), "node.js", "node.d.ts", "element.js", "element.d.ts", "custom-elements.json", "docx.js", "docx.d.ts", EMBED, "schema", "locales", "README.md", "LICENSE"])],
  // Importing the element defines <gpai-check>: a bundler must never drop it as unused.
  sideEffects: [...new Set([...(pkg.sideEffects ?? []), "./element.js", `./${EMBED}/*.js`])],
});
writeFileSync(at("pkg/package.json"), JSON.stringify(pkg, null, 2) + "\n");
console.log(`[package] ${pkg.name}@${pkg.version}: ${pkg.files.join(", ")}`);
console.log(`[package] ${EMBED}/: ${[...modules.keys(), ...ASSETS].sort().join(", ")}`);
