// What a compliance portal's server does in Node: receive a result bundle, verify it, detect
// tampering, and export OSCAL assessment results that validate (compliance-trestle).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { initSync, resultBundle, verify, oscalAssessmentResults } from "../../pkg/gpai_check.js";

const root = new URL("../../", import.meta.url).pathname;
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });
const examples = readdirSync(join(root, "www/examples"))
  .filter((f) => f.endsWith(".json") && f !== "index.json")
  .map((f) => JSON.parse(readFileSync(join(root, "www/examples", f), "utf8")));

test("a bundle made in one browser verifies on a server, after travelling as JSON", () => {
  for (const s of examples) {
    const travelled = JSON.parse(JSON.stringify(resultBundle(s)));
    const v = verify(travelled);
    assert.equal(v.valid, true, `${s.title}: ${v.message}`);
    assert.equal(v.recomputedDigest, travelled.report.digest);
  }
});

test("a tampered report fails verification and names the first difference", () => {
  const bundle = JSON.parse(JSON.stringify(resultBundle(examples.find((s) => s.title.includes("Non-EU")))));
  const measure = bundle.report.chapters[0].measures.find((m) => m.status === "partial");
  measure.status = "met";
  const v = verify(bundle);
  assert.equal(v.valid, false);
  assert.equal(v.verdict, "report-differs");
  assert.match(v.firstDifference.path, /^chapters\[0\]\.measures\[\d+\]\.status$/);
  assert.equal(v.firstDifference.found, "met");
  const other = JSON.parse(JSON.stringify(resultBundle(examples[0])));
  other.packDigest = "sha256:" + "0".repeat(64);
  assert.equal(verify(other).verdict, "pack-differs");
});

test("the OSCAL export of every example validates against OSCAL (compliance-trestle)", () => {
  const python = join(root, "target/trestle/bin/python");
  assert.ok(existsSync(python), "run scripts/setup.sh browser to install compliance-trestle");
  const dir = mkdtempSync(join(tmpdir(), "gpai-oscal-"));
  const files = examples.map((s, i) => {
    const doc = oscalAssessmentResults(s);
    const file = join(dir, `example-${i}.json`);
    writeFileSync(file, JSON.stringify(doc, null, 2));
    return file;
  });
  // An out-of-scope report (no findings at all) must validate too.
  const empty = join(dir, "out-of-scope.json");
  writeFileSync(empty, JSON.stringify(oscalAssessmentResults({ pack: "gpai-cop-final", profile: { sole_purpose_scientific_research: true } })));
  const out = execFileSync(python, [join(root, "tests/oscal/validate.py"), ...files, empty], { encoding: "utf8" });
  assert.equal(out.match(/^valid OSCAL/gm).length, files.length + 1, out);
});
