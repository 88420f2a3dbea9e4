// Generated from the report's Rust types (via schemars) by tests/schema.rs: do not edit.
// After an intended change: UPDATE_GOLDEN=1 cargo test --test schema

/** Whether a question has an answer the engine can use. */
export type AnswerState =
  /** A valid answer. */
  | "answered"
  /** No answer (or null). */
  | "unanswered"
  /** An answer that does not fit the question; a finding says why. */
  | "invalid";

/** Counts for one chapter. */
export interface ChapterCounts {
  /** Whether the chapter applies; null while the scope decision is undecided. */
  applicable: boolean | null;
  /** Its measure counts. */
  counts: Counts;
  /** Chapter id. */
  id: string;
}

/** One chapter's results. */
export interface ChapterResult {
  /** Whether it applies; null while the scope decision is undecided. */
  applicable: boolean | null;
  /** Chapter id (its title and summary: the pack's chapter of that id). */
  id: string;
  /** Its measures. */
  measures: MeasureResult[];
  /** Chapter notes that hold for this provider. */
  notes: NoteResult[];
  /** The AI Act obligations behind it. */
  obligations: string[];
  /**
   * Why it applies or not: the reason ids of its obligations from the scope decision, and
   * `<chapter>.also-applies` when only the pack's own condition makes it apply.
   */
  reasons: Reason[];
  /** SME and small mid-cap simplifications (listed when the profile says SME or SMC). */
  simplifications: SimplificationResult[];
}

/** A comparison operator for KPIs. */
export type Comparator =
  /** Value at most the target. */
  | "<="
  /** Value at least the target. */
  | ">="
  /** Value below the target. */
  | "<"
  /** Value above the target. */
  | ">"
  /** Value equal to the target. */
  | "==";

/** When the obligations must be met. */
export interface ComplianceDeadline {
  /**
   * The date for `by-date` (2027-08-02 for models placed before 2 August 2025); for
   * `from-placing-on-market`, the date from which the obligations apply at the earliest.
   */
  date: string;
  /** Which rule sets the date. */
  rule: DeadlineRule;
}

/** Counts of measure statuses. */
export interface Counts {
  /** Measures met. */
  met: number;
  /** Measures not applicable. */
  notApplicable: number;
  /** Measures not met. */
  notMet: number;
  /** Measures partly met. */
  partial: number;
  /** All measures. */
  total: number;
  /** Measures not answered yet. */
  unanswered: number;
}

/** How many cross-checks passed, tripped, or could not be checked yet. */
export interface CrossCheckCounts {
  /** An answer it needs is missing. */
  notChecked: number;
  /** No contradiction. */
  passed: number;
  /** A contradiction was found. */
  tripped: number;
}

/** One cross-check's result. */
export interface CrossCheckResult {
  /** Id, e.g. `X-01`. */
  id: string;
  /** The questions it reads. */
  questions: string[];
  /** Outcome. */
  status: CrossCheckStatus;
}

/** Outcome of a cross-check. */
export type CrossCheckStatus =
  /** The answers agree. */
  | "passed"
  /** The answers contradict each other. */
  | "tripped"
  /** An answer it needs is missing. */
  | "not-checked";

/** The rule behind a compliance deadline. */
export type DeadlineRule =
  /** Placed on the market before 2 August 2025: comply by the date (Art 111(3)). */
  | "by-date"
  /** The obligations apply from placing on the market, not before the date (Art 113(b)). */
  | "from-placing-on-market";

/**
 * Why a measure has its status: a code with parameters. In JSON, `{ "code": "requirements",
 * "status", "count", "groups": [{ "status", "ids" }] }` or `{ "code": "does-not-apply" }`.
 */
export type Explanation =
  /** The measure does not apply to this provider (its chapter's reasons say why). */
  | {
    code: "does-not-apply";
  }
  /** Whether it applies waits for the scope decision. */
  | {
    code: "undecided";
  }
  /** It applies, but none of its requirements decides its status. */
  | {
    code: "nothing-to-check";
  }
  /**
   * `count` required items decide the `status`; `groups` lists them by status (met, partly
   * met, not met, unanswered; empty groups left out).
   */
  | {
    code: "requirements";
    /** How many required items count. */
    count: number;
    /** The counted items by status. */
    groups: ExplanationGroup[];
    /** The measure's status. */
    status: Status;
  };

