// The Code's chapters, commitments, measures and questions, built once from the pack. After
// each evaluation only `hidden`, values and result elements change (see results.js).
import { englishOriginal } from "./english-original.js";
import { h, show, describedBy, domId } from "./dom.js";
import { sourceLine, sourceText, statusBadge } from "./wording.js";
import { whyWeAsk, setFieldError, setNote, stopArrowWrap } from "./fields.js";
import { parseNumberField, numberFieldText } from "./number-input.js";
import { buildFormLayout, fieldMeta } from "./doc-form.js";
import { t, tc } from "./catalogue.js";
import { formatNumber } from "./wording.js";

/** The fixed answers of a question type, in the language shown (asked when a question is built). */
function fixedChoices(type) {
  const choice = (id) => ({ id, label: t(`choice.${id}`) });
  if (type === "yes-partly-no") return [choice("yes"), choice("partly"), choice("no")];
  if (type === "yes-no") return [choice("yes"), choice("no")];
  return null;
}

/**
 * Builds every chapter of `pack` into `container`. `onAnswer(questionId, value)` is called for
 * each edit; `value` undefined means "not answered" (the key is removed).
 * Returns the element references results.js updates, plus sync() and updateVisibility().
 *
 * With `{ deferred: true }` nothing is built yet: each `buildNext()` builds one more step (a
 * chapter's head, or one commitment with its measures: a few milliseconds, 20-40 for the one
 * holding the Model Documentation Form) and returns the ids of the questions it added, or null
 * once everything is built. The page uses this to show the profile questions first and build
 * the Code's chapters below them in short tasks that let input through. Everything else here
 * works on what is built so far.
 */
