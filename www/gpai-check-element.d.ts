// Types of the <gpai-check> element, shipped in the npm package as element.d.ts (next to
// gpai_check.d.ts, whose types it uses). docs/embedding.md describes the behaviour.
import type * as Engine from "./gpai_check.js";
import type { Profile, Report, AnswerValue, WhatChanged, CheckSummary } from "./gpai_check.js";

/** What the person answered: the `answers` property, and the detail of `gpai-change`. */
export interface GpaiCheckAnswers {
  profile: Profile;
  answers: Record<string, AnswerValue>;
  title?: string;
}

/** The detail of `gpai-report`. */
export interface GpaiReportDetail {
  report: Report;
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
  /** Answers given for another pack version (or `lastCheck`): what that version changes. */
  "gpai-what-changed": CustomEvent<WhatChanged>;
}

/** `<gpai-check pack="gpai-cop-final" mode="full|sme" storage="none|<prefix>">`. */
export class GpaiCheckElement extends HTMLElement {
  /** A copy of what the person answered; setting it restores that state (TypeError if it does not fit). */
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
  addEventListener<K extends keyof GpaiCheckEventMap>(type: K, listener: (this: GpaiCheckElement, event: GpaiCheckEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof GpaiCheckEventMap>(type: K, listener: (this: GpaiCheckElement, event: GpaiCheckEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The engine the elements use, loaded once per page: the exports of the package's main module. */
export function loadEngine(): Promise<typeof Engine>;

/** The page's stylesheet made fit for a shadow root (rem lengths follow --gpai-font-size). */
export function shadowCss(text: string): string;

declare global {
  interface HTMLElementTagNameMap {
    "gpai-check": GpaiCheckElement;
  }
}
