// gpai-check's page: loads the engine, asks the profile and the Code's questions, and shows the
// report. Every edit makes exactly one `evaluate` call and is saved at once; nothing leaves the
// browser. Several assessments (one per model) live side by side in localStorage (storage.js).
// In the served page this is the first-visit engine, without the export-only entry points, which
// www/exports.js brings (scripts/bundle.mjs); in the one-file checker, the whole engine.
import init, { initSync, pack as loadPack, scope as decideScope, scopeQuestions, scopeTexts, messages, evaluate, whatChanged, reportSummary, engineVersion, limits } from "../pkg/gpai_check.js";
import { useMessages } from "./messages.js";
import { useTexts } from "./texts.js";
import { currentLocale, localisedMessages, applyInterface, t, tc, tParts, formatNumber } from "./catalogue.js";
import { startLanguage, buildLanguageSwitcher } from "./language.js";
import { useEnglishTexts } from "./english-original.js";
import { h, setText, setChildren, show } from "./dom.js";
import { shownValue } from "./profile-form.js";
import { readStore, writeIndex, writeRecord, removeRecord, emptyRecord, newId, normaliseAssessment, readRecord, readRecordText, normaliseIndex, INDEX_KEY, RECORD_PREFIX } from "./storage.js";
import { mergeRecords, valueAt, conflictKey } from "./merge.js";
import { buildAssessmentList, displayTitle } from "./assessments.js";
import { answersFile, answersFileName, splitAnswers } from "./transfer.js";
import { clipTitle, titleOf } from "./title.js";
import { downloadText, reportFileStem } from "./download.js";
import { setupDocuments } from "./documents.js";
import { shareLink, answersFromFragment, MAX_LINK_CHARS } from "./share.js";
import { buildWhatChanged, forgetCheck, keepChecksInMemory } from "./what-changed.js";
import { renderLaw } from "./law.js";
import { formatDate } from "./wording.js";
import { createCheck, keepStatusBarHeight, setOrRemove } from "./check-controller.js";

const PACK_ID = "gpai-cop-final";
// The page's own elements by id. Typed `any`: each id names an element of a known kind in
// index.html (an input, a button, ...), which the type checker cannot see.
/** @type {(id: string) => any} */
const $ = (id) => document.getElementById(id);
/** The one-file build (scripts/single-file.mjs) carries the wasm and the examples in the page. */
const SINGLE_FILE = document.documentElement.dataset.build === "single-file";

/**
 * Every assessment: { available, order: [id], records: Map(id -> record), openId }, and when
 * they are not kept in this browser's storage, `memoryOnly`: "unavailable" (the browser
 * refuses) or "file" (opened from disk, see openStore).
 */
let store = { available: true, order: [], records: new Map(), openId: null };
/** The open assessment (an entry of store.records): { id, title, profile, answers, mode, ... }. */
let state = emptyRecord();
/**
 * The check on screen (check-controller.js, shared with the <gpai-check> element): it evaluates
 * the open assessment and renders everything made from its report; `check.report` is the latest
 * report, `check.evaluated` the submission it was made from.
 */
let check;
/**
 * What another tab changed in the open assessment (the tabs notice): `changed` lists the answers
 * it changed ({ where, key }, each once), `notes` other news (it was deleted there).
 */
let tabChanges = { changed: [], notes: [] };
let packData;
let questions;
let questionIds;
let profileForm;
let questionnaire;
let assessmentList;
/** "What changed since your last check" (what-changed.js). */
let whatChangedPanel;
/** The page's places and the guided layout (places.js, through the check). */
let places;
/** The examples' list, and each example's data by file name, all fetched while the page loads. */
let examples = [];
const exampleData = new Map();

/**
 * The engine's pack and evaluation, in one place: the page engine's (imported above) today. In the
 * two-phase start (docs/performance.md) they come from the whole engine, `await loadExports()`,
 * and the page's first engine keeps only the scope decision; nothing else here names them.
 * @type {{ pack: typeof loadPack, evaluate: typeof evaluate, whatChanged: typeof whatChanged, reportSummary: typeof reportSummary }}
 */
const evaluation = { pack: loadPack, evaluate, whatChanged, reportSummary };

start().catch((error) => showError(t("app.start-failed", { reason: error.message })));

