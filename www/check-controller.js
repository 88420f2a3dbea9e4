// The check on screen, shared by the page (www/app.js) and the <gpai-check> element
// (www/gpai-check-element.js): one assessment's state -> one `evaluate` -> everything it changes
// on screen. It builds the profile form and the questionnaire, wires the places (the guided
// layout, places.js) and renders, after every evaluation, the guided profile, the scope decision
// and "Next:", the status bar (summary, fines countdown, "Still missing", each place's progress),
// the questions with their statuses, short mode, still missing, the consistency checks, the
// answers to check, the values kept that the engine cannot use and the answers kept from another
// pack version. What is only the page's (the list of assessments, storage, files, the one-file
// link, the language switcher, the layout preference) or only the element's (its attributes,
// events and API) stays with them; they hand their own parts in as hooks.
import { simplificationText, chapterText } from "./texts.js";
import { h, setText, setChildren, show, domId } from "./dom.js";
import { buildProfileForm, shownValue } from "./profile-form.js";
import { buildQuestionnaire } from "./questionnaire.js";
import { renderScope, applyReport, renderFindings, summaryText } from "./results.js";
import { buildStillMissing } from "./still-missing.js";
import { renderCrossChecks, profileInputsOf } from "./consistency.js";
import { evaluateKeeping } from "./kept-values.js";
import { questionsOf } from "./transfer.js";
import { aiOfficeOnlyQuestions, shortModeReason, neededQuestions, answeredQuestions, hiddenText } from "./short-mode.js";
import { formatDate, answerText } from "./wording.js";
import { t, tc, tParts } from "./catalogue.js";
import { buildPlaces } from "./places.js";

/** The two layouts: one place at a time ("guided", the default) or every place on one page. */
export const LAYOUTS = ["guided", "all"];

/**
 * The short-mode vocabulary, one for the page and the element: `full` (every question that
 * applies) or `short`. `sme` is what the element's `mode` attribute said before; it still means
 * `short`.
 * @param {string | null | undefined} value
 * @returns {"full" | "short"}
 */
export function modeOf(value) {
  return value === "short" || value === "sme" ? "short" : "full";
}

