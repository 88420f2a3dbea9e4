// Writes a report into the page: the scope decision, each chapter's and measure's results, the
// summary line and the findings. Only result elements change; inputs are never touched here.
import { h, setChildren, setText, show, domId } from "./dom.js";
import { updateForm } from "./doc-form.js";
import { hiddenText } from "./short-mode.js";
import { updateStillMissing } from "./still-missing.js";
import { trippedByQuestion } from "./consistency.js";
import { explanationText, problemText } from "./messages.js";
import { reasonText, obligationText, noteText, simplificationText, requirementText, kpiText } from "./texts.js";
import {
  statusBadge,
  updateStatusBadge,
  setBadgeKind,
  interpretationMark,
  unconfirmedMark,
  targetText,
  formatNumber,
  formatEuro,
  formatDate,
  answerText,
  statusLabel,
} from "./wording.js";

/** "8 measures: 6 met, 2 partly met." (zero counts left out). */
export function countsText(counts) {
  const parts = [
    [counts.met, "met"],
    [counts.partial, "partly met"],
    [counts.notMet, "not met"],
    [counts.unanswered, "unanswered"],
    [counts.notApplicable, "not applicable"],
  ]
    .filter(([n]) => n > 0)
    .map(([n, text]) => `${n} ${text}`);
  const noun = counts.total === 1 ? "measure" : "measures";
  return `${counts.total} ${noun}${parts.length ? `: ${parts.join(", ")}` : ""}.`;
}

/** The one-line summary for the aria-live region. */
export function summaryText(report) {
  const inScope = report.scope.inScope;
  const scope = inScope === true ? "In scope." : inScope === false ? "Not in scope." : "Scope not decided yet.";
  const tripped = report.summary.crossChecks?.tripped ?? 0;
  const contradictions = tripped
    ? ` ${tripped} consistency ${tripped === 1 ? "check finds" : "checks find"} a contradiction between your answers (see Consistency checks).`
    : "";
  const problems = report.findings.length;
  const findings = problems
    ? ` ${problems} ${problems === 1 ? "answer needs" : "answers need"} checking (marked at the question and listed at the end).`
    : "";
  return `${scope} ${countsText(report.summary.overall)}${contradictions}${findings}`;
}

function reasonItem(id) {
  const reason = reasonText(id);
  return h(
    "li",
    {},
    reason.text,
    " ",
    h("span", { className: "source" }, `(${reason.source})`),
    reason.interpretation ? [" ", interpretationMark()] : null,
  );
}

/** A three-valued decision in words: null is "not decided yet", never "no". */
function decided(value, yes = "Yes", no = "No") {
  return value === true ? yes : value === false ? no : "Not decided yet";
}

/** "By 2 August 2027", or from placing on the market (ComplianceDeadline). */
function deadlineText(deadline) {
  if (!deadline) return "Not applicable";
  if (deadline.rule === "by-date") return `By ${formatDate(deadline.date)}`;
  return `From placing on the market (the obligations apply from ${formatDate(deadline.date)} at the earliest)`;
}

/**
 * The reasons every applying obligation shares (that the model is a GPAI model, that you are its
 * provider, that it is on the EU market): said once under the verdict instead of under each of
 * eleven obligations. Only when at least two obligations apply. Out of scope (`inScope` false),
 * the reasons every obligation shares for not applying (that you are not the provider, say).
 */
export function sharedReasons(obligations, inScope = null) {
  const pool = obligations.filter((o) => inScope === false || o.applies === true);
  if (pool.length < 2) return [];
  return pool[0].reasons.filter((id) => pool.every((o) => o.reasons.includes(id)));
}

const OBLIGATION_BADGE = {
  true: ["badge-applies", "Applies"],
  false: ["badge-not-applicable", "Does not apply"],
  null: ["badge-undecided", "Not decided yet"],
};

/**
 * Renders the ScopeResult into `el`. `profileLabel(key)` gives a profile question's label and
 * `profileHref(key)` the link to its field, for the "still to answer" lists.
 */