async function start() {
  // Everything the page will ever fetch is fetched while it loads, or in idle time right after it
  // says it is ready (the second module and the examples): after that it makes no request at
  // all, so it keeps working offline.
  const singleFileOffered = offerSingleFile();
  // The language's texts (none for English) come with the engine, in parallel.
  const language = startLanguage();
  await initEngine();
  const { locale, error: languageError } = await language;
  // In another language the pack, the scope texts and the engine's messages are the language's
  // where it has them (English where not); the engine's own data stays English.
  const englishPack = evaluation.pack(PACK_ID);
  const englishScope = scopeTexts();
  useEnglishTexts(englishPack, englishScope);
  // The walk that puts a language's texts in place is loaded only for another language.
  const keys = locale ? await import("./locale-keys.js") : null;
  packData = keys ? keys.localisedPack(englishPack, locale.texts ?? {}) : englishPack;
  const texts = keys ? keys.localisedScopeTexts(englishScope, locale.texts ?? {}) : englishScope;
  questions = locale ? texts.inputs : scopeQuestions();
  useMessages(localisedMessages(messages()));
  useTexts(packData, texts);
  applyInterface(document);
  document.querySelector(".site-header .wrap")?.append(buildLanguageSwitcher());
  if (languageError) showError(languageError.message);
  fillFooter();
  whatChangedPanel = buildWhatChanged($("what-changed"), packData, { engine: evaluation, onDismiss: () => $("assessments-title").focus() });

  $("assessment-title").addEventListener("input", (event) => edit(() => (state.title = titleOf(event.target)), "title"));
  assessmentList = buildAssessmentList($("assessment-list"), {
    open: (id) => openAssessment(id, { focus: "name" }),
    rename: renameAssessment,
    duplicate: duplicateAssessment,
    remove: deleteAssessment,
    downloadDamaged,
  });
  check = createCheck({
    root: document,
    refs: pageRefs(),
    engine: { evaluate: evaluation.evaluate, scope: decideScope },
    packData,
    questions,
    keyDates: texts.dates ?? {},
    state: () => state,
    edit,
    // The Code's chapters (8,500 elements) are built after the first frame, below the profile.
    deferred: true,
    hooks: { evaluated: sayEvaluated, refreshed: afterRefresh, rendered: renderPageReport, noReport: renderPageNoReport },
  });
  ({ profileForm, questionnaire, places, questionIds } = check);
  keepStatusBarHeight($("status-bar"), document.documentElement);
  openStore();
  check.syncInputs();
  refresh();
  wireTools();
  // The one-file checker's link is a line in the toolbar above the profile: it is shown (or
  // not) before the page says interactive, so that it cannot move the profile afterwards. The
  // check asked the server long before the engine was ready.
  await singleFileOffered;
  // Everything above the chapters is built and shown with the first report, so nothing above
  // the profile questions moves any more: they work from here on ("interactive"). The chapters
  // follow below them in slices of about 20 ms (a chapter's head or a commitment at least), so
  // that typing is never held up for long, each slice shown with the current report as it
  // appears. "ready" follows once they are all built and the examples (asked for once the
  // engine had arrived) are in; after that the page makes no request.
  setText($("load-status"), "");
  show($("load-status"), false);
  $("main").dataset.state = "interactive";
  await afterFirstFrame();
  while (!questionnaire.complete) {
    buildSlice();
    await yieldToInput();
  }
  // The pack, its first evaluation and every chapter are in: what the browser tests that use the
  // chapters wait for (tests/browser/harness.mjs). Here it comes before "ready"; in the two-phase
  // start (docs/performance.md) "ready" will mean the first screen only, and this the rest.
  $("main").dataset.chapters = "built";
  revealTarget();
  await openSharedLink();
  // A link pasted into the address bar of an open checker changes only the fragment.
  window.addEventListener("hashchange", () => {
    openSharedLink();
    revealTarget();
  });
  $("main").dataset.state = "ready";
  // The benchmark and the request test tell the first visit from what follows by this mark.
  performance.mark("gpai-ready");
  // What only an export or an import needs, and the examples, arrive once the page is ready, in
  // idle time: none of it is on the first screen (14.5 KB gzip of examples; docs/performance.md).
  whenIdle(() => {
    loadExports().catch(() => {});
    loadExampleList().then(wireExamples);
  });
}

/** The page's elements the check renders into (index.html). */
function pageRefs() {
  const ids = {
    main: "main",
    title: "assessment-title",
    shortMode: "short-mode",
    profileFields: "profile-fields",
    profileGuide: "profile-guide",
    profileAll: "profile-all",
    scopeResult: "scope-result",
    scopeNext: "scope-next",
    summary: "summary",
    statusDeadline: "status-deadline",
    statusMissing: "status-missing",
    placesNav: "places-nav",
    layoutSwitch: "layout-all",
    placeSteps: "place-steps",
    chapters: "chapters",
    stillMissingAfter: "jump-links",
    shortInfo: "short-mode-info",
    crossCounts: "cross-checks-counts",
    crossList: "cross-checks-list",
    crossPassedBox: "cross-checks-passed-box",
    crossPassedSummary: "cross-checks-passed-summary",
    crossPassed: "cross-checks-passed",
    findings: "findings",
    findingsList: "findings-list",
    jumpLinks: "jump-links",
    jumpCrossChecks: "jump-cross-checks",
    jumpFindings: "jump-findings",
    kept: "kept",
    keptText: "kept-text",
    keptList: "kept-list",
    unmatched: "unmatched",
    unmatchedText: "unmatched-text",
    unmatchedList: "unmatched-list",
  };
  return Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, $(id)]));
}

/** One evaluation of the open assessment and everything it changes (check-controller.js). */
function refresh() {
  check.refresh();
}

function syncInputs() {
  check.syncInputs();
}

/**
 * The banner after an evaluation the engine refused: with no report of this assessment, none is
 * shown (another assessment's never is); with one, it stays, marked as from before the change.
 */
function sayEvaluated(result, { earlier }) {
  if (result.report) {
    showError(null);
    return;
  }
  const error = result.error;
  const params = { title: displayTitle(state.title), field: error.path, reason: error.message };
  const field = error.path ? ".field" : "";
  showError(t(`${earlier ? "app.evaluate-failed.earlier" : "app.evaluate-failed.none"}${field}`, params));
}

/** The page's own parts after each evaluation: the tabs notice, the documents, what changed. */
function afterRefresh(result) {
  renderConflicts();
  $("main").dataset.report = check.report ? (result.report ? "current" : "earlier") : "none";
  refreshDocuments();
  if (check.report) whatChangedPanel.update(state, check.report);
}

/** The page's own parts of a report: the downloads, the print header, the footer's figures. */
function renderPageReport() {
  for (const id of ["download-json", "download-md", "print-report"]) $(id).disabled = false;
  renderReportDetails();
}

/**
 * The open assessment has no report: nothing made from a report is shown (style.css hides it
 * under main[data-report=none]), and nothing can be downloaded or printed as a report.
 */
function renderPageNoReport() {
  for (const id of ["download-json", "download-md", "print-report"]) $(id).disabled = true;
  for (const id of ["print-report-title", "print-assessment-date", "assessment-date"]) setText($(id), "");
  showDigest(t("digest.no-report"));
}

/** A question, a profile question or the name, as the page names it in a notice. */
function answerName(where, key) {
  return check.answerName(where, key);
}

/** The id of the field of an answer, a profile answer or the name; null when not on screen. */
function fieldOf(where, key) {
  return check.fieldOf(where, key);
}

