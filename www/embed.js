// iframe mode: embed.html hosts one <gpai-check storage="none"> and talks with the portal that
// frames it, by postMessage, and only with the origins listed in its URL:
//   embed.html?origins=https://portal.example,https://other.example[&mode=sme][&pack=...]
// A message from any other origin is ignored: no answer, no change. Nothing is ever posted with
// the target origin "*". The message set is documented in docs/embedding.md.
import "./gpai-check-element.js";

const params = new URLSearchParams(location.search);
const allowed = parseOrigins(params.get("origins") ?? "");
const checker = document.querySelector("gpai-check");
const mode = params.get("mode");
if (mode === "sme" || mode === "full") checker.setAttribute("mode", mode);
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
let handling = null;
let started = false;
const queue = [];

checker.addEventListener("gpai-change", (event) => {
  if (!handling) toParent({ type: "gpai:change", answers: event.detail });
});
checker.addEventListener("gpai-report", (event) => {
  if (!handling && started) toParent({ type: "gpai:report", report: event.detail.report });
});
checker.addEventListener("gpai-error", (event) => {
  if (handling) handling.error ??= event.detail.message;
  else if (started) toParent({ type: "gpai:error", message: event.detail.message });
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
  if (started) handle(data, reply);
  else queue.push([data, reply]);
});

function handle(data, reply) {
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
  () => {
    started = true;
    toParent({ type: "gpai:ready" });
    for (const [data, reply] of queue.splice(0)) handle(data, reply);
  },
  (error) => {
    toParent({ type: "gpai:error", message: `The checker could not start: ${error.message}` });
    for (const [, reply] of queue.splice(0)) reply({ type: "gpai:error", message: "The checker could not start." });
  },
);