/** Requirements of one status, in an [`Explanation`]. */
export interface ExplanationGroup {
  /** Their ids, in pack order. */
  ids: string[];
  /** Their status. */
  status: Status;
}

/** A problem in the answers. */
export interface Finding {
  /** What kind. */
  code: FindingCode;
  /** What is wrong, as a code with parameters (the words: `messages::problem`). */
  problem: Problem;
  /** The answer's key. */
  questionId: string;
  /** How serious. */
  severity: Severity;
}

/** What kind of problem a finding is. */
export type FindingCode =
  /** An answer to an id the pack does not know. */
  | "unknown-question"
  /** An answer that does not fit its question. */
  | "invalid-answer";

/** Completeness of a documentation form. */
export interface FormResult {
  /** Required fields answered. */
  answered: number;
  /** Whether its chapter applies. */
  applicable: boolean;
  /** Form id, e.g. `MDF`. */
  id: string;
  /** The measure that asks for it. */
  measureId: string;
  /** Precision rules of the answered number fields. */
  precision: PrecisionResult[];
  /** Per recipient column. */
  recipients: RecipientCompleteness[];
  /** Required fields. */
  total: number;
}

/** One KPI's result. */
export interface KpiResult {
  /** How it is compared; null when the Code sets no number. */
  comparator: Comparator | null;
  /** KPI id. */
  id: string;
  /** Pass or fail; null when unanswered or when the Code sets no number. */
  pass: boolean | null;
  /** The question holding the provider's figure. */
  questionId: string;
  /** The requirement it belongs to. */
  requirementId: string;
  /** The Code's number; null when it sets none. */
  target: number | null;
  /** Whether the KPI rests on an unconfirmed source. */
  unconfirmed: boolean;
  /** The provider's figure. */
  value: number | null;
}

/** One measure's result. */
export interface MeasureResult {
  /** The commitment it belongs to. */
  commitmentId: string;
  /**
   * Why, as a code with parameters (the words: `messages::explanation`, or the page's
   * message catalogue).
   */
  explanation: Explanation;
  /** The Code's id. */
  id: string;
  /** Each KPI's result. */
  kpis: KpiResult[];
  /** Question ids still to answer for this measure. */
  missing: string[];
  /** Each requirement's result. */
  requirements: RequirementResult[];
  /** Ids of SME/SMC simplifications that concern this measure (when the profile says SME or SMC). */
  simplifications: string[];
  /** Status. */
  status: Status;
  /** Whether the measure rests on an unconfirmed source. */
  unconfirmed: boolean;
}

/** A question still to answer. */
export interface MissingQuestion {
  /**
   * How many of the pack's questions, requirements, measures, form fields and chapters are
   * asked or apply depending on its answer (their `showIf` or `appliesIf` refers to it).
   */
  gates: number;
  /** The first measure (in pack order) that needs it; `measure_ids[0]`. */
  measureId: string;
  /** Every measure whose status waits on it (lists it in its `missing`), in pack order. */
  measureIds: string[];
  /** Question id. */
  questionId: string;
}

/** A chapter note shown in the report. */
export interface NoteResult {
  /** Note id. */
  id: string;
  /** Whether its source is unconfirmed. */
  unconfirmed: boolean;
}

/** One obligation of the AI Act and whether it applies. */
export interface ObligationResult {
  /** Whether it applies to this profile; null when undecided on these answers. */
  applies: boolean | null;
  /** The profile inputs whose answers would decide it, in the order to ask them. */
  decidedBy: string[];
  /** Obligation id, e.g. `art53_1c` (its article and title: `scopeTexts().obligations`). */
  id: string;
  /** Why: reason ids, in the order they apply. */
  reasons: Reason[];
}

