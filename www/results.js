// Writes a report into the page: the scope decision, each chapter's and measure's results, the
// summary line and the findings. Only result elements change; inputs are never touched here.
import { h, setChildren, setText, show, domId } from "./dom.js";
import { updateForm } from "./doc-form.js";
import { hiddenText } from "./short-mode.js";
import { updateStillMissing } from "./still-missing.js";
import { trippedByQuestion } from "./consistency.js";
import { explanationText, problemText } from "./messages.js";
import { t, tc } from "./catalogue.js";
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
    [counts.partial, "partial"],
    [counts.notMet, "not-met"],
    [counts.unanswered, "unanswered"],
    [counts.notApplicable, "not-applicable"],
  ]
    .filter(([n]) => n > 0)
    .map(([n, key]) => tc(`counts.${key}`, n));
  const measures = tc("counts.measures", counts.total);
  return parts.length ? t("counts.line", { measures, parts: parts.join(", ") }) : t("counts.line.empty", { measures });
}

/** The one-line summary for the aria-live region. */
export function summaryText(report) {
  const inScope = report.scope.inScope;
  const scope = t(inScope === true ? "summary.in-scope" : inScope === false ? "summary.not-in-scope" : "summary.undecided");
  const tripped = report.summary.crossChecks?.tripped ?? 0;
  const problems = report.findings.length;
  return [
    scope,
    countsText(report.summary.overall),
    tripped ? tc("summary.contradictions", tripped) : null,
    problems ? tc("summary.findings", problems) : null,
  ]
    .filter(Boolean)
    .join(" ");
}

function reasonItem(id) {
  const reason = reasonText(id);
  return h(
    "li",
    {},
    reason.text,
    " ",
    citation(`(${reason.source})`),
    reason.interpretation ? [" ", interpretationMark()] : null,
  );
}

/** A three-valued decision in words: null is "not decided yet", never "no". */
function decided(value, yes = "decision.yes", no = "decision.no") {
  return t(value === true ? yes : value === false ? no : "decision.undecided");
}

/** A source citation, e.g. "(Art 53(1)(a))": the same in every language (docs/locales.md). */
function citation(text) {
  return h("span", { className: "source", translate: "no", dataset: { citation: "" } }, text);
}

/** "By 2 August 2027", or from placing on the market (ComplianceDeadline). */
function deadlineText(deadline, ifInScope) {
  if (!deadline) return t("scope.not-applicable");
  return ifInScope(deadline.rule === "by-date" ? "scope.deadline.by-date" : "scope.deadline.from-placing", { date: formatDate(deadline.date) });
}

const OBLIGATION_BADGE = {
  true: ["badge-applies", "obligation.applies"],
  false: ["badge-not-applicable", "obligation.does-not-apply"],
  null: ["badge-undecided", "decision.undecided"],
};

/**
 * Renders the ScopeResult into `el`. `profileLabel(key)` gives a profile question's label and
 * `profileHref(key)` the link to its field, for the "still to answer" lists.
 */
