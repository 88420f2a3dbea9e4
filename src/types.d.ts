
/** Status of a measure or requirement. */
export type Status = "met" | "partial" | "not-met" | "not-applicable" | "unanswered";

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

export interface Reason {
  id: string;
  text: string;
  source: string;
  /** True when this is the tool's reading rather than the text of the law. */
  interpretation: boolean;
}

export interface ObligationResult {
  id: "art53_1a" | "art53_1b" | "art53_1c" | "art53_1d" | "art53_3" | "art54" | "art52_notify"
    | "art55_1a" | "art55_1b" | "art55_1c" | "art55_1d";
  article: string;
  title: string;
  /** null: not decided yet on these answers (see decidedBy). */
  applies: boolean | null;
  /** The profile inputs whose answers would decide it, in the order to ask them. */
  decidedBy: string[];
  reasons: Reason[];
}

/**
 * The scope decision. Every decision is three-valued: true, false, or null for "not decided
 * yet on these answers" (some way of answering the missing profile inputs would make it true,
 * another false). Never read null as false.
 */
export interface ScopeResult {
  excludedResearch: boolean;
  isGpaiModel: boolean | null;
  isProvider: boolean | null;
  inScope: boolean | null;
  systemicRisk: boolean | null;
  systemicRiskExpected: boolean | null;
  notificationRequired: boolean | null;
  openSourceExempt: boolean | null;
  limitedToModification: boolean | null;
  authorisedRepresentativeRequired: boolean | null;
  legacyModel: boolean | null;
  /** null when out of scope. */
  complianceDeadline: ComplianceDeadline | null;
  finesEnforceableNow: boolean | null;
  maxFineEur: number | null;
  obligations: ObligationResult[];
  notes: Reason[];
  options: Reason[];
  /** Profile inputs whose answers would decide what is still null, in the order to ask them. */
  decidedBy: string[];
  /** decidedBy, and the inputs of figures shown beside the decision (the turnover behind the fine). */
  missingInputs: string[];
}

/**
 * When the obligations must be met. "by-date": placed on the market before 2 August 2025, comply
 * by `date` (2027-08-02, Art 111(3)). "from-placing-on-market": they apply from placing on the
 * market, and not before `date` (2025-08-02, Art 113(b)).
 */
export interface ComplianceDeadline {
  rule: "by-date" | "from-placing-on-market";
  date: string;
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
  | { compare: { left: Operand; op: "<" | "<=" | ">" | ">=" | "==" | "!="; right: Operand } };

/** A value in a comparison: an answer, a profile input, a constant, or the power of ten of one. */
export type Operand = { answer: string } | { profile: string } | { value: number | string } | { magnitude: Operand };

export type Check =
  | { choice: { question: string; met: string[]; partial?: string[] } }
  | { provided: { question: string } }
  | { kpi: string }
  | { all: Check[] }
  | { formComplete: string };

export type Comparator = "<=" | ">=" | "<" | ">" | "==";

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

export type RequirementKind = "obligation" | "obligation-variant" | "encouraged" | "context" | "scope" | "presumption"
  | "flexibility" | "sme-simplification" | "examples" | "definition" | "indicators" | "exemption";

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

export type Recipient = "AIO" | "NCA" | "DP";

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
  chapters: Chapter[];
}

export interface Counts {
  met: number;
  partial: number;
  notMet: number;
  notApplicable: number;
  unanswered: number;
  total: number;
}

export interface TraceStep {
  rule: "not-applicable" | "applicability-unknown" | "form-complete" | "nothing-to-check" | "choice" | "provided" | "kpi";
  questionId: string | null;
  answer: AnswerValue;
  kpiId: string | null;
  outcome: Status;
  /** The requirement's Code id and the article it rests on. */
  source: string;
}

export interface RequirementResult {
  id: string;
  kind: RequirementKind;
  text: string;
  status: Status;
  /** Whether it decides the measure's status. */
  counted: boolean;
  confidence: string;
  unconfirmed: boolean;
  note: string | null;
  trace: TraceStep[];
}

export interface KpiResult {
  id: string;
  requirementId: string;
  metric: string;
  questionId: string;
  value: number | null;
  comparator: Comparator | null;
  target: number | null;
  unit: string;
  anchor: string;
  /** null when unanswered or when the Code sets no number. */
  pass: boolean | null;
  unconfirmed: boolean;
}

