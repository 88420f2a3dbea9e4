// The engine's one number syntax through the built package: what parseNumber() returns for the
// spellings people type, and that the page's field reader (www/number-input.js) answers with it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initSync, parseNumber } from "../../pkg/gpai_check.js";
import { parseNumberField } from "../../www/number-input.js";

const root = new URL("../../", import.meta.url).pathname;
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });

test("parseNumber reads every spelling of the Form's numbers, with their precision", () => {
  assert.deepEqual(parseNumber("3x10^22"), { value: 3e22, significantFigures: 1, powerOfTen: false });
  assert.deepEqual(parseNumber("2.4×10^25"), { value: 2.4e25, significantFigures: 2, powerOfTen: false });
  assert.deepEqual(parseNumber("2.4e25"), parseNumber("2.4x10^25"));
  assert.deepEqual(parseNumber("10^24"), { value: 1e24, significantFigures: 1, powerOfTen: true });
  assert.deepEqual(parseNumber("800 000 000"), { value: 8e8, significantFigures: 9, powerOfTen: false });
  assert.deepEqual(parseNumber("800_000_000"), parseNumber("800000000"));
  assert.equal(parseNumber(""), null);
  assert.equal(parseNumber("  "), null);
});

test("parseNumber refuses with a code and a message, and never throws", () => {
  for (const [text, code] of [["2.4e25x", "not-a-number"], ["1,000", "not-a-number"], ["about 1e24", "not-a-number"], ["1e999", "too-large"]]) {
    /** @type {any} */
    const parsed = parseNumber(text);
    assert.equal(parsed.error?.code, code, text);
    assert.match(parsed.error.message, /\w/);
  }
  assert.equal(/** @type {any} */ (parseNumber("-5", { allowNegative: false })).error.code, "negative");
  assert.equal(/** @type {any} */ (parseNumber("-5")).value, -5);
});

test("the page's number fields take what the Form takes: 3x10^22 and 2x10^24 are numbers", () => {
  assert.deepEqual(parseNumberField("3x10^22"), { value: 3e22 });
  assert.deepEqual(parseNumberField("2x10^24"), { value: 2e24 });
  assert.deepEqual(parseNumberField("5e+24"), { value: 5e24 });
  assert.deepEqual(parseNumberField(" "), { empty: true });
  assert.match(parseNumberField("2.4e25x").error, /^Enter a number/);
  assert.equal(parseNumberField("-1").error, "Enter a number of zero or more.");
  assert.deepEqual(parseNumberField("-1", { allowNegative: true }), { value: -1 });
});
