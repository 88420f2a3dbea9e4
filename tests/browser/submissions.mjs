// Submissions for the browser tests, made from the built pack's own questions, so that they
// follow the pack as it grows: every question gets a valid, consistent answer.
import { readFileSync } from "node:fs";
import { initSync, pack as loadPack } from "../../pkg/gpai_check.js";

initSync({ module: readFileSync(new URL("../../pkg/gpai_check_bg.wasm", import.meta.url)) });

export const PACK_ID = "gpai-cop-final";
/** The single key of earlier versions of the page, moved into the list on load. */
export const LEGACY_KEY = "gpai-check:v1:current";
export const INDEX_KEY = "gpai-check:v1:assessments";
export const recordKey = (id) => `gpai-check:v1:assessment:${id}`;
export const pack = loadPack(PACK_ID);

/** Every question of the pack, with its chapter and measure ids. */
export function allQuestions() {
  return pack.chapters.flatMap((c) => c.commitments.flatMap((cm) => cm.measures.flatMap((m) => m.questions.map((q) => ({ ...q, chapterId: c.id, measureId: m.id })))));
}

/** The Model Documentation Form (chapter T). */
export const form = pack.chapters.find((c) => c.form)?.form;

const DATE = "2025-09-01";

// Answers that keep the Form consistent with the frontier profile below and with each other
// (see the pack's cross-checks ).
const OVERRIDES = {
  t_mdf_2_7a: "7.3e10",
  t_mdf_2_7b: "50b-100b",
  t_mdf_3_2b: ["proprietary"],
  t_mdf_6_4a: "2e13",
  t_mdf_6_4b: "1.5e13",
  t_mdf_7_1a: "3-6-months",
  t_mdf_7_1b: "1e2",
  t_mdf_7_2a: "1e25",
  t_mdf_7_2b: "5.0e25",
  t_mdf_8_1: "1.2e4",
  t_mdf_8_3: "3.5e12",
};

/** A valid answer of the right shape for any question. */
function answerFor(q) {
  if (q.id in OVERRIDES) return OVERRIDES[q.id];
  switch (q.type) {
    case "yes-partly-no":
    case "yes-no":
      return "yes";
    case "single-choice":
      return q.options[0].id;
    case "multi-choice": {
      const picked = q.options.map((o) => o.id).filter((id) => id !== "other" && id !== "none");
      return picked.length ? picked : [q.options[0].id];
    }
    case "number":
      return typeof q.min === "number" ? q.min + 1 : 1;
    case "quantity":
      return "1.0e3";
    case "date":
      return DATE;
    case "url":
      return "https://provider.example/docs";
    default:
      return `Described in our internal documentation, version 3, section on ${q.id.replace(/_/g, " ")}.`.padEnd(q.minLength ?? 0, ".");
  }
}

/** A frontier model with systemic risk: above 10^25 FLOP, EU provider, all chapters answered. */
export function frontierSubmission() {
  const answers = {};
  for (const q of allQuestions()) answers[q.id] = answerFor(q);
  return {
    title: "Frontier model with systemic risk (test)",
    profile: {
      org_develops_or_commissions_model: true,
      under_own_name_or_trademark: true,
      training_compute_flop: 5e25,
      generates_language_image_or_video: true,
      significant_generality: "yes",
      placed_on_eu_market: true,
      is_modification: false,
      is_open_source_licence: false,
      monetised: true,
      established_in_eu: true,
      placed_before_2025_08_02: false,
      is_sme: false,
      assessment_date: "2026-11-28",
    },
    answers,
  };
}

/**
 * The frontier example with some answers taken out: three that several measures wait on
 * (whether the provider crawls the web, the security scope, the similarly-safe reference) and
 * a few that one measure waits on (among them Form fields only the AI Office receives).
 */
export function partlyAnswered() {
  const example = JSON.parse(readFileSync(new URL("../../www/examples/frontier-systemic-risk.json", import.meta.url), "utf8"));
  const answers = { ...example.answers };
  for (const id of ["c_crawls_web", "ss_security_scope", "ss_safe_ref_similarly_safe_scope", "c_policy_document_ref", "t_mdf_1_1", "ts_summary_version"]) {
    if (!(id in answers)) throw new Error(`the example no longer answers ${id}`);
    delete answers[id];
  }
  // And the Form's sections 2 and 3 (general and technical information about the model).
  for (const id of Object.keys(answers)) if (/^t_mdf_[23]_/.test(id)) delete answers[id];
  const profile = { ...example.profile };
  if (example.assessmentDate && profile.assessment_date === undefined) profile.assessment_date = example.assessmentDate;
  return { title: "Frontier, partly answered", profile, answers };
}

/** The state earlier versions of the page stored under LEGACY_KEY. */
export function legacyState(submission) {
  return JSON.stringify({ pack: PACK_ID, packVersion: pack.version, title: submission.title ?? "", profile: submission.profile, answers: submission.answers });
}

/**
 * localStorage entries { key: text } holding these submissions as assessments, the first one
 * open (ids "t0", "t1", ...; see www/storage.js for the shapes).
 */
export function storedAssessments(submissions, { open = 0, mode = "full" } = {}) {
  const ids = submissions.map((_, i) => `t${i}`);
  const entries = { [INDEX_KEY]: JSON.stringify({ open: ids[open], order: ids }) };
  submissions.forEach((s, i) => {
    const time = new Date(Date.UTC(2026, 10, 28, 12, i)).toISOString();
    entries[recordKey(ids[i])] = JSON.stringify({
      id: ids[i], pack: PACK_ID, packVersion: pack.version, title: s.title ?? "", profile: s.profile, answers: s.answers, mode: s.mode ?? mode, createdAt: time, updatedAt: time,
    });
  });
  return entries;
}

/** Puts entries into the page's localStorage (replacing what the page stored) and reloads. */
export async function putStorage(page, entries) {
  await page.evaluate((values) => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("gpai-check:")) localStorage.removeItem(key);
    for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
  }, entries);
}
