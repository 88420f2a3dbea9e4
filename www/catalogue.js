// The page's language: which one it speaks, its interface words (the catalogue), and loading
// another language's texts. English is built in (interface-en.js; the pack's and the engine's
// English come with the wasm) and authoritative. Another language is one file,
// locales/<code>.json (scripts/locales.mjs --bundle), fetched from the checker's own files when
// it is chosen, with nothing of the person's answers in the request; the one-file checker
// carries it inline (a <script type="application/json" data-gpai-locale="<code>">). A text the
// language lacks is shown in English.
//
// The choice is kept per browser, beside the assessments (storage.js's key namespace):
//   gpai-check:v1:language    "de"    (absent: follow the browser's language)

import { INTERFACE_EN as english } from "./interface-en.js";
import { LANGUAGES } from "./languages.js";
import { PREFIX } from "./storage.js";

export { LANGUAGES };

/** Where the chosen language is kept. */
export const LANGUAGE_KEY = `${PREFIX}language`;

/** The status of the built-in English. */
export const AUTHORITATIVE = "authoritative";

const codes = new Set(LANGUAGES.map((l) => l.code));

let state = { language: "en", status: AUTHORITATIVE, locale: null, interface: {} };

/** The language the page speaks now (`en`, `de`, `fr`). */
export function currentLanguage() {
  return state.language;
}

/** The loaded locale of the language spoken now (`null` for English). */
export function currentLocale() {
  return state.locale;
}

/** The status of what the page shows: "authoritative", or the locale's own. */
export function currentStatus() {
  return state.status;
}

/**
 * The interface words for `key` in the language spoken now, English where it has none, with
 * each {name} replaced by its value (lists joined with ", "). An unknown key is a bug: it shows
 * as the key itself, so that a test finds it.
 */
export function t(key, params = {}) {
  const template = state.interface[key] ?? english[key] ?? key;
  return fill(template, params);
}

/**
 * `t()` for a sentence that holds elements (a link): the template split at its {name}s, each
 * filled with its value as it is (a node stays a node), for `h()` or `setChildren()`.
 */
export function tParts(key, params = {}) {
  const template = state.interface[key] ?? english[key] ?? key;
  return template.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return name && params[name] !== undefined ? params[name] : part;
  }).filter((part) => part !== "");
}

/** `t()` for a count: `<key>.one` for 1, `<key>.other` for every other count, with {count}. */
export function tc(key, count, params = {}) {
  return t(`${key}.${count === 1 ? "one" : "other"}`, { count, ...params });
}

/** The English interface words for `key` (for the "English original" beside a translation). */
export function englishText(key, params = {}) {
  return fill(english[key] ?? key, params);
}

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = params[name];
    if (value === undefined) return whole;
    return Array.isArray(value) ? value.join(", ") : String(value);
  });
}

/**
 * The language to speak: the one chosen in this browser if it is shipped, else the first of the
 * browser's languages (`navigator.languages`, "de-AT" counts as "de") that is, else English.
 */
/**
 * @param {string | null} stored
 * @param {readonly string[]} [browserLanguages]
 */
export function preferredLanguage(stored, browserLanguages = []) {
  if (stored && codes.has(stored)) return stored;
  for (const tag of browserLanguages) {
    const code = String(tag).toLowerCase().split("-")[0];
    if (codes.has(code)) return code;
  }
  return "en";
}

/** The language chosen in this browser, or null (never throws: storage may be refused). */
export function storedLanguage() {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Keeps the choice in this browser; says whether it could. */
export function storeLanguage(code) {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, code);
    return true;
  } catch {
    return false;
  }
}

/**
 * The locale of `code`: inline in the one-file checker, else fetched from `base` (the checker's
 * own folder: `locales/<code>.json` beside the page or the element). Throws an Error saying
 * what failed; the caller stays in English.
 */
export async function loadLocale(code, base = globalThis.document?.baseURI) {
  if (!codes.has(code) || code === "en") throw new Error(`no such language: ${code}`);
  const inline = globalThis.document?.querySelector(`script[type="application/json"][data-gpai-locale="${code}"]`);
  const locale = inline ? JSON.parse(inline.textContent) : await fetchLocale(new URL(`locales/${code}.json`, base));
  if (locale?.language !== code || typeof locale.status !== "string") throw new Error(`locales/${code}.json is not a ${code} locale`);
  return locale;
}

async function fetchLocale(url) {
  // Only the checker's own file, with no credentials and nothing of the answers in the request.
  const response = await fetch(url, { credentials: "same-origin", cache: "default" });
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}

/** Speaks `locale`'s language (`null`: English): `t()` and the number and date formats follow. */
export function useLocale(locale) {
  state = locale
    ? { language: locale.language, status: locale.status, locale, interface: locale.interface ?? {} }
    : { language: "en", status: AUTHORITATIVE, locale: null, interface: {} };
}

/** The engine's message catalogue in the language spoken now, over the English one. */
export function localisedMessages(englishCatalogue) {
  if (!state.locale) return englishCatalogue;
  return { ...englishCatalogue, language: state.language, status: state.status, messages: { ...englishCatalogue?.messages, ...state.locale.messages } };
}

/**
 * Puts the language's interface words into the elements under `root` that name a key:
 * `data-i18n="key"` sets the text, `data-i18n-attr="aria-label=key; title=key"` sets attributes.
 * The English is the HTML's own (one copy of it), so in English, and for a word the language
 * lacks, nothing changes.
 */
export function applyInterface(root) {
  const words = state.interface;
  for (const el of root.querySelectorAll("[data-i18n]")) {
    const text = words[el.dataset.i18n];
    if (text) el.textContent = text;
  }
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split("=").map((s) => s.trim());
      if (attr && words[key]) el.setAttribute(attr, words[key]);
    }
  }
}

/** A number as the language writes it (`Intl.NumberFormat`): 15.000.000 in German. */
export function formatNumber(n, options = {}) {
  return new Intl.NumberFormat(state.language, options).format(n);
}

/**
 * A date `YYYY-MM-DD` as the language writes it ("2. August 2027"); other text as it is.
 * @param {string} text
 * @param {Intl.DateTimeFormatOptions} [options]
 */
export function formatDate(text, options = { day: "numeric", month: "long", year: "numeric" }) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text ?? "")) return text ?? "";
  const [y, m, d] = text.split("-").map(Number);
  // Noon UTC, formatted in UTC: the day is the one written, whatever the reader's time zone.
  return new Intl.DateTimeFormat(state.language, { ...options, timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}
