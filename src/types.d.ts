// The declarations of the inputs, the pack and the other exports, written by hand. The report's
// declarations (Report, ScopeResult, Status, ...) are generated from its Rust types into
// src/report.d.ts; pkg/gpai_check.d.ts holds both.

/** A raw answer: "yes" | "partly" | "no", an option id, a list of option ids, a number, a date, a text or a URL; null clears it. */
export type AnswerValue = string | number | boolean | string[] | null;

/** The scope profile. Keys are the input ids of the AI Act scope rules; a missing key takes its default, null means unknown. */
export interface Profile {
  sole_purpose_scientific_research?: boolean | null;
  used_only_for_rd_before_market?: boolean | null;
  org_develops_or_commissions_model?: boolean | null;
  under_own_name_or_trademark?: boolean | null;
  training_compute_flop?: number | null;
  cumulative_training_compute_flop?: number | null;
  compute_will_exceed_1e25_planned?: boolean | null;
  generates_language_image_or_video?: boolean | null;
  significant_generality?: "unknown" | "yes" | "no" | null;
  placed_on_eu_market?: boolean | null;
  integrates_third_party_model_that_excluded_eu?: boolean | null;
  is_modification?: boolean | null;
  original_model_is_gpai?: boolean | null;
  original_model_systemic_risk?: boolean | null;
  original_training_compute_flop?: number | null;
  modification_compute_flop?: number | null;
  modification_compute_fraction?: number | null;
  is_open_source_licence?: boolean | null;
  weights_public?: boolean | null;
  architecture_and_usage_info_public?: boolean | null;
  monetised?: boolean | null;
  established_in_eu?: boolean | null;
  placed_before_2025_08_02?: boolean | null;
  designated_by_commission?: boolean | null;
  high_impact_capabilities_other_evidence?: boolean | null;
  contest_accepted_by_commission?: boolean | null;
  code_of_practice_signatory?: "no" | "yes_all_chapters" | "yes_some_chapters" | null;
  is_sme?: boolean | null;
  is_small_mid_cap?: boolean | null;
  signed_safety_security_chapter?: boolean | null;
  worldwide_annual_turnover_eur?: number | null;
  /** YYYY-MM-DD */
  assessment_date?: string | null;
}

/** What `evaluate` takes. */
export interface Submission {
  /** Built-in pack id, e.g. "gpai-cop-final". */
  pack: string;
  /** The pack version the answers were given for; must match the built-in pack when given. */
  packVersion?: string;
  /** A name for the assessment, usually the model's. */
  title?: string;
  profile?: Profile;
  answers?: Record<string, AnswerValue>;
  /** YYYY-MM-DD; overrides profile.assessment_date. */
  assessmentDate?: string;
}

/** A profile question of the scope decision. */
export interface ScopeQuestion {
  id: keyof Profile;
  type: "bool" | "number" | "enum" | "date";
  default: boolean | number | string | null;
  label: string;
  help?: string;
  unit?: string;
  values?: string[];
  source: string;
  group: string;
  /** Ask only when this boolean input is true. */
  showIfTrue?: string;
}

/** The words of the scope decision (scopeTexts()): scope() and reports name them by id. */
export interface ScopeTexts {
  /** What the texts rest on (Act, Guidelines, template) and their dates. */
  asOf: string;
  /** The profile questions, as scopeQuestions() gives them. */
  inputs: ScopeQuestion[];
  /** Each AI Act obligation's article and plain-language title. */
  obligations: { id: string; article: string; title: string }[];
  /** Each reason, note and option: its paraphrase, legal source, and whether it is the tool's reading. */
  reasons: { id: string; text: string; source: string; interpretation: boolean }[];
  /** The AI Act's dates for providers of general-purpose AI models (YYYY-MM-DD): Chapter V
   *  applies, the Commission can fine (Art 101, 113(b)), models placed before Chapter V comply
   *  (Art 111(3)). */
  dates: { obligationsApply: string; finesApply: string; legacyDeadline: string };
}

export interface PackSummary {
  id: string;
  version: string;
  title: string;
  publicationDate: string;
  digest: string;
}

export type SourceKind = "code" | "ai-act" | "guidelines" | "directive" | "template" | "form";
export interface SourceRef { kind: SourceKind; ref: string; }

