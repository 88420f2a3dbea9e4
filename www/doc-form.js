// The Model Documentation Form inside its measure (T-1.1): the field questions grouped by the
// Form's sections, who receives each field and how precise it must be, and above them how
// complete the Form is for each recipient. Built once; updateForm() changes only text and
// `hidden`, so a person typing in a field keeps focus and every character.
import { h, setChildren, setText, show, domId } from "./dom.js";
import { recipientText } from "./texts.js";
import { t, tc } from "./catalogue.js";

/** "at least 2 significant figures", "order of magnitude, e.g. 1e24". */
export function precisionRuleText(precision) {
  if (!precision) return null;
  if (precision.orderOfMagnitude) return t("form.precision.magnitude");
  const n = precision.significantFigures;
  if (typeof n === "number") return tc("form.precision.figures", n);
  return null;
}

/** What a failed precision check asks of the person, shown at the field. */
export function precisionMessage(result) {
  if (result.rule === "order-of-magnitude") return t("form.precision.give-magnitude");
  const wanted = tc("form.precision.figures", result.required);
  if (typeof result.found === "number") return t("form.precision.give.found", { wanted, found: result.found });
  return t("form.precision.give", { wanted });
}

/** Question ids a condition looks at (answer / answered), to find a follow-up's parent field. */
function referencedQuestions(condition, out = []) {
  if (!condition || typeof condition !== "object") return out;
  if (condition.answer?.question) out.push(condition.answer.question);
  if (typeof condition.answered === "string") out.push(condition.answered);
  for (const c of condition.all ?? []) referencedQuestions(c, out);
  for (const c of condition.any ?? []) referencedQuestions(c, out);
  if (condition.not) referencedQuestions(condition.not, out);
  return out;
}

/**
 * Builds the Form's summary box and one collapsible group per Form section.
 * `measure` is the pack measure that holds the fields' questions (the form's `measure`).
 * Returns { box, groups, fieldFor(questionId), containerFor(questionId), ... } for
 * questionnaire.js (placing questions) and updateForm (results).
 */
export function buildFormLayout(form, measure) {
  // Every question of a field, its own and its parts' (the testing size of MDF-6.4a), shown
  // with the field's id and recipients and its own precision rule. A part two fields share
  // (the unit of MDF-6.4a and MDF-6.4b) shows both ids and every recipient of either.
  const fieldByQuestion = new Map();
  for (const f of form.fields) {
    for (const part of [{ question: f.question, precision: f.precision }, ...(f.parts ?? [])]) {
      const seen = fieldByQuestion.get(part.question);
      const entry = seen
        ? { ...seen, id: `${seen.id}, ${f.id}`, recipients: [...new Set([...seen.recipients, ...f.recipients])] }
        : { ...f, question: part.question, precision: part.precision };
      fieldByQuestion.set(part.question, entry);
    }
  }
  const recipientLabel = new Map(form.recipients.map((r) => [r.id, r.label]));
  const boxId = domId("form", form.id);

  const recipientList = h("ul", { className: "form-recipients" });
  const precisionSummary = h("div", { className: "form-precision-summary", hidden: true });
  const totalLine = h("p", { className: "form-total" });
  const rules = h(
    "details",
    { className: "form-rules" },
    h("summary", {}, t("form.how-it-works")),
    h("ul", { className: "notes" }, form.rules.map((r) => h("li", {}, r.text))),
  );
  const box = h(
    "div",
    { className: "form-box", id: boxId, role: "group", "aria-labelledby": `${boxId}-title` },
    h("h5", { id: `${boxId}-title` }, form.title),
    h(
      "p",
      { className: "hint" },
      t("form.intro", { count: form.fields.length }),
    ),
    totalLine,
    recipientList,
    precisionSummary,
    rules,
  );

  // One group per section, in the Form's order; questions that are not fields go to the
  // section of the field they follow up, or to a last group of their own.
  const groups = new Map();
  const groupList = [];
  const addGroup = (key, title, fields) => {
    const gid = domId("form-section", `${form.id}-${groupList.length + 1}`);
    const progress = h("span", { className: "form-section-progress" });
    const body = h("div", { className: "form-section-body" });
    const element = h(
      "details",
      { className: "form-section", id: gid, open: true },
      h("summary", {}, h("h5", { id: `${gid}-title` }, title, " ", progress)),
      body,
    );
    const group = { key, title, fields, progress, body, element };
    groups.set(key, group);
    groupList.push(group);
    return group;
  };
  for (const section of form.sections) {
    addGroup(section, section, form.fields.filter((f) => f.section === section));
  }
  // Fields in a section the list does not name still get a group (a newer pack).
  for (const f of form.fields) {
    if (!groups.has(f.section)) addGroup(f.section, f.section, form.fields.filter((x) => x.section === f.section));
  }

  const fieldQuestions = [...fieldByQuestion.keys()];
  const sectionOf = (q) => {
    const field = fieldByQuestion.get(q.id);
    if (field) return field.section;
    const parent = referencedQuestions(q.showIf).find((id) => fieldByQuestion.has(id));
    if (parent) return fieldByQuestion.get(parent).section;
    // A question named after a field's ("x_other" beside "x") follows it.
    const stem = q.id.replace(/_[^_]+$/, "");
    const sibling = stem !== q.id && fieldQuestions.find((id) => id.startsWith(stem));
    return sibling ? fieldByQuestion.get(sibling).section : null;
  };

  let others = null;
  const placement = new Map();
  for (const q of measure.questions) {
    let group = groups.get(sectionOf(q));
    if (!group) {
      others ??= { element: h("div", { className: "form-others" }, h("h5", {}, t("form.other-questions"))), isOthers: true };
      group = others;
    }
    placement.set(q.id, group);
  }

  return {
    form,
    box,
    groups: groupList,
    recipientList,
    precisionSummary,
    totalLine,
    /** The Form field answered by this question, or undefined. */
    fieldFor: (questionId) => fieldByQuestion.get(questionId),
    recipientLabel: (id) => recipientLabel.get(id) ?? id,
    /** Elements to append to the measure's question list, in order. */
    elements: () => [...groupList.map((g) => g.element), others?.element].filter(Boolean),
    /** Where a question's element goes. */
    containerFor: (questionId) => {
      const group = placement.get(questionId);
      return group?.isOthers ? group.element : group?.body;
    },
    shownPrecision: new Map(),
  };
}

