// Saving the report as a file, made in the browser: a Blob, an object URL and a temporary
// <a download>. Nothing is uploaded.

/** Offers `text` (a string, or bytes such as a DOCX file's) as a file called `filename`. */
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

/** "northwind-model" from a title: lower case, no accents, dashes, at most 60 characters. */
export function fileSlug(title) {
  return (title ?? "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}
