// iframe mode: embed.html hosts one <gpai-check storage="none"> and talks with the portal that
// frames it, by postMessage, and only with the origins listed in its URL:
//   embed.html?origins=https://portal.example,https://other.example[&mode=short][&pack=...]
// A message from any other origin is ignored: no answer, no change. Nothing is ever posted with
// the target origin "*". The message set is documented in docs/embedding.md.
import { loadEngine } from "./gpai-check-element.js";

const params = new URLSearchParams(location.search);
const allowed = parseOrigins(params.get("origins") ?? "");
const checker = document.querySelector("gpai-check");
const mode = params.get("mode");
if (mode === "short" || mode === "sme" || mode === "full") checker.setAttribute("mode", mode);
if (params.get("pack")) checker.setAttribute("pack", params.get("pack"));
checker.style.setProperty("--gpai-padding", "1rem");

/**
 * The listed origins, each exactly as a browser writes an origin ("https://portal.example",
 * scheme, host and port only). Entries that are not an http(s) origin ("*", "null", a path) are
 * dropped, so they can never match.
 */
function parseOrigins(text) {
  const out = new Set();
  for (const entry of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    try {
      const url = new URL(entry);
      const bare = url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
      if ((url.protocol === "https:" || url.protocol === "http:") && bare) out.add(url.origin);
    } catch {
      // Not a URL: never matches.
    }
  }
  return out;
}

/**
 * Where unprompted messages (ready, change, report) go: the parent's origin when the browser
 * tells it (location.ancestorOrigins) and it is listed; nothing when it is not listed; every
 * listed origin when the browser does not tell (only the matching one is delivered). The first
 * message from the parent with a listed origin settles it.
 */
let parentOrigin = null;
let parentRefused = false;
const framed = window.parent !== window;
if (framed && allowed.size === 0) console.warn("gpai-check embed.html: no origin is listed in ?origins=, so this frame talks to no page.");
if (framed) {
  const told = location.ancestorOrigins?.[0];
  if (told && told !== "null") {
    if (allowed.has(told)) parentOrigin = told;
    else parentRefused = true;
  }
}

function toParent(message) {
  if (!framed || parentRefused) return;
  const targets = parentOrigin ? [parentOrigin] : [...allowed];
  for (const origin of targets) window.parent.postMessage(message, origin);
}

// While a portal's message is being handled, the element's own events are not forwarded: the
// sender gets exactly one answer. Nothing is forwarded before the element is ready either.
// Messages that come before it is ready wait in `queue`; if it cannot start, each one, then and
// later, is answered with gpai:error.
let handling = null;
let state = "starting"; // "started" | "failed"
let failure = null;
const queue = [];
/** The largest message read, as JSON text: the engine's limit on a submission (limits()). */
let maxMessageBytes = null;

checker.addEventListener("gpai-change", (event) => {
  if (!handling) toParent({ type: "gpai:change", answers: event.detail });
});
checker.addEventListener("gpai-report", (event) => {
  if (!handling && state === "started") toParent({ type: "gpai:report", report: event.detail.report });
});
checker.addEventListener("gpai-error", (event) => {
  if (handling) handling.error ??= event.detail.message;
  else if (state === "started") toParent({ type: "gpai:error", message: event.detail.message });
});

window.addEventListener("message", (event) => {
  // Exact origin match, and a window to answer: everything else is ignored without a word.
  if (!allowed.has(event.origin) || !event.source) return;
  const data = event.data;
  if (!data || typeof data !== "object" || typeof data.type !== "string" || !data.type.startsWith("gpai:")) return;
  if (framed && event.source === window.parent && !parentOrigin) {
    parentOrigin = event.origin;
    parentRefused = false;
  }
  const reply = (message) => /** @type {Window} */ (event.source).postMessage(message, event.origin);
  if (state === "started") handle(data, reply);
  else if (state === "failed") reply(failure);
  else queue.push([data, reply]);
});

/**
 * A lower bound of `value`'s size as JSON text, in bytes, counted only until it passes `limit`:
 * every text counts its UTF-16 code units (each is at least one byte of UTF-8) and its quotes,
 * every other value at least one byte. So a message too large for the engine is refused after
 * looking at no more of it than the limit, and before anything reads or copies it (a 50 MB
 * text answer froze the frame for 16 s while it was written into the form).
 */
export function exceedsSize(value, limit) {
  let total = 0;
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") total += v.length + 2;
    else if (v !== null && typeof v === "object") {
      const entries = Array.isArray(v) ? v : Object.entries(v);
      total += 2;
      for (const entry of entries) {
        if (Array.isArray(v)) stack.push(entry);
        else {
          total += entry[0].length + 3;
          stack.push(entry[1]);
        }
        if (total > limit) return true;
      }
    } else total += 1;
    if (total > limit) return true;
  }
  return false;
}

function handle(data, reply) {
  if (maxMessageBytes !== null && exceedsSize(data, maxMessageBytes)) {
    reply({ type: "gpai:error", message: `The message is larger than ${maxMessageBytes} bytes as JSON, the limit for a submission; it was not read.`, code: "too_large" });
    return;
  }
  handling = { error: null };
  try {
    switch (data.type) {
      case "gpai:set-answers":
        checker.answers = data.answers;
        break;
      case "gpai:reset":
        checker.reset();
        break;
      case "gpai:get-report":
        break;
      default:
        reply({ type: "gpai:error", message: `Unknown message type “${data.type}”. Known: gpai:set-answers, gpai:get-report, gpai:reset.` });
        return;
    }
    if (handling.error) reply({ type: "gpai:error", message: handling.error });
    else reply({ type: "gpai:report", report: checker.report });
  } catch (error) {
    reply({ type: "gpai:error", message: error.message });
  } finally {
    handling = null;
  }
}

checker.ready.then(
  async () => {
    maxMessageBytes = (await loadEngine()).limits().maxSubmissionBytes;
    state = "started";
    toParent({ type: "gpai:ready" });
    for (const [data, reply] of queue.splice(0)) handle(data, reply);
  },
  (error) => {
    state = "failed";
    failure = { type: "gpai:error", message: `The checker could not start: ${error.message}` };
    toParent(failure);
    for (const [, reply] of queue.splice(0)) reply(failure);
  },
);
