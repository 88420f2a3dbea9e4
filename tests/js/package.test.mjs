// The npm package as a portal engineer gets it: `npm pack` of pkg/, installed into an empty
// project, used from Node 20 exactly as the package README says (its server-side snippets run as
// written). The browser side of the same README: tests/browser/package-element.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { installPackedPackage, readmeSnippets, root } from "./consumer.mjs";

/** The embedding files: the element's modules (followed from its imports) and what they load. */
const EMBED = [
  "catalogue.js",
  "check-controller.js",
  "consistency.js",
  "doc-form.js",
  "docx-export.bundle.js",
  "docx-loader.js",
  "dom.js",
  "download.js",
  "element-body.js",
  "element-css.js",
  "embed.html",
  "embed.js",
  "favicon.svg",
  "english-original.js",
  "fields.js",
  "gpai-check-element.js",
  "interface-en.js",
  "kept-values.js",
  "languages.js",
  "locale-keys.js",
  "locales/de.json",
  "locales/fr.json",
  "messages.js",
  "number-input.js",
  "places.js",
  "profile-form.js",
  "questionnaire.js",
  "results.js",
  "shadow-css.js",
  "share.js",
  "short-mode.js",
  "still-missing.js",
  "storage.js",
  "style.css",
  "texts.js",
  "title.js",
  "transfer.js",
  "wording.js",
].map((f) => `embed/${f}`);