function whenIdle(task) {
  if (typeof requestIdleCallback === "function") requestIdleCallback(task, { timeout: 1000 });
  else setTimeout(task, 0);
}

/** The engine's export-only entry points (www/exports.js) once they have arrived; null before. */
let exportsEngine = null;
let exportsLoading = null;

/**
 * Loads the page's second module (www/exports.js and the whole engine's wasm) once, and starts
 * it; resolves to its entry points. A failed load (offline before it arrived) is tried again on
 * the next call. Sets `data-exports="loaded"` on <main> when it is there.
 */
function loadExports() {
  exportsLoading ??= import("./exports.js")
    .then(async (m) => {
      // The one-file checker's engine is this one, already started from its own bytes.
      await m.start(SINGLE_FILE ? undefined : new URL("../pkg/gpai_check_bg.wasm", import.meta.url));
      exportsEngine = m;
      $("main").dataset.exports = "loaded";
      refreshDocuments();
      return m;
    })
    .catch((error) => {
      exportsLoading = null;
      throw new Error(t("app.exports-failed", { reason: error.message }));
    });
  return exportsLoading;
}

/**
 * Builds the next parts of the chapters for up to `budget` ms (at least one part: a chapter's
 * head or a commitment), then shows them with their answers and the current report.
 */
function buildSlice(budget = 20) {
  const until = performance.now() + budget;
  const added = [];
  do added.push(...(questionnaire.buildNext() ?? []));
  while (!questionnaire.complete && performance.now() < until);
  for (const id of added) questionnaire.questions.get(id).set(ownAnswer(id));
  check.renderAgain();
}

/** Printing, or a link into the chapters, needs them all: the rest is built at once. */
function finishBuilding() {
  if (!questionnaire.complete) buildSlice(Infinity);
}

/** A page opened with a link to a question or measure goes there once it exists. */
function revealTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id || !$(id)) return;
  places.reveal($(id));
  if ($("chapters").contains($(id)) || places.layout === "guided") $(id).scrollIntoView();
}


function afterFirstFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function yieldToInput() {
  return globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The served page fetches its first-visit wasm from www/engine/ (named from this module, which is
 * www/app.js or the bundle beside it, www/app.bundle.js); the one-file build decodes its own,
 * the whole engine.
 */
async function initEngine() {
  const embedded = $("gpai-wasm");
  if (embedded) initSync({ module: base64Bytes(embedded.textContent.trim()) });
  else await init({ module_or_path: new URL("./engine/gpai_check_page_bg.wasm", import.meta.url) });
}

function base64Bytes(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// --- Storage ---------------------------------------------------------------------------------

/** Opened from disk: Chromium gives every file:// page one localStorage, which any file can read. */
const FROM_DISK = location.protocol === "file:";

function openStore() {
  if (FROM_DISK) {
    openInMemory("file");
    return;
  }
  const read = readStore();
  if (!read.available) {
    openInMemory("unavailable");
    return;
  }
  store = { available: true, order: read.order, records: read.records, openId: read.openId };
  const problems = [];
  if (read.problems.includes("index-unreadable")) problems.push(t("storage.index-rebuilt"));
  if (read.problems.includes("damaged") || read.problems.includes("legacy-unreadable")) {
    problems.push(t("storage.damaged"));
  }
  if (problems.length) storageNotice(problems.join(" "), "load");
  if (!store.openId) {
    const record = emptyRecord();
    store.records.set(record.id, record);
    store.order.push(record.id);
    store.openId = record.id;
    saveRecord(record);
    read.changed = true;
  }
  state = store.records.get(store.openId);
  if (reconcile(state)) saveRecord(state);
  if (read.changed) saveIndex();
  window.addEventListener("storage", takeInOtherTab);
}

/**
 * Keeps the assessments on this page only, and says why: the browser refuses storage, or the
 * page was opened from disk, where every file opened in this browser shares one storage (any
 * other HTML file on the disk could read the answers). From disk, assessments an earlier version
 * of the file stored can be opened here; they stay where they are.
 */
function openInMemory(reason) {
  keepChecksInMemory();
  store = { available: false, memoryOnly: reason, order: [state.id], records: new Map([[state.id, state]]), openId: state.id };
  if (reason === "unavailable") {
    storageNotice(
      t("storage.unavailable"),
      "unavailable",
    );
    return;
  }
  setText(
    $("privacy-line"),
    t("storage.privacy-from-disk"),
  );
  let earlier = null;
  try {
    earlier = readStore({ migrate: false });
  } catch {
    earlier = null;
  }
  const found = earlier?.available ? earlier.order.filter((id) => !earlier.records.get(id).damaged) : [];
  storageNotice(
    found.length ? tc("storage.from-disk.earlier", found.length) : t("storage.from-disk"),
    "file",
  );
  if (found.length) {
    const button = $("storage-open-earlier");
    show(button, true);
    button.addEventListener("click", () => {
      for (const id of found) {
        if (store.records.has(id)) continue;
        store.records.set(id, earlier.records.get(id));
        store.order.push(id);
      }
      show(button, false);
      renderAssessments();
      announce(tc("storage.earlier-listed", found.length));
    });
  }
}

/**
 * Fits a stored assessment to this pack: answers to questions this pack does not have move to
 * `unmatchedAnswers` (kept, shown, exported, and sent to the engine, which lists them as
 * findings). Nothing else is changed: profile values the engine cannot use stay as they are
 * (see kept-values.js). Returns true when something moved.
 */
function reconcile(record) {
  const { matched, unmatched } = splitAnswers(record.answers, questionIds);
  if (Object.keys(unmatched).length === 0) return false;
  record.answers = matched;
  record.unmatchedAnswers = { ...record.unmatchedAnswers, ...unmatched };
  if (record.packVersion && record.packVersion !== packData.version) record.unmatchedPackVersion ??= record.packVersion;
  return true;
}

/**
 * Saves one assessment at once. Another tab may have saved it since this tab last read it: then
 * its changes are taken in first (merge.js), and the merged record is saved. A refusal is shown,
 * with the offer to export instead.
 */
function saveRecord(record) {
  if (!store.available) return;
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = writeRecord(record, packData);
    if (result.ok || result.refused) {
      noteSave(result.ok);
      return;
    }
    takeIn(record, result.stored, record.stored);
    record.stored = result.stored;
  }
  noteSave(false);
}

/**
 * Brings what another tab stored (`theirsText`, null when it deleted the assessment) into
 * `record`, over `baseText`, the version both started from. Answers only the other tab changed
 * are taken, answers only this tab changed are kept, and an answer both changed differently is
 * a conflict, kept with the record until the person chooses. The page says what came in.
 */
function takeIn(record, theirsText, baseText) {
  if (theirsText === null) {
    if (record.id === store.openId) {
      noteTabChange({ note: t("tabs.deleted", { title: displayTitle(record.title) }) });
    }
    return;
  }
  const theirs = readRecord(record.id, theirsText);
  if (theirs.damaged) return;
  const base = baseText ? readRecord(record.id, baseText) : null;
  const { merged, conflicts, changed } = mergeRecords(base?.damaged ? null : base, theirs, record);
  Object.assign(record, merged);
  if (record.id !== store.openId) return;
  if (changed.length) noteTabChange({ changed });
  if (conflicts.length) announce(tc("tabs.conflicts", conflicts.length));
  syncInputs();
  refresh();
}

/**
 * The storage event: another tab of this browser wrote an entry. The list follows at once, and
 * the open assessment takes in the other tab's changes (then saves what only this tab has).
 */
function takeInOtherTab(event) {
  if (event.storageArea !== localStorage || event.key === null) return;
  if (event.key === INDEX_KEY) {
    takeInIndex(event.newValue);
    return;
  }
  if (!event.key.startsWith(RECORD_PREFIX)) return;
  const id = event.key.slice(RECORD_PREFIX.length);
  const record = store.records.get(id);
  if (event.newValue === null) {
    if (!record) return;
    if (id === store.openId) {
      record.stored = null;
      takeIn(record, null, null);
    } else {
      store.records.delete(id);
      store.order = store.order.filter((other) => other !== id);
    }
    renderAssessments();
    return;
  }
  // Only the open assessment can hold edits of this tab that the other tab's text lacks (others
  // change here only by a rename or a delete, each written at once): any other is taken as
  // stored, never merged and written back, which raced with the tab typing in it.
  if (!record || record.damaged || id !== store.openId) {
    store.records.set(id, readRecord(id, event.newValue));
    if (!store.order.includes(id)) store.order.push(id);
    renderAssessments();
    return;
  }
  if (event.newValue === record.stored) return;
  // What the other tab changed is the step from oldValue to newValue (this tab may have written
  // in between, in which case the storage holds this tab's text and keeps it as the base).
  const current = readRecordText(id);
  takeIn(record, event.newValue, event.oldValue ?? record.stored);
  if (current === event.newValue) record.stored = current;
  const text = readRecord(id, record.stored ?? "null");
  if (record.stored === null || !sameAnswers(text, record)) saveRecord(record);
  renderAssessments();
}

/** Whether a stored record and this tab's hold the same answers, title, mode and conflicts. */
function sameAnswers(a, b) {
  if (a.damaged) return false;
  const pick = (r) => JSON.stringify([r.title, r.mode, r.profile, r.answers, r.unmatchedAnswers, r.conflicts, r.extra]);
  return pick(a) === pick(b);
}

/** Another tab wrote the list: assessments it added appear, deleted ones go; this tab's open one stays. */
function takeInIndex(text) {
  let theirs;
  try {
    theirs = normaliseIndex(JSON.parse(text ?? "null"));
  } catch {
    return;
  }
  for (const id of theirs.order) {
    if (store.records.has(id)) continue;
    const raw = readRecordText(id);
    if (raw === null) continue;
    store.records.set(id, readRecord(id, raw));
  }
  const known = theirs.order.filter((id) => store.records.has(id));
  const ours = store.order.filter((id) => !known.includes(id) && (id === store.openId || readRecordText(id) !== null));
  store.order = [...known, ...ours];
  for (const id of store.records.keys()) if (!store.order.includes(id)) store.records.delete(id);
  renderAssessments();
}

function saveIndex() {
  if (!store.available) return;
  noteSave(writeIndex(store.order, store.openId));
}

function noteSave(ok) {
  if (ok) {
    if ($("storage-message").dataset.kind === "save") storageNotice(null);
  } else {
    storageNotice(
      t("storage.save-failed"),
      "save",
    );
  }
}


function storageNotice(message, kind = "load") {
  const el = $("storage-message");
  if (message && $("storage-message-text").textContent !== message) announce(message);
  setText($("storage-message-text"), message ?? "");
  el.dataset.kind = message ? kind : "";
  show(el, Boolean(message));
}

// --- Editing and evaluating ------------------------------------------------------------------


/** The open assessment's answer to question `id` (its own key only). */
function ownAnswer(id) {
  return Object.hasOwn(state.answers, id) ? state.answers[id] : undefined;
}

/**
 * Applies one edit: store it, save it, evaluate once, update the page. `touched` names the
 * field the person changed, whose stored value of a shape the page could not hold is then
 * replaced (see storage.js, `storedAs`); nothing they did not touch is.
 */
function edit(mutate, touched = null) {
  const wasEmpty = isEmpty(state);
  mutate();
  // An assessment is dated the day it gets its first answer (the date stays editable and is
  // stored with the answers); one that already has content, or whose date the person cleared,
  // is not dated behind their back.
  if (wasEmpty && !isEmpty(state) && state.profile.assessment_date === undefined) {
    state.profile.assessment_date = todayIso();
    profileForm.setOne("assessment_date", state.profile.assessment_date);
  }
  if (touched) delete state.storedAs?.[touched];
  state.updatedAt = new Date().toISOString();
  saveRecord(state);
  refresh();
  renderAssessments();
}

/** Today in this browser's time zone, as YYYY-MM-DD. */
function todayIso(now = new Date()) {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}


/**
 * The unanswered questions whose assumed answer (their default) decides the verdict: asking the
 * engine with the other answer gives another verdict. The guided layout asks them, so that a
 * person whom an assumption does not fit (not the provider, say) learns it at once. The engine
 * decides; the page only asks it (about 25 scope decisions, once per change of the profile).
 */





/**
 * The tabs notice: the answers another tab changed (each a link to its field), and the answers
 * two tabs changed differently at the same time, with both values, the one in use first, and a
 * button for each. A conflict is kept with the assessment until the person chooses, in any tab.
 */
function renderConflicts() {
  const conflicts = state.conflicts ?? [];
  const { changed, notes } = tabChanges;
  const key = JSON.stringify([state.id, conflicts, tabChanges]);
  show($("tabs-message"), conflicts.length > 0 || changed.length > 0 || notes.length > 0);
  if ($("tabs-message").dataset.rendered === key) return;
  $("tabs-message").dataset.rendered = key;
  const named = (where, key) => {
    const name = answerName(where, key);
    const href = fieldOf(where, key);
    return href ? h("a", { href: `#${href}` }, name) : name;
  };
  const shown = (value) => (value === undefined ? t("answer.none") : shownValue(value));
  setChildren(
    $("tabs-message-body"),
    notes.map((note) => h("p", {}, note)),
    changed.length ? [h("p", {}, tc("tabs.changed", changed.length)), h("ul", { className: "conflict-list" }, changed.map((c) => h("li", {}, named(c.where, c.key))))] : null,
    conflicts.length
      ? [
          h("p", {}, tc("tabs.conflict-list", conflicts.length)),
          h(
            "ul",
            { className: "conflict-list" },
            conflicts.map((c) => {
              const name = answerName(c.where, c.key);
              const inUse = valueAt(state, c);
              return h(
                "li",
                {},
                h("p", {}, tParts("tabs.conflict", { name: named(c.where, c.key), inUse: shown(inUse), other: shown(c.other) })),
                h(
                  "div",
                  { className: "row" },
                  h("button", { type: "button", onclick: () => settleConflict(c, false) }, t("tabs.keep", { value: shown(inUse) }), h("span", { className: "visually-hidden" }, t("tabs.for", { name }))),
                  h("button", { type: "button", onclick: () => settleConflict(c, true) }, t("tabs.use", { value: shown(c.other) }), h("span", { className: "visually-hidden" }, t("tabs.for", { name }))),
                ),
              );
            }),
          ),
        ]
      : null,
  );
  show($("tabs-message-close"), conflicts.length === 0);
}


/** The person chose one of a conflict's two values; the other goes. */
function settleConflict(conflict, useOther) {
  edit(() => {
    state.conflicts = (state.conflicts ?? []).filter((c) => conflictKey(c) !== conflictKey(conflict));
    if (!useOther) return;
    if (conflict.where === "title") state.title = conflict.other ?? "";
    else setOrRemove(state[conflict.where], conflict.key, conflict.other);
  });
  syncInputs();
  announce(t(useOther ? "tabs.settled.other" : "tabs.settled.kept", { name: answerName(conflict.where, conflict.key) }));
  // Focus goes to the answer just settled (the notice may have gone with the last conflict).
  ($(fieldOf(conflict.where, conflict.key) ?? "") ?? $("tabs-message-title")).focus();
}

/** Says that another tab changed the open assessment (until closed, or another is opened). */
function noteTabChange({ changed = [], note = null }) {
  const known = new Set(tabChanges.changed.map((c) => conflictKey(c)));
  const fresh = changed.filter((c) => !known.has(conflictKey(c))).map(({ where, key }) => ({ where, key }));
  tabChanges = { changed: [...tabChanges.changed, ...fresh], notes: note && !tabChanges.notes.includes(note) ? [...tabChanges.notes, note] : tabChanges.notes };
  const said = note ?? (changed.length ? t("tabs.changed-names", { names: changed.map((c) => answerName(c.where, c.key)).join(t("tabs.names-separator")) }) : null);
  if (said) announce(said);
  renderConflicts();
}









/** The block that heads the printed report, and the footer's figures of this report. */
function renderReportDetails() {
  const report = check.report;
  const date = report.assessmentDate ? formatDate(report.assessmentDate) : t("meta.date.not-given");
  setText($("print-report-title"), displayTitle(report.title ?? ""));
  setText($("print-assessment-date"), date);
  setText($("print-pack"), `${report.packId} version ${report.packVersion}`);
  setText($("print-engine-version"), report.engineVersion);
  setText($("print-pack-digest"), report.packDigest);
  setText($("assessment-date"), date);
  // evaluate() does not seal (no digest on every keystroke); the digest is made where the report
  // leaves the page: a download or a print (see sealForExport).
  if (!sealedIsCurrent()) showDigest(t("digest.later"));
}

/** The answers (as JSON) the digest on screen was made for. */
let sealedFor = null;

function sealedIsCurrent() {
  return sealedFor === JSON.stringify(check.evaluated);
}

function showDigest(text) {
  setText($("print-report-digest"), text);
  setText($("report-digest"), text);
}

/**
 * The sealed report of the current answers, for a download or a print; shows its digest. Needs
 * the second module (loadExports).
 */
function sealForExport(/** @type {{ sealedReport: typeof import("../pkg/gpai_check.js").sealedReport }} */ engine) {
  const current = check.evaluated;
  const sealed = engine.sealedReport(current);
  sealedFor = JSON.stringify(current);
  showDigest(sealed.digest);
  return sealed;
}


function isEmpty(record) {
  return (
    record.title.trim() === "" &&
    Object.keys(record.profile).length === 0 &&
    Object.keys(record.answers).length === 0 &&
    Object.keys(record.unmatchedAnswers ?? {}).length === 0
  );
}

// --- Assessments -----------------------------------------------------------------------------

function renderAssessments() {
  assessmentList.render(
    store.order.map((id) => {
      const r = store.records.get(id);
      if (r.damaged) return { id, damaged: true };
      return {
        id,
        title: r.title,
        profileCount: Object.keys(r.profile).length,
        answerCount: Object.keys(r.answers).length,
        unmatchedCount: Object.keys(r.unmatchedAnswers ?? {}).length,
        mode: r.mode,
        updatedAt: r.updatedAt,
      };
    }),
    store.openId,
  );
}

/** Makes `id` the open assessment and shows it. */
function openAssessment(id, { focus = null, announcement = null } = {}) {
  const record = store.records.get(id);
  if (!record || record.damaged) return;
  const changed = id !== store.openId;
  store.openId = id;
  state = record;
  if (changed) tabChanges = { changed: [], notes: [] };
  if (reconcile(state)) saveRecord(state);
  saveIndex();
  $("example-select").value = "";
  setText($("example-description"), "");
  $("example-load").disabled = true;
  syncInputs();
  refresh();
  renderAssessments();
  if (focus === "title") $("assessment-title").focus();
  else if (focus) assessmentList.focus(id, focus);
  if (changed || announcement) announce(announcement ?? `Opened “${displayTitle(state.title)}”.`);
}

/** Adds a record to the list (after `after`, or at the end), saves it and opens it. */
function addAssessment(record, { after = null, focus = "name", announcement }) {
  store.records.set(record.id, record);
  const at = after ? store.order.indexOf(after) + 1 : store.order.length;
  store.order.splice(at > 0 ? at : store.order.length, 0, record.id);
  saveRecord(record);
  openAssessment(record.id, { focus, announcement });
}

function newAssessment() {
  clearImportMessages();
  addAssessment(emptyRecord(), { focus: "title", announcement: "A new, empty assessment is open. Give it a name, usually the model’s." });
}

function renameAssessment(id, title) {
  const record = store.records.get(id);
  if (!record || record.damaged) return;
  record.title = clipTitle(title);
  record.updatedAt = new Date().toISOString();
  saveRecord(record);
  if (id === store.openId) {
    $("assessment-title").value = record.title;
    refresh();
  }
  renderAssessments();
  announce(t("assessments.renamed", { title: displayTitle(record.title) }));
}

function duplicateAssessment(id) {
  const source = store.records.get(id);
  if (!source || source.damaged) return;
  clearImportMessages();
  const now = new Date().toISOString();
  const copy = {
    ...structuredClone(source),
    id: newId(),
    title: clipTitle(t("assessments.copy-of", { title: displayTitle(source.title) })),
    createdAt: now,
    updatedAt: now,
    // A new entry: never stored, no history of its own.
    stored: null,
    revision: 0,
  };
  addAssessment(copy, { after: id, announcement: t("assessments.duplicated", { title: copy.title }) });
}

function deleteAssessment(id) {
  const record = store.records.get(id);
  if (!record) return;
  const title = displayTitle(record.title);
  if (!confirm(record.damaged ? t("assessments.delete-confirm.unreadable") : t("assessments.delete-confirm", { title }))) return;
  clearImportMessages();
  forgetCheck(id);
  // From disk, an assessment an earlier version stored is removed from the storage too.
  if ((store.available || record.stored) && !removeRecord(id)) {
    storageNotice(t("storage.remove-failed"), "save");
  }
  const position = store.order.indexOf(id);
  store.order.splice(position, 1);
  store.records.delete(id);
  const neighbour = store.order[Math.min(position, store.order.length - 1)];
  const message = record.damaged ? t("assessments.deleted.unreadable") : t("assessments.deleted", { title });
  if (id !== store.openId) {
    saveIndex();
    renderAssessments();
    if (neighbour) assessmentList.focus(neighbour, "name");
    else $("assessments-title").focus();
    announce(message);
    return;
  }
  const next = store.order.find((other, i) => i >= position && !store.records.get(other).damaged) ?? [...store.order].reverse().find((other) => !store.records.get(other).damaged);
  if (next) {
    openAssessment(next, { focus: "name", announcement: t("assessments.deleted.next", { deleted: message, title: displayTitle(store.records.get(next).title) }) });
  } else {
    addAssessment(emptyRecord(), { focus: "title", announcement: t("assessments.deleted.new", { deleted: message }) });
  }
}

function downloadDamaged(id) {
  const record = store.records.get(id);
  if (record?.damaged) downloadText(record.raw, `gpai-check-unreadable-${id}.txt`, "text/plain");
}

// --- Import and export -----------------------------------------------------------------------

/**
 * "Copy a link with these answers": the open assessment's answers file, deflated into the link's
 * fragment (share.js). Copied to the clipboard where the browser allows it, else shown to copy.
 */
async function copyShareLink() {
  const target = $("share-result");
  const base = location.href.split("#")[0];
  const made = await shareLink(JSON.stringify(answersFile(state, packData, new Date())), base);
  if (made.tooLong) {
    setChildren(target, t("share.too-long", { length: formatNumber(made.tooLong), max: formatNumber(MAX_LINK_CHARS) }));
    target.className = "notice";
    show(target, true);
    announce(target.textContent);
    return;
  }
  let copied = false;
  try {
    await navigator.clipboard.writeText(made.url);
    copied = true;
  } catch {
    // No clipboard here (a file:// page, or permission refused): the link is shown to copy.
  }
  const field = h("input", { type: "text", readonly: true, value: made.url, "aria-label": t("share.field"), className: "share-url" });
  setChildren(target, tParts(copied ? "share.copied" : "share.copy", { link: field }));
  target.className = "notice notice-ok";
  show(target, true);
  if (!copied) field.select();
  announce(t(copied ? "share.copied.said" : "share.shown.said"));
}

/** Opens the answers a shared link carries, as a new assessment, then drops them from the address. */
async function openSharedLink() {
  let bytes;
  try {
    bytes = await answersFromFragment(location.hash, limits().maxSubmissionBytes);
  } catch (error) {
    setChildren($("import-error"), h("strong", {}, t("share.open-failed")), " ", t("import.unchanged.reason", { reason: error.message }));
    show($("import-error"), true);
  }
  if (bytes === null) return;
  history.replaceState(null, "", location.href.split("#")[0]);
  if (bytes) await importFile(new File([bytes], t("share.file-name"), { type: "application/json" }));
}

function exportAnswers() {
  const now = new Date();
  downloadText(`${JSON.stringify(answersFile(state, packData, now), null, 2)}\n`, answersFileName(state, now), "application/json");
}

async function importFile(file) {
  clearImportMessages();
  const fail = (problem) => {
    setChildren($("import-error"), h("strong", {}, t("import.not-imported", { name: file.name })), " ", problem, " ", t("import.unchanged"));
    show($("import-error"), true);
  };
  const { maxSubmissionBytes } = limits();
  if (file.size > maxSubmissionBytes) {
    fail(t("import.too-big", { size: formatNumber(file.size / (1024 * 1024), { minimumFractionDigits: 1, maximumFractionDigits: 1 }), max: formatNumber(maxSubmissionBytes / (1024 * 1024)) }));
    return;
  }
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    fail(t("import.unreadable", { reason: error.message }));
    return;
  }
  // The engine reads the file (an answers file or a plain submission) and refuses what it
  // cannot use; the page only fits what it read to an assessment.
  let read;
  try {
    read = (await loadExports()).readAnswers(bytes);
  } catch (error) {
    fail(importProblem(error));
    return;
  }
  if (read.pack !== PACK_ID) {
    fail(t("import.other-pack", { pack: read.pack, ours: PACK_ID }));
    return;
  }
  const data = normaliseAssessment(read);
  // The page keeps the assessment date as the profile's question; the file's date overrides it.
  if (typeof read.assessmentDate === "string") data.profile.assessment_date = read.assessmentDate;
  const { matched, unmatched } = splitAnswers(data.answers, questionIds);
  const otherVersion = typeof read.packVersion === "string" && read.packVersion !== packData.version;
  const record = emptyRecord({
    title: data.title,
    profile: data.profile,
    answers: matched,
    unmatchedAnswers: unmatched,
    unmatchedPackVersion: otherVersion && Object.keys(unmatched).length ? read.packVersion : null,
  });
  const findings = evaluation.evaluate({ pack: PACK_ID, profile: record.profile, answers: { ...unmatched, ...matched } }).findings.filter((f) => f.code !== "unknown-question").length;
  const parts = [t("import.opened", { name: file.name, title: displayTitle(record.title) })];
  if (Object.keys(unmatched).length) {
    const n = Object.keys(unmatched).length;
    parts.push(tc("import.unmatched", n));
  }
  if (findings) parts.push(tc("import.findings", findings));
  if (otherVersion) parts.push(t("import.other-version", { before: read.packVersion, now: packData.version }));
  addAssessment(record, { focus: null, announcement: parts.join(" ") });
  setText($("import-result"), parts.join(" "));
  show($("import-result"), true);
}

