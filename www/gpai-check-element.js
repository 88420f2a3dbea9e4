// <gpai-check>: the checker as one custom element, for compliance portals.
//
//   <script type="module" src="/www/gpai-check-element.js"></script>   (from this repository's www/)
//   <script type="module" src="/node_modules/gpai-check/element.js"></script>   (from the npm package)
//   <gpai-check pack="gpai-cop-final" mode="full" layout="guided" storage="my-portal"></gpai-check>
//
// Everything lives in an open shadow root: no global CSS, no global variable, nothing written to
// the host page except what the portal asks for (localStorage keys under its `storage` prefix).
// The check itself is the page's: www/check-controller.js (state -> evaluate -> render, in the
// guided layout by default) builds and renders it inside the shadow root. This file holds what
// only the element has: its attributes, properties, methods and events, its storage prefix, its
// styles, and the engine and language files it loads once per page. See docs/embedding.md.
import { useMessages } from "./messages.js";
import { useTexts } from "./texts.js";
import { loadLocale, useLocale, localisedMessages, currentLanguage, LANGUAGES, t, tc } from "./catalogue.js";
import { localisedPack, localisedScopeTexts } from "./locale-keys.js";
import { useEnglishTexts } from "./english-original.js";
import init, * as engine from "../pkg/gpai_check.js";
import { h, setText, show } from "./dom.js";
import { isPlainObject, ownCopy, evaluateKeeping, withoutPath } from "./kept-values.js";
import { createCheck, modeOf } from "./check-controller.js";
import { buildElementBody } from "./element-body.js";
import { answersFile } from "./transfer.js";
import { shareLink as packLink, answersFromFragment, MAX_LINK_CHARS } from "./share.js";
import { reportFileStem } from "./download.js";
import { formatDate } from "./wording.js";
import { clipTitle, titleOf } from "./title.js";
import { PAGE_CSS } from "./element-css.js";

export { shadowCss } from "./shadow-css.js";
import { loadDocx } from "./docx-loader.js";

const TAG = "gpai-check";
const DEFAULT_PACK = "gpai-cop-final";

// --- Once per page: the engine and the stylesheets ---------------------------------------------

/** Where the engine's wasm lives, from this module (www/ and the package: scripts/package.mjs). */
const ENGINE_WASM = "../pkg/gpai_check_bg.wasm";
/** The wasm URL given to configure(), or null: then ENGINE_WASM next to this module. */
let configuredWasm = null;
let enginePromise = null;
/** The URL the engine is loading from, once it started (a microtask after the first request). */
let loadingFrom = null;

/** Locale files a portal gave to configure(): language code -> URL (a string) or loaded locale. */
const configuredLocales = new Map();
/** Each language's locale once asked for, so that many elements load it once. */
const localesLoading = new Map();

/**
 * Tells the elements (and loadEngine()) where the engine's wasm is served, before the first
 * element starts loading it: in the same module that imports the element, or earlier. A
 * bundler's URL for the package's `gpai_check_bg.wasm` (Vite: `?url`; webpack 5:
 * `new URL("gpai-check/gpai_check_bg.wasm", import.meta.url)`), or a copy the portal serves
 * itself. Without it, the wasm is fetched next to the package's own files, which holds without a
 * bundler. Throws a TypeError for anything but a URL, and an Error once the engine is loading
 * from another URL (the engine is loaded once per page).
 *
 * `locales` gives the language files (the package's `locales/de.json`, ...) for the `lang`
 * attribute, by language code: a URL where the portal serves the file, or the file's content
 * already loaded (a bundler's JSON import). Without it, an element fetches
 * `locales/<code>.json` beside its own module, which a bundler does not copy. Throws a
 * TypeError naming the language for anything else; a language given again replaces the first.
 * @param {{ wasm?: string | URL, locales?: Record<string, string | URL | object> }} options
 */
export function configure({ wasm, locales } = {}) {
  if (locales !== undefined) configureLocales(locales);
  if (wasm === undefined) return;
  if (typeof wasm !== "string" && !(wasm instanceof URL)) throw new TypeError(`configure: wasm must be a URL or a string, not ${kindOf(wasm)}`);
  const href = new URL(wasm, document.baseURI).href;
  if (loadingFrom !== null && href !== loadingFrom) throw new Error(`configure: the engine is already loading from ${loadingFrom}; call configure() in the module that imports the element, or earlier`);
  configuredWasm = href;
}