/** One precision check. */
export interface PrecisionResult {
  /** Field id. */
  fieldId: string;
  /** Significant figures written. */
  found: number | null;
  /** Whether the answer keeps the rule. */
  pass: boolean;
  /** Its question. */
  questionId: string;
  /** Significant figures required. */
  required: number | null;
  /** The rule. */
  rule: PrecisionRule;
}

/** The kinds of precision rule. */
export type PrecisionRule =
  /** At least N significant figures. */
  | "significant-figures"
  /** Only a power of ten. */
  | "order-of-magnitude";

/**
 * What is wrong with an answer: a code with what the words need. In JSON, `{ "code":
 * "one-of", "options": [...] }`, `{ "code": "number-between", "min", "max" }`, ...
 */
export type Problem =
  /** An answer to an id the pack does not know: kept, not used. */
  | {
    code: "unknown-question";
  }
  /** Not one of the question's options. */
  | {
    code: "one-of";
    /** The option ids. */
    options: string[];
  }
  /** Not a list of the question's options. */
  | {
    code: "option-list";
    /** The option ids. */
    options: string[];
  }
  /** An option chosen twice. */
  | {
    code: "repeated-option";
  }
  /** NaN or an infinity. */
  | {
    code: "finite-number";
  }
  /** Outside the question's range. */
  | {
    code: "number-between";
    /** Largest allowed. */
    max: number;
    /** Smallest allowed. */
    min: number;
  }
  /** Below the question's minimum. */
  | {
    code: "number-at-least";
    /** Smallest allowed. */
    min: number;
  }
  /** Above the question's maximum. */
  | {
    code: "number-at-most";
    /** Largest allowed. */
    max: number;
  }
  /** Not a number. */
  | {
    code: "number";
  }
  /** Not a quantity (`2.4e25`, `7.3x10^10`). */
  | {
    code: "quantity";
  }
  /** Not a quantity, nor N/A where the question allows it. */
  | {
    code: "quantity-or-not-applicable";
  }
  /** A quantity outside the question's range. */
  | {
    code: "quantity-range";
  }
  /** Longer than the engine's limit. */
  | {
    code: "too-long";
    /** Characters allowed. */
    max: number;
  }
  /** Shorter than the question asks for. */
  | {
    code: "too-short";
    /** Characters needed. */
    min: number;
  }
  /** Not a real date written YYYY-MM-DD. */
  | {
    code: "date";
  }
  /** Not a web address. */
  | {
    code: "web-address";
  }
  /** Not a text. */
  | {
    code: "text";
  };

/** One question as the evaluation sees it. */
export interface QuestionState {
  /** How it is answered. */
  answer: AnswerState;
  /** Asked now: its chapter applies and its `showIf` holds on these answers. */
  asked: boolean;
  /** Question id. */
  id: string;
}

/**
 * A reason or note, by the id of its text in the scope data (`scopeTexts().reasons`): the
 * paraphrase, the article or Guidelines paragraph it rests on, and whether it is the tool's
 * reading are joined at render time ([`Reason::spec`]). A chapter's own reason
 * (`<chapter>.also-applies`) takes its text from the pack. In JSON, the id as a string.
 */
export type Reason = string;

/** Who a Form item is for (Model Documentation Form columns). */
export type Recipient =
  /** The AI Office, on request. */
  | "AIO"
  /** National competent authorities, through an AI Office request. */
  | "NCA"
  /** Downstream providers, proactively. */
  | "DP";

/** Completeness for one recipient. */
export interface RecipientCompleteness {
  /** Its fields answered. */
  answered: number;
  /** Field ids still empty. */
  missing: string[];
  /** The recipient. */
  recipient: Recipient;
  /** Its fields. */
  total: number;
}

/** What kind of statement a requirement is; only obligations decide a measure's status. */
export type RequirementKind =
  /** Something the provider must do. */
  | "obligation"
  /** A variant of an obligation for a special case (e.g. open-source releases). */
  | "obligation-variant"
  /** Encouraged, not required: evaluated and shown, never counted. */
  | "encouraged"
  /** Background that explains the measure; nothing to check. */
  | "context"
  /** Says what the measure covers; nothing to check. */
  | "scope"
  /** A presumption the Code states (e.g. what counts as adequate). */
  | "presumption"
  /** A flexibility the Code grants. */
  | "flexibility"
  /** A simplification for SMEs and small mid-caps. */
  | "sme-simplification"
  /** Examples given by the Code. */
  | "examples"
  /** A definition. */
  | "definition"
  /** Indicators the Code lists. */
  | "indicators"
  /** An exemption. */
  | "exemption";

