// Keeps the current assessment in this browser's localStorage, and nowhere else.

/** The one key the page uses; "v1" is the shape of the stored value below. */
export const STORAGE_KEY = "gpai-check:v1:current";

/**
 * Saves { title, profile, answers }. Returns true, or false when the browser refuses (private
 * mode, storage disabled, quota full); the caller tells the user, the page keeps working.
 */
export function saveAssessment(state, packInfo) {
  try {
    const value = {
      pack: packInfo.id,
      packVersion: packInfo.version,
      title: state.title,
      profile: state.profile,
      answers: state.answers,
    };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads the saved assessment. Returns { state } (null when nothing is saved) or { error } when
 * storage cannot be read or holds something unusable.
 */
export function loadAssessment() {
  let text;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    return { error: "unavailable" };
  }
  if (text === null) return { state: null };
  try {
    const value = JSON.parse(text);
    return { state: normaliseAssessment(value) };
  } catch {
    return { error: "unreadable" };
  }
}

/** Removes the saved assessment; returns false when storage refuses. */
export function forgetAssessment() {
  try {
    localStorage.removeItem(STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes { title?, profile?, answers? } from storage or an example file and keeps only values of
 * the shapes the engine accepts, so a damaged entry cannot make every evaluation fail.
 */
export function normaliseAssessment(value) {
  if (!isPlainObject(value)) throw new TypeError("not an object");
  const profile = {};
  if (isPlainObject(value.profile)) {
    for (const [key, v] of Object.entries(value.profile)) {
      if (["boolean", "number", "string"].includes(typeof v)) profile[key] = v;
    }
  }
  const answers = {};
  if (isPlainObject(value.answers)) {
    for (const [key, v] of Object.entries(value.answers)) {
      const isList = Array.isArray(v) && v.every((item) => typeof item === "string");
      if (["boolean", "number", "string"].includes(typeof v) || isList) answers[key] = v;
    }
  }
  const title = typeof value.title === "string" ? value.title : "";
  return { title, profile, answers };
}

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
