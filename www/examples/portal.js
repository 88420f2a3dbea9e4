// The example portal's own script: it listens to <gpai-check>'s events and shows what it
// receives, verifies a result bundle (and a tampered copy) in the browser, and drives the
// iframe mode (embed.html) by postMessage. Everything it shows goes in as textContent.
import { loadEngine } from "../gpai-check-element.js";

/** @type {(id: string) => any} */
const $ = (id) => document.getElementById(id);
const checker = $("checker");
const params = new URLSearchParams(location.search);

// ?storage=none (or another prefix) for trying the element's storage modes.
if (params.has("storage")) {
  checker.setAttribute("storage", params.get("storage"));
  $("storage-prefix").textContent = params.get("storage");
}

// --- The element's events ------------------------------------------------------------------------

const counts = { "gpai-change": 0, "gpai-report": 0, "gpai-error": 0 };

function showCounts() {
  $("event-counts").textContent = Object.entries(counts)
    .map(([type, n]) => `${type}: ${n}`)
    .join(", ");
}

/** The parts of a report a portal usually stores or shows; the whole report is ~190 kB. */
function reportExcerpt(report) {
  if (!report) return null;
  return {
    title: report.title,
    digest: report.digest,
    packId: report.packId,
    packVersion: report.packVersion,
    engineVersion: report.engineVersion,
    inScope: report.scope.inScope,
    systemicRisk: report.scope.systemicRisk,
    overall: report.summary.overall,
    chapters: report.chapters.map((c) => ({ id: c.id, applicable: c.applicable, measures: Object.fromEntries(c.measures.map((m) => [m.id, m.status])) })),
  };
}

document.addEventListener("gpai-change", (event) => {
  counts["gpai-change"] += 1;
  $("last-change").textContent = JSON.stringify(/** @type {CustomEvent} */ (event).detail, null, 2);
  showCounts();
});

document.addEventListener("gpai-report", (event) => {
  counts["gpai-report"] += 1;
  $("last-report").textContent = JSON.stringify({ report: reportExcerpt(/** @type {CustomEvent} */ (event).detail.report) }, null, 2);
  showCounts();
});

document.addEventListener("gpai-error", (event) => {
  counts["gpai-error"] += 1;
  showCounts();
});

$("element-reset").addEventListener("click", () => checker.reset());

// --- Verifying a result bundle in the browser -----------------------------------------------------

/** A copy of the bundle with one measure's status changed: what a tampered upload looks like. */
function tampered(bundle) {
  const copy = structuredClone(bundle);
  const chapterIndex = copy.report.chapters.findIndex((c) => c.measures.length > 0);
  const measure = copy.report.chapters[chapterIndex].measures[0];
  measure.status = measure.status === "met" ? "not-met" : "met";
  return { copy, changed: `chapters[${chapterIndex}].measures[0].status` };
}

function verdict(v) {
  return { valid: v.valid, verdict: v.verdict, message: v.message, firstDifference: v.firstDifference, recomputedDigest: v.recomputedDigest };
}

async function runVerify() {
  const { resultBundle, verify } = await loadEngine();
  const bundle = resultBundle({ pack: checker.getAttribute("pack") || "gpai-cop-final", ...checker.answers });
  // Travelling as JSON, as an upload would.
  const original = JSON.parse(JSON.stringify(bundle));
  const { copy, changed } = tampered(original);
  $("verify-output").textContent = JSON.stringify(
    {
      reportDigest: original.report.digest,
      original: verdict(verify(original)),
      tampered: { changed, ...verdict(verify(copy)) },
    },
    null,
    2,
  );
}

$("verify").addEventListener("click", () => {
  runVerify().catch((error) => ($("verify-output").textContent = `Verification failed: ${error.message}`));
});

checker.ready.then(
  () => ($("verify").disabled = false),
  (error) => ($("verify-output").textContent = `The checker could not start: ${error.message}`),
);

// --- The iframe mode -------------------------------------------------------------------------------

const frame = $("iframe");
const embedUrl = new URL("../embed.html", location.href);
embedUrl.searchParams.set("origins", location.origin);
const frameOrigin = embedUrl.origin;
frame.src = embedUrl.href;

const received = [];

function excerptMessage(message) {
  if (message.type === "gpai:report") return { ...message, report: reportExcerpt(message.report) };
  return message;
}

window.addEventListener("message", (event) => {
  // Only the iframe, from the origin it was loaded from.
  if (event.origin !== frameOrigin || event.source !== frame.contentWindow) return;
  const message = event.data;
  if (!message || typeof message.type !== "string") return;
  received.push(message.type);
  $("iframe-status").textContent = received.join(", ");
  $("iframe-last").textContent = JSON.stringify(excerptMessage(message), null, 2);
  if (message.type === "gpai:ready") for (const id of ["iframe-send", "iframe-get", "iframe-reset"]) $(id).disabled = false;
});

function toFrame(message) {
  frame.contentWindow.postMessage(message, frameOrigin);
}

$("iframe-send").addEventListener("click", () => toFrame({ type: "gpai:set-answers", answers: checker.answers }));
$("iframe-get").addEventListener("click", () => toFrame({ type: "gpai:get-report" }));
$("iframe-reset").addEventListener("click", () => toFrame({ type: "gpai:reset" }));
