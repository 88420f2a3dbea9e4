// Types of the <gpai-check> element, shipped in the npm package as element.d.ts (next to
// gpai_check.d.ts, whose types it uses). docs/embedding.md describes the behaviour.
import type * as Engine from "./gpai_check.js";
import type { Profile, Report, AnswerValue, ProviderDocument, WhatChanged, CheckSummary } from "./gpai_check.js";

/** What the person answered: the `answers` property, and the detail of `gpai-change`. */
export interface GpaiCheckAnswers {
  profile: Profile;
  answers: Record<string, AnswerValue>;
  title?: string;
  /**
   * Profile answers kept as the person typed them that the engine cannot use ("2,4e25" typed
   * for the turnover): shown at their field with the engine's message, left out of the report.
   * Present only when there are some; setting them back restores them.
   */
  invalid?: Record<string, unknown>;
}

/** The detail of `gpai-report`. */
export interface GpaiReportDetail {
  report: Report;
}

/** The detail of `gpai-documents`. */
export interface GpaiDocumentsDetail {
  documents: ProviderDocument[];
}

/** The detail of `gpai-error`: `code` and `path` as in GpaiInputError, else null. */
export interface GpaiErrorDetail {
  message: string;
  code: string | null;
  path: string | null;
}

export interface GpaiCheckEventMap extends HTMLElementEventMap {
  "gpai-change": CustomEvent<GpaiCheckAnswers>;
  "gpai-report": CustomEvent<GpaiReportDetail>;
  "gpai-error": CustomEvent<GpaiErrorDetail>;
  "gpai-documents": CustomEvent<GpaiDocumentsDetail>;
  /** Answers given for another pack version (or `lastCheck`): what that version changes. */
  "gpai-what-changed": CustomEvent<WhatChanged>;
}

/** What `importAnswers()` and `importLink()` resolve to. */
export interface GpaiImportResult {
  /** The answers now held, as `answers` gives them. */
  answers: GpaiCheckAnswers;
  /** Ids of answers the pack has no question for: kept, listed, reported as findings. */
  unmatched: string[];
}

/** The answers file `answersFile()` gives (docs/answers-file.md), as the page's "Export answers" writes it. */
export interface GpaiAnswersFile {
  format: "gpai-check-answers";
  formatVersion: 1;
  pack: string;
  packVersion: string;
  title: string;
  profile: Record<string, unknown>;
  answers: Record<string, AnswerValue>;
  assessmentDate?: string;
  exportedAt: string;
}

/**
 * `<gpai-check pack="gpai-cop-final" mode="full|short" layout="guided|all" storage="none|<prefix>">`
 * (`mode="sme"`, the earlier name, means `short`).
 */