function configureLocales(locales) {
  if (!isPlainObject(locales)) throw new TypeError(`configure: locales must be an object { de: url or locale, ... }, not ${kindOf(locales)}`);
  const shipped = LANGUAGES.map((l) => l.code).filter((code) => code !== "en");
  const given = [];
  for (const [code, source] of Object.entries(locales)) {
    if (!shipped.includes(code)) throw new TypeError(`configure: locales.${code}: no such language; the element speaks ${shipped.join(", ")} besides English`);
    if (typeof source === "string" || source instanceof URL) given.push([code, new URL(source, document.baseURI).href]);
    else if (isPlainObject(source)) {
      if (source.language !== code || typeof source.status !== "string") throw new TypeError(`configure: locales.${code} is not the ${code} locale file (its "language" is ${JSON.stringify(source.language ?? null)})`);
      given.push([code, source]);
    } else throw new TypeError(`configure: locales.${code} must be a URL or the loaded locale file, not ${kindOf(source)}`);
  }
  for (const [code, source] of given) {
    configuredLocales.set(code, source);
    localesLoading.delete(code);
  }
}

/**
 * The locale of language `code`: as configure() gave it (loaded, or fetched once from its URL),
 * else fetched from locales/ beside this module. Throws an Error saying what failed.
 */
function elementLocale(code) {
  let loading = localesLoading.get(code);
  if (!loading) {
    const source = configuredLocales.get(code);
    // Beside this module; read through a variable, so that bundlers do not take it for an asset
    // to copy (see scripts/package.mjs on the wasm's URL).
    const here = import.meta.url;
    loading =
      source === undefined
        ? loadLocale(code, new URL("./", here).href)
        : typeof source === "string"
          ? fetch(source, { credentials: "same-origin" }).then(async (response) => {
              if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
              const locale = await response.json();
              if (locale?.language !== code || typeof locale.status !== "string") throw new Error(`${source} is not the ${code} locale file`);
              return locale;
            })
          : Promise.resolve(source);
    // A failure is not kept: the next element (or lang change) tries again.
    loading.catch(() => localesLoading.delete(code));
    localesLoading.set(code, loading);
  }
  return loading;
}

/** The layout of the `layout` attribute: "all" (every part on one page) or "guided" (the default). */
function layoutOf(value) {
  return value === "all" ? "all" : "guided";
}

/** The URL the engine's wasm is loaded from. */
function wasmUrl() {
  // Not `new URL("…", import.meta.url)`: bundlers copy that form's file as an asset (webpack
  // makes a context module of it even with a variable), and a portal that serves the wasm
  // elsewhere would ship a second, unused copy (about 1 MB).
  const here = import.meta.url;
  return configuredWasm ?? new URL(ENGINE_WASM, here).href;
}

/**
 * Loads the engine's wasm once per page, however many elements there are, and resolves to the
 * package's exports (evaluate, pack, resultBundle, verify...). A portal that wants to verify a
 * bundle in the browser can use it too. Rejects with an error that names the URL tried when the
 * wasm cannot be loaded.
 */
export function loadEngine() {
  // One microtask later: configure() in the module that imports this one still counts.
  enginePromise ??= Promise.resolve().then(async () => {
    const url = wasmUrl();
    loadingFrom = url;
    try {
      await init({ module_or_path: url });
    } catch (error) {
      throw new Error(
        `the engine (gpai_check_bg.wasm) could not be loaded from ${url} (${error.message}). With a bundler, tell the element where the wasm is served: configure({ wasm }) (package README, "Bundlers").`,
        { cause: error },
      );
    }
    return engine;
  });
  return enginePromise;
}

/**
 * The element's own rules, after the page's stylesheet. `.gpai-root` wraps everything: with
 * `all: initial` it inherits nothing from the host page (colour, font, line height, text
 * transform...), and it maps the documented --gpai-* custom properties, which do inherit through
 * the shadow boundary, to the page's variables.
 */
const ELEMENT_CSS = `
:host {
  all: initial;
  display: block;
}
:host([hidden]) {
  display: none;
}
.gpai-root {
  all: initial;
  display: block;
  --gpai-rem: var(--gpai-font-size, 16px);
  --text: var(--gpai-text, #1b1f24);
  --muted: var(--gpai-muted, #4a5361);
  --line: var(--gpai-line, #c9ced6);
  --soft: var(--gpai-soft, #f4f6f8);
  --accent: var(--gpai-accent, #1f3a68);
  --link: var(--gpai-link, #1a4f9c);
  --focus: var(--gpai-focus, #1a5fd0);
  --danger: var(--gpai-danger, #9b1c1c);
  font-family: var(--gpai-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  font-size: var(--gpai-rem);
  line-height: 1.5;
  color: var(--text);
  background: var(--gpai-background, #fff);
  padding: var(--gpai-padding, 0);
  text-align: start;
}
.gpai-body > .status-bar:first-child {
  margin-top: 0;
}
.gpai-toolbar {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.5em;
  margin: 1.5em 0 0;
}
.gpai-footer {
  margin-top: 2em;
  padding-top: 0.75em;
  border-top: 1px solid var(--line);
  font-size: 0.9em;
  color: var(--muted);
}
.gpai-footer dl {
  margin: 0;
}
`;

let sheets = null;

