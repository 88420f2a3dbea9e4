// "Still missing": every question some measure still waits on, in the report's order (what
// blocks compliance most first: the number of measures waiting on it, then how many other items
// its answer decides, then pack order; see README "What is still missing"). Each entry links to
// its question. Shared by the page and the <gpai-check> element, through applyReport.
import { h, setChildren, setText, show, domId } from "./dom.js";
import { t, tc } from "./catalogue.js";

/** How many entries show before "Show all". */
export const FIRST_SHOWN = 10;

/**
 * Builds the panel (not yet in the document; the caller places it near the summary). Returns
 * the references `updateStillMissing` needs; `section` is the element to insert.
 */
export function buildStillMissing() {
  const titleId = "still-missing-title";
  const listId = "still-missing-list";
  // Not a live region: the summary above it already announces each new evaluation, and two
  // announcements per answer would only repeat each other.
  const count = h("p", { className: "still-missing-count", id: "still-missing-count" });
  const list = h("ol", { className: "still-missing-list", id: listId, "aria-labelledby": titleId, hidden: true });
  const toggle = h("button", { type: "button", className: "still-missing-toggle", "aria-controls": listId, "aria-expanded": "false", hidden: true });
  const section = h(
    "section",
    { className: "still-missing", id: "still-missing", "aria-labelledby": titleId },
    h("h2", { id: titleId }, t("still-missing.title")),
    h("p", { className: "lead" }, t("still-missing.lead")),
    count,
    list,
    toggle,
  );
  const ref = { section, count, list, toggle, expanded: false, entries: [], rendered: "" };
  toggle.addEventListener("click", () => {
    ref.expanded = !ref.expanded;
    renderList(ref);
  });
  // A question inside a closed part of the page (a Form section the person folded) is opened
  // before the link is followed, so that the browser can scroll to it and focus it.
  list.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[href^='#']");
    const target = link && link.getRootNode().getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    for (let d = target?.closest("details:not([open])"); d; d = d.parentElement?.closest("details:not([open])")) d.open = true;
  });
  return ref;
}

/**
 * Shows `report.missing`. `questionnaire` (questionnaire.js) names each question and links it:
 * a question on screen is a link to its field; one left out (short mode) is named, not linked.
 */
export function updateStillMissing(ref, report, questionnaire, modeName = "Short mode") {
  ref.modeName = modeName;
  ref.entries = (report.missing ?? []).map((m) => ({
    questionId: m.questionId,
    ...questionnaire.linkTo(m.questionId),
    measureIds: m.measureIds ?? [m.measureId],
    gates: m.gates ?? 0,
  }));
  const n = ref.entries.length;
  const open = report.scope?.missingInputs?.length ?? 0;
  let text;
  if (n > 0) text = tc("still-missing.count", n);
  else if (open > 0) text = tc("still-missing.profile-only", open);
  else text = t("still-missing.nothing");
  setText(ref.count, text);
  renderList(ref);
}

function renderList(ref) {
  const n = ref.entries.length;
  const shown = ref.expanded ? ref.entries : ref.entries.slice(0, FIRST_SHOWN);
  show(ref.list, n > 0);
  show(ref.toggle, n > FIRST_SHOWN);
  setText(ref.toggle, ref.expanded ? t("still-missing.show-first", { count: FIRST_SHOWN }) : t("still-missing.show-all", { count: n }));
  ref.toggle.setAttribute("aria-expanded", String(ref.expanded));
  // Rebuilt only when what it shows changed, so a focused link survives unrelated evaluations.
  const key = JSON.stringify([ref.modeName, shown]);
  if (ref.rendered === key) return;
  ref.rendered = key;
  setChildren(ref.list, shown.map((entry) => entryItem(entry, ref.modeName)));
}

function entryItem(entry, modeName) {
  const blocksId = domId("still-missing", entry.questionId);
  const k = entry.measureIds.length;
  const blocks = h(
    "span",
    { className: "still-missing-blocks", id: blocksId },
    tc("still-missing.waiting", k),
    " ",
    entry.measureIds.map((id, i) => [i > 0 ? ", " : "", h("span", { className: "id" }, id)]),
    ".",
    entry.gates > 0 ? [" ", tc("still-missing.gates", entry.gates)] : null,
  );
  const question = entry.href
    ? h("a", { href: entry.href, "aria-describedby": blocksId }, entry.text)
    : h("span", {}, entry.text, " ", h("span", { className: "hint" }, entry.known ? t("still-missing.left-out-short") : `(${entry.questionId})`));
  return h("li", { className: "still-missing-item" }, question, " ", blocks);
}