export class GpaiCheckElement extends HTMLElement {
  /**
   * The rule pack's id: the `pack` attribute, or "gpai-cop-final" when there is none. Setting it
   * sets the attribute (the questions are rebuilt; the answers stay); anything but a non-empty
   * string throws a TypeError.
   */
  get pack(): string;
  set pack(id: string);
  /**
   * A copy of what the person answered; setting it restores that state. Only plain objects are
   * read; a value that does not fit, or that the engine refuses, throws a TypeError (with the
   * engine's `code` and `path` when it refused) and changes nothing.
   */
  get answers(): GpaiCheckAnswers;
  set answers(value: Partial<GpaiCheckAnswers>);
  /** An earlier check the portal kept; raises gpai-what-changed when its pack version differs. */
  set lastCheck(check: Report | CheckSummary | { packId: string; packVersion: string } | null);
  /** The latest report (a copy), or null before the first. */
  readonly report: Report | null;
  /** Resolves once the engine is loaded and the first report is made. */
  readonly ready: Promise<void>;
  /** Clears the title, the profile and every answer (and the kept copy). */
  reset(): void;
  /**
   * The layout: "guided" (one part at a time, with the places and the status bar; the default)
   * or "all" (every part on one page). Reflects the `layout` attribute; anything else throws a
   * TypeError.
   */
  get layout(): "guided" | "all";
  set layout(value: "guided" | "all");
  /** The answers as an answers file (what the page's "Export answers" writes); null before the element is ready. */
  answersFile(): GpaiAnswersFile | null;
  /**
   * Reads an answers file or a plain submission (its text, its bytes or the parsed object) with
   * the engine's reader and puts it in place of the current answers (gpai-report, no
   * gpai-change). A file the engine refuses, one for another pack (`code` "other_pack", `path`
   * "pack") or answers it cannot use reject with an error naming the field, and change nothing.
   */
  importAnswers(file: string | Uint8Array | ArrayBuffer | object): Promise<GpaiImportResult>;
  /**
   * A link with the answers in its fragment (the page's "Copy a link with these answers"), on
   * `base` (default: the portal page's address). Rejects with `code` "too_long" past 8,000
   * characters: export `answersFile()` instead.
   */
  shareLink(options?: { base?: string | URL }): Promise<string>;
  /** Opens the answers a link from `shareLink()` (or the page) carries, as `importAnswers`; null when it carries none. */
  importLink(link: string | URL): Promise<GpaiImportResult | null>;
  /**
   * The documents a provider hands over, made now from the current answers (the engine's
   * documents()); also dispatched as `gpai-documents`. Throws the engine's GpaiInputError when
   * no report can be made; empty before the element is ready.
   */
  documents(): ProviderDocument[];
  /**
   * The same documents as DOCX files, made in the browser by a chunk loaded on the first call
   * (nothing is sent anywhere).
   */
  documentsDocx(): Promise<{ id: string; recipient: ProviderDocument["recipient"]; title: string; fileName: string; mediaType: string; bytes: Uint8Array }[]>;
  addEventListener<K extends keyof GpaiCheckEventMap>(type: K, listener: (this: GpaiCheckElement, event: GpaiCheckEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof GpaiCheckEventMap>(type: K, listener: (this: GpaiCheckElement, event: GpaiCheckEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Where the engine's wasm and the language files are served: see configure(). */
export interface GpaiCheckOptions {
  /**
   * The URL of the package's `gpai_check_bg.wasm` as the portal serves it (Vite:
   * `import wasm from "gpai-check/gpai_check_bg.wasm?url"`; webpack 5:
   * `new URL("gpai-check/gpai_check_bg.wasm", import.meta.url)`; or a copy the portal serves).
   * Without it, the wasm is fetched next to the package's files, which holds without a bundler.
   */
  wasm?: string | URL;
  /**
   * The language files for the `lang` attribute, by language code (`de`, `fr`): the URL where
   * the portal serves the package's `locales/<code>.json`, or its content already loaded (a
   * bundler's JSON import). Without it, an element fetches `locales/<code>.json` beside its own
   * module, which a bundler does not copy.
   */
  locales?: Partial<Record<"de" | "fr", string | URL | Engine.Locale>>;
}

/**
 * Tells the elements and loadEngine() where the engine's wasm (and the elements where their
 * language files) are served. Call it before the first `<gpai-check>` is connected: in the module
 * that imports the element, or earlier. Throws a TypeError for a wasm that is not a URL or a
 * locale that is not one (naming the language), and an Error once the engine is loading from
 * another URL.
 */
export function configure(options: GpaiCheckOptions): void;

/**
 * The engine the elements use, loaded once per page: the exports of the package's main module.
 * Rejects, naming the URL tried, when the wasm cannot be loaded.
 */
export function loadEngine(): Promise<typeof Engine>;

/** The page's stylesheet made fit for a shadow root (rem lengths follow --gpai-font-size). */
export function shadowCss(text: string): string;

declare global {
  interface HTMLElementTagNameMap {
    "gpai-check": GpaiCheckElement;
  }
}