export function renderScope(el, scope, profileLabel, profileHref) {
  const link = (key) => h("a", { href: profileHref(key) }, profileLabel(key));
  const undecided = scope.inScope === null;
  const verdict =
    scope.inScope === true
      ? "In scope: the AI Act’s rules for providers of general-purpose AI models apply to this model."
      : scope.inScope === false
        ? "Not in scope: on these answers, the AI Act’s rules for providers of general-purpose AI models do not apply."
        : "Not decided yet: whether the AI Act’s rules for providers of general-purpose AI models apply depends on answers still missing.";
  let systemicRisk = decided(scope.systemicRisk);
  if (scope.systemicRisk === false && scope.systemicRiskExpected) systemicRisk = "Not yet, but expected";
  // Figures that hold only if the model turns out to be in scope say so.
  const ifInScope = (text) => (undecided ? `If in scope: ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text);
  let fine = "Not applicable";
  if (scope.maxFineEur !== null) fine = ifInScope(formatEuro(scope.maxFineEur));
  else if (scope.inScope !== false) fine = ifInScope("Not computed (it depends on your worldwide annual turnover)");
  const facts = [
    ["General-purpose AI model", decided(scope.isGpaiModel)],
    ["You are its provider", decided(scope.isProvider)],
    ["Excluded as scientific research", decided(scope.excludedResearch)],
    ["Systemic risk", systemicRisk],
    ["Notify the Commission", decided(scope.notificationRequired, "Required", "Not required")],
    ["Open-source exemption", decided(scope.openSourceExempt, "Applies", "Does not apply")],
    ["Duties limited to your modification", decided(scope.limitedToModification)],
    ["Authorised representative in the EU", decided(scope.authorisedRepresentativeRequired, "Required", "Not required")],
    ["On the EU market before 2 August 2025", decided(scope.legacyModel)],
    ["Comply", scope.complianceDeadline ? ifInScope(deadlineText(scope.complianceDeadline)) : "Not applicable"],
    ["Fines can be imposed now", scope.finesEnforceableNow === null ? "Not known (give the date of this assessment)" : decided(scope.finesEnforceableNow)],
    ["Maximum fine", fine],
  ];
  const decidedBy = scope.decidedBy ?? [];
  const shared = scope.sharedReasons;
  const alsoMissing = scope.missingInputs.filter((key) => !decidedBy.includes(key));

  setChildren(
    el,
    h("p", { className: `verdict ${scope.inScope === true ? "verdict-in" : scope.inScope === false ? "verdict-out" : "verdict-undecided"}`, id: "scope-verdict" }, verdict),
    shared.length ? [h("h3", {}, "Why"), h("ul", { className: "reasons verdict-reasons" }, shared.map(reasonItem))] : null,
    decidedBy.length
      ? [
          h("h3", {}, "To decide, answer"),
          h("ul", { className: "still-to-answer-list", id: "scope-decided-by" }, decidedBy.map((key) => h("li", {}, link(key)))),
        ]
      : null,
    h("dl", { className: "facts" }, facts.map(([term, value]) => h("div", {}, h("dt", {}, term), h("dd", {}, value)))),
    alsoMissing.length
      ? [
          h("h3", {}, "Still to answer"),
          h("p", {}, "These profile answers would complete the figures above:"),
          h("ul", { className: "still-to-answer-list" }, alsoMissing.map((key) => h("li", {}, link(key)))),
        ]
      : null,
    h("h3", {}, "Obligations"),
    h(
      "ul",
      { className: "obligations" },
      scope.obligations.map((o) => {
        const [badgeClass, badgeText] = OBLIGATION_BADGE[String(o.applies)];
        const { article, title } = obligationText(o.id);
        const own = o.reasons.filter((id) => !shared.includes(id));
        const state = o.applies === true ? "applies" : o.applies === false ? "not-applies" : "undecided";
        return h(
          "li",
          { className: `obligation ${state}`, id: domId("obligation", o.id) },
          h("p", { className: "obligation-head" }, h("span", { className: `badge ${badgeClass}` }, badgeText), " ", h("strong", {}, article), ": ", title),
          own.length ? h("ul", { className: "reasons" }, own.map(reasonItem)) : null,
        );
      }),
    ),
    scope.notes.length ? [h("h3", {}, "Notes"), h("ul", { className: "reasons" }, scope.notes.map(reasonItem))] : null,
    scope.options.length ? [h("h3", {}, "Options"), h("ul", { className: "reasons" }, scope.options.map(reasonItem))] : null,
  );
}

/** Updates a chapter built by questionnaire.js from its ChapterResult. */
export function updateChapter(ref, result, counts) {
  // applicable is three-valued: null while the scope decision is undecided.
  const applies = result.applicable === true;
  show(ref.notApplicable, !applies);
  setText(
    ref.verdict,
    result.applicable === null
      ? "Not decided yet whether this chapter applies to you: answer the profile questions listed under “What the AI Act asks of you” first."
      : "This chapter does not apply to you.",
  );
  show(ref.body, applies);
  setText(ref.counts, applies && counts ? countsText(counts) : "");
  show(ref.counts, applies);
  if (!applies) replaceIfChanged(ref.reasons, result.reasons, () => result.reasons.map(reasonItem));
  const also = applies ? result.reasons.filter((id) => id === `${result.id}.also-applies`).map(reasonText) : [];
  show(ref.appliesNote, also.length > 0);
  replaceIfChanged(ref.appliesNote, also, () =>
    also.length ? [h("strong", {}, "Why this chapter applies: "), also.map((r) => [r.text, " ", h("span", { className: "source" }, `(${r.source})`)])] : null,
  );
  const simplifications = result.simplifications ?? [];
  show(ref.simplifications, applies && simplifications.length > 0);
  replaceIfChanged(ref.simplificationsList, simplifications, () => simplifications.map(simplificationItem));
  show(ref.notes, applies && result.notes.length > 0);
  replaceIfChanged(ref.notesList, result.notes, () =>
    result.notes.map((n) => h("li", {}, noteText(n.id).text, n.unconfirmed ? [" ", unconfirmedMark()] : null)),
  );
}

function simplificationItem(s) {
  const { text, reference } = simplificationText(s.id);
  return h(
    "li",
    { id: domId("simplification", s.id) },
    h("span", { className: "id" }, s.id),
    " ",
    text,
    " ",
    h("span", { className: "source" }, `(${reference})`),
    s.unconfirmed ? [" ", unconfirmedMark()] : null,
    s.measures.length
      ? h(
          "span",
          { className: "simplification-measures" },
          " For ",
          s.measures.length === 1 ? "measure " : "measures ",
          s.measures.map((m, i) => [i > 0 ? ", " : "", h("a", { href: `#${domId("measure", m)}` }, m)]),
          ".",
        )
      : null,
  );
}

