// Number fields (training compute, turnover, the Code's number questions): the engine reads what
// was typed, in the one number syntax of docs/numbers.md ("2e24", "2.4x10^25", "10^24",
// "800 000 000"). This module only shapes its answer for the fields.
import { parseNumber } from "../pkg/gpai_check.js";

/**
 * Parses a number field with the engine. Returns { empty: true } for a blank field, { value } for
 * a number, or { error } with the engine's message for the person typing.
 */
export function parseNumberField(text, { allowNegative = false } = {}) {
  const parsed = parseNumber(String(text), { allowNegative });
  if (parsed === null) return { empty: true };
  if ("error" in parsed) return { error: parsed.error.message };
  return { value: parsed.value };
}

/** How a stored number is shown back in its field: "5e24", "800000000", "0.4". */
export function numberFieldText(value) {
  return typeof value === "number" && Number.isFinite(value) ? String(value).replace("e+", "e") : "";
}