/**
 * The engine's refusal as the page says it: its message (which starts with the field's path)
 * as a sentence, and for a file that is no file of answers at all, where to see one.
 */
function importProblem(error) {
  if (error?.name !== "GpaiInputError") return t("import.unreadable", { reason: error?.message ?? error });
  // A message at the root is a sentence of its own; one with a path starts with the path.
  const message = error.path ? error.message : `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}`;
  const text = `${message}${/[.!?]$/.test(message) ? "" : "."}`;
  if (error.code !== "invalid_type" || error.path !== "") return text;
  return t("import.not-answers", { problem: text });
}

function clearImportMessages() {
  for (const id of ["import-error", "import-result"]) {
    setChildren($(id));
    show($(id), false);
  }
}

// --- Tools -----------------------------------------------------------------------------------

// The documents panel: made from the current answers when it is open (see documents.js).
let refreshDocuments = () => {};

function wireTools() {
  refreshDocuments = setupDocuments({ panel: $("documents"), list: $("documents-list"), status: $("documents-status"), make: () => exportsEngine?.documents(check.evaluated ?? check.submission(), { locale: currentLocale() ?? undefined }) ?? null });
  // Opened before the second module arrived: it is asked for at once (and refreshes the panel).
  $("documents").addEventListener("toggle", () => $("documents").open && !exportsEngine && loadExports().catch((error) => showError(error.message)));
  $("clear").addEventListener("click", () => {
    if (!confirm(t("clear.confirm", { title: displayTitle(state.title) }))) return;
    $("example-select").value = "";
    setText($("example-description"), "");
    edit(() => Object.assign(state, { title: "", profile: {}, answers: {}, unmatchedAnswers: {}, unmatchedPackVersion: null, conflicts: [], storedAs: {} }));
    syncInputs();
    announce(t("clear.done"));
  });
  $("download-json").addEventListener("click", async () => {
    if (!check.report) return;
    const engine = await exportsOrError();
    if (!engine) return;
    const sealed = sealForExport(engine);
    downloadText(`${JSON.stringify(sealed, null, 2)}\n`, `${reportFileStem(sealed)}.json`, "application/json");
  });
  $("download-md").addEventListener("click", async () => {
    // The engine renders its own evaluation of the answers, never a report handed to it.
    if (!check.report) return;
    const engine = await exportsOrError();
    if (!engine) return;
    sealForExport(engine);
    downloadText(engine.reportMarkdown(check.evaluated, { locale: currentLocale() ?? undefined }), `${reportFileStem(check.report)}.md`, "text/markdown");
  });
  $("print-report").addEventListener("click", async () => {
    if (check.report) {
      const engine = await exportsOrError();
      if (!engine) return;
      sealForExport(engine);
    }
    window.print();
  });
  // A report printed in the moment before every chapter is built would leave chapters out; a
  // printed report carries its digest (printing from the browser's menu too).
  window.addEventListener("beforeprint", () => {
    finishBuilding();
    // After "Print report" the digest is already made for these answers: not again. Printing
    // cannot wait for the second module: printed in the moment before it arrived (from the
    // browser's menu), the report says its digest is not made rather than print without a word.
    if (check.report && !sealedIsCurrent()) {
      if (exportsEngine) sealForExport(exportsEngine);
      else showDigest(t("digest.not-made"));
    }
  });
  // Links into the chapters (still missing, answers to check, consistency checks) work even in
  // the moment before every chapter is built.
  document.addEventListener("click", (event) => {
    if (!questionnaire.complete && /** @type {Element} */ (event.target).closest?.('a[href^="#"]')) finishBuilding();
  }, true);
  $("export-answers").addEventListener("click", exportAnswers);
  $("share-link").addEventListener("click", copyShareLink);
  $("tabs-message-close").addEventListener("click", () => {
    tabChanges = { changed: [], notes: [] };
    renderConflicts();
    $("short-mode").focus();
  });
  $("storage-export").addEventListener("click", exportAnswers);
  $("new-assessment").addEventListener("click", newAssessment);
  $("import-answers").addEventListener("click", () => $("import-file").click());
  $("import-file").addEventListener("change", async (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const file = input.files?.[0];
    input.value = "";
    if (file) await importFile(file);
  });
  $("short-mode").addEventListener("change", (event) => {
    edit(() => (state.mode = /** @type {HTMLInputElement} */ (event.target).checked ? "short" : "full"), "mode");
    const left = [...$("short-mode-info").querySelectorAll("p")].at(0)?.textContent ?? "";
    announce(state.mode === "short" ? left : t("short.off"));
  });
  $("unmatched-discard").addEventListener("click", () => {
    const n = Object.keys(state.unmatchedAnswers).length;
    if (!confirm(tc("unmatched.discard-confirm", n))) return;
    edit(() => Object.assign(state, { unmatchedAnswers: {}, unmatchedPackVersion: null }));
    $("short-mode").focus();
    announce(t("unmatched.discarded"));
  });
  for (const id of ["clear", "export-answers", "share-link", "new-assessment", "import-answers", "short-mode"]) $(id).disabled = false;
  renderAssessments();
}