export function buildQuestionnaire(container, pack, onAnswer, { deferred = false } = {}) {
  const chapters = new Map();
  const measures = new Map();
  const questions = new Map();
  const forms = new Map();
  const steps = pack.chapters.flatMap((chapter) => [
    () => buildChapter(chapter),
    ...chapter.commitments.map((commitment) => () => buildCommitment(chapter, commitment)),
  ]);
  // Every question of the pack as updateVisibility sees one not built yet (no element).
  const packQuestions = new Map(
    pack.chapters.flatMap((c) => c.commitments.flatMap((cm) => cm.measures.flatMap((m) => m.questions.map((q) => [q.id, { question: q, measureId: m.id, chapterId: c.id, root: null }])))),
  );
  /** Question id -> whether it would be on screen, for the questions not built yet. */
  const unbuiltShown = new Map();
  let next = 0;
  const buildNext = () => {
    if (next === steps.length) return null;
    const built = questions.size;
    steps[next++]();
    return [...questions.keys()].slice(built); // a Map keeps the order of insertion
  };
  if (!deferred) while (buildNext());

  function buildChapter(chapter) {
    const id = domId("chapter", chapter.id);
    const reasons = h("ul", { className: "reasons" });
    const notApplicable = h(
      "div",
      { className: "chapter-not-applicable", hidden: true },
      h("p", {}, h("strong", { className: "chapter-verdict" }, t("chapter.does-not-apply")), " ", t("chapter.why")),
      reasons,
    );
    // Shown when the chapter applies only through a choice of yours (Safety and Security signed
    // for a model without systemic risk).
    const appliesNote = h("p", { className: "chapter-applies-note", hidden: true });
    const simplificationsList = h("ul", { className: "simplifications-list" });
    const simplifications = h(
      "div",
      { className: "chapter-simplifications", hidden: true, role: "group", "aria-labelledby": `${id}-simplifications-title` },
      h("h3", { id: `${id}-simplifications-title` }, t("chapter.simplifications")),
      h("p", { className: "hint" }, t("chapter.simplifications.hint")),
      simplificationsList,
    );
    const notesList = h("ul", { className: "notes" });
    const notes = h("div", { className: "chapter-notes", hidden: true }, h("h3", {}, t("chapter.notes")), notesList);
    const body = h("div", { className: "chapter-body" });
    const counts = h("p", { className: "chapter-counts" });
    const section = h(
      "section",
      { className: "chapter", id, "aria-labelledby": `${id}-title`, dataset: { place: chapter.id } },
      h("h2", { id: `${id}-title` }, `${chapter.title} `, h("span", { className: "id" }, t("chapter.id", { id: chapter.id }))),
      h("p", { className: "lead" }, chapter.summary),
      counts,
      appliesNote,
      notApplicable,
      simplifications,
      notes,
      body,
    );
    const verdict = notApplicable.querySelector(".chapter-verdict");
    chapters.set(chapter.id, { section, appliesNote, notApplicable, verdict, reasons, simplifications, simplificationsList, notes, notesList, body, counts });
    container.append(section);
  }

  function buildCommitment(chapter, commitment) {
    const commitmentSection = h(
      "section",
      { className: "commitment", "aria-labelledby": domId("commitment", commitment.id) },
      h("h3", { id: domId("commitment", commitment.id) }, h("span", { className: "id" }, commitment.id), " ", commitment.title),
      h("p", { className: "lead" }, commitment.summary),
    );
    for (const measure of commitment.measures) {
      const form = chapter.form?.measure === measure.id ? chapter.form : null;
      const ref = buildMeasure(measure, chapter.id, questions, onAnswer, form);
      measures.set(measure.id, ref);
      if (ref.form) forms.set(form.id, ref.form);
      commitmentSection.append(ref.section);
    }
    chapters.get(chapter.id).body.append(commitmentSection);
  }

  return {
    chapters,
    measures,
    questions,
    buildNext,
    /** True once every chapter is built. */
    get complete() {
      return next === steps.length;
    },
    /**
     * How a list elsewhere on the page names and links question `id`: its text, and `href` to its
     * field, or null when the field is not on screen (a condition or short mode leaves it out).
     * A question not built yet is named and linked from the pack (the link works once built), so
     * what such a list shows does not change when its question appears.
     */
    linkTo(id) {
      const q = questions.get(id);
      if (q) return { text: q.question.text, href: q.root.closest("[hidden]") ? null : `#${q.focusId}`, known: true };
      const fromPack = packQuestions.get(id);
      if (!fromPack) return { text: id, href: null, known: false };
      return { text: fromPack.question.text, href: unbuiltShown.get(id) === false ? null : `#${focusIdOf(fromPack.question)}`, known: true };
    },
    /** Model Documentation Forms by form id (see doc-form.js). */
    forms,
    sync(answers) {
      for (const [qid, q] of questions) q.set(answers[qid]);
    },
    /**
     * Shows exactly the questions the engine marks as asked (`report.questions`). In short
     * mode, `hideReason(questionId, ref)` gives why a question that would be asked is left out
     * ("optional", "ai-office") or null. Returns measure id -> { optional, aiOffice } counts of
     * the questions left out (the page says so in each measure's `shortNote`). Questions not
     * built yet are decided and counted too (their `ref.root` is null), so that counts and links
     * shown elsewhere do not change when they are built.
     */
    updateVisibility(report, hideReason = null) {
      const hidden = new Map();
      const askedNow = new Set(report.questions.filter((q) => q.asked).map((q) => q.id));
      for (const [id, unbuilt] of packQuestions) {
        const q = questions.get(id) ?? unbuilt;
        const asked = askedNow.has(id);
        const reason = asked && hideReason ? hideReason(id, q) : null;
        if (q.root) show(q.root, asked && !reason);
        else unbuiltShown.set(id, asked && !reason);
        if (reason) {
          const counts = hidden.get(q.measureId) ?? { optional: 0, aiOffice: 0 };
          counts[reason === "ai-office" ? "aiOffice" : "optional"] += 1;
          hidden.set(q.measureId, counts);
        }
      }
      // In short mode a Form section with nothing to ask is left out as a whole.
      for (const form of forms.values()) {
        for (const el of form.elements()) show(el, !hideReason || Boolean(el.querySelector(".question:not([hidden])")));
      }
      return hidden;
    },
  };
}

