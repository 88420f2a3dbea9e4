// The npm package as a portal engineer gets it: `npm pack` of pkg/, installed into an empty
// project, used from Node 20 exactly as the package README says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const root = new URL("../../", import.meta.url).pathname;

test("the packed package installs into an empty project and works from Node as documented", () => {
  const dir = mkdtempSync(join(tmpdir(), "gpai-consumer-"));
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: join(root, "pkg"), encoding: "utf8" }));
  const files = packed[0].files.map((f) => f.path).sort();
  assert.deepEqual(
    files.filter((f) => !f.startsWith("snippets/")),
    ["LICENSE", "README.md", "gpai_check.d.ts", "gpai_check.js", "gpai_check_bg.wasm", "package.json", "schema/pack.schema.json", "schema/submission.schema.json"],
    "only the files the package needs",
  );
  const version = JSON.parse(readFileSync(join(root, "pkg/package.json"), "utf8")).version;
  const cargo = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "(.*)"$/m)[1];
  assert.equal(version, cargo, "the package version is the crate version");

  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "portal", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", join(dir, packed[0].filename)], { cwd: dir, stdio: "pipe" });
  const example = JSON.parse(readFileSync(join(root, "www/examples/closed-non-eu.json"), "utf8"));
  writeFileSync(join(dir, "example.json"), JSON.stringify(example));
  writeFileSync(
    join(dir, "server.mjs"),
    `import { readFileSync } from "node:fs";
import { initSync, resultBundle, verify, evaluateJson, engineVersion } from "gpai-check";
import schema from "gpai-check/schema/submission.schema.json" with { type: "json" };
initSync({ module: readFileSync(new URL(import.meta.resolve("gpai-check/gpai_check_bg.wasm"))) });
const bundle = JSON.parse(JSON.stringify(resultBundle(JSON.parse(readFileSync("example.json", "utf8")))));
const ok = verify(bundle).valid;
bundle.report.summary.overall.met += 1;
const tampered = verify(bundle);
const report = evaluateJson(readFileSync("example.json"));
console.log(JSON.stringify({ ok, tampered: tampered.verdict, path: tampered.firstDifference.path, digest: report.digest, engine: engineVersion(), schema: schema.title }));
`,
  );
  const out = JSON.parse(execFileSync(process.execPath, ["server.mjs"], { cwd: dir, encoding: "utf8" }));
  assert.equal(out.ok, true);
  assert.equal(out.tampered, "report-differs");
  assert.equal(out.path, "summary.overall.met");
  assert.match(out.digest, /^sha256:/);
  assert.equal(out.engine, version);
  assert.equal(out.schema, "gpai-check submission");
});
