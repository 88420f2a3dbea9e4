// Reading numbers the way people type them for training compute and turnover: plain digits or
// scientific notation ("2e24", "2.4e25", "5e+24"). Spaces and underscores may group digits.

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses a number field. Returns { empty: true } for a blank field, { value } for a number, or
 * { error } with a message for the person typing.
 */
export function parseNumberField(text, { allowNegative = false } = {}) {
  const compact = String(text).trim().replace(/(?<=\d)[\s_](?=\d)/g, "");
  if (compact === "") return { empty: true };
  if (!NUMBER.test(compact)) {
    return { error: "Enter a number using digits and a decimal point, e.g. 800000000, 2e24 or 2.4e25." };
  }
  const value = Number(compact);
  if (!Number.isFinite(value)) return { error: "This number is too large." };
  if (!allowNegative && value < 0) return { error: "Enter a number of zero or more." };
  return { value };
}

/** How a stored number is shown back in its field: "5e24", "800000000", "0.4". */
export function numberFieldText(value) {
  return typeof value === "number" && Number.isFinite(value) ? String(value).replace("e+", "e") : "";
}
