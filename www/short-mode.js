// Short mode (for SMEs): the profile, and per applicable measure only the questions the
// evaluation still needs (the report's `missing`) plus those already answered. Everything is
// derived from the pack and the report; no question id is named here. Answers are never
// touched: switching back to the full path shows every question with its answer.
import { t, tc } from "./catalogue.js";

/** The Form recipient that receives the detailed figures, on request only (Recipient "AIO"). */
const AI_OFFICE = "AIO";

/**
 * Question ids of the Form fields that only the AI Office receives (on request): the detailed
 * versions of figures that national authorities and downstream providers get in a simpler form.
 */
export function aiOfficeOnlyQuestions(pack) {
  const out = new Set();
  for (const chapter of pack.chapters) {
    for (const field of chapter.form?.fields ?? []) {
      if (field.recipients.length === 1 && field.recipients[0] === AI_OFFICE) out.add(field.question);
    }
  }
  return out;
}

/**
 * Why short mode hides a question that the full path would ask, or null when it asks it:
 * "ai-office" for an unanswered AI-Office-only Form field, "optional" for an unanswered question
 * that no result needs now (an encouraged item, a figure without a target, a detail).
 */
export function shortModeReason(questionId, { answered, needed, aiOfficeOnly }) {
  if (answered.has(questionId)) return null;
  if (aiOfficeOnly.has(questionId)) return "ai-office";
  return needed.has(questionId) ? null : "optional";
}

/** The questions that hold an answer, valid or not (the report's `questions`). */
export function answeredQuestions(report) {
  return new Set((report?.questions ?? []).filter((q) => q.answer !== "unanswered").map((q) => q.id));
}

/** The questions the report lists as needed, over all measures. */
export function neededQuestions(report) {
  return new Set((report?.missing ?? []).map((m) => m.questionId));
}

/** "3 questions that do not decide this measure's status and 1 Form field for the AI Office only". */
export function hiddenText({ optional = 0, aiOffice = 0 }) {
  const parts = [];
  if (optional) parts.push(tc("short.optional", optional));
  if (aiOffice) parts.push(tc("short.ai-office", aiOffice));
  return parts.length === 2 ? t("short.both", { first: parts[0], second: parts[1] }) : parts.join("");
}