/**
 * The element's stylesheets, built once per page from text that ships in its modules (the page's
 * stylesheet, www/element-css.js, and ELEMENT_CSS): nothing to fetch, nothing a bundler can lose.
 * Throws when the browser cannot build them (no constructable stylesheets) or when one came out
 * empty: an element that cannot be styled says so rather than render unstyled.
 * @returns {CSSStyleSheet[]}
 */
function elementSheets() {
  sheets ??= [PAGE_CSS, ELEMENT_CSS].map((text, i) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    if (sheet.cssRules.length === 0) throw new Error(`its ${i === 0 ? "page" : "own"} stylesheet has no rules`);
    return sheet;
  });
  return sheets;
}

// --- Answers: checking what a portal hands in ----------------------------------------------------

/** The fields of the value `answers` takes and gives. */
const STATE_FIELDS = ["profile", "answers", "title", "invalid", "pack", "packVersion"];

function isAnswerValue(value) {
  return (
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value)) ||
    (Array.isArray(value) && value.every((v) => typeof v === "string"))
  );
}

/** What a value is, for an error message: "a Map", "a list", "the text "x"". */
function kindOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return `a ${Object.prototype.toString.call(value).slice(8, -1)}`;
  return `a ${typeof value}`;
}

const quoted = (keys) => keys.map((k) => `"${k}"`).join(", ");

/**
 * The state `answers = value` would set, before the engine sees it: { title, profile, answers,
 * invalidKeys }. Only plain objects are read, by their own keys, so a Map or a Date is refused
 * rather than read as "no answers", and "__proto__" or "constructor" is a key like any other.
 * Throws a TypeError naming every field, key or answer that does not fit. `invalid` holds
 * profile answers kept as typed that the engine cannot use (what `answers` gives for them); they
 * go into the profile as they are, and are set aside again at every evaluation.
 */
function candidateState(value, questions) {
  if (!isPlainObject(value)) throw new TypeError(`answers must be a plain object { profile, answers, title }, not ${kindOf(value)}`);
  const unknownFields = Object.keys(value).filter((key) => !STATE_FIELDS.includes(key));
  if (unknownFields.length) throw new TypeError(`answers: unknown ${unknownFields.length === 1 ? "field" : "fields"} ${quoted(unknownFields)}; known: ${STATE_FIELDS.join(", ")}`);
  const part = (name) => {
    const v = value[name];
    if (v === undefined || v === null) return {};
    if (!isPlainObject(v)) throw new TypeError(`answers.${name} must be a plain object, not ${kindOf(v)}`);
    return v;
  };
  const profileIn = part("profile");
  const answersIn = part("answers");
  const invalidIn = part("invalid");
  if (value.title !== undefined && value.title !== null && typeof value.title !== "string") throw new TypeError(`answers.title must be a text, not ${kindOf(value.title)}`);

  const known = new Set(questions.map((q) => q.id));
  for (const [name, part] of [["profile", profileIn], ["invalid", invalidIn]]) {
    const unknown = Object.keys(part).filter((key) => !known.has(key));
    if (unknown.length) throw new TypeError(`answers.${name}: ${unknown.length === 1 ? "a key" : `${unknown.length} keys`} the scope decision does not ask: ${quoted(unknown)}`);
  }
  const both = Object.keys(invalidIn).filter((key) => Object.hasOwn(profileIn, key) && profileIn[key] !== null && profileIn[key] !== undefined);
  if (both.length) throw new TypeError(`answers.invalid: ${quoted(both)} ${both.length === 1 ? "is" : "are"} in answers.profile too`);
  const badAnswers = Object.entries(answersIn).filter(([, v]) => v !== null && v !== undefined && !isAnswerValue(v)).map(([id]) => id);
  if (badAnswers.length) throw new TypeError(`answers.answers: an answer is a text, a number, a boolean or a list of texts; not so for ${quoted(badAnswers)}`);

  const given = (object) => Object.entries(object).filter(([, v]) => v !== null && v !== undefined);
  return {
    title: clipTitle(value.title ?? ""),
    profile: Object.fromEntries([...given(profileIn), ...Object.entries(invalidIn)]),
    answers: Object.fromEntries(given(answersIn).map(([id, v]) => [id, Array.isArray(v) ? [...v] : v])),
    invalidKeys: new Set(Object.keys(invalidIn)),
  };
}

/** What storage held, as it was: plain objects only, nothing dropped (the engine sets aside what it refuses). */
function storedState(value) {
  if (!isPlainObject(value)) return null;
  return {
    title: typeof value.title === "string" ? clipTitle(value.title) : "",
    profile: isPlainObject(value.profile) ? ownCopy(value.profile) : {},
    answers: isPlainObject(value.answers) ? ownCopy(value.answers) : {},
  };
}

function emptyState() {
  return { title: "", profile: {}, answers: {} };
}

