// Pieces shared by the profile and the Code questions: the "Why we ask" disclosure and inline
// field errors wired to aria-describedby.
import { h } from "./dom.js";
import { t } from "./catalogue.js";

/**
 * A <details> "Why we ask" with the help text, an optional extra note and the sources. `sources`
 * are citations ("AI Act Art 53(1)(c)"), the same in every language (marked translate="no");
 * `sourceLabel` the catalogue key of their label; `questionId` adds "question id …" after them.
 * Returns { element, id } where `id` names the text for aria-describedby.
 */
export function whyWeAsk(prefix, help, sources, sourceLabel = "sources.label", extra = null, questionId = null) {
  const id = `${prefix}-why`;
  const body = h(
    "div",
    { id, className: "why-body" },
    help ? h("p", {}, help) : null,
    extra ? h("p", {}, extra) : null,
    sources?.length || questionId
      ? h(
          "p",
          { className: "sources" },
          t(sourceLabel),
          " ",
          sources?.length ? citations(sources.join("; ")) : null,
          questionId ? [sources?.length ? "; " : "", t("question.id", { id: questionId })] : null,
        )
      : null,
  );
  const element = h("details", { className: "why" }, h("summary", {}, t("why.summary")), body);
  return { element, id };
}

/**
 * A list of legal citations ("Code C-1.1; AI Act Art 53(1)(c)"): ids and article references stay
 * as they are in every language (docs/locales.md), so they are marked as not to be translated.
 */
export function citations(text) {
  return h("span", { className: "citations", translate: "no", dataset: { citation: "" } }, text);
}

/**
 * Shows or clears an inline error under a control. The error's id is in the control's
 * aria-describedby only while there is an error, so screen readers never read a stale one.
 */
export function setFieldError(control, errorEl, message) {
  const ids = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((x) => x && x !== errorEl.id);
  if (message) {
    if (errorEl.textContent !== message) errorEl.textContent = message;
    errorEl.hidden = false;
    ids.unshift(errorEl.id);
  } else {
    errorEl.textContent = "";
    errorEl.hidden = true;
  }
  if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
  else control.removeAttribute("aria-describedby");
  // A field can show two messages (a number we cannot read, and an engine finding): it is
  // invalid while either is showing.
  const field = errorEl.parentElement;
  const anyShowing = field?.querySelector(":scope > .field-error:not([hidden]), :scope > .finding:not([hidden])");
  if (anyShowing) control.setAttribute("aria-invalid", "true");
  else control.removeAttribute("aria-invalid");
}

/**
 * Shows `content` (nodes, or null to hide) in `noteEl` under a control, and keeps the note's id
 * in the control's aria-describedby only while it shows. Unlike setFieldError it does not mark
 * the control invalid: the note points at another answer as much as at this one.
 */
export function setNote(control, noteEl, content) {
  const ids = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((x) => x && x !== noteEl.id);
  if (content) {
    noteEl.replaceChildren(...[content].flat(Infinity).filter(Boolean));
    noteEl.hidden = false;
    ids.unshift(noteEl.id);
  } else {
    noteEl.replaceChildren();
    noteEl.hidden = true;
  }
  if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
  else control.removeAttribute("aria-describedby");
}

/**
 * Arrow keys move through a radio group and answer as they go; at either end the browser wraps
 * around, so ArrowRight on "Not answered" would answer "Yes". Stops at the ends instead.
 * @param {HTMLElement} group the element holding the radios
 * @param {HTMLInputElement[]} inputs the radios, in order
 */
export function stopArrowWrap(group, inputs) {
  group.addEventListener("keydown", (event) => {
    const at = inputs.indexOf(/** @type {HTMLInputElement} */ (event.target));
    if (at === -1) return;
    const forward = event.key === "ArrowRight" || event.key === "ArrowDown";
    const back = event.key === "ArrowLeft" || event.key === "ArrowUp";
    if ((forward && at === inputs.length - 1) || (back && at === 0)) event.preventDefault();
  });
}
