// Evaluates a pack's `showIf` conditions in the page, so that only the questions that matter for
// this provider are asked. Conditions are data (see Condition in pkg/gpai_check.d.ts).

/**
 * Whether `condition` holds.
 * `context` = { answers, scope, profile }: the raw answers, the ScopeResult of the latest report
 * (null before the first one) and the effective profile (stored values over defaults).
 * A missing condition holds; an unknown kind of condition holds too, so that a newer pack never
 * hides a question this page cannot judge.
 */
export function holds(condition, context) {
  if (!condition) return true;
  if ("all" in condition) return condition.all.every((c) => holds(c, context));
  if ("any" in condition) return condition.any.some((c) => holds(c, context));
  if ("not" in condition) return !holds(condition.not, context);
  if ("scope" in condition) return context.scope?.[condition.scope] === true;
  if ("profile" in condition) {
    const { input, equals } = condition.profile;
    return (context.profile[input] ?? null) === equals;
  }
  if ("answer" in condition) {
    const { question, in: accepted } = condition.answer;
    const answer = context.answers[question];
    if (Array.isArray(answer)) return answer.some((a) => accepted.includes(a));
    return accepted.includes(answer);
  }
  if ("answered" in condition) return isAnswered(context.answers[condition.answered]);
  return true;
}

/** An answer counts as given when it is not absent, null, an empty string or an empty list. */
export function isAnswered(answer) {
  if (answer === undefined || answer === null) return false;
  if (typeof answer === "string") return answer.trim() !== "";
  if (Array.isArray(answer)) return answer.length > 0;
  return true;
}