// Result lists are rebuilt only when their data changed, so an open <details> or a focused link
// inside them survives evaluations that do not concern them.
function replaceIfChanged(el, data, build) {
  const key = JSON.stringify(data);
  if (el.dataset.rendered === key) return;
  el.dataset.rendered = key;
  setChildren(el, build());
}

const KIND_LABELS = {
  obligation: "Required",
  "obligation-variant": "Required (variant)",
  encouraged: "Encouraged",
  context: "Context",
  scope: "Scope",
  presumption: "Presumption",
  flexibility: "Flexibility",
  "sme-simplification": "SME simplification",
  examples: "Examples",
  definition: "Definition",
  indicators: "Indicators",
  exemption: "Exemption",
};

/**
 * Updates a measure built by questionnaire.js from its MeasureResult. `questions` maps question
 * ids to their references (for question texts and "still to answer" links).
 */
export function updateMeasure(ref, result, questions, smeNotes = true) {
  updateStatusBadge(ref.badge, result.status);
  const simplifications = smeNotes ? result.simplifications ?? [] : [];
  show(ref.simplificationNote, simplifications.length > 0);
  replaceIfChanged(ref.simplificationNote, simplifications, () =>
    simplifications.length
      ? [
          simplifications.length === 1 ? "Simplification for SMEs: " : "Simplifications for SMEs: ",
          simplifications.map((id, i) => [i > 0 ? ", " : "", h("a", { href: `#${domId("simplification", id)}` }, id)]),
        ]
      : null,
  );
  replaceIfChanged(ref.unconfirmed, result.unconfirmed, () => (result.unconfirmed ? [" ", unconfirmedMark()] : null));
  setText(ref.explanation, explanationText(result.explanation));

  // A needed question can be off screen only in short mode (a Form field for the AI Office only):
  // it is named without a link that would lead nowhere.
  const missing = result.missing.filter((qid) => questions.has(qid)).map((qid) => [qid, !questions.get(qid).root.hidden]);
  show(ref.missing, missing.length > 0 && result.status !== "not-applicable");
  replaceIfChanged(ref.missingList, missing, () =>
    missing.map(([qid, shown]) => {
      const q = questions.get(qid);
      return h("li", {}, shown ? h("a", { href: `#${q.focusId}` }, q.question.text) : [q.question.text, h("span", { className: "hint" }, " (left out in short mode)")]);
    }),
  );

  for (const requirement of result.requirements) {
    let row = ref.rows.get(requirement.id);
    if (!row) {
      row = buildRequirementRow(requirement);
      ref.rows.set(requirement.id, row);
      ref.requirementList.append(row.li);
    }
    updateRequirementRow(row, requirement, questions);
  }

  show(ref.kpis, result.kpis.length > 0);
  for (const kpi of result.kpis) {
    let row = ref.kpiRows.get(kpi.id);
    if (!row) {
      row = { li: h("li", { className: "kpi", id: domId("kpi", kpi.id) }) };
      ref.kpiRows.set(kpi.id, row);
      ref.kpiList.append(row.li);
    }
    replaceIfChanged(row.li, kpi, () => kpiContent(kpi));
  }
}