export function renderScope(el, scope, profileLabel, profileHref) {
  const link = (key) => h("a", { href: profileHref(key) }, profileLabel(key));
  const undecided = scope.inScope === null;
  const verdict = t(scope.inScope === true ? "scope.verdict.in" : scope.inScope === false ? "scope.verdict.out" : "scope.verdict.undecided");
  let systemicRisk = decided(scope.systemicRisk);
  if (scope.systemicRisk === false && scope.systemicRiskExpected) systemicRisk = t("scope.systemic-risk.expected");
  // Figures that hold only if the model turns out to be in scope say so (each its own sentence:
  // "If in scope: …" does not start every language's phrase the same way).
  const ifInScope = (key, params) => t(undecided ? `${key}.if-in-scope` : key, params);
  let fine = t("scope.not-applicable");
  if (scope.maxFineEur !== null) fine = ifInScope("scope.fine.amount", { amount: formatEuro(scope.maxFineEur) });
  else if (scope.inScope !== false) fine = ifInScope("scope.fine.not-computed");
  const facts = [
    ["scope.fact.gpai", decided(scope.isGpaiModel)],
    ["scope.fact.provider", decided(scope.isProvider)],
    ["scope.fact.research", decided(scope.excludedResearch)],
    ["scope.fact.systemic-risk", systemicRisk],
    ["scope.fact.notify", decided(scope.notificationRequired, "decision.required", "decision.not-required")],
    ["scope.fact.open-source", decided(scope.openSourceExempt, "obligation.applies", "obligation.does-not-apply")],
    ["scope.fact.modification", decided(scope.limitedToModification)],
    ["scope.fact.representative", decided(scope.authorisedRepresentativeRequired, "decision.required", "decision.not-required")],
    ["scope.fact.legacy", decided(scope.legacyModel), { date: formatDate("2025-08-02") }],
    ["scope.fact.comply", scope.complianceDeadline ? deadlineText(scope.complianceDeadline, ifInScope) : t("scope.not-applicable")],
    ["scope.fact.fines-now", scope.finesEnforceableNow === null ? t("scope.fines-now.unknown") : decided(scope.finesEnforceableNow)],
    ["scope.fact.max-fine", fine],
  ];
  const decidedBy = scope.decidedBy ?? [];
  const shared = scope.sharedReasons;
  const alsoMissing = scope.missingInputs.filter((key) => !decidedBy.includes(key));

  setChildren(
    el,
    h("p", { className: `verdict ${scope.inScope === true ? "verdict-in" : scope.inScope === false ? "verdict-out" : "verdict-undecided"}`, id: "scope-verdict" }, verdict),
    shared.length ? [h("h3", {}, t("scope.why")), h("ul", { className: "reasons verdict-reasons" }, shared.map(reasonItem))] : null,
    decidedBy.length
      ? [
          h("h3", {}, t("scope.to-decide")),
          h("ul", { className: "still-to-answer-list", id: "scope-decided-by" }, decidedBy.map((key) => h("li", {}, link(key)))),
        ]
      : null,
    h("dl", { className: "facts" }, facts.map(([term, value, params]) => h("div", {}, h("dt", {}, t(term, params)), h("dd", {}, value)))),
    alsoMissing.length
      ? [
          h("h3", {}, t("scope.still-to-answer")),
          h("p", {}, t("scope.still-to-answer.hint")),
          h("ul", { className: "still-to-answer-list" }, alsoMissing.map((key) => h("li", {}, link(key)))),
        ]
      : null,
    h("h3", {}, t("scope.obligations")),
    h(
      "ul",
      { className: "obligations" },
      scope.obligations.map((o) => {
        const [badgeClass, badgeKey] = OBLIGATION_BADGE[String(o.applies)];
        const { article, title } = obligationText(o.id);
        const own = o.reasons.filter((id) => !shared.includes(id));
        const state = o.applies === true ? "applies" : o.applies === false ? "not-applies" : "undecided";
        return h(
          "li",
          { className: `obligation ${state}`, id: domId("obligation", o.id) },
          h("p", { className: "obligation-head" }, h("span", { className: `badge ${badgeClass}` }, t(badgeKey)), " ", h("strong", { translate: "no", dataset: { citation: "" } }, article), ": ", title),
          own.length ? h("ul", { className: "reasons" }, own.map(reasonItem)) : null,
        );
      }),
    ),
    scope.notes.length ? [h("h3", {}, t("scope.notes")), h("ul", { className: "reasons" }, scope.notes.map(reasonItem))] : null,
    scope.options.length ? [h("h3", {}, t("scope.options")), h("ul", { className: "reasons" }, scope.options.map(reasonItem))] : null,
  );
}

/** Updates a chapter built by questionnaire.js from its ChapterResult. */
export function updateChapter(ref, result, counts) {
  // applicable is three-valued: null while the scope decision is undecided.
  const applies = result.applicable === true;
  show(ref.notApplicable, !applies);
  setText(
    ref.verdict,
    t(result.applicable === null ? "chapter.undecided" : "chapter.does-not-apply"),
  );
  show(ref.body, applies);
  setText(ref.counts, applies && counts ? countsText(counts) : "");
  show(ref.counts, applies);
  if (!applies) replaceIfChanged(ref.reasons, result.reasons, () => result.reasons.map(reasonItem));
  const also = applies ? result.reasons.filter((id) => id === `${result.id}.also-applies`).map(reasonText) : [];
  show(ref.appliesNote, also.length > 0);
  replaceIfChanged(ref.appliesNote, also, () =>
    also.length ? [h("strong", {}, t("chapter.why-applies")), " ", also.map((r) => [r.text, " ", citation(`(${r.source})`)])] : null,
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
    citation(`(${reference})`),
    s.unconfirmed ? [" ", unconfirmedMark()] : null,
    s.measures.length
      ? h(
          "span",
          { className: "simplification-measures" },
          " ",
          tc("simplification.for-measures", s.measures.length),
          " ",
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

/** A requirement's kind in words ("Required", "Encouraged"…); `requirement.kind.<kind>`. */
const KINDS = new Set(["obligation", "obligation-variant", "encouraged", "context", "scope", "presumption", "flexibility", "sme-simplification", "examples", "definition", "indicators", "exemption"]);

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
          tc("measure.sme-simplifications", simplifications.length),
          " ",
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
      return h("li", {}, shown ? h("a", { href: `#${q.focusId}` }, q.question.text) : [q.question.text, " ", h("span", { className: "hint" }, t("measure.left-out-short"))]);
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
      h("span", { className: "kind" }, KINDS.has(requirement.kind) ? t(`requirement.kind.${requirement.kind}`) : requirement.kind),
      marks,
    ),
    h("p", { className: "requirement-text" }, requirementText(requirement.id).text),
    note,
  );
  const traceBox = h("details", { className: "trace-box" }, h("summary", {}, t("requirement.how-decided")), traceList);
  li.append(traceBox);
  return { li, badge, marks, note, traceList, traceBox };
}

