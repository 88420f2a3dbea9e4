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

/** `<gpai-check pack="gpai-cop-final" mode="full|sme" storage="none|<prefix>">`. */
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

/** Where the engine's wasm is served: see configure(). */
export interface GpaiCheckOptions {
  /**
   * The URL of the package's `gpai_check_bg.wasm` as the portal serves it (Vite:
   * `import wasm from "gpai-check/gpai_check_bg.wasm?url"`; webpack 5:
   * `new URL("gpai-check/gpai_check_bg.wasm", import.meta.url)`; or a copy the portal serves).
   * Without it, the wasm is fetched next to the package's files, which holds without a bundler.
   */
  wasm?: string | URL;
}

/**
 * Tells the elements and loadEngine() where the engine's wasm is served. Call it before the first
 * `<gpai-check>` is connected: in the module that imports the element, or earlier. Throws a
 * TypeError for a wasm that is not a URL, and an Error once the engine is loading from another URL.
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