/** One requirement's result, with the trace that produced it. */
export interface RequirementResult {
  /** Whether it decides the measure's status (obligations that apply). */
  counted: boolean;
  /** The reference's id, e.g. `C-1.3-R1`. */
  id: string;
  /** Kind of statement. */
  kind: RequirementKind;
  /** Status. */
  status: Status;
  /** Which answers, through which rule, gave the status. */
  trace: TraceStep[];
  /** Whether it rests on an unconfirmed source. */
  unconfirmed: boolean;
}

/** The rule a trace step applied. */
export type Rule =
  /** An applicability condition did not hold. */
  | "not-applicable"
  /** Whether the item applies depends on a question not answered yet. */
  | "applicability-unknown"
  /** Every required field of a documentation form was looked at. */
  | "form-complete"
  /** Context with nothing to check. */
  | "nothing-to-check"
  /** A choice answer was compared with the accepted options. */
  | "choice"
  /** Evidence was required to be present. */
  | "provided"
  /** A KPI figure was compared with the Code's target. */
  | "kpi";

/**
 * The scope decision for one profile.
 * 
 * Each decision is three-valued: `Some(true)`, `Some(false)`, or `None` for *undecided on these
 * answers* — some completion of the unanswered profile inputs would make it true and another
 * false. `decided_by` lists the inputs whose answers would decide it, in the order to ask them.
 */
export interface ScopeResult {
  /** An authorised representative is required (Art 54). */
  authorisedRepresentativeRequired: boolean | null;
  /** When the obligations must be met; null when the model is out of scope. */
  complianceDeadline: ComplianceDeadline | null;
  /**
   * Profile inputs whose answers would decide what is still undecided (any field above that
   * is null, or an obligation that is), in the order to ask them. Empty when all is decided.
   */
  decidedBy: string[];
  /**
   * The unanswered profile inputs whose assumed answer (the reference default) decides the
   * verdict: with any other answer, `inScope` would differ. In the order the scope questions
   * are asked, so that a person whom an assumption does not fit (not the provider, say)
   * learns it at once.
   */
  decisiveAssumptions: string[];
  /**
   * Excluded as research, development or prototyping (Art 2(6), 2(8), 3(63)). Always decided:
   * its inputs have defaults.
   */
  excludedResearch: boolean;
  /** Whether fines are enforceable on the assessment date; null without an assessment date. */
  finesEnforceableNow: boolean | null;
  /** GPAI model, provider and EU placement: Chapter V applies. */
  inScope: boolean | null;
  /** The model is a GPAI model (Art 3(63)). */
  isGpaiModel: boolean | null;
  /** The organisation is the provider of that model (Art 3(3)). */
  isProvider: boolean | null;
  /** Placed on the market before 2 August 2025 (Art 111(3)). */
  legacyModel: boolean | null;
  /** Art 53 duties cover only the provider's modification (recital 109; Guidelines para 68). */
  limitedToModification: boolean | null;
  /** The Art 101(1) maximum fine in EUR; null when out of scope or without turnover. */
  maxFineEur: number | null;
  /**
   * Profile inputs that are unknown but would change or confirm this decision: `decided_by`
   * and the inputs of figures shown beside it (the turnover behind the maximum fine).
   */
  missingInputs: string[];
  /** Notes that matter for this profile (deadlines, signatory status, interpretations). */
  notes: Reason[];
  /** An Art 52(1) notification is required. */
  notificationRequired: boolean | null;
  /** Every obligation with whether it applies and why. */
  obligations: ObligationResult[];
  /** The open-source exemption applies (Art 53(2), 54(6)). */
  openSourceExempt: boolean | null;
  /** Rights and options open to the provider (contest, reassessment, voluntary commitments). */
  options: Reason[];
  /**
   * The reasons every applying obligation shares (that the model is a GPAI model, that you
   * are its provider, that it is on the EU market), to be said once beside the verdict rather
   * than under each obligation; out of scope, the reasons every obligation shares for not
   * applying. Empty when fewer than two obligations apply. In the order of the first
   * obligation's reasons.
   */
  sharedReasons: Reason[];
  /** GPAI model with systemic risk (Art 51). */
  systemicRisk: boolean | null;
  /** Planned compute will cross 10^25 FLOP but has not yet (classification follows crossing). */
  systemicRiskExpected: boolean | null;
}

