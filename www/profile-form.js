// The profile section: the AI Act scope questions, grouped, built once. Later changes only set
// values and toggle `hidden`, so keyboard focus and typing are never disturbed.
import { h, show, describedBy, domId } from "./dom.js";
import { englishOriginal } from "./english-original.js";
import { enumLabel, formatNumber } from "./wording.js";
import { parseNumberField, numberFieldText } from "./number-input.js";
import { whyWeAsk, setFieldError, stopArrowWrap } from "./fields.js";
import { t } from "./catalogue.js";

/** Group ids of scopeQuestions(), in the order they are asked; each is named by `profile.group.<id>`. */
const GROUPS = ["research", "organisation", "model", "market", "modification", "open-source", "systemic-risk", "assessment"];

/**
 * Builds the profile form into `container`.
 * `onChange(key, value)` is called for each edit; `value` undefined means "not answered". A
 * number the engine cannot read is passed on as the text typed, so that it is kept (see
 * kept-values.js): the engine refuses it, and the page shows it with its error.
 * Returns { sync(profile), showKept(entries), updateVisibility(effectiveProfile), effective(profile),
 * label(key), fieldId(key) }.
 */
export function buildProfileForm(container, questions, onChange) {
  const conditionHolds = (key, effectiveProfile) => {
    const parent = byId.get(key).showIfTrue;
    return !parent || effectiveProfile[parent] === true;
  };
  const byId = new Map(questions.map((q) => [q.id, q]));
  const fields = new Map();
  const groups = [];

  const groupOrder = GROUPS.map((id) => [id, t(`profile.group.${id}`)]);
  for (const q of questions) {
    if (!groupOrder.some(([id]) => id === q.group)) groupOrder.push([q.group, enumLabel(q.group)]);
  }
  for (const [groupId, groupName] of groupOrder) {
    const members = questions.filter((q) => q.group === groupId);
    if (!members.length) continue;
    const fieldset = h("fieldset", { className: "group", id: domId("group", groupId) }, h("legend", {}, groupName));
    for (const q of members) {
      const field = buildField(q, onChange);
      // In another language, the authoritative English wording one click away.
      const original = englishOriginal("input", q.id, q.label);
      if (original) field.root.append(original);
      // The guided layout marks the question to answer next (updateVisibility).
      field.nextMark = h("span", { className: "next-question-mark", hidden: true }, t("profile.next-question"));
      const legend = field.root.querySelector(":scope > legend");
      if (legend) legend.after(field.nextMark);
      else field.root.prepend(field.nextMark);
      fields.set(q.id, field);
      fieldset.append(field.root);
    }
    groups.push({ fieldset, members });
    container.append(fieldset);
  }

  return {
    /** Puts one value into its field (the page dated the assessment). */
    setOne(key, value) {
      fields.get(key)?.set(value);
    },
    sync(profile) {
      for (const [key, field] of fields) field.set(Object.hasOwn(profile, key) ? profile[key] : undefined);
    },
    /**
     * Marks the fields whose saved value the engine refused (set-aside entries of
     * kept-values.js, `where: "profile"`): the value is named with the engine's message, and
     * the field is invalid until it is changed. Other fields are cleared of such a mark.
     */
    showKept(entries) {
      const byKey = new Map(entries.filter((e) => e.where === "profile").map((e) => [e.key, e]));
      for (const [key, field] of fields) field.setKept(byKey.get(key) ?? null);
    },
    /** Why the engine refused a profile value, in words: "it is text, and this question takes a number". */
    reason: (entry) => keptReason(entry, byId.get(entry.key)),
    /**
     * Shows the fields whose condition holds. With `guide` (the guided layout), only those that
     * matter now: answered ones, those whose answer can still change the scope decision
     * (`decidedBy`, the first marked "Next question"), those that complete its figures
     * (`complete`), those in `always`. Returns how many fields `guide` left out.
     */
    updateVisibility(effectiveProfile, guide = null) {
      let left = 0;
      const next = guide?.undecided ? (guide.decidedBy.find((key) => fields.has(key) && conditionHolds(key, effectiveProfile)) ?? null) : null;
      for (const [key, field] of fields) {
        const condition = conditionHolds(key, effectiveProfile);
        const wanted = !guide || guide.answered.has(key) || guide.decidedBy.includes(key) || guide.complete.includes(key) || guide.always.includes(key) || field.root.contains(document.activeElement);
        show(field.root, condition && wanted);
        if (condition && !wanted) left += 1;
        field.root.classList.toggle("next-question", key === next);
        show(field.nextMark, key === next);
      }
      for (const group of groups) show(group.fieldset, group.members.some((q) => !fields.get(q.id).root.hidden));
      return left;
    },
    /** The question's text. */
    text: (key) => byId.get(key)?.label ?? key,
    /** Stored answers over the questions' defaults: what the engine will assume. */
    effective(profile) {
      const out = {};
      for (const q of questions) out[q.id] = profile[q.id] !== undefined ? profile[q.id] : q.default;
      return out;
    },
    label(key) {
      return byId.get(key)?.label ?? key;
    },
    fieldId(key) {
      return fields.get(key)?.focusId ?? null;
    },
  };
}

