// "What changed since your last check": the page keeps, for each assessment, the summary of its
// last report (reportSummary(), a third of the report or less), written when the assessment is
// opened and when the person leaves it (another assessment opened, the page hidden or closed):
// not on every change, which would cost more than the evaluation itself. An assessment last checked under
// an earlier version of the rule pack opens with the engine's comparison of that check and the
// one made now (whatChanged()), shown before anything else until the person dismisses it. The
// engine decides what moved and why; this module only stores the summaries and puts words (the
// pack's, by id) to the result.
//
//   gpai-check:v1:last-check:<id>   a CheckSummary, or { packId, packVersion } for an assessment
//                                    stored by a page that kept no summary
import { whatChanged, reportSummary } from "../pkg/gpai_check.js";
import { h, setChildren, show, domId } from "./dom.js";
import { measureText, chapterText, crossCheckText } from "./texts.js";
import { statusLabel, sourceText } from "./wording.js";

export const CHECK_PREFIX = "gpai-check:v1:last-check:";
const checkKey = (id) => `${CHECK_PREFIX}${id}`;
/** Where the checks are kept when the page keeps nothing in the browser's storage (see below). */
let memory = null;

/**
 * Keeps the last checks on this page only, from now on: for a page that keeps its assessments in
 * memory (opened from disk, where every file shares one storage, or with storage refused).
 */
export function keepChecksInMemory() {
  memory ??= new Map();
}

