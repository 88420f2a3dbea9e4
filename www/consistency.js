// The "Consistency checks" section: contradictions between answers that describe the same fact
// in two places (the profile, the Model Documentation Form, the Copyright chapter, the
// training-content summary). Tripped checks are listed in full and marked at their questions;
// the others are counted.
import { h, setChildren, setText, show, domId } from "./dom.js";
import { sourceLine } from "./wording.js";
import { t, tc } from "./catalogue.js";
import { crossCheckText } from "./texts.js";
/** @import { CrossCheckResult } from "../pkg/gpai_check.js" */

/** "2 contradictions found. 7 checks passed; 21 not checked yet (they need answers on both sides)." */
export function crossCheckCountsText(counts) {
  const tripped = counts.tripped === 0 ? t("cross-checks.none-tripped") : tc("cross-checks.tripped", counts.tripped);
  const passed = tc("cross-checks.passed", counts.passed);
  if (!counts.notChecked) return t("cross-checks.counts", { tripped, passed });
  return t("cross-checks.counts.pending", { tripped, passed, pending: tc("cross-checks.not-checked", counts.notChecked) });
}

/** Profile inputs a pack condition reads ({ profile } conditions and operands), in order. */
export function profileInputsOf(condition, out = []) {
  if (!condition || typeof condition !== "object") return out;
  if (typeof condition.profile === "string" && !out.includes(condition.profile)) out.push(condition.profile);
  if (typeof condition.profile?.input === "string" && !out.includes(condition.profile.input)) out.push(condition.profile.input);
  for (const c of condition.all ?? []) profileInputsOf(c, out);
  for (const c of condition.any ?? []) profileInputsOf(c, out);
  for (const key of ["not", "magnitude"]) if (condition[key]) profileInputsOf(condition[key], out);
  if (condition.compare) {
    profileInputsOf(condition.compare.left, out);
    profileInputsOf(condition.compare.right, out);
  }
  return out;
}

/**
 * Updates the section. `refs` = { counts, list, passedBox, passedSummary, passedList } (elements
 * of index.html); `questions` maps question ids to their references, to link the questions
 * that are on screen; `profileLinks(checkId)` gives [{ text, href }] for the profile answers a
 * check compares with.
 * @param {CrossCheckResult[]} crossChecks
 * @param {(checkId: string) => { text: string, href: string }[]} [profileLinks]
 */
export function renderCrossChecks(refs, crossChecks, counts, questions, profileLinks = () => []) {
  setText(refs.counts, crossCheckCountsText(counts));
  const tripped = crossChecks
    .filter((c) => c.status === "tripped")
    .map((c) => ({
      ...c,
      ...crossCheckText(c.id),
      links: c.questions.map((qid) => {
        const q = questions.get(qid);
        return { text: q?.question.text ?? qid, href: q ? `#${q.focusId}` : null, visible: Boolean(q && !q.root.closest("[hidden]")) };
      }),
      profile: profileLinks(c.id),
    }));
  show(refs.list, tripped.length > 0);
  rebuildIfChanged(refs.list, tripped, () => tripped.map(trippedItem));

  const passed = crossChecks.filter((c) => c.status === "passed");
  show(refs.passedBox, passed.length > 0);
  setText(refs.passedSummary, tc("cross-checks.show-passed", passed.length));
  rebuildIfChanged(
    refs.passedList,
    passed.map((c) => c.id),
    () => passed.map((c) => h("li", {}, h("span", { className: "id" }, c.id), " ", crossCheckText(c.id).title)),
  );
}

function trippedItem(check) {
  return h(
    "li",
    { className: "cross-check tripped", id: domId("xcheck", check.id) },
    h(
      "p",
      { className: "cross-check-head" },
      h("span", { className: "badge badge-not-met" }, t("cross-checks.contradiction")),
      " ",
      h("span", { className: "id" }, check.id),
      " ",
      h("strong", {}, check.title),
    ),
    h("p", {}, check.message),
    sourceLine(check.sources),
    check.links.length
      ? h(
          "p",
          { className: "cross-check-questions" },
          tc("cross-checks.questions", check.links.length),
          " ",
          check.links.map((l, i) => [
            i > 0 ? "; " : "",
            l.visible ? h("a", { href: l.href }, l.text) : h("span", {}, t("findings.not-asked", { question: l.text })),
          ]),
        )
      : null,
    check.profile.length
      ? h(
          "p",
          { className: "cross-check-questions" },
          tc("cross-checks.profile-answers", check.profile.length),
          " ",
          check.profile.map((l, i) => [i > 0 ? "; " : "", h("a", { href: l.href }, l.text)]),
        )
      : null,
  );
}

function rebuildIfChanged(el, data, build) {
  const key = JSON.stringify(data);
  if (el.dataset.rendered === key) return;
  el.dataset.rendered = key;
  setChildren(el, build());
}

/** Question id -> the tripped checks ({ id, title }) that name it. */
export function trippedByQuestion(crossChecks) {
  const out = new Map();
  for (const c of crossChecks) {
    if (c.status !== "tripped") continue;
    for (const qid of c.questions) out.set(qid, [...(out.get(qid) ?? []), { id: c.id, title: crossCheckText(c.id).title }]);
  }
  return out;
}