/** The values of the scope's choice questions, named in the catalogue (`profile.value.<value>`). */
const VALUES = new Set(["unknown", "yes", "no", "yes_all_chapters", "yes_some_chapters"]);

/** A choice question's value in words: "yes, all chapters" (a value the catalogue lacks, from its id). */
function valueLabel(value) {
  return VALUES.has(value ?? "unknown") ? t(`profile.value.${value ?? "unknown"}`) : enumLabel(value);
}

function defaultText(q) {
  if (q.default === null || q.default === undefined) return t("profile.default.unknown");
  if (typeof q.default === "boolean") return t("profile.default.assumes", { value: t(q.default ? "choice.yes" : "choice.no") });
  if (typeof q.default === "number") return t("profile.default.assumes", { value: formatNumber(q.default) });
  return t("profile.default.assumes", { value: valueLabel(q.default) });
}

function buildField(q, onChange) {
  const id = domId("p", q.id);
  const hint = h("p", { className: "hint", id: `${id}-hint` }, defaultText(q));
  const why = whyWeAsk(id, q.help, [q.source], "sources.label.one");

  if (q.type === "bool") {
    const radios = [
      ["yes", t("choice.yes")],
      ["no", t("choice.no")],
      ["", t("choice.not-answered")],
    ].map(([value, text]) => {
      const input = h("input", { type: "radio", name: id, id: `${id}-${value || "unanswered"}`, value });
      return { input, label: h("label", { className: "choice" }, input, " ", text) };
    });
    const root = h(
      "fieldset",
      { className: "field field-choice", id, tabindex: "-1" },
      h("legend", {}, q.label),
      h("div", { className: "choices" }, radios.map((r) => r.label)),
      hint,
      why.element,
    );
    describedBy(root, hint.id, why.id);
    stopArrowWrap(root, radios.map((r) => r.input));
    root.addEventListener("change", (event) => {
      const value = event.target.value;
      onChange(q.id, value === "" ? undefined : value === "yes");
    });
    const kept = keptNote(id);
    root.insertBefore(kept, hint);
    return {
      root,
      focusId: radios[0].input.id,
      set(value) {
        const wanted = value === true ? "yes" : value === false ? "no" : "";
        for (const r of radios) r.input.checked = r.input.value === wanted;
      },
      setKept: (entry) => setFieldError(root, kept, keptText(entry, q, false)),
    };
  }

  const label = h("label", { htmlFor: id }, q.label, q.unit ? h("span", { className: "unit" }, ` (${q.unit})`) : null);

  if (q.type === "enum") {
    const select = h(
      "select",
      { id },
      h("option", { value: "" }, t("profile.enum.not-answered", { value: valueLabel(q.default) })),
      (q.values ?? []).map((v) => h("option", { value: v }, valueLabel(v))),
    );
    describedBy(select, hint.id, why.id);
    select.addEventListener("change", () => onChange(q.id, select.value === "" ? undefined : select.value));
    const kept = keptNote(id);
    const root = h("div", { className: "field" }, label, select, kept, hint, why.element);
    return {
      root,
      focusId: id,
      set: (value) => (select.value = typeof value === "string" && (q.values ?? []).includes(value) ? value : ""),
      setKept: (entry) => setFieldError(select, kept, keptText(entry, q, false)),
    };
  }

  if (q.type === "date") {
    const input = h("input", { type: "date", id });
    describedBy(input, hint.id, why.id);
    input.addEventListener("input", () => onChange(q.id, input.value === "" ? undefined : input.value));
    const kept = keptNote(id);
    const root = h("div", { className: "field" }, label, input, kept, hint, why.element);
    return {
      root,
      focusId: id,
      // A date input shows only a real date; a saved value it cannot show is named in the note.
      set: (value) => (input.value = typeof value === "string" ? value : ""),
      setKept: (entry) => setFieldError(input, kept, keptText(entry, q, false)),
    };
  }

  // Numbers: a text field, because type=number rejects "2e24"-style input in some browsers and
  // hides what was typed; the engine reads it (number-input.js) and says what is wrong.
  hint.textContent = `${t("profile.number-hint")} ${defaultText(q)}`;
  const input = h("input", {
    type: "text",
    id,
    className: "input-number",
    autocomplete: "off",
    spellcheck: "false",
  });
  const error = h("p", { className: "field-error", id: `${id}-error`, hidden: true });
  describedBy(input, hint.id, why.id);
  const kept = keptNote(id);
  input.addEventListener("input", () => {
    const parsed = parseNumberField(input.value);
    setFieldError(input, error, parsed.error ?? null);
    // A number the engine cannot read is kept as typed (the engine refuses it, and the result
    // counts the question as unanswered until it is corrected); a blank field is "not answered".
    onChange(q.id, parsed.empty ? undefined : parsed.error ? input.value : parsed.value);
  });
  const root = h("div", { className: "field" }, label, input, error, kept, hint, why.element);
  return {
    root,
    focusId: id,
    set(value) {
      // A saved text is shown as it was typed, with the engine's reading of it.
      input.value = typeof value === "string" ? value : numberFieldText(value);
      setFieldError(input, error, typeof value === "string" ? parseNumberField(value).error ?? null : null);
    },
    setKept: (entry) => setFieldError(input, kept, keptText(entry, q, !error.hidden)),
  };
}

