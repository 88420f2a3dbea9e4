// The engine's words: a report carries codes with parameters (a measure's `explanation`, a
// finding's `problem`); the words are joined here, at render time, from the engine's message
// catalogue (`messages()` of the wasm, src/messages/en.json). A new language is a new
// catalogue, not new code. Shared by the page and the <gpai-check> element.

let catalogue = {};

/** Sets the catalogue: `engine.messages()`, once the engine is loaded. */
export function useMessages(messages) {
  catalogue = messages?.messages ?? {};
}

/** The template for `key` with each {name} replaced; lists are joined with ", ". */
export function format(key, params = {}) {
  return (catalogue[key] ?? "").replace(/\{(\w+)\}/g, (whole, name) => {
    const value = params[name];
    if (value === undefined) return whole;
    return Array.isArray(value) ? value.join(", ") : String(value);
  });
}

/** "2 met (A, B); 1 not met (C)". */
function groupsText(groups) {
  return groups
    .map((g) => format("explanation.group", { count: g.ids.length, status: format(`status-in-list.${g.status}`), ids: g.ids }))
    .join("; ");
}

/** A measure's explanation (Explanation in gpai_check.d.ts) in words. */
export function explanationText(e) {
  if (!e) return "";
  if (e.code !== "requirements") return format(`explanation.${e.code}`);
  // English has two forms: one, and every other count.
  const form = e.count === 1 ? "one" : "other";
  return format(`explanation.requirements.${form}`, { status: format(`status.${e.status}`), count: e.count, groups: groupsText(e.groups) });
}

/** What is wrong with an answer (Problem in gpai_check.d.ts), in words. */
export function problemText(p) {
  if (!p) return "";
  const { code, ...params } = p;
  return format(`problem.${code}`, params);
}