/** How serious a finding is. */
export type Severity =
  /** Kept, but has no effect. */
  | "warning"
  /** Must be corrected; counts as unanswered meanwhile. */
  | "error";

/** A simplification that applies to this provider, and where. */
export interface SimplificationResult {
  /** Id, e.g. `SME-4`. */
  id: string;
  /** The measures it concerns. */
  measures: string[];
  /** Whether its source is unconfirmed. */
  unconfirmed: boolean;
}

/** The status of a measure or requirement. */
export type Status =
  /** Every counted requirement is met. */
  | "met"
  /** An answer shows a gap: something is partly met, or met and not met are mixed. */
  | "partial"
  /** Nothing answered is met. */
  | "not-met"
  /** The measure or requirement does not apply to this provider. */
  | "not-applicable"
  /** No answer shows a gap, but something is still unanswered. */
  | "unanswered";

/** Summary counts. */
export interface Summary {
  /** Per chapter, in pack order. */
  chapters: ChapterCounts[];
  /** Cross-check outcomes. */
  crossChecks: CrossCheckCounts;
  /** Over every measure of the pack. */
  overall: Counts;
}

/** The answer a trace step used: an option id or a text, the option ids of a multiple choice, or a number. */
export type TraceAnswer = string | string[] | number;

/** One step of a trace. */
export interface TraceStep {
  /** The answer used (null when unanswered). */
  answer: TraceAnswer | null;
  /** The KPI compared. */
  kpiId: string | null;
  /** What this step gave. */
  outcome: Status;
  /** The question whose answer was used. */
  questionId: string | null;
  /** The rule applied. */
  rule: Rule;
}

/** The whole evaluation of one submission. */
export interface Report {
  /** The assessment date used for date-dependent results. */
  assessmentDate: string | null;
  /** Per chapter, the measures and their results. */
  chapters: ChapterResult[];
  /** Contradictions between answers, each passed, tripped or not yet checkable. */
  crossChecks: CrossCheckResult[];
  /**
   * `sha256:` digest of this report's canonical JSON with this field empty; empty until the report
   * is sealed (`evaluate()` does not seal; `sealedReport`, a bundle or a renderer does).
   */
  digest: string;
  /** Engine version that produced the report. */
  engineVersion: string;
  /** Problems found in the answers. */
  findings: Finding[];
  /**
   * The report format: 2. A report holds ids, statuses, values and codes with parameters;
   * the words (titles, requirement texts, sources) are joined at render time from the pack
   * (`pack(id)`), the scope texts (`scopeTexts()`) and the message catalogue (`messages()`).
   */
  formatVersion: number;
  /** Documentation forms: completeness per recipient and precision. */
  forms: FormResult[];
  /**
   * Questions still to answer, each once, what blocks compliance most first: by the number
   * of measures waiting on it, then by how many items its answer decides, then pack order.
   */
  missing: MissingQuestion[];
  /** Pack digest fixed at build time. */
  packDigest: string;
  /** Pack id. */
  packId: string;
  /** Pack version. */
  packVersion: string;
  /**
   * Every question of the pack, in pack order: whether it is asked now and how it is answered.
   * The page shows exactly the questions marked asked; no other code decides that.
   */
  questions: QuestionState[];
  /** The AI Act scope decision. */
  scope: ScopeResult;
  /** Counts overall and per chapter. */
  summary: Summary;
  /** The submission's title, if it gave one. */
  title: string | null;
}
