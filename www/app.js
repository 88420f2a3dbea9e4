// gpai-check's page: loads the engine, asks the profile and the Code's questions, and shows the
// report. Every edit makes exactly one `evaluate` call; nothing leaves the browser.
import init, { pack as loadPack, scopeQuestions, evaluate, reportMarkdown, engineVersion } from "../pkg/gpai_check.js";
import { h, setText, show, domId } from "./dom.js";
import { buildProfileForm, cleanProfile } from "./profile-form.js";
import { buildQuestionnaire } from "./questionnaire.js";
import { renderScope, updateChapter, updateMeasure, renderFindings, summaryText } from "./results.js";
import { updateForm } from "./doc-form.js";
import { renderCrossChecks, trippedByQuestion, profileInputsOf } from "./consistency.js";
import { loadAssessment, saveAssessment, normaliseAssessment } from "./storage.js";
import { downloadText, reportFileStem } from "./download.js";

const PACK_ID = "gpai-cop-final";
const $ = (id) => document.getElementById(id);

/** What the person has entered: the only state the page keeps. */
let state = { title: "", profile: {}, answers: {} };
let report = null;
let packData;
let questions;
let profileForm;
let questionnaire;
let renderedScope = "";
/** Cross-check id -> the profile inputs it compares with (from the pack's conditions). */
let crossCheckInputs = new Map();

start().catch((error) => showError(`The checker could not start: ${error.message}`));

async function start() {
  await init();
  packData = loadPack(PACK_ID);
  questions = scopeQuestions();
  fillFooter();

  profileForm = buildProfileForm($("profile-fields"), questions, (key, value) => edit(() => setOrRemove(state.profile, key, value)));
  crossCheckInputs = new Map(packData.chapters.flatMap((c) => (c.crossChecks ?? []).map((x) => [x.id, profileInputsOf(x.when)])));
  questionnaire = buildQuestionnaire($("chapters"), packData, (id, value) => edit(() => setOrRemove(state.answers, id, value)));
  $("assessment-title").addEventListener("input", (event) => edit(() => (state.title = event.target.value)));

  const saved = loadAssessment();
  if (saved.error === "unavailable") {
    storageNotice("This browser does not let the page use local storage, so your answers will be lost when you close or reload the page. Download the report to keep a copy.");
  } else if (saved.error) {
    storageNotice("The answers saved earlier in this browser could not be read, so the page starts empty.");
  } else if (saved.state) {
    state = { ...saved.state, profile: cleanProfile(saved.state.profile, questions) };
  }

  syncInputs();
  refresh();
  wireTools();
  setText($("load-status"), "");
  show($("load-status"), false);
  $("main").dataset.state = "ready";
  await loadExampleList();
}

function setOrRemove(record, key, value) {
  if (value === undefined) delete record[key];
  else record[key] = value;
}

/** Applies one edit: store it, save it, evaluate once, update the page. */
function edit(mutate) {
  mutate();
  persist();
  refresh();
}

function persist() {
  if (saveAssessment(state, packData)) {
    if ($("storage-message").dataset.kind === "save") storageNotice(null);
  } else {
    storageNotice(
      "Your answers could not be saved in this browser (storage may be disabled or full). They stay on this page until you close or reload it; download the report to keep a copy.",
      "save",
    );
  }
}

function storageNotice(message, kind = "load") {
  const el = $("storage-message");
  setText(el, message ?? "");
  el.dataset.kind = message ? kind : "";
  show(el, Boolean(message));
}

function submission() {
  return {
    pack: PACK_ID,
    packVersion: packData.version,
    title: state.title.trim() || undefined,
    profile: state.profile,
    answers: state.answers,
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

  questionnaire.updateVisibility({ answers: state.answers, scope: report.scope, profile: effectiveProfile });
  const counts = new Map(report.summary.chapters.map((c) => [c.id, c.counts]));
  for (const chapter of report.chapters) {
    const ref = questionnaire.chapters.get(chapter.id);
    if (!ref) continue;
    updateChapter(ref, chapter, counts.get(chapter.id));
    const smeNotes = (chapter.simplifications ?? []).length > 0;
    for (const measure of chapter.measures) {
      const measureRef = questionnaire.measures.get(measure.id);
      if (measureRef) updateMeasure(measureRef, measure, questionnaire.questions, smeNotes);
    }
  }
  for (const form of report.forms ?? []) {
    const formRef = questionnaire.forms.get(form.id);
    if (formRef) updateForm(formRef, form, questionnaire.questions);
  }

  const messages = new Map();
  for (const finding of report.findings) {
    messages.set(finding.questionId, [...(messages.get(finding.questionId) ?? []), finding.message]);
  }
  for (const [id, q] of questionnaire.questions) {
    const message = messages.has(id) ? `Check this answer: ${messages.get(id).join(" ")}` : null;
    if (q.shownFinding !== message) {
      q.shownFinding = message;
      q.setFinding(message);
    }
  }
  const crossChecks = report.crossChecks ?? [];
  const tripped = trippedByQuestion(crossChecks);
  for (const [id, q] of questionnaire.questions) {
    const checks = tripped.get(id) ?? [];
    const key = checks.map((c) => c.id).join(" ");
    if (q.shownCrossChecks !== key) {
      q.shownCrossChecks = key;
      q.setCrossChecks(checks);
    }
  }
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
  for (const id of ["download-json", "download-md"]) $(id).disabled = false;
}

/** Puts the state into the inputs (after a restore, an example or Clear); builds nothing. */
function syncInputs() {
  $("assessment-title").value = state.title;
  profileForm.sync(state.profile);
  questionnaire.sync(state.answers);
}

function hasAnything() {
  return state.title.trim() !== "" || Object.keys(state.profile).length > 0 || Object.keys(state.answers).length > 0;
}

function replaceState(next) {
  state = next;
  syncInputs();
  persist();
  refresh();
}

function wireTools() {
  $("clear").addEventListener("click", () => {
    if (!confirm("Clear all your answers? They are also removed from this browser's storage.")) return;
    $("example-select").value = "";
    setText($("example-description"), "");
    replaceState({ title: "", profile: {}, answers: {} });
  });
  $("download-json").addEventListener("click", () => {
    if (report) downloadText(`${JSON.stringify(report, null, 2)}\n`, `${reportFileStem(report)}.json`, "application/json");
  });
  $("download-md").addEventListener("click", () => {
    if (report) downloadText(reportMarkdown(report), `${reportFileStem(report)}.md`, "text/markdown");
  });
  $("clear").disabled = false;
}

let examples = [];

async function loadExampleList() {
  const select = $("example-select");
  try {
    const response = await fetch("examples/index.json");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    examples = await response.json();
  } catch {
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

async function loadExample(file) {
  const entry = examples.find((e) => e.file === file);
  if (!entry) return;
  if (hasAnything() && !confirm(`Replace your current answers with the example “${entry.title}”?`)) return;
  try {
    const response = await fetch(`examples/${encodeURIComponent(entry.file)}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = await response.json();
    const example = normaliseAssessment(data);
    if (typeof data.assessmentDate === "string" && example.profile.assessment_date === undefined) {
      example.profile.assessment_date = data.assessmentDate;
    }
    replaceState({ title: example.title || entry.title, profile: cleanProfile(example.profile, questions), answers: example.answers });
  } catch (error) {
    showError(`The example could not be loaded: ${error.message}`);
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
  setText($("pack-version"), `${packData.version} (published ${packData.publicationDate})`);
  setText($("pack-digest"), packData.digest);
  setText($("disclaimer"), packData.disclaimer);
}