function buildMeasure(measure, chapterId, questions, onAnswer, form) {
  const id = domId("measure", measure.id);
  const badge = statusBadge("unanswered");
  badge.classList.add("measure-status");
  const unconfirmed = h("span", { className: "unconfirmed-slot" });
  const explanation = h("p", { className: "explanation" });
  const questionList = h("div", { className: "questions" });
  const missingList = h("ul", { className: "inline-list" });
  const missing = h("div", { className: "still-to-answer", hidden: true }, h("p", {}, t("measure.still-to-answer")), missingList);
  const requirementList = h("ul", { className: "requirements" });
  const kpiList = h("ul", { className: "kpis" });
  const kpis = h("div", { className: "kpi-box", hidden: true }, h("h5", {}, t("measure.targets")), kpiList);
  const simplificationNote = h("p", { className: "simplification-note", hidden: true });
  // Short mode only: how many of this measure's questions it leaves out.
  const shortNote = h("p", { className: "short-note", hidden: true });
  const formRef = form ? buildFormLayout(form, measure) : null;
  const section = h(
    "section",
    { className: "measure", id, "aria-labelledby": `${id}-title` },
    h(
      "div",
      { className: "measure-head" },
      h("h4", { id: `${id}-title` }, h("span", { className: "id" }, measure.id), " ", measure.title),
      h("p", { className: "measure-status-line" }, h("span", { className: "visually-hidden" }, `${t("measure.status")} `), badge, unconfirmed),
    ),
    h("p", { className: "lead" }, measure.summary),
    simplificationNote,
    explanation,
    sourceLine(measure.sources),
    formRef?.box,
    shortNote,
    questionList,
    missing,
    h("div", { className: "requirement-box" }, h("h5", {}, t("measure.requirements")), requirementList),
    kpis,
  );
  if (formRef) questionList.append(...formRef.elements());
  for (const question of measure.questions) {
    const field = formRef?.fieldFor(question.id);
    const ref = buildQuestion(question, onAnswer, field ? { field, recipientLabel: formRef.recipientLabel } : null);
    questions.set(question.id, { ...ref, question, measureId: measure.id, chapterId, shownCrossChecks: "" });
    (formRef?.containerFor(question.id) ?? questionList).append(ref.root);
  }
  return {
    section,
    badge,
    unconfirmed,
    simplificationNote,
    shortNote,
    explanation,
    missing,
    missingList,
    requirementList,
    kpis,
    kpiList,
    form: formRef,
    rows: new Map(),
    kpiRows: new Map(),
  };
}

/** The id of the control a link to question `q` focuses: its first choice, or its input. */
function focusIdOf(q) {
  const id = domId("q", q.id);
  const choices = fixedChoices(q.type) ?? (q.type === "single-choice" ? q.options ?? [] : null);
  if (choices) return `${id}-${domId("o", choices[0]?.id || "unanswered")}`;
  if (q.type === "multi-choice") return q.options?.length ? `${id}-${domId("o", q.options[0].id)}` : id;
  return `${id}-input`;
}

/**
 * Builds one question. `formField` = { field, recipientLabel } when the question is a field of
 * the Model Documentation Form: it then shows the field's recipients and precision rule, and
 * can show a precision message (setPrecision).
 */
