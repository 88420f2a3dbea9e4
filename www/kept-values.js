// What a person typed is kept, even where the engine cannot use it. A profile answer of the wrong
// kind ("2,4e25" typed for the turnover, "2e25" saved as text, "2025-02-30" saved as a date)
// makes the engine refuse the whole submission; rather than lose the value or every result, the
// page and the element evaluate without it, keep it as it is, and show it with the engine's
// message. The engine decides what it refuses; nothing here knows a rule. No DOM here.

/** True for an object literal, JSON.parse's objects, structured clones and Object.create(null). */
export function isPlainObject(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** A copy of a plain object's own enumerable entries, "__proto__" kept as an ordinary key. */
export function ownCopy(object) {
  return Object.fromEntries(Object.entries(object));
}

/**
 * Evaluates `submission` with `evaluate` (the engine's evaluate or sealedReport). When the engine
 * refuses a profile value, an answer or the title (an error whose path names it), that entry is
 * set aside and the rest is evaluated again, until the engine accepts or refuses something else.
 *
 * Returns { report, submission, setAside, error }: `submission` is what was evaluated, `setAside`
 * lists { path, where: "profile" | "answers" | "title", key, value, code, message } (the
 * engine's message without its path), and `error` is the engine's refusal of the rest (then
 * `report` is null). `refusals` (a Map) remembers refused values between calls, so that an
 * edit elsewhere costs one evaluation, not one per refused value: a refusal depends on the
 * value alone (src/profile.rs validates each value by itself).
 */
export function evaluateKeeping(evaluate, submission, refusals = new Map()) {
  const candidate = { ...submission, profile: ownCopy(submission.profile ?? {}), answers: ownCopy(submission.answers ?? {}) };
  const setAside = [];
  const remember = (entry) => {
    if (refusals.size > 500) refusals.clear();
    refusals.set(refusalKey(entry.path, entry.value), entry);
  };
  for (const [key, value] of Object.entries(candidate.profile)) {
    const known = refusals.get(refusalKey(`profile.${key}`, value));
    if (known) {
      setAside.push(known);
      delete candidate.profile[key];
    }
  }
  const tries = Object.keys(candidate.profile).length + Object.keys(candidate.answers).length + 2;
  for (let i = 0; i < tries; i++) {
    try {
      return { report: evaluate(candidate), submission: candidate, setAside, error: null };
    } catch (error) {
      const entry = error?.name === "GpaiInputError" ? entryOf(candidate, error) : null;
      if (!entry) return { report: null, submission: candidate, setAside, error };
      setAside.push(entry);
      remember(entry);
      if (entry.where === "title") delete candidate.title;
      else delete candidate[entry.where][entry.key];
    }
  }
  return { report: null, submission: candidate, setAside, error: new Error("the answers could not be evaluated") };
}

function refusalKey(path, value) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return `${path}\u0000${text}`;
}

/** The entry of `candidate` the engine's error names, as a set-aside entry; null if none. */
function entryOf(candidate, error) {
  const path = String(error.path ?? "");
  const base = { path, code: error.code ?? null, message: withoutPath(error.message, path) };
  if (path === "title" && candidate.title !== undefined) return { ...base, where: "title", key: "title", value: candidate.title };
  for (const where of ["profile", "answers"]) {
    const prefix = `${where}.`;
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    // The longest own key the path starts with, followed by nothing, "." or "[" (ids may hold dots).
    const key = Object.keys(candidate[where])
      .filter((k) => rest === k || rest.startsWith(`${k}.`) || rest.startsWith(`${k}[`) || rest.startsWith(`${k}…`))
      .sort((a, b) => b.length - a.length)[0];
    if (key !== undefined) return { ...base, path: `${prefix}${key}`, where, key, value: candidate[where][key] };
  }
  return null;
}

/** "profile.x: must be ..." -> "must be ...". */
export function withoutPath(message, path) {
  const text = String(message ?? "");
  return path && text.startsWith(`${path}: `) ? text.slice(path.length + 2) : text;
}
