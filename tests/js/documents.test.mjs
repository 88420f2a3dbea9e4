// The documents from the package as their recipients' tools would read them: each model card is
// a CycloneDX 1.6 BOM that the CycloneDX project's own validator (@cyclonedx/cyclonedx-library,
// strict JSON schema) accepts, for every example and every recipient.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Validation, Spec } from "@cyclonedx/cyclonedx-library";
import { initSync, documents } from "../../pkg/gpai_check.js";

const root = new URL("../../", import.meta.url).pathname;
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });
const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);
const examples = readdirSync(join(root, "www/examples")).filter((f) => f.endsWith(".json") && f !== "index.json");

test("every model card of every example validates against the CycloneDX 1.6 schema", async () => {
  let checked = 0;
  for (const file of [...examples, null]) {
    const submission = file ? JSON.parse(readFileSync(join(root, "www/examples", file), "utf8")) : { pack: "gpai-cop-final" };
    // The Form's documents carry a model card; the public training-content summary does not.
    for (const doc of documents(submission).filter((d) => d.recipient !== "public")) {
      const card = doc.files.find((f) => f.format === "cyclonedx");
      const errors = await validator.validate(card.text);
      assert.equal(errors, null, `${file ?? "empty"} ${doc.id}: ${JSON.stringify(errors)}`);
      checked += 1;
    }
  }
  assert.equal(checked, (examples.length + 1) * 3, "three recipients for each example and for an empty assessment");
});

test("the validator is not a formality: a card with a wrong component type is refused", async () => {
  const doc = documents(JSON.parse(readFileSync(join(root, "www/examples/frontier-systemic-risk.json"), "utf8")))[0];
  const card = JSON.parse(doc.files[1].text);
  card.components[0].type = "model";
  assert.notEqual(await validator.validate(JSON.stringify(card)), null);
});
