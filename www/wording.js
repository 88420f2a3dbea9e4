// How report values read on the page: status names, sources, KPI comparisons, dates and money.
import { h } from "./dom.js";

const STATUS_LABELS = {
  met: "Met",
  partial: "Partly met",
  "not-met": "Not met",
  "not-applicable": "Not applicable",
  unanswered: "Unanswered",
};

/** The visible name of a status; the badge carries text, so status never rests on colour alone. */
export function statusLabel(status) {
  return STATUS_LABELS[status] ?? status;
}

/** A status badge element: text plus a class for its colour. */
export function statusBadge(status) {
  return h("span", { className: `badge badge-${status}` }, statusLabel(status));
}

/** Sets a badge's colour class ("badge-met", "badge-info"...), keeping its other classes. */
export function setBadgeKind(el, kind) {
  for (const cls of [...el.classList]) if (cls.startsWith("badge-") && cls !== `badge-${kind}`) el.classList.remove(cls);
  el.classList.add("badge", `badge-${kind}`);
}

/** Updates a badge made by `statusBadge` in place. */
export function updateStatusBadge(el, status) {
  setBadgeKind(el, status);
  const text = statusLabel(status);
  if (el.textContent !== text) el.textContent = text;
}

const SOURCE_KINDS = {
  code: "Code",
  "ai-act": "AI Act",
  guidelines: "Guidelines",
  directive: "",
  template: "Template",
  form: "Form",
};

/** "AI Act Art 53(1)(c)", "Code C-1.1", "Directive (EU) 2019/790 Art 4(3)". */
export function sourceText(source) {
  const kind = SOURCE_KINDS[source.kind] ?? source.kind;
  return kind ? `${kind} ${source.ref}` : source.ref;
}

/** A compact list of sources, e.g. "Sources: Code C-1.1; AI Act Art 53(1)(c)". */
export function sourceLine(sources, label = "Sources") {
  if (!sources?.length) return null;
  return h("p", { className: "sources" }, `${label}: `, sources.map(sourceText).join("; "));
}

/** The visible "our reading" mark for reasons that are the tool's interpretation. */
export function interpretationMark() {
  return h(
    "span",
    { className: "mark mark-reading", title: "The tool's interpretation, not the text of the law" },
    "our reading",
  );
}

/** The visible "unconfirmed" mark for content that could not be checked against the Code's text. */
export function unconfirmedMark() {
  return h(
    "span",
    { className: "mark mark-unconfirmed", title: "Could not be checked against the official text of the Code" },
    "unconfirmed",
  );
}

const COMPARATORS = { "<=": "at most", ">=": "at least", "<": "less than", ">": "more than", "==": "exactly" };

/** "at most 14 days". */
export function targetText(comparator, target, unit) {
  return `${COMPARATORS[comparator] ?? comparator} ${formatNumber(target)} ${unit}`.trim();
}

const plainNumber = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 });

/** Numbers people read: grouped digits, and scientific notation for the very large (FLOP). */
export function formatNumber(n) {
  if (typeof n !== "number") return String(n);
  if (n !== 0 && (Math.abs(n) >= 1e15 || Math.abs(n) < 1e-6)) return n.toExponential().replace("e+", "e");
  return plainNumber.format(n);
}

const euro = new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

/** "€24,000,000". */
export function formatEuro(amount) {
  return euro.format(amount);
}

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2 August 2027" from "2027-08-02" (read as a calendar date, not a moment in a time zone). */
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!match) return iso ?? "";
  return longDate.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** "yes_all_chapters" -> "yes, all chapters"; enum values read as words. */
export function enumLabel(value) {
  if (value === null || value === undefined) return "unknown";
  return String(value).replace(/_/, ", ").replaceAll("_", " ");
}

/** An answer as the trace shows it: quoted text, joined lists, or "no answer". */
export function answerText(answer) {
  if (answer === null || answer === undefined) return "no answer";
  if (Array.isArray(answer)) return answer.join(", ") || "none selected";
  if (typeof answer === "number") return formatNumber(answer);
  if (typeof answer === "string") return `“${answer}”`;
  return String(answer);
}