/** Says something to screen readers; a repeated message is said again. */
function announce(message) {
  const el = $("announcer");
  el.textContent = "";
  setTimeout(() => (el.textContent = message), 100);
}

// --- Examples and the one-file download --------------------------------------------------------

/** Fetches the examples (or reads them from the one-file build); true when they are all there. */
async function loadExampleList() {
  try {
    if (SINGLE_FILE) {
      const embedded = JSON.parse($("gpai-examples")?.textContent ?? "null");
      examples = embedded?.index ?? [];
      for (const e of examples) exampleData.set(e.file, embedded.files[e.file]);
    } else {
      const response = await fetch("examples/index.json");
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      examples = await response.json();
      await Promise.all(
        examples.map(async (e) => {
          const r = await fetch(`examples/${encodeURIComponent(e.file)}`);
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          exampleData.set(e.file, await r.json());
        }),
      );
    }
    return true;
  } catch {
    examples = [];
    return false;
  }
}

/** Offers the examples in the picker, once the engine is ready to load them. */
function wireExamples(loaded) {
  const select = $("example-select");
  if (!loaded) {
    setText($("example-description"), t("example.list-failed"));
    return;
  }
  for (const example of examples) select.append(h("option", { value: example.file }, example.title));
  select.disabled = false;
  select.addEventListener("change", () => {
    const example = examples.find((e) => e.file === select.value);
    setText($("example-description"), example?.description ?? "");
    $("example-load").disabled = !example;
  });
  $("example-load").addEventListener("click", () => loadExample(select.value));
}

