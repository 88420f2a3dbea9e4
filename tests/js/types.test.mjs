// The TypeScript declarations shipped in pkg/gpai_check.d.ts: the report's, generated from its
// Rust types (src/report.d.ts, kept from drifting by tests/schema.rs), and the inputs', the
// pack's and the other exports' (src/types.d.ts, by hand). The test command type-checks www/ and
// tests/js/ against them with tsc (tsconfig.json); this test holds the package to both files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url).pathname;
const read = (p) => readFileSync(`${root}${p}`, "utf8");
const shipped = read("pkg/gpai_check.d.ts");
const generated = read("src/report.d.ts");
const written = read("src/types.d.ts");
// wasm-bindgen re-indents some lines of the custom section: compare line by line, trimmed.
const lines = (text) => text.split("\n").map((l) => l.trim()).join("\n").trim();
const declared = (text) => [...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);

test("the package ships the generated report declarations and the written ones, whole", () => {
  assert.ok(lines(shipped).includes(lines(generated)), "pkg/gpai_check.d.ts holds src/report.d.ts");
  assert.ok(lines(shipped).includes(lines(written)), "pkg/gpai_check.d.ts holds src/types.d.ts");
  for (const name of ["Report", "ScopeResult", "MeasureResult", "Status", "Explanation", "Problem"]) {
    assert.ok(declared(generated).includes(name), `${name} is generated`);
  }
});

test("no type is declared twice: the hand-written file leaves the report's types to the generated one", () => {
  const names = [...declared(written), ...declared(generated)];
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  assert.deepEqual(twice, []);
  assert.equal(declared(shipped).filter((n) => n === "Report").length, 1);
});

test("the report declarations are format 2: ids and values, no pack texts", () => {
  const measure = generated.match(/export interface MeasureResult \{[\s\S]*?\n\}/)[0];
  assert.doesNotMatch(measure, /^\s+(title|sources|confidence):/m);
  assert.match(generated, /^\s+formatVersion: number;/m);
});