function updateRequirementRow(row, requirement, questions) {
  const informational = requirement.trace.length > 0 && requirement.trace.every((t) => t.rule === "nothing-to-check");
  if (informational) {
    setBadgeKind(row.badge, "info");
    setText(row.badge, t("requirement.information"));
  } else {
    updateStatusBadge(row.badge, requirement.status);
  }
  row.li.classList.toggle("not-counted", !requirement.counted);
  show(row.traceBox, !informational);
  replaceIfChanged(row.marks, [requirement.unconfirmed, requirement.counted, requirement.kind, requirement.status], () => [
    requirement.unconfirmed ? [" ", unconfirmedMark()] : null,
    !requirement.counted && requirement.kind === "encouraged" && requirement.status !== "not-applicable"
      ? [" ", h("span", { className: "mark" }, t("requirement.not-counted"))]
      : null,
  ]);
  const { note, sourceLine } = requirementText(requirement.id);
  setText(row.note, note ? t("requirement.note", { note }) : "");
  show(row.note, Boolean(note));
  replaceIfChanged(row.traceList, requirement.trace, () => requirement.trace.map((step) => traceItem(step, questions, sourceLine)));
}

/** The rules a trace step can name, each with its words (`trace.<rule>`). */
const TRACE_RULES = new Set(["choice", "provided", "form-complete", "kpi", "not-applicable", "applicability-unknown", "nothing-to-check"]);

/** The answers of the yes/partly/no questions, named in the trace by `trace.answer.<id>`. */
const FIXED_ANSWERS = new Set(["yes", "partly", "no"]);

function traceItem(step, questions, sourceLine) {
  const questionText = step.questionId ? t("quote", { text: questions.get(step.questionId)?.question.text ?? step.questionId }) : "";
  // The fixed answers (yes, partly, no) in the language shown; other values as they were given.
  const answer = step.rule === "choice" && FIXED_ANSWERS.has(step.answer) ? t("quote", { text: t(`trace.answer.${step.answer}`) }) : answerText(step.answer);
  const params = { question: questionText, answer, kpi: step.kpiId ?? "" };
  const what = TRACE_RULES.has(step.rule) ? t(`trace.${step.rule}`, params) : step.rule;
  return h("li", {}, `${what} → ${statusLabel(step.outcome)} `, citation(`(${sourceLine})`));
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
  const value = kpi.value === null ? t("kpi.value.not-answered") : `${formatNumber(kpi.value)} ${unit}`;
  const hasTarget = kpi.comparator !== null && kpi.target !== null;
  const target = hasTarget ? targetText(kpi.comparator, kpi.target, unit) : t("kpi.target.none");
  let badge;
  if (kpi.pass === true) badge = h("span", { className: "badge badge-met" }, t("kpi.pass"));
  else if (kpi.pass === false) badge = h("span", { className: "badge badge-not-met" }, t("kpi.fail"));
  else if (!hasTarget) badge = h("span", { className: "badge badge-info" }, t("kpi.no-target"));
  else badge = h("span", { className: "badge badge-unanswered" }, t("kpi.not-answered"));
  return [
    h("p", { className: "kpi-head" }, badge, " ", h("span", { className: "id" }, kpi.id), " ", metric, kpi.unconfirmed ? [" ", unconfirmedMark()] : null),
    h("p", {}, t("kpi.line", { value, target, anchor })),
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
      else if (f.known) target = h("span", {}, t("findings.not-asked", { question: q.question.text }));
      return h(
        "li",
        { className: `finding-item finding-${f.severity}` },
        h("strong", {}, t(f.severity === "error" ? "findings.error" : "findings.warning")),
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
      setText(measureRef.shortNote, left ? t("short.leaves-out", { mode: modeName, what: hiddenText(left) }) : "");
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
    const message = messages.has(id) ? t("findings.check-answer", { messages: messages.get(id).join(" ") }) : null;
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
