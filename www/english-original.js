// The English text one click away: beside a question shown in another language, a disclosure
// with the authoritative English wording (the question, its help, its options), marked
// lang="en" so that assistive technology reads it as English. Nothing is shown in English,
// or where the translation is missing (the text is English already).

import { currentLanguage, t } from "./catalogue.js";
import { h } from "./dom.js";

let english = { questions: new Map(), inputs: new Map() };

/** Keeps the English pack (`pack(id)`) and scope texts (`scopeTexts()`) to show beside a translation. */
export function useEnglishTexts(pack, scopeTexts) {
  const questions = new Map();
  for (const chapter of pack?.chapters ?? []) {
    for (const c of chapter.commitments ?? []) for (const m of c.measures ?? []) for (const q of m.questions ?? []) questions.set(q.id, q);
  }
  english = { questions, inputs: new Map((scopeTexts?.inputs ?? []).map((i) => [i.id, i])) };
}

/**
 * The English original of a question of the pack (`kind: "question"`) or of the profile
 * (`kind: "input"`), as a closed disclosure; null in English or when the shown text is the
 * English one. `shown` is the text as shown (to tell a translation from a missing one).
 */
export function englishOriginal(kind, id, shown) {
  if (currentLanguage() === "en") return null;
  const item = kind === "input" ? english.inputs.get(id) : english.questions.get(id);
  const text = kind === "input" ? item?.label : item?.text;
  if (!text || text === shown) return null;
  const options = (item.options ?? []).map((o) => h("li", {}, o.label));
  return h(
    "details",
    { className: "english-original" },
    h("summary", {}, t("language.english-original")),
    h(
      "div",
      { lang: "en" },
      h("p", {}, text),
      item.help ? h("p", { className: "hint" }, item.help) : null,
      options.length ? h("ul", {}, options) : null,
    ),
  );
}
