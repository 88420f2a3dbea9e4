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
import { h, setChildren, show, domId } from "./dom.js";
import { measureText, chapterText, crossCheckText } from "./texts.js";
import { statusLabel, sourceText } from "./wording.js";
import { citations } from "./fields.js";
import { t, tc } from "./catalogue.js";

/** The cross-check statuses named in words (`what-changed.cross-check.<status>`). */
const CROSS_CHECK_STATUSES = new Set(["not-checked", "passed", "tripped"]);

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
 * the panel is dismissed (to move the focus on). `engine` hands in the engine's `whatChanged` and
 * `reportSummary`: this module imports no engine, so that the page can take them from whichever
 * engine has the evaluation (the page engine today; the whole one, www/exports.js, once the page
 * starts on the first-screen engine: docs/performance.md, "The two-phase start").
 * @param {HTMLElement} section
 * @param {any} pack
 * @param {{ engine: { whatChanged: Function, reportSummary: Function }, onDismiss?: () => void }} options
 */
export function buildWhatChanged(section, pack, { engine, onDismiss = () => {} }) {
  const { whatChanged, reportSummary } = engine;
  const questions = new Map(pack.chapters.flatMap((c) => c.commitments.flatMap((cm) => cm.measures.flatMap((m) => m.questions.map((q) => [q.id, q])))));
  const changes = new Map((pack.changelog ?? []).flatMap((v) => v.changes.map((c) => [c.id, { ...c, version: v.version }])));
  let openId = null;
  /** The earlier check the panel compares with, while it is shown. */
  let pending = null;
  let shown = null;
  /** The open assessment's latest report, whose summary is stored when it is left. */
  let latest = null;

  const body = h("div", { className: "what-changed-body" });
  const dismiss = h("button", { type: "button", className: "what-changed-dismiss" }, t("what-changed.dismiss"));
  setChildren(section, h("h2", { id: "what-changed-title", tabindex: "-1" }, t("what-changed.title")), body, dismiss);
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
      c.sources.length ? [" ", citations(`(${c.sources.map(sourceText).join("; ")})`)] : null,
    );
  }

  function changeLinks(ids) {
    return ids.map((id, i) => [i > 0 ? ", " : "", h("a", { href: `#${domId("change", id)}` }, id)]);
  }

  function crossCheckStatus(status) {
    return CROSS_CHECK_STATUSES.has(status) ? t(`what-changed.cross-check.${status}`) : status;
  }

  /** "now applies (it did not apply)": `what-changed.applicability.<now>.<before>` would be nine
   * sentences; the two halves read well apart in every language shipped. */
  function applicability(value) {
    return t(`what-changed.applies.${value === true ? "yes" : value === false ? "no" : "undecided"}`);
  }

  function applicabilityBefore(value) {
    return t(`what-changed.applied.${value === true ? "yes" : value === false ? "no" : "undecided"}`);
  }

  function causeText(cause, w) {
    switch (cause.kind) {
      case "pack-change":
        return [t("what-changed.cause.pack"), " ", changeLinks(cause.changes)];
      case "chapter-applicability":
        return t("what-changed.cause.chapter", { chapter: chapterText(cause.chapter).title, now: applicability(cause.after), before: applicabilityBefore(cause.before) });
      case "answers-changed":
        return t("what-changed.cause.answers", { questions: cause.questions.map((q) => questions.get(q)?.text ?? q).join("; ") });
      case "engine-changed":
        return t("what-changed.cause.engine", { before: w.before.engineVersion ?? t("what-changed.unknown-version"), after: w.after.engineVersion });
      default:
        return t("what-changed.cause.unknown");
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
        t("what-changed.lead", { before: w.before.packVersion, after: w.after.packVersion }),
        " ",
        t(w.statusesKnown ? "what-changed.lead.known" : "what-changed.lead.unknown"),
      ),
    ];
    if (w.measures.length) {
      parts.push(
        h("h3", {}, t("what-changed.moved")),
        h(
          "ul",
          { className: "what-changed-list" },
          w.measures.map((m) =>
            h(
              "li",
              {},
              h("a", { href: `#${domId("measure", m.id)}` }, h("span", { className: "id" }, m.id), " ", measureText(m.id).title),
              t("what-changed.was-now", { before: statusLabel(m.before), after: statusLabel(m.after) }),
              ". ",
              t("what-changed.why"),
              " ",
              causes(m.causes, w),
              ".",
            ),
          ),
        ),
      );
    } else if (w.statusesKnown) {
      parts.push(h("p", {}, t("what-changed.none-moved")));
    }
    const added = w.questions.filter((q) => q.change === "added" && q.concernsYou);
    const removed = w.questions.filter((q) => q.change === "removed" && q.concernsYou);
    if (added.length) {
      parts.push(h("h3", {}, t("what-changed.new-questions")), h("ul", { className: "what-changed-list" }, added.map((q) => h("li", {}, questionLink(q.id)))));
    }
    if (removed.length) {
      parts.push(
        h("h3", {}, t("what-changed.removed")),
        h("p", {}, t("what-changed.removed.kept")),
        h("ul", { className: "what-changed-list" }, removed.map((q) => h("li", {}, h("code", {}, q.id), " (", changeLinks(q.changes), ")"))),
      );
    }
    // An answer to a removed question is already listed above.
    const findings = w.findingsAppeared.filter((f) => !(f.code === "unknown-question" && removed.some((q) => q.id === f.questionId)));
    if (findings.length) {
      parts.push(
        h("h3", {}, t("what-changed.check-again")),
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
        h("h3", {}, t("what-changed.cross-checks")),
        h(
          "ul",
          { className: "what-changed-list" },
          crossChecks.map((x) =>
            h(
              "li",
              {},
              h("span", { className: "id" }, x.id),
              " ",
              x.after === null ? t("what-changed.cross-check.removed") : crossCheckText(x.id).title,
              x.before === null ? t("what-changed.cross-check.new") : x.after === null ? "" : t("what-changed.was-now", { before: crossCheckStatus(x.before), after: crossCheckStatus(x.after) }),
              ". ",
              t("what-changed.why"),
              " ",
              causes(x.causes, w),
              ".",
            ),
          ),
        ),
      );
    }
    if (w.relevantChanges.length) {
      parts.push(h("h3", {}, t("what-changed.relevant")), h("ul", { className: "what-changed-changes" }, w.relevantChanges.map(changeItem)));
    }
    const others = w.changes.filter((id) => !w.relevantChanges.includes(id));
    if (others.length) {
      parts.push(
        h("details", {}, h("summary", {}, tc("what-changed.others", others.length)), h("ul", { className: "what-changed-changes" }, others.map(changeItem))),
      );
    }
    setChildren(body, parts);
  }

  return { update, keepLatest };
}
