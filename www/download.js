// Saving the report as a file, made in the browser: a Blob, an object URL and a temporary
// <a download>. Nothing is uploaded.
import { fileSlug } from "./transfer.js";

/** Offers `text` as a file called `filename`. */
export function downloadText(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "gpai-check-northwind-model-2026-11-28" from the assessment title and date. */
export function reportFileStem(report) {
  const slug = fileSlug(report.title);
  return ["gpai-check", slug || "report", report.assessmentDate].filter(Boolean).join("-");
}