function buildQuestion(q, onAnswer, formField = null) {
  const id = domId("q", q.id);
  const why = whyWeAsk(id, q.help, q.sources.map(sourceText), "sources.label", formField?.field.note ? t("question.field-note", { note: formField.field.note }) : null, q.id);
  const finding = h("p", { className: "finding", id: `${id}-finding`, hidden: true });
  const meta = formField ? fieldMeta(formField.field, formField.recipientLabel, `${id}-form`) : null;
  // A precision message is a problem with the answer, like a finding (class "finding").
  const precision = formField?.field.precision ? h("p", { className: "finding precision", id: `${id}-precision`, hidden: true }) : null;
  const choices = fixedChoices(q.type) ?? (q.type === "single-choice" ? q.options ?? [] : null);
  let ref;

  if (choices) {
    const radios = [...choices, { id: "", label: t("choice.not-answered") }].map((option) => {
      const input = h("input", { type: "radio", name: id, id: `${id}-${domId("o", option.id || "unanswered")}`, value: option.id });
      return { input, label: h("label", { className: "choice" }, input, " ", option.label) };
    });
    const root = h(
      "fieldset",
      { className: "field field-choice question", id, tabindex: "-1" },
      h("legend", {}, q.text),
      meta,
      h("div", { className: "choices" }, radios.map((r) => r.label)),
      finding,
      why.element,
    );
    describedBy(root, meta?.id, why.id);
    stopArrowWrap(root, radios.map((r) => r.input));
    root.addEventListener("change", (event) => onAnswer(q.id, event.target.value === "" ? undefined : event.target.value));
    ref = {
      root,
      describedEl: root,
      focusId: focusIdOf(q),
      set(value) {
        for (const r of radios) r.input.checked = r.input.value === (typeof value === "string" ? value : "");
      },
    };
  } else if (q.type === "multi-choice") {
    const boxes = (q.options ?? []).map((option) => {
      const input = h("input", { type: "checkbox", id: `${id}-${domId("o", option.id)}`, value: option.id });
      return { input, label: h("label", { className: "choice" }, input, " ", option.label) };
    });
    const root = h(
      "fieldset",
      { className: "field field-choice question", id, tabindex: "-1" },
      h("legend", {}, q.text, " ", h("span", { className: "hint" }, t("question.select-all"))),
      meta,
      h("div", { className: "choices" }, boxes.map((b) => b.label)),
      finding,
      why.element,
    );
    describedBy(root, meta?.id, why.id);
    root.addEventListener("change", () => {
      const picked = boxes.filter((b) => b.input.checked).map((b) => b.input.value);
      onAnswer(q.id, picked.length ? picked : undefined);
    });
    ref = {
      root,
      describedEl: root,
      focusId: focusIdOf(q),
      set(value) {
        for (const b of boxes) b.input.checked = Array.isArray(value) && value.includes(b.input.value);
      },
    };
  } else {
    ref = buildInputQuestion(q, id, onAnswer, { why, finding, meta, precision });
  }

  // In another language, the authoritative English wording one click away.
  const original = englishOriginal("question", q.id, q.text);
  if (original) why.element.after(original);
  const control = ref.describedEl;
  return {
    ...ref,
    setFinding: (message) => setFieldError(control, finding, message),
    setPrecision: (message) => precision && setFieldError(control, precision, message),
    /** Shows the tripped consistency checks that concern this question ([] for none). */
    setCrossChecks(checks) {
      ref.crossNote ??= crossNoteElement(ref.root, why.element, `${id}-cross`);
      setNote(control, ref.crossNote, checks.length ? crossNoteContent(checks) : null);
    },
  };
}