export type ScopeFlag = "inScope" | "systemicRisk" | "openSourceExempt" | "limitedToModification" | "legacyModel"
  | "notificationRequired" | "authorisedRepresentativeRequired";

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { scope: ScopeFlag }
  | { profile: { input: string; equals: unknown } }
  | { answer: { question: string; in: string[] } }
  | { answered: string }
  | { compare: { left: Operand; op: "<" | "<=" | ">" | ">=" | "==" | "!="; right: Operand } }
  /** The number is what the quantity answer says at the precision it is written in. */
  | { withinRounding: { answer: string; of: Operand } };

/**
 * A value in a comparison: an answer, a profile input, a constant, the power of ten of one, or a
 * text compared loosely (lower case, letters and digits only).
 */
export type Operand =
  | { answer: string } | { profile: string } | { value: number | string } | { magnitude: Operand } | { normalised: Operand };

export type Check =
  | { choice: { question: string; met: string[]; partial?: string[] } }
  | { provided: { question: string } }
  | { kpi: string }
  | { all: Check[] }
  | { formComplete: string }
  /** The check only where the condition holds; not applicable where it does not. */
  | { when: { condition: Condition; check: Check } };

export interface Kpi {
  id: string;
  metric: string;
  question: string;
  comparator?: Comparator;
  target?: number;
  unit: string;
  anchor: string;
}

export type QuestionType = "yes-partly-no" | "yes-no" | "single-choice" | "multi-choice" | "number" | "quantity" | "date" | "text" | "url";

export interface Question {
  id: string;
  type: QuestionType;
  text: string;
  help?: string;
  options?: { id: string; label: string }[];
  unit?: string;
  min?: number;
  max?: number;
  /** A quantity question that also accepts "N/A". */
  allowNotApplicable?: boolean;
  /** Fewest characters a text answer needs to count as evidence. */
  minLength?: number;
  showIf?: Condition;
  sources: SourceRef[];
}

export interface Requirement {
  id: string;
  kind: RequirementKind;
  text: string;
  confidence: string;
  note?: string;
  appliesIf?: Condition;
  check?: Check;
  kpis?: Kpi[];
}

export interface Measure {
  id: string;
  title: string;
  summary: string;
  sources: SourceRef[];
  confidence: string;
  appliesIf?: Condition;
  requirements: Requirement[];
  questions: Question[];
}

export interface Commitment {
  id: string;
  title: string;
  summary: string;
  sources: SourceRef[];
  confidence: string;
  measures: Measure[];
}

export interface FormField {
  id: string;
  section: string;
  label: string;
  question: string;
  recipients: Recipient[];
  precision?: { significantFigures?: number; orderOfMagnitude?: boolean };
  annexRef?: string;
  confidence: string;
  note?: string;
  appliesIf?: Condition;
  /** Further questions of the row; the field counts as answered only when every part is. */
  parts?: { question: string; precision?: { significantFigures?: number; orderOfMagnitude?: boolean } }[];
}

export interface DocumentationForm {
  id: string;
  title: string;
  /** The measure whose questions hold the fields' values. */
  measure: string;
  recipients: { id: Recipient; label: string; delivery: string }[];
  rules: { id: string; text: string; confidence: string; showIf?: Condition }[];
  sections: string[];
  fields: FormField[];
}

export interface CrossCheck {
  id: string;
  title: string;
  message: string;
  sources: SourceRef[];
  /** True when the contradiction is present. */
  when: Condition;
}

export interface Chapter {
  id: string;
  title: string;
  summary: string;
  obligations: string[];
  appliesIf?: Condition;
  alsoAppliesIf?: Condition;
  alsoAppliesReason?: { text: string; source: string };
  notes: { id: string; text: string; confidence: string; showIf?: Condition }[];
  simplifications?: { id: string; text: string; ref: string; confidence: string; measures: string[] }[];
  commitments: Commitment[];
  form?: DocumentationForm;
  crossChecks?: CrossCheck[];
}

/** A whole rule pack. */
export interface Pack {
  formatVersion: number;
  id: string;
  version: string;
  title: string;
  publicationDate: string;
  publisher: string;
  disclaimer: string;
  digest: string;
  confidenceLevels: { code: string; meaning: string; unconfirmed: boolean }[];
  sources: { id: string; kind: string; description: string }[];
  /** The texts of law the pack encodes (with dates), and later ones it names as not encoded yet. */
  law?: LawText[];
  /** What each version changed, newest first; the first entry is this version. */
  changelog?: PackRelease[];
  chapters: Chapter[];
}

export interface LawText {
  id: string;
  title: string;
  /** Where known from the official text. */
  date?: string;
  encoded: boolean;
  note: string;
}

export interface PackRelease {
  version: string;
  date: string;
  summary: string;
  changes: PackChange[];
}

