// How report values read on the page: status names, sources, KPI comparisons, dates and money.
import { h } from "./dom.js";
import { currentLanguage, formatDate as formatDateIn, t } from "./catalogue.js";
import { format } from "./messages.js";
import { citations } from "./fields.js";

/**
 * The visible name of a status, the engine's word for it (`report.status.*`, as the Markdown
 * report says it, in the language shown); the badge carries text, so status never rests on
 * colour alone.
 */
export function statusLabel(status) {
  return format(`report.status.${status}`) || status;
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

/** A compact list of sources, e.g. "Sources: Code C-1.1; AI Act Art 53(1)(c)" (`label`: its key). */
export function sourceLine(sources, label = "sources.label") {
  if (!sources?.length) return null;
  return h("p", { className: "sources" }, t(label), " ", citations(sources.map(sourceText).join("; ")));
}

/** The visible "our reading" mark for reasons that are the tool's interpretation. */
export function interpretationMark() {
  return h("span", { className: "mark mark-reading", title: t("mark.our-reading.title") }, t("mark.our-reading"));
}

/** The visible "unconfirmed" mark for content that could not be checked against the Code's text. */
export function unconfirmedMark() {
  return h("span", { className: "mark mark-unconfirmed", title: t("mark.unconfirmed.title") }, t("mark.unconfirmed"));
}

const COMPARATORS = { "<=": "at-most", ">=": "at-least", "<": "less-than", ">": "more-than", "==": "exactly" };

/** "at most 14 days". */
export function targetText(comparator, target, unit) {
  const word = COMPARATORS[comparator] ? t(`kpi.comparator.${COMPARATORS[comparator]}`) : comparator;
  return `${word} ${formatNumber(target)} ${unit}`.trim();
}

// Numbers, money and dates are written by hand rather than with Intl: the first Intl formatter a
// fresh page creates loads the locale data, which cost the page's start 20-40 ms. The output is
// British English, as Intl's "en-GB" writes it (tests/js/wording.test.mjs compares the two).
// Another language (catalogue.js) is written with Intl: its file was fetched anyway.

/** "1234567" -> "1,234,567". */
function groupDigits(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Rounds a plain decimal ("547010660171.50878", as String() writes a number: its shortest exact
 * form) to `places` decimals, halves away from zero, as Intl does. Returns [whole, fraction].
 */
function roundDecimals(text, places) {
  const [whole, fraction = ""] = text.split(".");
  if (fraction.length <= places) return [whole, fraction];
  const digits = [...whole, ...fraction.slice(0, places)].map(Number);
  if (Number(fraction[places]) >= 5) {
    let i = digits.length - 1;
    for (; i >= 0 && digits[i] === 9; i--) digits[i] = 0;
    if (i < 0) digits.unshift(1);
    else digits[i] += 1;
  }
  const all = digits.join("");
  return [all.slice(0, all.length - places), all.slice(all.length - places)];
}

/** Numbers people read: grouped digits, and scientific notation for the very large (FLOP). */
export function formatNumber(n) {
  if (typeof n !== "number") return String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? "NaN" : n > 0 ? "∞" : "-∞";
  if (n !== 0 && (Math.abs(n) >= 1e15 || Math.abs(n) < 1e-6)) return n.toExponential().replace("e+", "e");
  if (currentLanguage() !== "en") return new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: 6 }).format(n);
  const [whole, fraction] = roundDecimals(String(Math.abs(n)), 6);
  const decimals = fraction.replace(/0+$/, "");
  const text = groupDigits(whole) + (decimals ? `.${decimals}` : "");
  return n < 0 && text !== "0" ? `-${text}` : text;
}

/** "€24,000,000" (whole euros). */
export function formatEuro(amount) {
  if (currentLanguage() !== "en") {
    return new Intl.NumberFormat(currentLanguage(), { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(Math.round(amount));
  }
  const whole = Math.round(Math.abs(amount));
  return `${amount < 0 && whole !== 0 ? "-" : ""}€${groupDigits(String(whole))}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2 August 2027" from "2027-08-02" (read as a calendar date, not a moment in a time zone). */
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!match) return iso ?? "";
  // Another language writes its dates with Intl ("2. August 2027", "2 août 2027").
  if (currentLanguage() !== "en") return formatDateIn(iso);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "3 Sep 2026, 07:05": a moment in the person's own time zone (when an assessment was saved). */
export function formatLocalTime(date) {
  if (currentLanguage() !== "en") {
    return new Intl.DateTimeFormat(currentLanguage(), { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(date);
  }
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getDate()} ${MONTHS[date.getMonth()].slice(0, 3)} ${date.getFullYear()}, ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "yes_all_chapters" -> "yes, all chapters"; enum values read as words. */
export function enumLabel(value) {
  if (value === null || value === undefined) return "unknown";
  return String(value).replace(/_/, ", ").replaceAll("_", " ");
}

/** An answer as the trace shows it: quoted text, joined lists, or "no answer". */
export function answerText(answer) {
  if (answer === null || answer === undefined) return t("answer.none");
  if (Array.isArray(answer)) return answer.join(", ") || t("answer.none-selected");
  if (typeof answer === "number") return formatNumber(answer);
  if (typeof answer === "string") return t("quote", { text: answer });
  return String(answer);
}