/** Sets or removes one answer; `defineProperty`, so that a key such as "__proto__" stays a key. */
export function setOrRemove(record, key, value) {
  if (value === undefined) delete record[key];
  else Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Days from ISO date `a` to ISO date `b` (negative when b is earlier). */
function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

function timing(name, start, end) {
  try {
    performance.clearMeasures(name);
    performance.measure(name, { start, end });
  } catch {
    // A browser without User Timing Level 3 simply goes unmeasured.
  }
}

/**
 * Keeps `--status-bar-height` on `holder` (the page's <html>, the element's wrapper) at the
 * status bar's height: links scroll their target below the bar, and the decision beside the
 * profile stays under it (style.css).
 */
export function keepStatusBarHeight(bar, holder) {
  const set = () => holder.style.setProperty("--status-bar-height", `${Math.ceil(bar.getBoundingClientRect().height)}px`);
  set();
  if (typeof ResizeObserver === "function") new ResizeObserver(set).observe(bar);
}

/**
 * The check for one assessment at a time.
 *
 * @param {object} options
 * @param {Document | ShadowRoot} options.root where its elements live: ids are looked up and focus is read here
 * @param {Record<string, any>} options.refs the elements it renders into (see docs/browser-app.md, "The controller")
 * @param {{ evaluate: Function, scope: Function }} options.engine `evaluate` makes the report (the page: `evaluate`; the element: `sealedReport`), `scope` decides the scope alone (for the decisive assumptions)
 * @param {any} options.packData the pack, in the language spoken
 * @param {any[]} options.questions the profile questions (`scopeQuestions()` or the language's)
 * @param {Record<string, string>} options.keyDates the Act's key dates (`scopeTexts().dates`)
 * @param {() => any} options.state the open assessment: `{ title, profile, answers, mode, unmatchedAnswers?, unmatchedPackVersion?, storedAs?, extra?, id? }`
 * @param {(mutate: () => void, touched: string) => void} options.edit applies an edit the person made (the host saves it, then calls refresh())
 * @param {string} [options.layout] the layout to start in
 * @param {(layout: string) => void} [options.keepLayout] keeps a layout chosen with `refs.layoutSwitch`
 * @param {boolean} [options.deferred] the questionnaire is built in slices by the host (questionnaire.js)
 * @param {{ evaluated?: Function, rendered?: Function, noReport?: Function, refreshed?: Function }} [options.hooks]
 */
export function createCheck({ root, refs, engine, packData, questions, keyDates = {}, state, edit, layout, keepLayout, deferred = false, hooks = {} }) {
  const questionIds = new Set(questionsOf(packData).map((q) => q.id));
  const aiOfficeOnly = aiOfficeOnlyQuestions(packData);
  const crossCheckInputs = new Map(packData.chapters.flatMap((c) => (c.crossChecks ?? []).map((x) => [x.id, profileInputsOf(x.when)])));
  const chapterOfQuestion = new Map(packData.chapters.flatMap((c) => questionsOf({ chapters: [c] }).map((q) => [q.id, c.id])));
  const byId = (id) => (id ? root.getElementById(id) : null);
  const activeElement = () => root.activeElement;

  /** The latest report, and the assessment it is of: a report is never shown under another's name. */
  let report = null;
  let reportOf = null;
  /** The submission the report was made from: the state less what the engine refused (setAside). */
  let evaluated = null;
  /** What the engine refused in the open assessment, kept and shown (kept-values.js). */
  let setAside = [];
  const refusals = new Map();
  let renderedScope = "";
  /** The guided layout shows every profile question when the person asked for them all. */
  let profileAll = false;

  const profileForm = buildProfileForm(refs.profileFields, questions, (key, value) => edit(() => setOrRemove(state().profile, key, value), "profile"));
  const questionnaire = buildQuestionnaire(refs.chapters, packData, (id, value) => edit(() => setOrRemove(state().answers, id, value), "answers"), { deferred });
  const stillMissing = buildStillMissing();
  stillMissing.section.dataset.place = "review";
  refs.stillMissingAfter.after(stillMissing.section);

  const places = buildPlaces({
    main: refs.main,
    nav: refs.placesNav,
    layoutSwitch: refs.layoutSwitch ?? null,
    root,
    ...(layout ? { layout } : {}),
    ...(keepLayout ? { keepLayout } : {}),
    places: [
      { id: "model", title: t("places.model"), heading: "profile-title" },
      ...packData.chapters.map((c) => ({ id: c.id, title: c.title, heading: `${domId("chapter", c.id)}-title` })),
      { id: "review", title: t("places.review"), heading: "still-missing-title" },
    ],
    onChange: () => refresh(),
  });
  refs.profileAll.addEventListener("click", () => {
    profileAll = !profileAll;
    refresh();
  });

  /** The open assessment as a submission, everything in it (the engine decides what it can use). */
  function submission() {
    const s = state();
    return {
      pack: packData.id,
      packVersion: packData.version,
      title: s.title.trim() || undefined,
      profile: s.profile,
      // Answers kept from another pack version go along, so the report lists them as findings.
      answers: { ...s.unmatchedAnswers, ...s.answers },
    };
  }

  /**
   * One evaluation, then every visible consequence of it. What the engine refuses in the profile
   * (a number typed as "2,4e25", a date saved as "2025-02-30") is set aside, kept and shown at its
   * field, and the rest is evaluated (kept-values.js). If the rest is refused too (a submission
   * over the size limit), the report stays only if it is this assessment's, marked as from before
   * the change; another assessment's report is never shown under this one's name. `hooks.evaluated`
   * says so in the host's words. Returns the evaluation's result.
   *
   * The two halves are timed with the User Timing API ("gpai-check:evaluate",
   * "gpai-check:render"; only the latest of each is kept).
   */
  function refresh() {
    const started = performance.now();
    const s = state();
    const result = evaluateKeeping(engine.evaluate, submission(), refusals);
    setAside = result.setAside;
    const own = reportOf === s.id;
    if (result.report) {
      report = result.report;
      reportOf = s.id;
      evaluated = result.submission;
    } else if (!own) {
      report = null;
      evaluated = null;
    }
    hooks.evaluated?.(result, { earlier: !result.report && own });
    const done = performance.now();
    const effectiveProfile = profileForm.effective(result.submission.profile);
    renderGuide(effectiveProfile, report && reportOf === s.id ? report.scope : null);
    profileForm.showKept(setAside);
    renderKept();
    if (report) render(effectiveProfile);
    else renderNoReport();
    hooks.refreshed?.(result);
    timing("gpai-check:evaluate", started, done);
    timing("gpai-check:render", done, performance.now());
    return result;
  }

  /** Renders the current report again (after more of the questionnaire was built). */
  function renderAgain() {
    if (report) render(profileForm.effective(evaluated.profile));
    else renderNoReport();
  }

  /**
   * The profile as the layout asks it. Guided: only what can still change the scope decision
   * (the engine's `decidedBy`, in its order, the first marked "Next question"), what completes
   * its figures once it is made, what is answered, and the date; a button shows every question.
   */
  function renderGuide(effectiveProfile, scope) {
    const guided = places.layout === "guided" && scope && !profileAll;
    const guide = guided
      ? {
          decidedBy: scope.decidedBy ?? [],
          undecided: scope.inScope === null,
          complete: scope.inScope === null ? [] : scope.missingInputs ?? [],
          answered: new Set(Object.keys(state().profile)),
          // The engine names the unanswered questions whose assumed answer decides the verdict
          // (scope.decisiveAssumptions): a person whom an assumption does not fit learns it at once.
          always: ["assessment_date", ...(scope.decisiveAssumptions ?? [])],
        }
      : null;
    const left = profileForm.updateVisibility(effectiveProfile, guide);
    const canGuide = places.layout === "guided" && Boolean(scope);
    const button = refs.profileAll;
    show(button, canGuide && (profileAll || left > 0));
    button.setAttribute("aria-expanded", String(profileAll));
    setText(button, profileAll ? t("profile.show-relevant") : tc("profile.show-all", left));
    const text = !guided
      ? ""
      : scope.inScope === null
        ? left
          ? tc("profile.guide.undecided.others", left)
          : t("profile.guide.undecided")
        : t(scope.missingInputs?.length ? "profile.guide.decided.figures" : "profile.guide.decided");
    setText(refs.profileGuide, text);
    show(refs.profileGuide, Boolean(text));
  }

  /**
   * The open assessment has no report: every question is shown with its answer, and nothing
   * made from a report (the host hides the rest, `hooks.noReport`).
   */
  function renderNoReport() {
    questionnaire.updateVisibility({ questions: [...questionIds].map((id) => ({ id, asked: true })) });
    renderUnmatched();
    setText(refs.statusDeadline, "");
    show(refs.statusMissing, false);
    places.progress({});
    renderPlaceSteps();
    hooks.noReport?.();
  }

  function render(effectiveProfile) {
    const s = state();
    const scopeKey = JSON.stringify(report.scope);
    if (scopeKey !== renderedScope) {
      renderedScope = scopeKey;
      renderScope(refs.scopeResult, report.scope, (key) => profileForm.label(key), (key) => `#${profileForm.fieldId(key) ?? domId("p", key)}`);
      // What to do next goes right under the verdict (renderScopeNext fills it).
      byId("scope-verdict")?.after(refs.scopeNext);
    }

    const short = s.mode === "short";
    const needed = short ? neededQuestions(report) : null;
    const answered = short ? answeredQuestions(report) : null;
    const applicable = new Set(report.chapters.filter((c) => c.applicable === true).map((c) => c.id));
    // Short mode leaves out questions of the chapters that apply (the others are not asked in
    // either mode), never the one being answered right now.
    const hidden = questionnaire.updateVisibility(
      report,
      short
        ? (id, q) => (!applicable.has(q.chapterId) || q.root?.contains(activeElement()) ? null : shortModeReason(id, { answered, needed, aiOfficeOnly }))
        : null,
    );
    applyReport(questionnaire, report, hidden, t("short.mode-name"), stillMissing);

    const crossChecks = report.crossChecks ?? [];
    renderCrossChecks(
      { counts: refs.crossCounts, list: refs.crossList, passedBox: refs.crossPassedBox, passedSummary: refs.crossPassedSummary, passedList: refs.crossPassed },
      crossChecks,
      report.summary.crossChecks ?? { passed: 0, tripped: 0, notChecked: 0 },
      questionnaire.questions,
      (checkId) =>
        (crossCheckInputs.get(checkId) ?? [])
          // Only fields on screen: a link to a hidden follow-up question would go nowhere.
          .filter((key) => profileForm.fieldId(key) && !byId(profileForm.fieldId(key))?.closest("[hidden]"))
          .map((key) => ({ text: profileForm.label(key), href: `#${profileForm.fieldId(key)}` })),
    );
    renderFindings(refs.findings, refs.findingsList, report.findings, questionnaire.questions);
    setText(refs.summary, summaryText(report));
    if (refs.jumpLinks) {
      const trippedCount = report.summary.crossChecks?.tripped ?? 0;
      show(refs.jumpCrossChecks, trippedCount > 0);
      show(refs.jumpFindings, report.findings.length > 0);
      show(refs.jumpLinks, trippedCount > 0 || report.findings.length > 0);
    }
    renderShortModeInfo(short, hidden, effectiveProfile);
    renderUnmatched();
    renderStatus();
    renderScopeNext();
    hooks.rendered?.(report);
  }

  /** What to do next, at the top of the decision: the question that decides, or where to go. */
  function renderScopeNext() {
    const scope = report.scope;
    const firstQuestion = (scope.decidedBy ?? []).find((key) => profileForm.fieldId(key) && !byId(profileForm.fieldId(key))?.closest("[hidden]"));
    const applying = report.chapters.filter((c) => c.applicable === true).map((c) => ({ id: c.id, title: chapterText(c.id).title }));
    const key = JSON.stringify([scope.inScope, firstQuestion, applying.map((c) => c.id)]);
    const el = refs.scopeNext;
    if (el.dataset.rendered === key) return;
    el.dataset.rendered = key;
    const chapterLink = (c) => h("a", { href: `#${domId("chapter", c.id)}-title` }, c.title);
    let content = null;
    if (scope.inScope === null && firstQuestion) content = tParts("scope.next.answer", { question: h("a", { href: `#${profileForm.fieldId(firstQuestion)}` }, profileForm.text(firstQuestion)) });
    else if (scope.inScope === true && applying.length)
      content = tParts(`scope.next.chapters.${applying.length === 1 ? "one" : "other"}`, { chapters: applying.flatMap((c, i) => (i ? [", ", chapterLink(c)] : [chapterLink(c)])) });
    else if (scope.inScope === false) content = t("scope.next.out");
    setChildren(el, content);
    show(el, Boolean(content));
  }

  /**
   * The status bar under the summary (which the bar holds): when the Commission can fine,
   * counted from the assessment's date; how many questions are still missing; and each place's
   * progress.
   */
  function renderStatus() {
    const scope = report.scope;
    const fines = keyDates.finesApply;
    let deadline = "";
    if (fines && scope.inScope !== false) {
      const when = formatDate(fines);
      if (!report.assessmentDate) deadline = t("status.fines.from", { date: when });
      else {
        const days = daysBetween(report.assessmentDate, fines);
        deadline =
          days > 0
            ? tc("status.fines.after", days, { date: when })
            : tc("status.fines.since", -days, { date: when });
      }
    }
    setText(refs.statusDeadline, deadline);
    const missing = report.missing?.length ?? 0;
    setText(refs.statusMissing, tc("status.missing", missing));
    show(refs.statusMissing, missing > 0);

    const progress = {
      model: {
        text: t(scope.inScope === true ? "progress.in-scope" : scope.inScope === false ? "progress.not-in-scope" : "progress.undecided"),
        state: scope.inScope === true ? "in" : scope.inScope === false ? "out" : "undecided",
      },
    };
    const perChapter = new Map();
    for (const q of report.questions) {
      if (!q.asked) continue;
      const c = chapterOfQuestion.get(q.id);
      const counts = perChapter.get(c) ?? { asked: 0, answered: 0 };
      counts.asked += 1;
      if (q.answer === "answered") counts.answered += 1;
      perChapter.set(c, counts);
    }
    for (const chapter of report.chapters) {
      const counts = perChapter.get(chapter.id) ?? { asked: 0, answered: 0 };
      progress[chapter.id] =
        chapter.applicable === false
          ? { text: t("progress.does-not-apply"), state: "out" }
          : {
              text: counts.asked
                ? t(chapter.applicable === null ? "progress.answered.may-apply" : "progress.answered", { answered: counts.answered, asked: counts.asked })
                : t(chapter.applicable === null ? "progress.may-apply" : "progress.nothing-to-ask"),
              state: chapter.applicable === null ? "undecided" : "in",
            };
    }
    const tripped = report.summary.crossChecks?.tripped ?? 0;
    const review = [missing ? tc("progress.missing", missing) : t("progress.nothing-missing"), tripped ? tc("progress.contradictions", tripped) : null, report.findings.length ? tc("progress.to-check", report.findings.length) : null];
    progress.review = { text: review.filter(Boolean).join(t("progress.separator")), state: tripped || report.findings.length ? "attention" : "" };
    places.progress(progress);
    renderPlaceSteps();
  }

  /** "Previous" and "Next" at the foot of the place on screen (guided layout). */
  function renderPlaceSteps() {
    const step = (place, rel, text) => (place ? h("a", { href: `#${place.heading}`, rel, dataset: { placeLink: place.id } }, text(place.title)) : h("span"));
    const key = JSON.stringify([places.current, places.layout]);
    if (refs.placeSteps.dataset.rendered === key) return;
    refs.placeSteps.dataset.rendered = key;
    setChildren(refs.placeSteps, step(places.neighbour(-1), "prev", (title) => t("places.previous", { title })), step(places.neighbour(1), "next", (title) => t("places.next", { title })));
  }

  /** What short mode leaves out, and the SME simplifications (or how to see them). */
  function renderShortModeInfo(short, hidden, effectiveProfile) {
    const el = refs.shortInfo;
    show(el, short);
    if (!short) return;
    const total = { optional: 0, aiOffice: 0 };
    for (const counts of hidden.values()) {
      total.optional += counts.optional;
      total.aiOffice += counts.aiOffice;
    }
    const simplifications = report.chapters.flatMap((c) => (c.applicable === true ? (c.simplifications ?? []).map((s) => ({ ...s, ...simplificationText(s.id), chapter: chapterText(c.id).title })) : []));
    const left = hiddenText(total);
    // SME and small mid-cap are profile inputs of the scope decision (Profile in gpai_check.d.ts).
    const smeProfile = effectiveProfile.is_sme === true || effectiveProfile.is_small_mid_cap === true;
    const smeField = profileForm.fieldId("is_sme");
    const elsewhere = packData.chapters.filter((c) => (c.simplifications ?? []).length && report.chapters.find((r) => r.id === c.id)?.applicable !== true).map((c) => c.title);
    const data = [left, simplifications.map((s) => s.id), smeProfile, elsewhere, smeField];
    if (el.dataset.rendered === JSON.stringify(data)) return;
    el.dataset.rendered = JSON.stringify(data);
    let sme;
    if (simplifications.length) {
      sme = [
        h("p", {}, t("short.sme.concern")),
        h(
          "ul",
          { className: "simplifications-list" },
          simplifications.map((s) => h("li", {}, h("a", { href: `#${domId("simplification", s.id)}` }, s.id), ` ${s.text} `, h("span", { className: "source" }, `(${s.chapter}; ${s.reference})`))),
        ),
      ];
    } else if (smeProfile) {
      sme = h(
        "p",
        {},
        elsewhere.length ? tc("short.sme.elsewhere", elsewhere.length, { chapters: elsewhere }) : t("short.sme.none"),
      );
    } else {
      sme = h(
        "p",
        {},
        smeField ? tParts("short.sme.hint.link", { link: h("a", { href: `#${smeField}` }, t("short.sme.link")) }) : t("short.sme.hint"),
      );
    }
    setChildren(el, h("p", {}, left ? t("short.on", { what: left }) : t("short.on.nothing")), sme);
  }

  /** Answers kept from another pack version, listed (the page also offers to discard them). */
  function renderUnmatched() {
    const s = state();
    const unmatched = Object.entries(s.unmatchedAnswers ?? {});
    show(refs.unmatched, unmatched.length > 0);
    const key = JSON.stringify([s.id, unmatched, s.unmatchedPackVersion]);
    if (refs.unmatched.dataset.rendered === key) return;
    refs.unmatched.dataset.rendered = key;
    if (!unmatched.length) return;
    const params = { version: packData.version, from: s.unmatchedPackVersion };
    setText(refs.unmatchedText, tc(s.unmatchedPackVersion ? "unmatched.text.from" : "unmatched.text", unmatched.length, params));
    setChildren(
      refs.unmatchedList,
      unmatched.map(([id, value]) => h("li", {}, h("code", {}, id), `: ${answerText(value)}`)),
    );
  }

  /**
   * What the open assessment holds that the engine cannot use, listed with where it is and why:
   * profile answers set aside (the field says so too), fields of the saved record this version
   * does not know, a mode it does not have. All of it is kept and saved as it is.
   */
  function renderKept() {
    const s = state();
    const items = setAside.map((entry) => {
      const name = entry.where === "title" ? t("kept.the-name") : answerName(entry.where, entry.key);
      const href = fieldOf(entry.where, entry.key);
      const why = entry.where === "profile" ? profileForm.reason(entry) : entry.message;
      return h("li", {}, tParts("kept.item", { name: href ? h("a", { href: `#${href}` }, name) : name, value: shownValue(entry.value), why }));
    });
    for (const [field, value] of Object.entries(s.storedAs ?? {})) items.push(h("li", {}, t("kept.stored-as", { field, value: shownValue(value) })));
    for (const [field, value] of Object.entries(s.extra ?? {})) items.push(h("li", {}, t("kept.extra", { field, value: shownValue(value) })));
    if (!["full", "short"].includes(s.mode)) items.push(h("li", {}, t("kept.mode", { value: shownValue(s.mode) })));
    const key = JSON.stringify([s.id, setAside.map((e) => [e.path, e.value, e.message]), s.storedAs, s.extra, s.mode]);
    show(refs.kept, items.length > 0);
    if (refs.kept.dataset.rendered === key) return;
    refs.kept.dataset.rendered = key;
    setText(refs.keptText, tc("kept.text", items.length));
    setChildren(refs.keptList, items);
  }

  /** A question, a profile question or the name, as the check names it in a notice. */
  function answerName(where, key) {
    if (where === "title") return t("answer-name.title");
    if (where === "profile") return t("quote", { text: profileForm.label(key) });
    if (where === "mode") return t("assessments.short-mode");
    const link = questionnaire.linkTo(key);
    return link.known ? t("quote", { text: link.text }) : t("answer-name.unknown", { key });
  }

  /** The id of the field of an answer, a profile answer or the name; null when not on screen. */
  function fieldOf(where, key) {
    if (where === "profile") return profileForm.fieldId(key);
    if (where === "answers") return questionnaire.linkTo(key).href?.slice(1) ?? null;
    return where === "title" ? refs.title.id : null;
  }

  /** Puts the state into the inputs (after opening, an import or Clear); builds nothing. */
  function syncInputs() {
    const s = state();
    refs.title.value = s.title;
    if (refs.shortMode) refs.shortMode.checked = s.mode === "short";
    profileForm.sync(s.profile);
    questionnaire.sync(Object.fromEntries(Object.entries(s.answers)));
  }

  return {
    profileForm,
    questionnaire,
    places,
    stillMissing,
    questionIds,
    refresh,
    renderAgain,
    syncInputs,
    submission,
    answerName,
    fieldOf,
    /** The latest report (of the assessment named by `reportOf`), or null. */
    get report() {
      return report;
    },
    get reportOf() {
      return reportOf;
    },
    /** The submission the latest report was made from. */
    get evaluated() {
      return evaluated;
    },
    /** What the latest evaluation set aside (kept-values.js). */
    get setAside() {
      return setAside;
    },
  };
}