/**
 * The small line under a field's question: its Form id, its recipients as tags and its
 * precision rule. `id` is used for aria-describedby.
 */
export function fieldMeta(field, recipientLabel, id) {
  const tags = field.recipients.map((r, i) => [
    i > 0 ? h("span", { className: "visually-hidden" }, ", ") : null,
    h("span", { className: `tag tag-${r.toLowerCase()}` }, recipientLabel(r)),
  ]);
  const rule = precisionRuleText(field.precision);
  return h(
    "p",
    { className: "form-meta", id },
    h("span", { className: "id", translate: "no", dataset: { citation: "" } }, field.id),
    " ",
    h("span", { className: "form-meta-label" }, t("form.for")),
    " ",
    tags,
    rule ? [h("span", { className: "visually-hidden" }, "."), " ", h("span", { className: "precision-rule" }, t("form.precision", { rule }))] : null,
  );
}

/**
 * Updates the Form's box, the sections' progress and the precision messages at the fields from
 * the report's FormResult. `questions` maps question ids to their references.
 */
export function updateForm(ref, result, questions) {
  setText(ref.totalLine, t("form.total", { answered: result.answered, total: result.total }));
  const recipientsKey = JSON.stringify(result.recipients.map((r) => [r.recipient, r.answered, r.total]));
  if (ref.recipientList.dataset.rendered !== recipientsKey) {
    ref.recipientList.dataset.rendered = recipientsKey;
    setChildren(
      ref.recipientList,
      result.recipients.map((r) => ({ ...r, ...recipientText(result.id, r.recipient) })).map((r) =>
        h(
          "li",
          { className: r.answered === r.total ? "complete" : "incomplete", dataset: { recipient: r.recipient } },
          h("strong", {}, r.label),
          t("form.recipient.answered", { answered: r.answered, total: r.total }),
          r.answered === r.total ? h("span", { className: "visually-hidden" }, ` ${t("form.recipient.complete")}`) : null,
          " ",
          h("span", { className: "hint" }, t("form.recipient.given", { delivery: r.delivery })),
        ),
      ),
    );
  }

  const missing = new Set(result.recipients.flatMap((r) => r.missing));
  for (const group of ref.groups) {
    const open = group.fields.filter((f) => missing.has(f.id)).length;
    const text = group.fields.length === 0 ? "" : open === 0 ? t("form.section.all-answered") : t("form.section.open", { open, total: group.fields.length });
    setText(group.progress, text);
    group.element.classList.toggle("has-missing", open > 0);
  }

  const failing = result.precision.filter((p) => !p.pass);
  const byQuestion = new Map(failing.map((p) => [p.questionId, precisionMessage(p)]));
  for (const [qid, shown] of ref.shownPrecision) {
    if (!byQuestion.has(qid) && shown !== null) {
      questions.get(qid)?.setPrecision(null);
      ref.shownPrecision.set(qid, null);
    }
  }
  for (const [qid, message] of byQuestion) {
    if (ref.shownPrecision.get(qid) !== message) {
      questions.get(qid)?.setPrecision(message);
      ref.shownPrecision.set(qid, message);
    }
  }

  const summaryKey = JSON.stringify(failing);
  if (ref.precisionSummary.dataset.rendered !== summaryKey) {
    ref.precisionSummary.dataset.rendered = summaryKey;
    show(ref.precisionSummary, failing.length > 0);
    setChildren(
      ref.precisionSummary,
      failing.length
        ? [
            h("p", {}, tc("form.precision.failing", failing.length)),
            h(
              "ul",
              { className: "inline-list" },
              failing.map((p) => {
                const q = questions.get(p.questionId);
                const label = `${p.fieldId}: ${precisionMessage(p)}`;
                return h("li", {}, q ? h("a", { href: `#${q.focusId}` }, label) : label);
              }),
            ),
          ]
        : null,
    );
  }
}