/** The note under a field whose saved value the engine refused. */
function keptNote(id) {
  return h("p", { className: "field-error kept-note", id: `${id}-kept`, hidden: true });
}

/**
 * What the note says about a refused value: what is kept, why it is not used, and what the
 * result does meanwhile. `typedError`: the field already says what is wrong with the text.
 */
function keptText(entry, q, typedError) {
  if (!entry) return null;
  if (typedError) return t("profile.kept.typed");
  return t("profile.kept.saved", { value: shownValue(entry.value), reason: keptReason(entry, q) });
}

/**
 * Why the engine refused a profile value, in words. The engine decided (entry.code, its
 * message); a refusal of the value's kind is said from the question's type, which reads better
 * than the reader's "expected f64".
 */
function keptReason(entry, q) {
  if (entry.code === "unknown_field" || !q) return t("profile.kept.unknown-question");
  if (entry.code !== "invalid_type") return entry.message;
  const takes = ["bool", "number", "enum", "date"].includes(q.type) ? q.type : "other";
  const is = typeof entry.value === "string" ? "text" : Array.isArray(entry.value) ? "list" : entry.value === null ? "empty" : typeof entry.value === "object" ? "object" : typeof entry.value === "boolean" ? "bool" : "number";
  return t("profile.kept.wrong-kind", { is: t(`profile.kept.is.${is}`), takes: t(`profile.kept.takes.${takes}`) });
}

/** A saved value as the note names it: a text in quotes, anything else as JSON. */
export function shownValue(value) {
  if (typeof value === "string") return `“${value}”`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