function buildInputQuestion(q, id, onAnswer, { why, finding, meta, precision }) {
  const controlId = `${id}-input`;
  const label = h("label", { htmlFor: controlId }, q.text, q.unit ? h("span", { className: "unit" }, ` (${q.unit})`) : null);
  let control;
  let error = null;
  let read;
  let write;
  if (q.type === "text") {
    control = h("textarea", { id: controlId, rows: "3" });
  } else if (q.type === "url") {
    control = h("input", { type: "url", id: controlId, autocomplete: "url", spellcheck: "false" });
  } else if (q.type === "date") {
    control = h("input", { type: "date", id: controlId });
  } else if (q.type === "quantity") {
    // Sent exactly as typed, as text: the engine reads "2.4e25", "7.3x10^10" or "10^24" and
    // counts the significant figures written, which a parsed number would lose.
    control = h("input", { type: "text", id: controlId, className: "input-number", autocomplete: "off", spellcheck: "false" });
    write = (value) => (control.value = typeof value === "number" ? quantityText(value) : typeof value === "string" ? value : "");
  } else {
    // "number" (and any type this page does not know, which then is sent as typed text).
    control = h("input", { type: "text", id: controlId, className: "input-number", autocomplete: "off", spellcheck: "false" });
    if (q.type === "number") {
      error = h("p", { className: "field-error", id: `${id}-error`, hidden: true });
      // A number the engine cannot read is kept as the text typed: the engine reports it as
      // an answer to check (a finding), and it counts as unanswered until it is corrected.
      read = () => {
        const parsed = parseNumberField(control.value, { allowNegative: true });
        setFieldError(control, error, parsed.error ?? null);
        return parsed.empty ? undefined : parsed.error ? control.value : parsed.value;
      };
      write = (value) => {
        control.value = typeof value === "string" ? value : numberFieldText(value);
        setFieldError(control, error, typeof value === "string" ? parseNumberField(value, { allowNegative: true }).error ?? null : null);
      };
    }
  }
  const hintText = inputHint(q);
  const hint = hintText ? h("p", { className: "hint", id: `${id}-hint` }, hintText) : null;
  read ??= () => (control.value.trim() === "" ? undefined : control.value);
  // A saved value of another kind (a number for a text, an object from an older record) is
  // shown as JSON: the field says what is stored, and nothing changes until it is edited.
  write ??= (value) => (control.value = typeof value === "string" ? value : value === undefined ? "" : shownJson(value));
  describedBy(control, meta?.id, hint?.id, why.id);
  control.addEventListener("input", () => onAnswer(q.id, read()));
  const root = h("div", { className: "field question", id }, label, meta, control, error, finding, precision, hint, why.element);
  return { root, describedEl: control, focusId: controlId, set: write };
}

function shownJson(value) {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A quantity stored as a JSON number, shown so that its written precision reads back the same. */
function quantityText(value) {
  if (!Number.isFinite(value)) return "";
  return Math.abs(value) >= 1e6 ? value.toExponential().replace("e+", "e") : String(value);
}

/** The note under a question that a tripped consistency check names; made on first use. */
function crossNoteElement(root, before, id) {
  const el = h("div", { className: "cross-note", id, hidden: true });
  root.insertBefore(el, before);
  return el;
}

function crossNoteContent(checks) {
  return [
    h("p", {}, h("strong", {}, tc("question.contradictions", checks.length)), " ", t("question.contradictions.with")),
    h(
      "ul",
      {},
      checks.map((c) => h("li", {}, h("a", { href: `#${domId("xcheck", c.id)}` }, `${c.id}: ${c.title}`))),
    ),
  ];
}

/**
 * "A number of at least 0.", "At least 20 characters.", or for quantities "A number such as
 * 2.4e25 or 7.3x10^10, in FLOP." from the question's type, limits and unit.
 */
function inputHint(q) {
  if (q.type === "quantity") {
    const key = `hint.quantity${q.allowNotApplicable ? ".na" : ""}${q.unit ? ".unit" : ""}`;
    return t(key, { unit: q.unit });
  }
  const hasMin = typeof q.min === "number";
  const hasMax = typeof q.max === "number";
  const [min, max] = [formatNumber(q.min), formatNumber(q.max)];
  if (q.type === "number" && hasMin && hasMax) return t("hint.number.range", { min, max });
  if (q.type === "number" && hasMin) return t("hint.number.min", { min });
  if (q.type === "number" && hasMax) return t("hint.number.max", { max });
  if (typeof q.minLength === "number" && q.minLength > 1) return t("hint.min-length", { count: formatNumber(q.minLength) });
  return null;
}