test("the packed package installs into an empty project and works from Node as the README says", () => {
  const { dir, files, readme } = installPackedPackage();
  assert.deepEqual(
    files.filter((f) => !f.startsWith("snippets/")),
    [
      "LICENSE",
      "README.md",
      "node.d.ts",
      "node.js",
      "element.d.ts",
      "element.js",
      "custom-elements.json",
      "docx.d.ts",
      "docx.js",
      ...EMBED,
      "gpai_check.d.ts",
      "gpai_check.js",
      "gpai_check_bg.wasm",
      "locales/de.json",
      "locales/fr.json",
      "package.json",
      "schema/pack.schema.json",
      "schema/report.schema.json",
      "schema/submission.schema.json",
    ].sort(),
    "only the files the package needs",
  );
  const version = JSON.parse(readFileSync(join(root, "pkg/package.json"), "utf8")).version;
  const cargo = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "(.*)"$/m)[1];
  assert.equal(version, cargo, "the package version is the crate version");
  assert.equal(readme, readFileSync(join(root, "docs/package-README.md"), "utf8"), "the package README is docs/package-README.md");

  const snippets = readmeSnippets(readme);
  assert.match(snippets.install, /^npm pack \S+\/pkg\b.*\nnpm install \.\/gpai-check-\*\.tgz$/m, "the install route works before the package is published");
  const meta = JSON.parse(readFileSync(join(root, "pkg/package.json"), "utf8"));
  assert.equal(meta.repository, undefined, "no placeholder address");
  assert.equal(meta.engines.node, ">=20.19");
  const example = JSON.parse(readFileSync(join(root, "www/examples/closed-non-eu.json"), "utf8"));
  writeFileSync(join(dir, "upload.json"), JSON.stringify(example));
  writeFileSync(join(dir, "verify-result.mjs"), snippets.server);
  writeFileSync(join(dir, "upload.mjs"), snippets.upload);
  writeFileSync(
    join(dir, "server.mjs"),
    `import { readFileSync } from "node:fs";
import { checkResult } from "./verify-result.mjs";
import { resultBundle, engineVersion } from "gpai-check";
import schema from "gpai-check/schema/submission.schema.json" with { type: "json" };
const bundle = JSON.parse(JSON.stringify(resultBundle(JSON.parse(readFileSync("upload.json", "utf8")))));
const ok = checkResult(bundle);
bundle.report.summary.overall.met += 1;
const tampered = checkResult(bundle);
const malformed = checkResult({ report: {} });
console.log(JSON.stringify({ ok, tampered, malformed, engine: engineVersion(), schema: schema.title, element: import.meta.resolve("gpai-check/element"), frame: import.meta.resolve("gpai-check/embed/embed.html") }));
`,
  );
  const out = JSON.parse(execFileSync(process.execPath, ["server.mjs"], { cwd: dir, encoding: "utf8" }));
  assert.equal(out.ok.ok, true);
  assert.match(out.ok.digest, /^sha256:/);
  assert.deepEqual(out.tampered, { status: 422, ok: false, verdict: "report-differs", where: "summary.overall.met" });
  // A body that is not a bundle is the client's mistake: 400 with the engine's code and field.
  assert.equal(out.malformed.status, 400);
  assert.equal(out.malformed.ok, false);
  assert.equal(out.malformed.error, "missing_field");
  assert.equal(out.ok.status, 200);
  assert.equal(out.engine, version);
  assert.equal(out.schema, "gpai-check submission");
  assert.ok(out.element.endsWith("/node_modules/gpai-check/element.js"), "gpai-check/element resolves through the package's exports");
  assert.ok(out.frame.endsWith("/node_modules/gpai-check/embed/embed.html"), "the iframe page resolves through the package's exports too");

  // The server snippet type-checks in strict mode against the installed package's declarations:
  // the guard narrows the caught error, with no cast.
  const tsc = join(root, "node_modules/.bin/tsc");
  const strict = ["--noEmit", "--strict", "--checkJs", "--allowJs", "--module", "nodenext", "--target", "es2022", "--types", "node", "--typeRoots", join(root, "node_modules/@types"), "verify-result.mjs", "upload.mjs"];
  execFileSync(tsc, strict, { cwd: dir, encoding: "utf8" });

  // So do the browser snippets, against the DOM's types: the element's (typed `pack`, events,
  // configure()) through the package's exports, the engine's, and the iframe script. A portal
  // with a bundler imports "gpai-check/element" where the plain page names the file; Vite's
  // `?url` modules are typed by vite/client, stood in for by one declaration.
  const browserSnippets = {
    "portal.js": snippets["portal-script"].replace('"/node_modules/gpai-check/element.js"', '"gpai-check/element"'),
    "engine.js": snippets["engine-browser"].replace('"/node_modules/gpai-check/gpai_check.js"', '"gpai-check"'),
    "iframe.js": snippets["iframe-script"],
    "vite-main.js": snippets["vite-main"],
    "webpack-main.js": snippets["webpack-main"],
  };
  assert.notEqual(browserSnippets["portal.js"], snippets["portal-script"], "the portal script imports the element");
  for (const [file, text] of Object.entries(browserSnippets)) writeFileSync(join(dir, file), text);
  writeFileSync(join(dir, "vite-url.d.ts"), 'declare module "*?url" { const url: string; export default url; }\n');
  const browser = ["--noEmit", "--strict", "--checkJs", "--allowJs", "--module", "esnext", "--moduleResolution", "bundler", "--target", "es2022", "--lib", "es2022,dom,dom.iterable", "--types", "", "vite-url.d.ts", ...Object.keys(browserSnippets)];
  execFileSync(tsc, browser, { cwd: dir, encoding: "utf8" });

  // Node needs no init, but code written for the browser that awaits init() works too, and a
  // CommonJS server can require() the package.
  writeFileSync(join(dir, "init.mjs"), `import init, { evaluate } from "gpai-check";\nawait init();\nconsole.log(evaluate({ pack: "gpai-cop-final" }).formatVersion);\n`);
  assert.equal(execFileSync(process.execPath, ["init.mjs"], { cwd: dir, encoding: "utf8" }).trim(), "2");
  writeFileSync(join(dir, "server.cjs"), `const { engineVersion } = require("gpai-check");\nconsole.log(engineVersion());\n`);
  assert.equal(execFileSync(process.execPath, ["server.cjs"], { cwd: dir, encoding: "utf8" }).trim(), version);

  // The upload snippet prints the counts and the digest of the uploaded file's report.
  const printed = execFileSync(process.execPath, ["upload.mjs"], { cwd: dir, encoding: "utf8" });
  assert.ok(printed.includes(out.ok.digest), `the upload snippet reports the same digest, printed:\n${printed}`);
});
