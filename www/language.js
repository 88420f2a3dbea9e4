// The page's language switcher and the start in the chosen language. The page follows the
// browser's language (navigator.languages) until a language is chosen here; the choice is kept
// in this browser (catalogue.js). Another language's texts are fetched from the checker's own
// files (locales/<code>.json) when it is chosen; the answers stay where they are, in this
// browser's storage, and the page is built again in the new language.

import { LANGUAGES, AUTHORITATIVE, currentLanguage, currentStatus, loadLocale, preferredLanguage, storedLanguage, storeLanguage, t, useLocale } from "./catalogue.js";
import { h } from "./dom.js";

/**
 * Loads the language this browser asks for and speaks it (English when that fails, with the
 * reason). Returns `{ locale, error }`: `locale` is null for English. Sets `lang` on the
 * document.
 */
export async function startLanguage(doc = document) {
  const code = preferredLanguage(storedLanguage(), globalThis.navigator?.languages ?? []);
  let locale = null;
  let error = null;
  if (code !== "en") {
    try {
      locale = await loadLocale(code, doc.baseURI);
    } catch (e) {
      error = e;
    }
  }
  useLocale(locale);
  doc.documentElement.lang = currentLanguage();
  return { locale, error };
}

/**
 * The switcher: a labelled select of the languages, each named in itself (with its own `lang`),
 * and a line saying the status of what is shown. Choosing a language loads it first (so that a
 * language that cannot be loaded leaves the page as it is, saying why), keeps the choice and
 * builds the page again in it.
 */
export function buildLanguageSwitcher({ reload = () => location.reload(), load = loadLocale } = {}) {
  const select = h(
    "select",
    { id: "language-select", "aria-describedby": "language-status" },
    LANGUAGES.map((l) => h("option", { value: l.code, lang: l.code }, l.name)),
  );
  select.value = currentLanguage();
  const status = h("p", { id: "language-status", className: "hint language-status" }, statusLine());
  const error = h("p", { className: "field-error", role: "alert", hidden: true });
  select.addEventListener("change", async () => {
    const code = select.value;
    error.hidden = true;
    try {
      if (code !== "en") await load(code);
    } catch (e) {
      error.textContent = t("language.load-failed", { language: LANGUAGES.find((l) => l.code === code)?.name ?? code, reason: e.message });
      error.hidden = false;
      select.value = currentLanguage();
      return;
    }
    storeLanguage(code);
    reload();
  });
  return h(
    "div",
    { className: "language-switcher" },
    h("label", { htmlFor: "language-select" }, t("language.label")),
    " ",
    select,
    status,
    error,
  );
}

/** "This language: translation, not legally reviewed. The English text is authoritative." */
export function statusLine() {
  const status = currentStatus();
  const word = status === AUTHORITATIVE ? t("language.status.authoritative") : t("language.status.translation");
  return t("language.status", { status: word });
}