function buildRequirementRow(requirement) {
  const badge = statusBadge(requirement.status);
  const marks = h("span", { className: "marks" });
  const note = h("p", { className: "note", hidden: true });
  const traceList = h("ul", { className: "trace" });
  const li = h(
    "li",
    { className: "requirement", id: domId("req", requirement.id) },
    h(
      "p",
      { className: "requirement-head" },
      badge,
      " ",
      h("span", { className: "id" }, requirement.id),
      " ",
      h("span", { className: "kind" }, KIND_LABELS[requirement.kind] ?? requirement.kind),
      marks,
    ),
    h("p", { className: "requirement-text" }, requirementText(requirement.id).text),
    note,
  );
  const traceBox = h("details", { className: "trace-box" }, h("summary", {}, "How this was decided"), traceList);
  li.append(traceBox);
  return { li, badge, marks, note, traceList, traceBox };
}

function updateRequirementRow(row, requirement, questions) {
  const informational = requirement.trace.length > 0 && requirement.trace.every((t) => t.rule === "nothing-to-check");
  if (informational) {
    setBadgeKind(row.badge, "info");
    setText(row.badge, "Information");
  } else {
    updateStatusBadge(row.badge, requirement.status);
  }
  row.li.classList.toggle("not-counted", !requirement.counted);
  show(row.traceBox, !informational);
  replaceIfChanged(row.marks, [requirement.unconfirmed, requirement.counted, requirement.kind, requirement.status], () => [
    requirement.unconfirmed ? [" ", unconfirmedMark()] : null,
    !requirement.counted && requirement.kind === "encouraged" && requirement.status !== "not-applicable"
      ? [" ", h("span", { className: "mark" }, "does not decide the measure's status")]
      : null,
  ]);
  const { note, sourceLine } = requirementText(requirement.id);
  setText(row.note, note ? `Note: ${note}` : "");
  show(row.note, Boolean(note));
  replaceIfChanged(row.traceList, requirement.trace, () => requirement.trace.map((step) => traceItem(step, questions, sourceLine)));
}

function traceItem(step, questions, sourceLine) {
  const questionText = step.questionId ? `“${questions.get(step.questionId)?.question.text ?? step.questionId}”` : "";
  let what;
  switch (step.rule) {
    case "choice":
      what = `Your answer to ${questionText}: ${answerText(step.answer)}`;
      break;
    case "provided":
      what = `Details for ${questionText}: ${answerText(step.answer)}`;
      break;
    case "form-complete":
      what = "Every field of the Model Documentation Form (see above)";
      break;
    case "kpi":
      what = `Target ${step.kpiId ?? ""}: ${answerText(step.answer)}`;
      break;
    case "not-applicable":
      what = "Does not apply to you here";
      break;
    case "applicability-unknown":
      what = "Whether this applies depends on answers not given yet";
      break;
    case "nothing-to-check":
      what = "Information only: there is nothing to check";
      break;
    default:
      what = step.rule;
  }
  return h("li", {}, `${what} → ${statusLabel(step.outcome)} `, h("span", { className: "source" }, `(${sourceLine})`));
}

