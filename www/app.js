// gpai-check's page: loads the engine, asks the profile and the Code's questions, and shows the
// report. Every edit makes exactly one `evaluate` call and is saved at once; nothing leaves the
// browser. Several assessments (one per model) live side by side in localStorage (storage.js).
import init, { initSync, pack as loadPack, scopeQuestions, scopeTexts, messages, evaluate, sealedReport, readAnswers, reportMarkdown, engineVersion, limits } from "../pkg/gpai_check.js";
import { useMessages } from "./messages.js";
import { useTexts, chapterText, simplificationText } from "./texts.js";
import { h, setText, setChildren, show, domId } from "./dom.js";
import { buildProfileForm, cleanProfile } from "./profile-form.js";
import { buildQuestionnaire } from "./questionnaire.js";
import { renderScope, applyReport, renderFindings, summaryText } from "./results.js";
import { buildStillMissing } from "./still-missing.js";
import { renderCrossChecks, profileInputsOf } from "./consistency.js";
import { readStore, writeIndex, writeRecord, removeRecord, emptyRecord, newId, normaliseAssessment } from "./storage.js";
import { buildAssessmentList, displayTitle } from "./assessments.js";
import { answersFile, answersFileName, splitAnswers, questionsOf } from "./transfer.js";
import { clipTitle, titleOf } from "./title.js";
import { aiOfficeOnlyQuestions, shortModeReason, neededQuestions, answeredQuestions, hiddenText } from "./short-mode.js";
import { downloadText, reportFileStem } from "./download.js";
import { buildWhatChanged, forgetCheck } from "./what-changed.js";
import { renderLaw } from "./law.js";
import { formatDate, answerText } from "./wording.js";

const PACK_ID = "gpai-cop-final";
// The page's own elements by id. Typed `any`: each id names an element of a known kind in
// index.html (an input, a button, ...), which the type checker cannot see.
/** @type {(id: string) => any} */
const $ = (id) => document.getElementById(id);
/** The one-file build (scripts/single-file.mjs) carries the wasm and the examples in the page. */
const SINGLE_FILE = document.documentElement.dataset.build === "single-file";

/** Every assessment: { available, order: [id], records: Map(id -> record), openId }. */
let store = { available: true, order: [], records: new Map(), openId: null };
/** The open assessment (an entry of store.records): { id, title, profile, answers, mode, ... }. */
let state = emptyRecord();
let report = null;
let packData;
let questions;
let questionIds;
let aiOfficeOnly;
let profileForm;
let questionnaire;
/** The "Still missing" panel, placed after the summary (still-missing.js). */
let stillMissing;
let assessmentList;
/** "What changed since your last check" (what-changed.js). */
let whatChangedPanel;
let renderedScope = "";
/** Cross-check id -> the profile inputs it compares with (from the pack's conditions). */
let crossCheckInputs = new Map();
/** The examples' list, and each example's data by file name, all fetched while the page loads. */
let examples = [];
const exampleData = new Map();

start().catch((error) => showError(`The checker could not start: ${error.message}`));

async function start() {
  // Everything the page will ever fetch is fetched while it loads, before it says it is ready:
  // after that it makes no request at all, so it keeps working offline. The examples are asked
  // for once the engine has arrived, not with it: on a slow connection they shared its download
  // and put off the first questions (Fast 3G, 4x slower CPU: about 150 ms; README, Figures).
  const singleFileOffered = offerSingleFile();
  await initEngine();
  const examplesFetched = loadExampleList();
  packData = loadPack(PACK_ID);
  questions = scopeQuestions();
  useMessages(messages());
  useTexts(packData, scopeTexts());
  questionIds = new Set(questionsOf(packData).map((q) => q.id));
  aiOfficeOnly = aiOfficeOnlyQuestions(packData);
  fillFooter();
  whatChangedPanel = buildWhatChanged($("what-changed"), packData, { onDismiss: () => $("assessments-title").focus() });

  profileForm = buildProfileForm($("profile-fields"), questions, (key, value) => edit(() => setOrRemove(state.profile, key, value)));
  $("assessment-title").addEventListener("input", (event) => edit(() => (state.title = titleOf(event.target))));
  assessmentList = buildAssessmentList($("assessment-list"), {
    open: (id) => openAssessment(id, { focus: "name" }),
    rename: renameAssessment,
    duplicate: duplicateAssessment,
    remove: deleteAssessment,
    downloadDamaged,
  });
  crossCheckInputs = new Map(packData.chapters.flatMap((c) => (c.crossChecks ?? []).map((x) => [x.id, profileInputsOf(x.when)])));
  // The Code's chapters (8,500 elements) are built after the first frame, below the profile.
  questionnaire = buildQuestionnaire($("chapters"), packData, (id, value) => edit(() => setOrRemove(state.answers, id, value)), { deferred: true });
  stillMissing = buildStillMissing();
  $("jump-links").after(stillMissing.section);
  openStore();
  syncInputs();
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
  revealTarget();
  wireExamples(await examplesFetched);
  $("main").dataset.state = "ready";
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
  for (const id of added) questionnaire.questions.get(id).set(state.answers[id]);
  if (report) render(profileForm.effective(state.profile));
}

