// "Documents to hand over": the Model Documentation Form filled in for each recipient and the
// public training-content summary, written by the engine (documents()) from the engine's own
// evaluation of the current answers, previewed here and saved as Markdown (the Form also as a
// CycloneDX model card) or as DOCX, made in the browser by a chunk loaded on the first DOCX
// export (docx-loader.js). Made when the panel is opened and again after each change while it is
// open; nothing leaves the browser.
import { t, currentLocale } from "./catalogue.js";
import { format } from "./messages.js";
import { h, setChildren, setText } from "./dom.js";
import { downloadText } from "./download.js";
import { loadDocx } from "./docx-loader.js";

/**
 * Wires the panel. `panel` is a <details> whose body holds `list`; `make()` returns the engine's
 * documents for the current answers (or throws a GpaiInputError, shown in `status`), or null
 * while the part of the engine that makes them is still loading (refresh again once it is there).
 * Returns `refresh()`, to call after the answers changed.
 */
export function setupDocuments({ panel, list, status, make }) {
  let shown = "";
  const refresh = () => {
    if (!panel.open) return;
    let docs;
    try {
      docs = make();
    } catch (error) {
      setText(status, t("documents.failed", { reason: error.message }));
      status.hidden = false;
      setChildren(list);
      shown = "";
      return;
    }
    if (docs === null) {
      setText(status, t("documents.making"));
      status.hidden = false;
      return;
    }
    const key = JSON.stringify(docs.map((d) => [d.id, d.files.map((f) => f.text)]));
    if (key === shown) return;
    shown = key;
    setText(status, "");
    status.hidden = true;
    setChildren(list, docs.map(documentItem));
  };
  panel.addEventListener("toggle", refresh);
  return refresh;
}

const FORMAT_LABELS = { markdown: "documents.download-markdown", cyclonedx: "documents.download-cyclonedx" };

/** Saves the document as DOCX, loading the chunk that makes it on the first export. */
async function saveDocx(doc, button, status) {
  button.disabled = true;
  setText(status, t("documents.docx-making"));
  try {
    const { documentDocx } = await loadDocx();
    const file = await documentDocx(doc, { locale: currentLocale() });
    downloadText(file.bytes, file.fileName, file.mediaType);
    setText(status, t("documents.docx-saved", { fileName: file.fileName }));
  } catch (error) {
    setText(status, t("documents.docx-failed", { reason: error.message }));
  } finally {
    button.disabled = false;
  }
}

function documentItem(doc) {
  const complete = doc.provided === doc.total;
  // The engine's header says whether this provider must draw the document up at all on these
  // answers, and for the summary whether it is written here. Its rows are labelled in the
  // document's language: the engine's own words for them.
  const headerValue = (label) => doc.header.find(([l]) => l === label)?.[1];
  const yes = format("document.required.yes") || "yes";
  const required = headerValue(format("document.required") || "Required on these answers") ?? yes;
  const writtenYes = format("document.written-here.yes") || "yes";
  const written = headerValue(format("document.written-here") || "Written in the checker") ?? writtenYes;
  const titleId = `doc-${doc.id}-title`;
  const docxStatus = h("p", { className: "hint docx-status", role: "status" });
  const docxButton = h("button", { type: "button", title: doc.files[0]?.fileName.replace(/\.md$/, ".docx") }, t("documents.download-docx"), h("span", { className: "visually-hidden" }, `: ${doc.title}`));
  docxButton.addEventListener("click", () => saveDocx(doc, docxButton, docxStatus));
  return h(
    "li",
    { className: "document", "aria-labelledby": titleId },
    h("h3", { id: titleId }, doc.title),
    required === yes ? null : h("p", { className: "document-required" }, t("documents.required-of-you", { required })),
    written === writtenYes ? null : h("p", { className: "document-required" }, t("documents.written-here", { written })),
    h(
      "p",
      { className: complete ? "document-count complete" : "document-count incomplete" },
      t(doc.recipient === "public" ? "documents.items-provided" : "documents.provided", { provided: doc.provided, total: doc.total }),
      complete ? "." : t("documents.others-not-provided", { count: doc.total - doc.provided, notProvided: format("document.not-provided") || "not yet provided" }),
      " ",
      h("span", { className: "hint" }, t("documents.given", { delivery: doc.delivery })),
    ),
    h(
      "p",
      { className: "actions" },
      h("button", { type: "button", onClick: () => printDocument(doc) }, t("documents.print"), h("span", { className: "visually-hidden" }, `: ${doc.title}`)),
      doc.files.map((file) =>
        h(
          "button",
          { type: "button", onClick: () => downloadText(file.text, file.fileName, file.mediaType), title: file.fileName },
          FORMAT_LABELS[file.format] ? t(FORMAT_LABELS[file.format]) : t("documents.download-other", { format: file.format }),
          h("span", { className: "visually-hidden" }, `: ${doc.title}`),
        ),
      ),
      docxButton,
    ),
    docxStatus,
    h("details", { className: "document-preview" }, h("summary", {}, t("documents.preview")), preview(doc)),
  );
}

/**
 * Prints one document alone, on A4: its title and preview go into #print-document, which the
 * print stylesheet shows instead of the page while the root says data-print="document".
 */
function printDocument(doc) {
  const target = document.getElementById("print-document");
  if (!target) return;
  setChildren(target, h("h1", {}, doc.title), preview(doc));
  document.documentElement.dataset.print = "document";
  const done = () => {
    delete document.documentElement.dataset.print;
    setChildren(target);
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}

function preview(doc) {
  return h(
    "div",
    { className: "document-body" },
    h("dl", { className: "document-header" }, doc.header.map(([term, value]) => h("div", {}, h("dt", {}, term), h("dd", {}, value)))),
    doc.sections.map((section) => [
      h("h4", {}, section.title),
      h(
        "table",
        { className: "document-table" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("documents.field")), h("th", { scope: "col" }, t("documents.answer")))),
        h(
          "tbody",
          {},
          section.rows.map((row) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, h("span", { className: "id" }, row.fieldId), " ", row.label),
              h(
                "td",
                {},
                row.value === null ? h("em", { className: "not-provided" }, format("document.not-provided") || "not yet provided") : row.value,
                row.parts.length ? h("ul", { className: "document-parts" }, row.parts.map((part) => h("li", {}, h("span", { className: "hint" }, part.label), " ", part.value))) : null,
                row.note ? h("p", { className: "hint" }, format("document.note", { note: row.note }) || `Note: ${row.note}`) : null,
              ),
            ),
          ),
        ),
      ),
    ]),
  );
}