export interface MeasureResult {
  id: string;
  commitmentId: string;
  title: string;
  status: Status;
  /** Why, as a code with parameters; put into words with the message catalogue (messages()). */
  explanation: Explanation;
  sources: SourceRef[];
  confidence: string;
  unconfirmed: boolean;
  requirements: RequirementResult[];
  kpis: KpiResult[];
  missing: string[];
  /** Ids of SME/SMC simplifications that concern this measure. */
  simplifications: string[];
}

export interface ChapterResult {
  id: string;
  title: string;
  /** null while the scope decision is undecided. */
  applicable: boolean | null;
  obligations: string[];
  reasons: Reason[];
  notes: { id: string; text: string; unconfirmed: boolean }[];
  /** SME/SMC simplifications, listed when the profile says SME or small mid-cap. */
  simplifications: { id: string; text: string; reference: string; measures: string[]; unconfirmed: boolean }[];
  measures: MeasureResult[];
}

export interface FormResult {
  id: string;
  title: string;
  measureId: string;
  applicable: boolean;
  answered: number;
  total: number;
  recipients: { recipient: Recipient; label: string; delivery: string; answered: number; total: number; missing: string[] }[];
  precision: { fieldId: string; questionId: string; rule: "significant-figures" | "order-of-magnitude"; required: number | null; found: number | null; pass: boolean }[];
}

export interface CrossCheckResult {
  id: string;
  title: string;
  status: "passed" | "tripped" | "not-checked";
  message: string;
  sources: SourceRef[];
  questions: string[];
}

export interface Finding {
  code: "unknown-question" | "invalid-answer";
  severity: "warning" | "error";
  questionId: string;
  /** What is wrong, as a code with parameters; put into words with messages(). */
  problem: Problem;
}

/** What is wrong with an answer: its words are `problem.<code>` in the message catalogue. */
export type Problem =
  | { code: "unknown-question" | "repeated-option" | "finite-number" | "number" | "quantity"
      | "quantity-or-not-applicable" | "quantity-range" | "date" | "web-address" | "text" }
  | { code: "one-of" | "option-list"; options: string[] }
  | { code: "number-between"; min: number; max: number }
  | { code: "number-at-least"; min: number }
  | { code: "number-at-most"; max: number }
  | { code: "too-long"; max: number }
  | { code: "too-short"; min: number };

/**
 * Why a measure has its status: its words are `explanation.<code>` in the message catalogue;
 * for "requirements", `explanation.requirements.one|other` with each group as `explanation.group`.
 */
export type Explanation =
  | { code: "does-not-apply" | "undecided" | "nothing-to-check" }
  | { code: "requirements"; status: Status; count: number; groups: { status: Status; ids: string[] }[] };

/** The engine's words: messages() returns it; a language is a catalogue with the same keys. */
export interface MessageCatalogue {
  language: string;
  status: string;
  note: string;
  messages: Record<string, string>;
}

/** A question still to answer, and what waits on it. */
export interface MissingQuestion {
  questionId: string;
  /** The first measure (in pack order) that needs it: `measureIds[0]`. */
  measureId: string;
  /** Every measure whose status waits on it (lists it in its `missing`), in pack order. */
  measureIds: string[];
  /** How many of the pack's questions, requirements, measures, form fields and chapters are asked or apply depending on its answer. */
  gates: number;
}

/** The report `evaluate` returns. Same input, same report (and digest), byte for byte. */
export interface QuestionState {
  id: string;
  asked: boolean;
  answer: "answered" | "unanswered" | "invalid";
}

export interface Report {
  title: string | null;
  engineVersion: string;
  packId: string;
  packVersion: string;
  packDigest: string;
  packTitle: string;
  disclaimer: string;
  assessmentDate: string | null;
  scope: ScopeResult;
  summary: {
    overall: Counts;
    chapters: { id: string; applicable: boolean | null; counts: Counts }[];
    crossChecks: { passed: number; tripped: number; notChecked: number };
  };
  chapters: ChapterResult[];
  /**
   * Every question of the pack, in pack order: whether it is asked now (its chapter applies and
   * its showIf holds on these answers) and how it is answered. Show exactly the asked ones.
   */
  questions: QuestionState[];
  /**
   * Questions still to answer, each once, what blocks compliance most first: by the number of
   * measures waiting on it (`measureIds.length`), then by `gates`, then pack order.
   */
  missing: MissingQuestion[];
  forms: FormResult[];
  crossChecks: CrossCheckResult[];
  findings: Finding[];
  /** "sha256:" + hex digest of the canonical report JSON with this field empty. */
  digest: string;
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
  verdict: "match" | "pack-differs" | "engine-differs" | "report-differs";
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