/** Loads an example into the open assessment when it is empty, otherwise as a new one. */
function loadExample(file) {
  const entry = examples.find((e) => e.file === file);
  const data = exampleData.get(file);
  if (!entry || !data) return;
  try {
    const example = normaliseAssessment(data);
    if (typeof data.assessmentDate === "string" && example.profile.assessment_date === undefined) {
      example.profile.assessment_date = data.assessmentDate;
    }
    const values = { title: example.title || entry.title, profile: example.profile, answers: example.answers };
    if (isEmpty(state)) {
      edit(() => Object.assign(state, values));
      syncInputs();
      announce(t("example.loaded", { title: entry.title }));
    } else {
      addAssessment(emptyRecord(values), { focus: null, announcement: t("example.opened", { title: entry.title }) });
      $("example-select").value = file;
      setText($("example-description"), entry.description ?? "");
      $("example-load").disabled = false;
    }
  } catch (error) {
    showError(t("example.failed", { reason: error.message }));
  }
}

/** Shows the link to the one-file checker when the build made it (scripts/single-file.mjs). */
async function offerSingleFile() {
  if (SINGLE_FILE) return;
  try {
    const response = await fetch($("single-file-link").getAttribute("href"), { method: "HEAD" });
    show($("single-file"), response.ok);
  } catch {
    show($("single-file"), false);
  }
}

/** The second module for an export the person asked for; on failure says why and gives null. */
async function exportsOrError() {
  try {
    return await loadExports();
  } catch (error) {
    showError(t("app.file-failed", { reason: error.message }));
    return null;
  }
}

function showError(message) {
  const el = $("error");
  setText(el, message ?? "");
  show(el, Boolean(message));
}

function fillFooter() {
  setText($("engine-version"), engineVersion());
  setText($("pack-title"), packData.title);
  setText($("pack-id"), packData.id);
  setText($("pack-version"), t("pack.version", { version: packData.version, date: currentLocale() ? formatDate(packData.publicationDate) : packData.publicationDate }));
  setText($("pack-digest"), packData.digest);
  setText($("disclaimer"), packData.disclaimer);
  renderLaw($("pack-law"), packData);
}