/** The refusal `answers = ...` throws: a TypeError with the engine's code and path. */
function refusalOf(entryOrError) {
  const path = entryOrError.path ?? "";
  const message = withoutPath(entryOrError.message, path);
  const error = /** @type {TypeError & { code: string | null, path: string }} */ (new TypeError(`answers${path ? `.${path}` : ""}: ${message}`));
  error.code = entryOrError.code ?? null;
  error.path = path;
  return error;
}

// --- The element ---------------------------------------------------------------------------------

export class GpaiCheckElement extends HTMLElement {
  static observedAttributes = ["pack", "mode", "storage", "lang", "layout"];

  #shadow;
  #wrapper;
  #status;
  #error;
  #notice;
  #content;
  /** Module exports once the engine is loaded. */
  #engine = null;
  /** The loaded locale of the `lang` attribute (null: English). */
  #locale = null;
  #questions = null;
  /** The Act's key dates in the language spoken (scopeTexts().dates), for the status bar. */
  #keyDates = {};
  /** Keeps --status-bar-height at the height of the bar on screen (style.css). */
  #barObserver = null;
  /** Everything built for one pack: { packId, packData, profileForm, questionnaire, refs... }. */
  #ui = null;
  #state = emptyState();
  #report = null;
  #lastDigest = null;
  #started = false;
  #pending = null;
  /** What the last evaluation set aside (kept-values.js), and the engine's refusals seen so far. */
  #setAside = [];
  #refusals = new Map();
  /** The submission the current report was made from (the state less what was set aside). */
  #evaluated = null;
  /** An earlier check to compare the next report with (gpai-what-changed); see `lastCheck`. */
  #earlier = null;
  #storageKeyInUse = null;
  #ready;
  #settle;
  /** Why the stylesheets could not be applied, or null. */
  #styleError = null;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: "open" });
    try {
      this.#shadow.adoptedStyleSheets = elementSheets();
    } catch (error) {
      // Reported by #start as a gpai-error, once the portal's listeners can hear it.
      this.#styleError = error;
    }
    this.#status = h("p", { className: "gpai-status", role: "status" }, t("page.load-status"));
    this.#error = h("p", { className: "error-banner", role: "alert", hidden: true });
    this.#notice = h("p", { className: "notice", role: "status", hidden: true });
    this.#content = h("div", { className: "gpai-content", hidden: true });
    this.#wrapper = h("div", { className: "gpai-root", part: "root" }, this.#status, this.#error, this.#notice, this.#content);
    this.#shadow.append(this.#wrapper);
    // In-page links ("#q-...") point into the shadow root, where the browser's own fragment
    // navigation cannot reach; followed here so the host page's URL is never touched.
    this.#shadow.addEventListener("click", (event) => this.#followLink(event));
    this.#ready = new Promise((resolve, reject) => (this.#settle = { resolve, reject }));
    this.#ready.catch(() => {});
  }

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    this.#start();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#engine) return;
    if (name === "pack") {
      this.#build();
      this.#afterChange({ changed: false });
    } else if (name === "lang") {
      this.#useLanguage().then(() => {
        this.#build();
        this.#afterChange({ changed: false });
      });
    } else if (name === "mode") {
      this.#refresh();
    } else if (name === "storage") {
      this.#switchStorage();
    } else if (name === "layout") {
      this.#ui?.check.places.setLayout(layoutOf(newValue));
    }
  }

  /**
   * The rule pack's id: the `pack` attribute, or the default pack when there is none. Setting it
   * sets the attribute (the questions are rebuilt for that pack; the answers stay).
   */
  get pack() {
    return this.getAttribute("pack") || DEFAULT_PACK;
  }

  set pack(id) {
    if (typeof id !== "string" || id === "") throw new TypeError(`pack must be a pack id (a non-empty string), not ${id === "" ? "an empty string" : kindOf(id)}`);
    this.setAttribute("pack", id);
  }

  /**
   * A copy of { profile, answers, title?, invalid? }: what the person answered. Profile answers
   * the engine cannot use (a number typed as "2,4e25") are kept as typed under `invalid`, so
   * that setting this value back restores them too.
   */
  get answers() {
    const kept = new Set(this.#setAside.filter((e) => e.where === "profile").map((e) => e.key));
    const entries = Object.entries(this.#state.profile);
    const out = {
      profile: Object.fromEntries(entries.filter(([key]) => !kept.has(key))),
      answers: structuredClone(this.#state.answers),
    };
    if (this.#state.title) out.title = this.#state.title;
    const invalid = entries.filter(([key]) => kept.has(key));
    if (invalid.length) out.invalid = structuredClone(Object.fromEntries(invalid));
    return out;
  }

  /**
   * Restores { profile, answers, title?, invalid? } (a copy of it) and evaluates. The engine
   * sees it first: a value that does not fit, or that the engine refuses (an impossible date, a
   * text over the limit), throws a TypeError (with the engine's `code` and `path`) and changes
   * nothing.
   */
  set answers(value) {
    // Answers given for another pack version: the next report says what that version changes.
    if (isPlainObject(value) && typeof value.packVersion === "string") {
      this.#earlier = { packId: typeof value.pack === "string" ? value.pack : DEFAULT_PACK, packVersion: value.packVersion };
    }
    if (!this.#questions) {
      // Before the engine is loaded the profile questions are unknown: checked once it is.
      if (!isPlainObject(value)) throw new TypeError(`answers must be a plain object { profile, answers, title }, not ${kindOf(value)}`);
      this.#pending = structuredClone(value);
      return;
    }
    this.#setState(this.#accepted(value));
  }

  /**
   * An earlier check of these answers that the portal kept (a report of either format, a
   * reportSummary, or { packId, packVersion }): when it was made under another pack version, the
   * element raises gpai-what-changed with what that version changes (whatChanged()).
   */
  set lastCheck(check) {
    this.#earlier = check ?? null;
    this.#tellChanges();
  }

  /** The latest report (a copy), or null before the first one. */
  get report() {
    return this.#report ? structuredClone(this.#report) : null;
  }

  /**
   * The documents a provider hands over, made now from the answers the latest report used: the
   * Model Documentation Form for each recipient, as Markdown and as a CycloneDX model card (the
   * engine's documents()). Also sent as a `gpai-documents` event. Empty before the engine is ready.
   */
  documents() {
    if (!this.#engine || !this.#state) return [];
    const render = (submission) => this.#engine.documents(submission, { locale: this.#locale ?? undefined });
    const { report: docs, error } = evaluateKeeping(render, this.#submission(), this.#refusals);
    if (!docs) throw error;
    this.#emit("gpai-documents", { documents: structuredClone(docs) });
    return docs;
  }

  /**
   * The same documents as DOCX files, made in the browser by the DOCX chunk, loaded on the first
   * call: `[{ id, recipient, title, fileName, mediaType, bytes }]` (bytes a Uint8Array).
   */
  async documentsDocx() {
    const docs = this.documents();
    const { documentDocx } = await loadDocx();
    return Promise.all(
      docs.map(async (doc) => {
        const { fileName, mediaType, bytes } = await documentDocx(doc, { locale: this.#locale });
        return { id: doc.id, recipient: doc.recipient, title: doc.title, fileName, mediaType, bytes };
      }),
    );
  }

  /**
   * The answers as an answers file (docs/answers-file.md), the one the page's "Export answers"
   * writes: what a portal offers as a download, what `importAnswers` and the page read back.
   * Null before the element is ready.
   */
  answersFile() {
    if (!this.#ui) return null;
    return answersFile(this.#state, this.#ui.packData, new Date());
  }

  /**
   * Reads an answers file or a plain submission (`string` of JSON, its bytes, or the parsed
   * object) with the engine's reader, as the page's "Import answers…" does, and puts it in
   * place of the current answers; evaluates; raises gpai-report (not gpai-change: the portal
   * made the change). A file the engine refuses, one for another pack, or answers the engine
   * cannot use throw an Error naming the field (`name`, `code`, `path` as GpaiInputError) and
   * change nothing. Resolves to `{ answers, unmatched }`: the answers now held and the ids of
   * those the pack has no question for (kept, listed, reported as findings).
   * @param {string | Uint8Array | ArrayBuffer | object} file
   */
  async importAnswers(file) {
    await this.#ready;
    let input;
    if (typeof file === "string" || file instanceof Uint8Array) input = file;
    else if (file instanceof ArrayBuffer) input = new Uint8Array(file);
    else if (isPlainObject(file)) input = JSON.stringify(file);
    else throw new TypeError(`importAnswers: the file must be its text, its bytes or its parsed object, not ${kindOf(file)}`);
    const read = this.#engine.readAnswers(input);
    if (read.pack !== this.#ui.packId) {
      const error = /** @type {Error & { code: string, path: string }} */ (new Error(`pack: the file is for the rule pack “${read.pack}”; this element checks “${this.#ui.packId}”`));
      Object.assign(error, { name: "GpaiInputError", code: "other_pack", path: "pack" });
      throw error;
    }
    const profile = { ...read.profile };
    // The file's date is the assessment's date, which the check keeps as a profile question.
    if (typeof read.assessmentDate === "string") profile.assessment_date = read.assessmentDate;
    const value = { title: read.title ?? "", profile, answers: read.answers ?? {} };
    if (typeof read.packVersion === "string") Object.assign(value, { pack: read.pack, packVersion: read.packVersion });
    this.answers = value;
    const questionIds = this.#ui.check.questionIds;
    return { answers: this.answers, unmatched: Object.keys(this.#state.answers).filter((id) => !questionIds.has(id)) };
  }

  /**
   * A link that carries the answers (the page's "Copy a link with these answers"): the answers
   * file, deflated, in the link's fragment, which browsers never send to a server. `base` is the
   * address of a checker that opens it (the page, or the portal's page that calls
   * `importLink`); by default the portal's address. Rejects with an Error (`code`
   * "too_long") when the link would pass 8,000 characters: then export the file
   * (`answersFile()`) instead.
   * @param {{ base?: string | URL }} [options]
   * @returns {Promise<string>}
   */
  async shareLink({ base } = {}) {
    await this.#ready;
    const at = new URL(base ?? document.location.href, document.baseURI);
    at.hash = "";
    const made = await packLink(JSON.stringify(this.answersFile()), at.href);
    if (made.tooLong) {
      const error = /** @type {Error & { code: string, length: number }} */ (
        new Error(`These answers are too many for a link (it would be ${made.tooLong} characters; links stay under ${MAX_LINK_CHARS}). Export them as a file with answersFile() and send the file instead.`)
      );
      Object.assign(error, { name: "GpaiShareError", code: "too_long", length: made.tooLong });
      throw error;
    }
    return made.url;
  }

  /**
   * Opens the answers a shared link carries (`#answers=…`, from `shareLink()` or the page), as
   * `importAnswers` does; resolves to null when the link carries none. A link that cannot be
   * unpacked, or unpacks past the engine's submission limit, rejects and changes nothing.
   * @param {string | URL} link
   */
  async importLink(link) {
    await this.#ready;
    const hash = new URL(link, document.baseURI).hash;
    const bytes = await answersFromFragment(hash, this.#engine.limits().maxSubmissionBytes);
    return bytes === null ? null : this.importAnswers(bytes);
  }

  /** The layout: "guided" (one part at a time, the default) or "all" (the `layout` attribute). */
  get layout() {
    return layoutOf(this.getAttribute("layout"));
  }

  set layout(value) {
    if (value !== "guided" && value !== "all") throw new TypeError(`layout must be "guided" or "all", not ${typeof value === "string" ? `"${value}"` : kindOf(value)}`);
    this.setAttribute("layout", value);
  }

  /** Resolves when the engine is loaded and the first report is made; rejects if it cannot start. */
  get ready() {
    return this.#ready;
  }

  /** Clears the title, the profile and every answer (and this element's saved copy). No dialog. */
  reset() {
    if (!this.#questions) {
      this.#pending = emptyState();
      return;
    }
    this.#setState(emptyState());
  }

  // --- Start and build -------------------------------------------------------------------------

  /**
   * Loads the language of the `lang` attribute ("de", "fr-BE"; none or an unknown one: English)
   * from the element's own files (locales/ beside its modules), and speaks it. A language that
   * cannot be loaded leaves the element in English and says why.
   */
  async #useLanguage() {
    const code = (this.getAttribute("lang") ?? "").toLowerCase().split("-")[0];
    this.#locale = null;
    if (code && code !== "en" && LANGUAGES.some((l) => l.code === code)) {
      try {
        // One microtask later, as for the engine: configure({ locales }) in the module that
        // imports the element still counts (the element starts as that module is evaluated).
        await Promise.resolve();
        this.#locale = await elementLocale(code);
      } catch (error) {
        this.#tell(t("element.language-failed", { language: code, reason: error.message }));
      }
    }
    useLocale(this.#locale);
  }

  async #start() {
    try {
      const [loaded] = await Promise.all([loadEngine(), this.#useLanguage()]);
      if (this.#styleError) throw new Error(`its styles could not be applied: ${this.#styleError.message}`, { cause: this.#styleError });
      this.#engine = loaded;
      this.#questions = loaded.scopeQuestions();
      this.#storageKeyInUse = this.#storageKey();
      this.#state = this.#restore() ?? emptyState();
      this.#build();
      let refused = null;
      if (this.#pending) {
        const pending = this.#pending;
        this.#pending = null;
        try {
          this.#state = this.#accepted(pending);
          this.#save();
          this.#syncInputs();
        } catch (error) {
          refused = error;
        }
      }
      this.#afterChange({ changed: false });
      if (refused) this.#tell(t("element.refused", { reason: refused.message }));
      show(this.#status, false);
      if (this.#ui) this.#settle.resolve();
      else this.#settle.reject(new Error(this.#error.textContent));
    } catch (error) {
      setText(this.#status, "");
      show(this.#status, false);
      this.#fail(t("element.start-failed", { reason: error.message }), error);
      this.#settle.reject(error);
    }
  }

  /** Builds the questions and result areas for the `pack` attribute (again, when it changes). */
  #build() {
    const packId = this.getAttribute("pack") || DEFAULT_PACK;
    let packData;
    try {
      packData = this.#engine.pack(packId);
      // Reports name items by id; their words come from this pack and the scope texts, in the
      // language of the `lang` attribute where it has them.
      const texts = this.#locale?.texts ?? {};
      useEnglishTexts(packData, this.#engine.scopeTexts());
      const scopeWords = this.#locale ? localisedScopeTexts(this.#engine.scopeTexts(), texts) : this.#engine.scopeTexts();
      if (this.#locale) packData = localisedPack(packData, texts);
      this.#questions = scopeWords.inputs;
      this.#keyDates = scopeWords.dates ?? {};
      useMessages(localisedMessages(this.#engine.messages()));
      useTexts(packData, scopeWords);
      this.#wrapper.lang = currentLanguage();
    } catch (error) {
      this.#ui = null;
      this.#content.replaceChildren();
      show(this.#content, false);
      this.#fail(t("element.no-pack", { pack: packId, reason: error.message }), error);
      return;
    }
    this.#lastDigest = null;
    /** @type {Record<string, any>} */
    const ui = {
      packId,
      packData,
      ...buildElementBody({
        packData,
        engineVersion: this.#engine.engineVersion(),
        onTitle: (input) => this.#edit(() => (this.#state.title = titleOf(input))),
        onDownload: (kind) => this.#download(kind),
      }),
    };
    this.#content.replaceChildren(ui.main);
    // One check per pack (check-controller.js, the page's own): state -> evaluate -> render.
    ui.check = createCheck({
      root: this.#shadow,
      refs: ui,
      engine: { evaluate: this.#engine.sealedReport, scope: this.#engine.scope },
      packData,
      questions: this.#questions,
      keyDates: this.#keyDates,
      state: () => this.#viewState(),
      edit: (mutate) => this.#edit(mutate),
      layout: layoutOf(this.getAttribute("layout")),
      keepLayout: () => {},
      hooks: { evaluated: (result) => this.#evaluatedNow(result), rendered: (report) => this.#renderOwn(report) },
    });
    this.#watchStatusBar(ui.statusBar);
    this.#ui = ui;
    this.#syncInputs();
    show(this.#content, true);
  }

  /** Keeps `--status-bar-height` on the wrapper at the bar's height (the decision beside the profile stays under it). */
  #watchStatusBar(bar) {
    const set = () => this.#wrapper.style.setProperty("--status-bar-height", `${Math.ceil(bar.getBoundingClientRect().height)}px`);
    this.#barObserver?.disconnect();
    if (typeof ResizeObserver === "function") {
      this.#barObserver = new ResizeObserver(set);
      this.#barObserver.observe(bar);
    }
    set();
  }

  /**
   * The assessment as the check reads it: the element's state, its mode (the `mode` attribute),
   * and the answers to questions this pack does not have, shown as such (and sent, so that the
   * report lists them as findings).
   */
  #viewState() {
    const questionIds = this.#ui?.check?.questionIds;
    const unmatchedAnswers = questionIds ? Object.fromEntries(Object.entries(this.#state.answers).filter(([id]) => !questionIds.has(id))) : {};
    return { ...this.#state, mode: modeOf(this.getAttribute("mode")), unmatchedAnswers };
  }

  /** The element's banner after an evaluation: the engine's refusal (the last good report stays). */
  #evaluatedNow(result) {
    if (result.report) {
      this.#report = result.report;
      this.#evaluated = result.submission;
      this.#clearError();
      return;
    }
    const error = result.error;
    const reason = error.message;
    this.#fail(error.path ? t("element.evaluate-failed.field", { field: error.path, reason }) : t("element.evaluate-failed", { reason }), error);
  }

  /** The element's own parts of a report: its footer's figures and the downloads. */
  #renderOwn(report) {
    const ui = this.#ui;
    setText(ui.assessmentDate, report.assessmentDate ? formatDate(report.assessmentDate) : t("meta.date.not-given"));
    setText(ui.reportDigest, report.digest);
    ui.downloadJson.disabled = false;
    ui.downloadMd.disabled = false;
  }

  // --- State, storage and events ---------------------------------------------------------------

  #syncInputs() {
    this.#ui?.check.syncInputs();
  }

  /** A change made by the portal (answers = ..., reset()): no gpai-change, a gpai-report if new. */
  #setState(state) {
    this.#state = state;
    if (Object.keys(state.profile).length || Object.keys(state.answers).length || state.title) this.#save();
    else this.#forget();
    this.#syncInputs();
    this.#afterChange({ changed: false });
  }

  /** A change made by the person in the form: saved, evaluated, then gpai-change and gpai-report. */
  #edit(mutate) {
    mutate();
    this.#save();
    this.#afterChange({ changed: true });
  }

  #afterChange({ changed }) {
    const fresh = this.#refresh();
    if (changed) this.#emit("gpai-change", this.answers);
    if (fresh) this.#emit("gpai-report", { report: structuredClone(this.#report) });
    this.#tellChanges();
  }

  /** Raises gpai-what-changed once for an earlier check made under another pack version. */
  #tellChanges() {
    const earlier = this.#earlier;
    if (!earlier || !this.#report || !this.#engine) return;
    this.#earlier = null;
    if (earlier.packVersion === this.#report.packVersion) return;
    try {
      this.#emit("gpai-what-changed", this.#engine.whatChanged(earlier, this.#report));
    } catch (error) {
      this.#tell(t("element.what-changed-failed", { reason: error.message }));
    }
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** The localStorage key of this element, or null for storage="none" (or no attribute). */
  #storageKey() {
    const prefix = this.getAttribute("storage");
    if (prefix === null || prefix === "" || prefix === "none") return null;
    return `${prefix}:gpai-check:v1`;
  }

  #restore() {
    const key = this.#storageKeyInUse;
    if (!key) return null;
    try {
      const text = localStorage.getItem(key);
      return text === null ? null : storedState(JSON.parse(text));
    } catch {
      return null;
    }
  }

  #save() {
    const key = this.#storageKeyInUse;
    if (!key) return;
    const { title, profile, answers } = this.#state;
    try {
      localStorage.setItem(key, JSON.stringify({ format: "gpai-check-element/1", pack: this.#ui?.packId ?? null, title, profile, answers }));
      this.#tell(null);
    } catch {
      this.#tell(t("element.save-failed"));
    }
  }

  #forget() {
    const key = this.#storageKeyInUse;
    if (!key) return;
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing was saved, or storage is off: nothing to remove.
    }
  }

  /** `storage` changed: answers saved under the new prefix are restored, or the current ones saved there. */
  #switchStorage() {
    this.#storageKeyInUse = this.#storageKey();
    const saved = this.#restore();
    if (saved) {
      this.#state = saved;
      this.#syncInputs();
      this.#afterChange({ changed: false });
    } else {
      this.#save();
    }
  }

  #fail(message, error) {
    setText(this.#error, message);
    show(this.#error, true);
    this.#emit("gpai-error", { message, code: error?.code ?? null, path: error?.path ?? null });
  }

  /** A lasting notice (storage refused, answers refused), also sent as gpai-error; null clears it. */
  #tell(message) {
    if (message === null) {
      if (!this.#notice.hidden) setText(this.#notice, "");
      show(this.#notice, false);
      return;
    }
    if (!this.#notice.hidden && this.#notice.textContent === message) return;
    setText(this.#notice, message);
    show(this.#notice, true);
    this.#emit("gpai-error", { message, code: null, path: null });
  }

  #clearError() {
    setText(this.#error, "");
    show(this.#error, false);
  }

  // --- Evaluating and rendering (the glue of www/app.js) ---------------------------------------

  #submission() {
    return this.#submissionOf(this.#state);
  }

  /** The submission of a state, for this element's pack. */
  #submissionOf(state) {
    return {
      pack: this.#ui?.packId ?? (this.getAttribute("pack") || DEFAULT_PACK),
      packVersion: this.#ui?.packData.version,
      title: state.title.trim() || undefined,
      profile: state.profile,
      answers: state.answers,
    };
  }

  /**
   * The state `value` sets, once the engine has accepted all of it (less the `invalid` entries,
   * which it is expected to refuse); throws, changing nothing, otherwise.
   */
  #accepted(value) {
    const { invalidKeys, ...state } = candidateState(value, this.#questions);
    const result = evaluateKeeping(this.#engine.evaluate, this.#submissionOf(state), this.#refusals);
    const refused = result.error ?? result.setAside.find((e) => !(e.where === "profile" && invalidKeys.has(e.key)));
    if (refused) throw refusalOf(refused);
    return state;
  }

  /** One evaluation and everything it changes on screen. Returns true for a report with a new digest. */
  #refresh() {
    if (!this.#ui) return false;
    // Sealed: the element hands its report to the host page (the report property, gpai-report
    // events, the iframe's messages), where a result leaves the checker. What the engine
    // refuses in the profile is set aside and shown at its field, never dropped.
    const result = this.#ui.check.refresh();
    this.#setAside = result.setAside;
    if (!this.#report) return false;
    const fresh = this.#report.digest !== this.#lastDigest;
    this.#lastDigest = this.#report.digest;
    return fresh;
  }

  // --- Links and downloads -----------------------------------------------------------------------

  #followLink(event) {
    const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
    const href = link?.getAttribute("href");
    if (!href?.startsWith("#") || !this.#shadow.contains(link)) return;
    event.preventDefault();
    const target = this.#shadow.getElementById(decodeURIComponent(href.slice(1)));
    if (!target || target.closest("[hidden]")) return;
    if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
    target.closest("details:not([open])")?.setAttribute("open", "");
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }

  /** Offers the report as a file; the temporary link lives in the shadow root, not the host page. */
  #download(kind) {
    const report = this.#report;
    if (!report) return;
    const [text, type, ext] =
      kind === "md" ? [this.#engine.reportMarkdown(this.#evaluated, { locale: this.#locale ?? undefined }), "text/markdown", "md"] : [`${JSON.stringify(report, null, 2)}\n`, "application/json", "json"];
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h("a", { href: url, download: `${reportFileStem(report)}.${ext}`, hidden: true });
    this.#wrapper.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, GpaiCheckElement);