/** One item a pack version added, removed or changed, with why. */
export interface PackChange {
  id: string;
  change: "added" | "removed" | "changed";
  itemKind: "question" | "requirement" | "kpi" | "form-field" | "cross-check" | "scope-reason" | "profile-input" | "law";
  item: string;
  /** Where a removed item was, or other items whose results the change can move. */
  affects?: string[];
  reason: string;
  sources: SourceRef[];
}

/** The engine's words: messages() returns it; a language is a catalogue with the same keys. */
export interface MessageCatalogue {
  language: string;
  status: string;
  note: string;
  messages: Record<string, string>;
}

/**
 * One language for the renderers and the page: the file `scripts/locales.mjs --bundle` writes
 * (`locales/de.json` in the package). Texts are keyed as in locales/README.md; a text it lacks
 * stays English.
 */
export interface Locale {
  /** The language code, e.g. "de". */
  language: string;
  /** What the texts are, printed in every report, e.g. "translation, not legally reviewed". */
  status: string;
  /** The pack's and the scope decision's texts, by key (`measure:T-1.1:title`). */
  texts?: Record<string, string>;
  /** The engine's messages, by key (`status.met`). */
  messages?: Record<string, string>;
  /** The page's interface words, by key (read by the page, not by the renderers). */
  interface?: Record<string, string>;
  /** How many English texts it has no translation for. */
  missing?: number;
}

/** Options of reportMarkdown() and documents(). */
export interface RenderOptions {
  /** The language to render in; English (authoritative) when not given. */
  locale?: Locale;
}

/** The engine's limits on its input (limits()). Titles and texts count Unicode code points. */
export interface Limits {
  /** A submission as JSON text (UTF-8 bytes), or an answers file. */
  maxSubmissionBytes: number;
  /** A result bundle as JSON text (UTF-8 bytes): `verify`, and the renderers given a bundle. Every bundle `resultBundle` makes fits. */
  maxBundleBytes: number;
  maxAnswers: number;
  /** In code points (`Array.from(title).length`), not UTF-16 code units. */
  maxTitleChars: number;
  /** The longest text answer, in code points. */
  maxTextChars: number;
  /** The longest number text, in code points. */
  maxNumberChars: number;
  /** How deep lists and objects may nest, the submission itself counting as 1. */
  maxDepth: number;
}

/**
 * What parseNumber() reads from a typed field: null when blank, the number with the precision
 * it was written with, or why it is not a number (docs/numbers.md).
 */
export type ParsedNumber =
  | null
  | { value: number; significantFigures: number; powerOfTen: boolean }
  | { error: { code: "not-a-number" | "too-large" | "negative"; message: string } };

/** What every thrown error of this package looks like. */
export interface GpaiInputError extends Error {
  name: "GpaiInputError";
  code: "invalid_json" | "invalid_type" | "missing_field" | "unknown_field" | "invalid_value" | "unknown_pack"
    | "pack_version_mismatch" | "too_large" | "too_deep" | "invalid_pack" | "not_verified";
  /** Path of the offending field, e.g. "profile.training_compute_flop". */
  path: string;
}

/**
 * A document a provider hands over (documents()): the Model Documentation Form for one recipient,
 * or the public training-content summary (recipient "public").
 */
export interface ProviderDocument {
  /** e.g. "mdf-ai-office", "training-summary". */
  id: string;
  recipient: Recipient | "public";
  title: string;
  /** How the recipient gets it, from the Form (e.g. "on request"). */
  delivery: string;
  /** Markdown for people, then (the Form only) a CycloneDX 1.6 ML-BOM model card for machines. DOCX: the package's "gpai-check/docx" entry. */
  files: { format: "markdown" | "cyclonedx"; fileName: string; mediaType: string; text: string }[];
  /** [label, value] lines: model, version, date, recipient, fields provided, pack, report digest. */
  header: [string, string][];
  /** What the document is and who wrote it, with the pack's caution (under the header). */
  note: string;
  sections: {
    title: string;
    rows: { fieldId: string; label: string; value: string | null; note: string | null; parts: { questionId: string; label: string; value: string }[] }[];
  }[];
  /** Fields with a valid answer. */
  provided: number;
  total: number;
}