/** "ai_office_request_response" -> "AI office request response". */
function metricName(metric) {
  const words = metric.split("_").map((w) => (w === "ai" ? "AI" : w));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function kpiContent(kpi) {
  const { metric: metricId, unit, anchor } = kpiText(kpi.id);
  const metric = metricName(metricId);
  const value = kpi.value === null ? "not answered" : `${formatNumber(kpi.value)} ${unit}`;
  const hasTarget = kpi.comparator !== null && kpi.target !== null;
  const target = hasTarget ? targetText(kpi.comparator, kpi.target, unit) : "no number set by the Code";
  let badge;
  if (kpi.pass === true) badge = h("span", { className: "badge badge-met" }, "Pass");
  else if (kpi.pass === false) badge = h("span", { className: "badge badge-not-met" }, "Fail");
  else if (!hasTarget) badge = h("span", { className: "badge badge-info" }, "No number set by the Code");
  else badge = h("span", { className: "badge badge-unanswered" }, "Not answered");
  return [
    h("p", { className: "kpi-head" }, badge, " ", h("span", { className: "id" }, kpi.id), " ", metric, kpi.unconfirmed ? [" ", unconfirmedMark()] : null),
    h("p", {}, `Yours: ${value}. Target: ${target} (${anchor}).`),
  ];
}

/** The findings list, with links to the questions that are on screen. */
export function renderFindings(section, list, findings, questions) {
  show(section, findings.length > 0);
  const items = findings.map((f) => {
    const q = questions.get(f.questionId);
    return { ...f, known: Boolean(q), visible: Boolean(q && !q.root.hidden && !q.root.closest("[hidden]")) };
  });
  replaceIfChanged(list, items, () =>
    items.map((f) => {
      const q = questions.get(f.questionId);
      let target = h("span", { className: "id" }, f.questionId);
      if (f.visible) target = h("a", { href: `#${q.focusId}` }, q.question.text);
      else if (f.known) target = h("span", {}, `${q.question.text} (not asked on your current answers)`);
      return h(
        "li",
        { className: `finding-item finding-${f.severity}` },
        h("strong", {}, f.severity === "error" ? "Error" : "Warning"),
        ": ",
        target,
        " — ",
        problemText(f.problem),
      );
    }),
  );
}

/**
 * Applies a report to a built questionnaire: every chapter's and measure's results, each
 * question's findings and tripped cross-checks, the note on what the short mode leaves out of a
 * measure (`hidden`: measure id -> counts, the mode named `modeName`), the documentation forms,
 * and the "Still missing" panel (`stillMissing`, from still-missing.js, after the questions'
 * visibility is known). Shared by the page and the
 * <gpai-check> element.
 */
export function applyReport(questionnaire, report, hidden, modeName, stillMissing = null) {
  const counts = new Map(report.summary.chapters.map((c) => [c.id, c.counts]));
  for (const chapter of report.chapters) {
    const ref = questionnaire.chapters.get(chapter.id);
    if (!ref) continue;
    updateChapter(ref, chapter, counts.get(chapter.id));
    const smeNotes = (chapter.simplifications ?? []).length > 0;
    for (const measure of chapter.measures) {
      const measureRef = questionnaire.measures.get(measure.id);
      if (!measureRef) continue;
      updateMeasure(measureRef, measure, questionnaire.questions, smeNotes);
      const left = hidden.get(measure.id);
      setText(measureRef.shortNote, left ? `${modeName} leaves out ${hiddenText(left)}.` : "");
      show(measureRef.shortNote, Boolean(left));
    }
  }
  for (const form of report.forms ?? []) {
    const formRef = questionnaire.forms.get(form.id);
    if (formRef) updateForm(formRef, form, questionnaire.questions);
  }
  markQuestions(questionnaire.questions, report);
  if (stillMissing) updateStillMissing(stillMissing, report, questionnaire, modeName);
}

/** Puts each answer's findings and the cross-checks it trips under its question. */
function markQuestions(questions, report) {
  const messages = new Map();
  for (const finding of report.findings) messages.set(finding.questionId, [...(messages.get(finding.questionId) ?? []), problemText(finding.problem)]);
  const tripped = trippedByQuestion(report.crossChecks ?? []);
  for (const [id, q] of questions) {
    const message = messages.has(id) ? `Check this answer: ${messages.get(id).join(" ")}` : null;
    if (q.shownFinding !== message) {
      q.shownFinding = message;
      q.setFinding(message);
    }
    const checks = tripped.get(id) ?? [];
    const key = checks.map((c) => c.id).join(" ");
    if (q.shownCrossChecks !== key) {
      q.shownCrossChecks = key;
      q.setCrossChecks(checks);
    }
  }
}
