// The TypeScript declarations shipped in pkg/ (written once in src/types.d.ts) against the
// report's JSON Schema, which is generated from the Rust types (tests/schema.rs): every
// interface named like a type of the report has exactly its fields, and every string union
// named like one of its enums has exactly its values. So the declarations cannot drift from
// what the engine writes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url).pathname;
const schema = JSON.parse(readFileSync(`${root}schema/report.schema.json`, "utf8"));
const types = readFileSync(`${root}src/types.d.ts`, "utf8");
const defs = { ...schema.$defs, Report: schema };

/** interface name -> its field names, from `export interface X { ... }` (two-space fields). */
const interfaces = new Map(
  [...types.matchAll(/export interface (\w+) \{\n([\s\S]*?)\n\}/g)].map(([, name, body]) => [
    name,
    new Set([...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1])),
  ]),
);
/** type name -> its string literals, from `export type X = "a" | "b";`. */
const unions = new Map(
  [...types.matchAll(/export type (\w+) =\s*((?:\|?\s*"[^"]*"\s*)+);/g)].map(([, name, body]) => [
    name,
    new Set([...body.matchAll(/"([^"]*)"/g)].map((m) => m[1])),
  ]),
);

test("every interface named like a report type declares exactly its fields", () => {
  const checked = [];
  for (const [name, def] of Object.entries(defs)) {
    if (!def.properties || !interfaces.has(name)) continue;
    assert.deepEqual([...interfaces.get(name)].sort(), Object.keys(def.properties).sort(), `src/types.d.ts ${name}`);
    checked.push(name);
  }
  // Not vacuous: the report's main types are all declared as interfaces.
  for (const name of ["Report", "ScopeResult", "ObligationResult", "ChapterResult", "MeasureResult", "RequirementResult", "KpiResult", "FormResult", "CrossCheckResult", "Finding", "QuestionState", "MissingQuestion", "TraceStep", "ComplianceDeadline", "Reason"]) {
    assert.ok(checked.includes(name), `${name} is declared as an interface in src/types.d.ts`);
  }
});

test("every string union named like a report enum declares exactly its values", () => {
  const checked = [];
  for (const [name, def] of Object.entries(defs)) {
    const values = def.enum ?? def.oneOf?.map((v) => v.const);
    if (!values || values.some((v) => typeof v !== "string") || !unions.has(name)) continue;
    assert.deepEqual([...unions.get(name)].sort(), [...values].sort(), `src/types.d.ts ${name}`);
    checked.push(name);
  }
  for (const name of ["Status", "Recipient", "RequirementKind", "Comparator", "SourceKind"]) {
    assert.ok(checked.includes(name), `${name} is declared as a string union in src/types.d.ts`);
  }
});