function readCheck(id) {
  if (memory) return memory.get(id) ?? null;
  try {
    const text = localStorage.getItem(checkKey(id));
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function writeCheck(id, value) {
  if (memory) {
    memory.set(id, value);
    return true;
  }
  try {
    localStorage.setItem(checkKey(id), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Forgets an assessment's last check (when the assessment is deleted). */
export function forgetCheck(id) {
  if (memory) {
    memory.delete(id);
    return;
  }
  try {
    localStorage.removeItem(checkKey(id));
  } catch {
    // Storage refused: nothing was kept either.
  }
}

/**
 * The panel and its memory. `section` is the page's `#what-changed` element; `pack` the pack the
 * page checks with (its changelog gives the words of each change); `onDismiss` is called after
 * the panel is dismissed (to move the focus on).
 */
export function buildWhatChanged(section, pack, { onDismiss = () => {} } = {}) {
  const questions = new Map(pack.chapters.flatMap((c) => c.commitments.flatMap((cm) => cm.measures.flatMap((m) => m.questions.map((q) => [q.id, q])))));
  const changes = new Map((pack.changelog ?? []).flatMap((v) => v.changes.map((c) => [c.id, { ...c, version: v.version }])));
  let openId = null;
  /** The earlier check the panel compares with, while it is shown. */
  let pending = null;
  let shown = null;
  /** The open assessment's latest report, whose summary is stored when it is left. */
  let latest = null;

  const body = h("div", { className: "what-changed-body" });
  const dismiss = h("button", { type: "button", className: "what-changed-dismiss" }, "Dismiss");
  setChildren(section, h("h2", { id: "what-changed-title", tabindex: "-1" }, "What changed since your last check"), body, dismiss);
  dismiss.addEventListener("click", () => {
    pending = null;
    shown = null;
    show(section, false);
    keepLatest();
    onDismiss();
  });
  globalThis.addEventListener?.("pagehide", () => keepLatest());
  globalThis.document?.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") keepLatest();
  });

  /** Stores the summary of the open assessment's latest report, unless the panel still needs the earlier one. */
  function keepLatest() {
    if (!latest || pending) return;
    const summary = JSON.stringify(reportSummary(latest.report));
    if (summary !== latest.stored) {
      writeCheck(latest.id, JSON.parse(summary));
      latest.stored = summary;
    }
  }

  /**
   * After every evaluation of the open assessment `record`, with its `report`. On the first one
   * after opening it: stores the summary of the assessment left, and shows the panel if this one
   * was last checked under an earlier pack version (or stores its first summary). Returns the
   * comparison while the panel is shown, else null.
   */
  function update(record, report) {
    if (record.id !== openId) {
      keepLatest();
      openId = record.id;
      pending = null;
      let earlier = readCheck(record.id);
      // Stored by a page that kept no summary: its pack version is all there is to compare with.
      // Written at once, because saving the assessment now records the current version.
      const version = record.packVersion ?? record.unmatchedPackVersion;
      if (!earlier && version && version !== pack.version) {
        earlier = { packId: pack.id, packVersion: version };
        writeCheck(record.id, earlier);
      }
      if (earlier && earlier.packVersion !== pack.version) pending = earlier;
      latest = { id: record.id, report, stored: earlier && !pending ? JSON.stringify(earlier) : null };
      if (!earlier) keepLatest();
    } else {
      latest.report = report;
    }
    if (!pending) {
      show(section, false);
      return null;
    }
    if (shown?.id !== record.id) {
      let result;
      try {
        result = whatChanged(pending, report);
      } catch {
        // A kept check the engine cannot read (damaged, or of another pack): nothing to compare
        // with; the check made now is kept instead.
        pending = null;
        latest.stored = null;
        keepLatest();
        show(section, false);
        return null;
      }
      shown = { id: record.id, result };
      render(result);
      show(section, true);
    }
    return shown.result;
  }

  function changeItem(id) {
    const c = changes.get(id);
    if (!c) return h("li", {}, id);
    return h(
      "li",
      { id: domId("change", id) },
      h("span", { className: "id" }, id),
      " ",
      c.reason,
      c.sources.length ? h("span", { className: "source" }, ` (${c.sources.map(sourceText).join("; ")})`) : null,
    );
  }

  function changeLinks(ids) {
    return ids.map((id, i) => [i > 0 ? ", " : "", h("a", { href: `#${domId("change", id)}` }, id)]);
  }

  function crossCheckStatus(status) {
    return status === "not-checked" ? "not checked yet" : status;
  }

  function applicability(value) {
    return value === true ? "applies" : value === false ? "does not apply" : "is not decided yet";
  }

  function applicabilityBefore(value) {
    return value === true ? "applied" : value === false ? "did not apply" : "was not decided";
  }

  function causeText(cause, w) {
    switch (cause.kind) {
      case "pack-change":
        return ["changes to the rule pack: ", changeLinks(cause.changes)];
      case "chapter-applicability":
        return `the chapter ${chapterText(cause.chapter).title} now ${applicability(cause.after)} (it ${applicabilityBefore(cause.before)}): the scope decision changed`;
      case "answers-changed":
        return `your answers changed (${cause.questions.map((q) => questions.get(q)?.text ?? q).join("; ")})`;
      case "engine-changed":
        return `the checker's engine changed (version ${w.before.engineVersion ?? "unknown"} to ${w.after.engineVersion})`;
      default:
        return "nothing the two checks show explains it";
    }
  }

  function causes(list, w) {
    return list.map((c, i) => [i > 0 ? "; " : "", causeText(c, w)]);
  }

  function questionLink(id) {
    const q = questions.get(id);
    return q ? h("a", { href: `#${domId("q", id)}` }, q.text) : h("code", {}, id);
  }

  function render(w) {
    const parts = [
      h(
        "p",
        { className: "lead" },
        `This assessment was last checked with version ${w.before.packVersion} of the rule pack; the checker now uses version ${w.after.packVersion}. `,
        w.statusesKnown
          ? "Here is what that changes for your answers."
          : "That check was made before this page kept a summary of each check, so which results moved cannot be said; these changes to the rule pack concern this assessment.",
      ),
    ];
    if (w.measures.length) {
      parts.push(
        h("h3", {}, "Results that moved"),
        h(
          "ul",
          { className: "what-changed-list" },
          w.measures.map((m) =>
            h(
              "li",
              {},
              h("a", { href: `#${domId("measure", m.id)}` }, h("span", { className: "id" }, m.id), " ", measureText(m.id).title),
              `: was ${statusLabel(m.before)}, now ${statusLabel(m.after)}. Why: `,
              causes(m.causes, w),
              ".",
            ),
          ),
        ),
      );
    } else if (w.statusesKnown) {
      parts.push(h("p", {}, "No measure's result moved."));
    }
    const added = w.questions.filter((q) => q.change === "added" && q.concernsYou);
    const removed = w.questions.filter((q) => q.change === "removed" && q.concernsYou);
    if (added.length) {
      parts.push(h("h3", {}, "New questions for you"), h("ul", { className: "what-changed-list" }, added.map((q) => h("li", {}, questionLink(q.id)))));
    }
    if (removed.length) {
      parts.push(
        h("h3", {}, "Questions removed"),
        h("p", {}, "Your answers to them are kept with this assessment, but no longer used:"),
        h("ul", { className: "what-changed-list" }, removed.map((q) => h("li", {}, h("code", {}, q.id), " (", changeLinks(q.changes), ")"))),
      );
    }
    // An answer to a removed question is already listed above.
    const findings = w.findingsAppeared.filter((f) => !(f.code === "unknown-question" && removed.some((q) => q.id === f.questionId)));
    if (findings.length) {
      parts.push(
        h("h3", {}, "Answers to check again"),
        h(
          "ul",
          { className: "what-changed-list" },
          findings.map((f) =>
            h("li", {}, f.code === "unknown-question" ? h("code", {}, f.questionId) : questionLink(f.questionId), f.changes.length ? [" (", changeLinks(f.changes), ")"] : null),
          ),
        ),
      );
    }
    const crossChecks = w.crossChecks.filter((x) => x.after !== "not-checked" || x.before !== null);
    if (crossChecks.length) {
      parts.push(
        h("h3", {}, "Cross-checks"),
        h(
          "ul",
          { className: "what-changed-list" },
          crossChecks.map((x) =>
            h(
              "li",
              {},
              h("span", { className: "id" }, x.id),
              " ",
              x.after === null ? "removed" : crossCheckText(x.id).title,
              x.before === null ? ": new" : x.after === null ? "" : `: was ${crossCheckStatus(x.before)}, now ${crossCheckStatus(x.after)}`,
              ". Why: ",
              causes(x.causes, w),
              ".",
            ),
          ),
        ),
      );
    }
    if (w.relevantChanges.length) {
      parts.push(h("h3", {}, "The changes to the rule pack that concern you"), h("ul", { className: "what-changed-changes" }, w.relevantChanges.map(changeItem)));
    }
    const others = w.changes.filter((id) => !w.relevantChanges.includes(id));
    if (others.length) {
      parts.push(
        h("details", {}, h("summary", {}, `${others.length} other ${others.length === 1 ? "change" : "changes"} to the rule pack`), h("ul", { className: "what-changed-changes" }, others.map(changeItem))),
      );
    }
    setChildren(body, parts);
  }

  return { update, keepLatest };
}
