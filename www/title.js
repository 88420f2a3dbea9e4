// An assessment's title, limited as the engine limits it: to limits().maxTitleChars Unicode code
// points (Rust's chars()), not UTF-16 code units as String.prototype.slice and the maxlength
// attribute count them. So a title of 500 emoji is taken, and a cut never leaves half an emoji
// (a lone surrogate, which the engine refuses as invalid JSON).
import { limits } from "../pkg/gpai_check.js";

let maxTitleChars;

/** `text` cut to the engine's title limit, counted in code points. */
export function clipTitle(text) {
  maxTitleChars ??= limits().maxTitleChars;
  // A string has at least as many code units as code points: most titles end here.
  if (text.length <= maxTitleChars) return text;
  const points = Array.from(text);
  return points.length > maxTitleChars ? points.slice(0, maxTitleChars).join("") : text;
}

/** The title typed into `input`, cut to the limit; the field is cut too when it was longer. */
export function titleOf(input) {
  const title = clipTitle(input.value);
  if (title !== input.value) input.value = title;
  return title;
}