/** Printing, or a link into the chapters, needs them all: the rest is built at once. */
function finishBuilding() {
  if (!questionnaire.complete) buildSlice(Infinity);
}

/** A page opened with a link to a question or measure goes there once it exists. */
function revealTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (id && $("chapters").contains($(id))) $(id).scrollIntoView();
}

function afterFirstFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function yieldToInput() {
  return globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The served page fetches the wasm from pkg/ (named from this module, which is www/app.js or the
 * bundle beside it, www/app.bundle.js: the engine's own default would look next to the bundle);
 * the one-file build decodes its own.
 */
async function initEngine() {
  const embedded = $("gpai-wasm");
  if (embedded) initSync({ module: base64Bytes(embedded.textContent.trim()) });
  else await init({ module_or_path: new URL("../pkg/gpai_check_bg.wasm", import.meta.url) });
}

function base64Bytes(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// --- Storage ---------------------------------------------------------------------------------

function openStore() {
  const read = readStore();
  if (!read.available) {
    storageNotice(
      "This browser does not let the page use local storage, so your answers will be lost when you close or reload the page. Export your answers to keep a copy.",
      "unavailable",
    );
    store = { available: false, order: [state.id], records: new Map([[state.id, state]]), openId: state.id };
    return;
  }
  store = { available: true, order: read.order, records: read.records, openId: read.openId };
  const problems = [];
  if (read.problems.includes("index-unreadable")) problems.push("The list of your assessments was damaged; it has been rebuilt from the saved assessments.");
  if (read.problems.includes("damaged") || read.problems.includes("legacy-unreadable")) {
    problems.push("Some saved answers could not be read. They are kept as they were and listed under “Your assessments”, where you can download or delete them.");
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
}

/**
 * Fits a stored assessment to this pack: profile values of the right shapes only, and answers to
 * questions this pack does not have moved to `unmatchedAnswers` (kept, shown, exported, and sent
 * to the engine, which lists them as findings). Returns true when something moved.
 */
function reconcile(record) {
  record.profile = cleanProfile(record.profile, questions);
  const { matched, unmatched } = splitAnswers(record.answers, questionIds);
  if (Object.keys(unmatched).length === 0) return false;
  record.answers = matched;
  record.unmatchedAnswers = { ...record.unmatchedAnswers, ...unmatched };
  if (record.packVersion && record.packVersion !== packData.version) record.unmatchedPackVersion ??= record.packVersion;
  return true;
}

/** Saves one assessment at once; a refusal is shown, with the offer to export instead. */
function saveRecord(record) {
  if (!store.available) return;
  noteSave(writeRecord(record, packData));
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
      "Your answers could not be saved in this browser (storage may be disabled or full). They stay on this page until you close or reload it; export them to keep a copy.",
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

function setOrRemove(record, key, value) {
  if (value === undefined) delete record[key];
  else record[key] = value;
}

/** Applies one edit: store it, save it, evaluate once, update the page. */
function edit(mutate) {
  mutate();
  state.updatedAt = new Date().toISOString();
  saveRecord(state);
  refresh();
  renderAssessments();
}

function submission() {
  return {
    pack: PACK_ID,
    packVersion: packData.version,
    title: state.title.trim() || undefined,
    profile: state.profile,
    // Answers kept from another pack version go along, so the report lists them as findings.
    answers: { ...state.unmatchedAnswers, ...state.answers },
  };
}

/**
 * One evaluation, then every visible consequence of it. The two halves are timed with the User
 * Timing API ("gpai-check:evaluate", "gpai-check:render"; only the latest of each is kept), so
 * a test or the browser's profiler can see what one change costs.
 */
function refresh() {
  const started = performance.now();
  try {
    report = evaluate(submission());
    showError(null);
  } catch (error) {
    // Unusable input (tier 2): keep showing the last good report and say what is wrong.
    const where = error.path ? ` (field ${error.path})` : "";
    showError(`The checker could not use these answers${where}: ${error.message}`);
  }
  const evaluated = performance.now();
  const effectiveProfile = profileForm.effective(state.profile);
  profileForm.updateVisibility(effectiveProfile);
  if (report) render(effectiveProfile);
  if (report) whatChangedPanel.update(state, report);
  timing("gpai-check:evaluate", started, evaluated);
  timing("gpai-check:render", evaluated, performance.now());
}

function timing(name, start, end) {
  try {
    performance.clearMeasures(name);
    performance.measure(name, { start, end });
  } catch {
    // A browser without User Timing Level 3 simply goes unmeasured.
  }
}

function render(effectiveProfile) {
  const scopeKey = JSON.stringify(report.scope);
  if (scopeKey !== renderedScope) {
    renderedScope = scopeKey;
    renderScope($("scope-result"), report.scope, (key) => profileForm.label(key), (key) => `#${profileForm.fieldId(key) ?? domId("p", key)}`);
  }

  const short = state.mode === "short";
  const needed = short ? neededQuestions(report) : null;
  const answered = short ? answeredQuestions(report) : null;
  const applicable = new Set(report.chapters.filter((c) => c.applicable === true).map((c) => c.id));
  // Short mode leaves out questions of the chapters that apply (the others are not asked in
  // either mode), never the one being answered right now.
  const hidden = questionnaire.updateVisibility(
    report,
    short
      ? (id, q) =>
          !applicable.has(q.chapterId) || q.root?.contains(document.activeElement) ? null : shortModeReason(id, { answered, needed, aiOfficeOnly })
      : null,
  );
  applyReport(questionnaire, report, hidden, "Short mode", stillMissing);

  const crossChecks = report.crossChecks ?? [];
  renderCrossChecks(
    { counts: $("cross-checks-counts"), list: $("cross-checks-list"), passedBox: $("cross-checks-passed-box"), passedSummary: $("cross-checks-passed-summary"), passedList: $("cross-checks-passed") },
    crossChecks,
    report.summary.crossChecks ?? { passed: 0, tripped: 0, notChecked: 0 },
    questionnaire.questions,
    (checkId) =>
      (crossCheckInputs.get(checkId) ?? [])
        // Only fields on screen: a link to a hidden follow-up question would go nowhere.
        .filter((key) => profileForm.fieldId(key) && !$(profileForm.fieldId(key))?.closest("[hidden]"))
        .map((key) => ({ text: profileForm.label(key), href: `#${profileForm.fieldId(key)}` })),
  );
  renderFindings($("findings"), $("findings-list"), report.findings, questionnaire.questions);
  setText($("summary"), summaryText(report));
  const trippedCount = report.summary.crossChecks?.tripped ?? 0;
  show($("jump-cross-checks"), trippedCount > 0);
  show($("jump-findings"), report.findings.length > 0);
  show($("jump-links"), trippedCount > 0 || report.findings.length > 0);
  for (const id of ["download-json", "download-md", "print-report"]) $(id).disabled = false;
  renderShortModeInfo(short, hidden, effectiveProfile);
  renderUnmatched();
  renderReportDetails();
}

/** What short mode leaves out, and the SME simplifications (or how to see them). */
function renderShortModeInfo(short, hidden, effectiveProfile) {
  const el = $("short-mode-info");
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
      h("p", {}, "The Code’s simplifications for SMEs and small mid-caps that concern you (they are also shown at their chapter and measures):"),
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
      "Your profile says your organisation is an SME or a small mid-cap. ",
      elsewhere.length
        ? `The Code’s simplifications for you are in ${elsewhere.length === 1 ? "a chapter" : "chapters"} that ${elsewhere.length === 1 ? "does" : "do"} not apply to this model: ${elsewhere.join(", ")}.`
        : "No simplification of the Code concerns the chapters that apply to this model.",
    );
  } else {
    sme = h(
      "p",
      {},
      "The Code has simplifications for SMEs and small mid-caps. They are shown when your profile says your organisation is one",
      smeField ? [" (", h("a", { href: `#${smeField}` }, "Are you an SME?"), ")"] : null,
      ".",
    );
  }
  setChildren(
    el,
    h("p", {}, left ? `Short mode is on: it leaves out ${left}. Any answers you gave to them are kept.` : "Short mode is on: every question the result needs is asked."),
    sme,
  );
}

/** Answers kept from another pack version, listed until the person discards them. */
function renderUnmatched() {
  const unmatched = Object.entries(state.unmatchedAnswers ?? {});
  show($("unmatched"), unmatched.length > 0);
  const key = JSON.stringify([state.id, unmatched, state.unmatchedPackVersion]);
  if ($("unmatched").dataset.rendered === key) return;
  $("unmatched").dataset.rendered = key;
  if (!unmatched.length) return;
  const from = state.unmatchedPackVersion ? ` (they were given for version ${state.unmatchedPackVersion})` : "";
  setText(
    $("unmatched-text"),
    `${unmatched.length} ${unmatched.length === 1 ? "answer is" : "answers are"} for questions that version ${packData.version} of the rule pack does not have${from}. They are kept with this assessment, exported with its answers, and listed in the report’s findings, but not used.`,
  );
  setChildren(
    $("unmatched-list"),
    unmatched.map(([id, value]) => h("li", {}, h("code", {}, id), `: ${answerText(value)}`)),
  );
}

/** The block that heads the printed report, and the footer's figures of this report. */
function renderReportDetails() {
  const date = report.assessmentDate ? formatDate(report.assessmentDate) : "not given";
  setText($("print-report-title"), displayTitle(report.title ?? ""));
  setText($("print-assessment-date"), date);
  setText($("print-pack"), `${report.packId} version ${report.packVersion}`);
  setText($("print-engine-version"), report.engineVersion);
  setText($("print-pack-digest"), report.packDigest);
  setText($("assessment-date"), date);
  // evaluate() does not seal (no digest on every keystroke); the digest is made where the report
  // leaves the page: a download or a print (see sealForExport).
  if (!sealedIsCurrent()) showDigest("made when you download or print the report");
}

/** The answers (as JSON) the digest on screen was made for. */
let sealedFor = null;

function sealedIsCurrent() {
  return sealedFor === JSON.stringify(submission());
}

function showDigest(text) {
  setText($("print-report-digest"), text);
  setText($("report-digest"), text);
}

/** The sealed report of the current answers, for a download or a print; shows its digest. */
function sealForExport() {
  const current = submission();
  const sealed = sealedReport(current);
  sealedFor = JSON.stringify(current);
  showDigest(sealed.digest);
  return sealed;
}

/** Puts the state into the inputs (after opening, an example or Clear); builds nothing. */
function syncInputs() {
  $("assessment-title").value = state.title;
  $("short-mode").checked = state.mode === "short";
  profileForm.sync(state.profile);
  questionnaire.sync(state.answers);
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
  announce(`Renamed to “${displayTitle(record.title)}”.`);
}

function duplicateAssessment(id) {
  const source = store.records.get(id);
  if (!source || source.damaged) return;
  clearImportMessages();
  const now = new Date().toISOString();
  const copy = {
    ...structuredClone(source),
    id: newId(),
    title: clipTitle(`Copy of ${displayTitle(source.title)}`),
    createdAt: now,
    updatedAt: now,
  };
  addAssessment(copy, { after: id, announcement: `Duplicated as “${copy.title}”, which is open now.` });
}

function deleteAssessment(id) {
  const record = store.records.get(id);
  if (!record) return;
  const name = record.damaged ? "the assessment that could not be read" : `the assessment “${displayTitle(record.title)}”`;
  if (!confirm(`Delete ${name}? Its answers are removed from this browser; this cannot be undone.`)) return;
  clearImportMessages();
  forgetCheck(id);
  if (store.available && !removeRecord(id)) {
    storageNotice("The assessment could not be removed from this browser’s storage (storage may be disabled). It is gone from this page, but may come back after a reload.", "save");
  }
  const position = store.order.indexOf(id);
  store.order.splice(position, 1);
  store.records.delete(id);
  const neighbour = store.order[Math.min(position, store.order.length - 1)];
  const message = `Deleted ${name}.`;
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
    openAssessment(next, { focus: "name", announcement: `${message} “${displayTitle(store.records.get(next).title)}” is open now.` });
  } else {
    addAssessment(emptyRecord(), { focus: "title", announcement: `${message} A new, empty assessment is open.` });
  }
}

function downloadDamaged(id) {
  const record = store.records.get(id);
  if (record?.damaged) downloadText(record.raw, `gpai-check-unreadable-${id}.txt`, "text/plain");
}

// --- Import and export -----------------------------------------------------------------------

function exportAnswers() {
  const now = new Date();
  downloadText(`${JSON.stringify(answersFile(state, packData, now), null, 2)}\n`, answersFileName(state, now), "application/json");
}

async function importFile(file) {
  clearImportMessages();
  const fail = (problem) => {
    setChildren($("import-error"), h("strong", {}, `“${file.name}” was not imported. `), problem, " Your assessments are unchanged.");
    show($("import-error"), true);
  };
  const { maxSubmissionBytes } = limits();
  if (file.size > maxSubmissionBytes) {
    fail(`The file is ${(file.size / (1024 * 1024)).toFixed(1)} MB; an answers file can be at most ${maxSubmissionBytes / (1024 * 1024)} MB.`);
    return;
  }
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    fail(`The file could not be read (${error.message}).`);
    return;
  }
  // The engine reads the file (an answers file or a plain submission) and refuses what it
  // cannot use; the page only fits what it read to an assessment.
  let read;
  try {
    read = readAnswers(bytes);
  } catch (error) {
    fail(importProblem(error));
    return;
  }
  if (read.pack !== PACK_ID) {
    fail(`The file is for the rule pack “${read.pack}”; this page checks “${PACK_ID}”.`);
    return;
  }
  const data = normaliseAssessment(read);
  // The page keeps the assessment date as the profile's question; the file's date overrides it.
  if (typeof read.assessmentDate === "string") data.profile.assessment_date = read.assessmentDate;
  const { matched, unmatched } = splitAnswers(data.answers, questionIds);
  const otherVersion = typeof read.packVersion === "string" && read.packVersion !== packData.version;
  const record = emptyRecord({
    title: data.title,
    profile: cleanProfile(data.profile, questions),
    answers: matched,
    unmatchedAnswers: unmatched,
    unmatchedPackVersion: otherVersion && Object.keys(unmatched).length ? read.packVersion : null,
  });
  const findings = evaluate({ pack: PACK_ID, profile: record.profile, answers: { ...unmatched, ...matched } }).findings.filter((f) => f.code !== "unknown-question").length;
  const parts = [`“${file.name}” is open as a new assessment, “${displayTitle(record.title)}”.`];
  if (Object.keys(unmatched).length) {
    const n = Object.keys(unmatched).length;
    parts.push(`${n} ${n === 1 ? "answer has" : "answers have"} no question in this version of the rule pack; ${n === 1 ? "it is" : "they are"} kept and listed below.`);
  }
  if (findings) parts.push(`${findings} ${findings === 1 ? "answer needs" : "answers need"} checking (marked at the questions).`);
  if (otherVersion) parts.push(`The file was made with version ${read.packVersion} of the rule pack; its answers are now checked against version ${packData.version}.`);
  addAssessment(record, { focus: null, announcement: parts.join(" ") });
  setText($("import-result"), parts.join(" "));
  show($("import-result"), true);
}

/**
 * The engine's refusal as the page says it: its message (which starts with the field's path)
 * as a sentence, and for a file that is no file of answers at all, where to see one.
 */
function importProblem(error) {
  if (error?.name !== "GpaiInputError") return `The file could not be read (${error?.message ?? error}).`;
  // A message at the root is a sentence of its own; one with a path starts with the path.
  const message = error.path ? error.message : `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}`;
  const text = `${message}${/[.!?]$/.test(message) ? "" : "."}`;
  if (error.code !== "invalid_type" || error.path !== "") return text;
  return `${text} To see one, choose an example under “Load an example” and use “Export answers”.`;
}

function clearImportMessages() {
  for (const id of ["import-error", "import-result"]) {
    setChildren($(id));
    show($(id), false);
  }
}

// --- Tools -----------------------------------------------------------------------------------

function wireTools() {
  $("clear").addEventListener("click", () => {
    if (!confirm(`Clear all your answers in “${displayTitle(state.title)}”? They are also removed from this browser's storage.`)) return;
    $("example-select").value = "";
    setText($("example-description"), "");
    edit(() => Object.assign(state, { title: "", profile: {}, answers: {}, unmatchedAnswers: {}, unmatchedPackVersion: null }));
    syncInputs();
    announce("All answers of this assessment are cleared.");
  });
  $("download-json").addEventListener("click", () => {
    if (!report) return;
    const sealed = sealForExport();
    downloadText(`${JSON.stringify(sealed, null, 2)}\n`, `${reportFileStem(sealed)}.json`, "application/json");
  });
  $("download-md").addEventListener("click", () => {
    // The engine renders its own evaluation of the answers, never a report handed to it.
    if (!report) return;
    sealForExport();
    downloadText(reportMarkdown(submission()), `${reportFileStem(report)}.md`, "text/markdown");
  });
  $("print-report").addEventListener("click", () => {
    if (report) sealForExport();
    window.print();
  });
  // A report printed in the moment before every chapter is built would leave chapters out; a
  // printed report carries its digest (printing from the browser's menu too).
  window.addEventListener("beforeprint", () => {
    finishBuilding();
    // After "Print report" the digest is already made for these answers: not again.
    if (report && !sealedIsCurrent()) sealForExport();
  });
  // Links into the chapters (still missing, answers to check, consistency checks) work even in
  // the moment before every chapter is built.
  document.addEventListener("click", (event) => {
    if (!questionnaire.complete && /** @type {Element} */ (event.target).closest?.('a[href^="#"]')) finishBuilding();
  }, true);
  $("export-answers").addEventListener("click", exportAnswers);
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
    edit(() => (state.mode = /** @type {HTMLInputElement} */ (event.target).checked ? "short" : "full"));
    const left = [...$("short-mode-info").querySelectorAll("p")].at(0)?.textContent ?? "";
    announce(state.mode === "short" ? left : "Short mode is off: every question is shown again, with your answers.");
  });
  $("unmatched-discard").addEventListener("click", () => {
    const n = Object.keys(state.unmatchedAnswers).length;
    if (!confirm(`Discard the ${n} ${n === 1 ? "answer" : "answers"} kept from another pack version? This cannot be undone.`)) return;
    edit(() => Object.assign(state, { unmatchedAnswers: {}, unmatchedPackVersion: null }));
    $("short-mode").focus();
    announce("The answers kept from another pack version are discarded.");
  });
  for (const id of ["clear", "export-answers", "new-assessment", "import-answers", "short-mode"]) $(id).disabled = false;
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
    setText($("example-description"), "The examples could not be loaded.");
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
    const values = { title: example.title || entry.title, profile: cleanProfile(example.profile, questions), answers: example.answers };
    if (isEmpty(state)) {
      edit(() => Object.assign(state, values));
      syncInputs();
      announce(`The example “${entry.title}” is loaded.`);
    } else {
      addAssessment(emptyRecord(values), { focus: null, announcement: `The example “${entry.title}” is open as a new assessment; your other assessments are unchanged.` });
      $("example-select").value = file;
      setText($("example-description"), entry.description ?? "");
      $("example-load").disabled = false;
    }
  } catch (error) {
    showError(`The example could not be loaded: ${error.message}`);
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

function showError(message) {
  const el = $("error");
  setText(el, message ?? "");
  show(el, Boolean(message));
}

function fillFooter() {
  setText($("engine-version"), engineVersion());
  setText($("pack-title"), packData.title);
  setText($("pack-id"), packData.id);
  setText($("pack-version"), `${packData.version} (published ${packData.publicationDate})`);
  setText($("pack-digest"), packData.digest);
  setText($("disclaimer"), packData.disclaimer);
  renderLaw($("pack-law"), packData);
}