/** The OSCAL 1.1.2 assessment-results document oscalAssessmentResults() returns (the parts it fills). */
export interface OscalAssessmentResults {
  "assessment-results": {
    uuid: string;
    metadata: { title: string; "last-modified": string; version: string; "oscal-version": string };
    "import-ap": { href: string };
    results: {
      uuid: string;
      title: string;
      description: string;
      start: string;
      props: { name: string; value: string; ns?: string }[];
      "reviewed-controls": { "control-selections": { "include-all": Record<string, never> }[] };
      observations?: { uuid: string; title: string; description: string; methods: string[]; collected: string; props: { name: string; value: string; ns?: string }[] }[];
      findings?: {
        uuid: string;
        title: string;
        description: string;
        props: { name: string; value: string; ns?: string }[];
        target: { type: "objective-id"; "target-id": string; status: { state: "satisfied" | "not-satisfied"; reason?: string } };
        "related-observations": { "observation-uuid": string }[];
      }[];
      remarks?: string;
    }[];
  };
}

/** What a portal receives and verifies. */
export interface ResultBundle {
  submission: Submission;
  report: Report;
  packId: string;
  packDigest: string;
  engineVersion: string;
}

/** The verdict of verify(). */
export interface Verification {
  valid: boolean;
  verdict: "match" | "pack-differs" | "engine-differs" | "format-differs" | "report-differs";
  message: string;
  /** The first place where the received and the recomputed report differ. */
  firstDifference: { path: string; expected: unknown; found: unknown } | null;
  recomputedDigest: string | null;
  engineVersion: string;
}

/**
 * The answers file the page's "Export answers" writes (docs/answers-file.md). `readAnswers`
 * reads it, or a plain `Submission`, into a `Submission`.
 */
export interface AnswersFile extends Submission {
  format: "gpai-check-answers";
  formatVersion: 1;
  /** ISO 8601 time of the export. */
  exportedAt?: string;
}

/**
 * What a comparison keeps of a check (reportSummary()): statuses, questions, cross-checks,
 * findings and answer fingerprints. The page stores one per assessment.
 */
export interface CheckSummary {
  summaryVersion: 1;
  packId: string;
  packVersion: string;
  engineVersion: string | null;
  /** The report format it was read from: 1, 2, or 0 when no report was kept. */
  reportFormat: number;
  statusesKnown: boolean;
  chapterApplicability: { id: string; applicable: boolean | null; measures: string[] }[];
  measures: {
    id: string;
    status: Status;
    requirements: { id: string; status: Status }[];
    /** The questions its requirements read, each once. */
    questions: string[];
  }[];
  /** Null when the report did not list its questions (format 1). */
  questions: { id: string; asked: boolean; answer: AnswerState }[] | null;
  crossChecks: { id: string; status: CrossCheckStatus }[];
  findings: { code: FindingCode; questionId: string }[];
  /** FNV-1a (64 bits, hex) of each answer the measures read, by question id. */
  answers: { questionId: string; print: string }[];
}

/** Why a status moved (whatChanged()). */
export type ChangeCause =
  /** The pack's changelog entries (ids in `pack(packId).changelog`) that touch the item. */
  | { kind: "pack-change"; changes: string[] }
  /** The measure's chapter applies differently: the scope decision changed. */
  | { kind: "chapter-applicability"; chapter: string; before: boolean | null; after: boolean | null }
  /** Answers the item read that differ between the two checks. */
  | { kind: "answers-changed"; questions: string[] }
  /** The engine version differs, and nothing more specific explains it. */
  | { kind: "engine-changed" }
  /** Nothing the comparison can see explains it (an answer the report does not show changed). */
  | { kind: "unexplained" };

/** An item whose status moved; `before` null when it is new, `after` null when it is gone. */
export interface StatusMove<S> {
  id: string;
  before: S | null;
  after: S | null;
  /** For a measure, its requirements whose status moved. */
  requirements: StatusMove<Status>[];
  causes: ChangeCause[];
}

/** What changed between an earlier check of an assessment and the check made now. */
export interface WhatChanged {
  packId: string;
  before: { packVersion: string; engineVersion: string | null; reportFormat: number };
  after: { packVersion: string; engineVersion: string | null; reportFormat: number };
  /** False when the earlier check was known by its pack version only: no statuses to compare. */
  statusesKnown: boolean;
  /** The changelog entries between the two versions. */
  changes: string[];
  /** Those that touch something this assessment uses. */
  relevantChanges: string[];
  measures: StatusMove<Status>[];
  crossChecks: StatusMove<CrossCheckStatus>[];
  questions: {
    id: string;
    change: "added" | "removed" | "changed";
    /** Added: asked now. Removed: the assessment holds an answer to it (kept, no longer used). */
    concernsYou: boolean;
    changes: string[];
  }[];
  findingsAppeared: { code: FindingCode; questionId: string; changes: string[] }[];
  findingsGone: { code: FindingCode; questionId: string; changes: string[] }[];
}
