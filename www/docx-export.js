// A document the provider hands over (documents(): the Form for one recipient, or the public
// training-content summary) as a Word file, made with the `docx` library (npm, pinned). This
// module is not part of the page's bundle: scripts/docx-chunk.mjs builds it with the library into
// www/docx-export.bundle.js, which the page loads on the first DOCX export (www/docx-loader.js),
// so the ~100 KB gzip of the library is fetched only by those who export. It writes what the
// engine's document holds and nothing else: the header, then one table per section with the
// rows in their order, "not yet provided" where there is no answer. No words of the law here.
// Its few fixed words (the table headers, "not yet provided", "Note:") come from the locale
// given, as the renderers' do (`documentDocx(doc, { locale })`), English where it has none.
import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

/** The fixed words in English: interface keys (`documents.docx.*`) and the engine's messages. */
const ENGLISH = {
  interface: { "documents.docx.item": "Item", "documents.field": "Field", "documents.answer": "Answer" },
  messages: { "document.not-provided": "not yet provided", "document.note": "Note: {note}" },
};

/** The fixed words of the file in the locale's language (English where it has none). */
function wordsOf(locale) {
  const word = (kind, key) => locale?.[kind]?.[key] || ENGLISH[kind][key];
  return {
    item: word("interface", "documents.docx.item"),
    field: word("interface", "documents.field"),
    answer: word("interface", "documents.answer"),
    notProvided: word("messages", "document.not-provided"),
    note: (note) => word("messages", "document.note").replaceAll("{note}", note),
  };
}

/** The Word file's media type. */
export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const border = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

const cell = (paragraphs, widthPct, shade = false) =>
  new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    shading: shade ? { fill: "E8E8E8" } : undefined,
    children: paragraphs,
  });

const para = (text, options = {}) => new Paragraph({ children: [new TextRun({ text, ...options })] });

/** The rows of one section: the row's id, its label and the answer (with its parts and note). */
function sectionTable(section, words) {
  const head = new TableRow({
    tableHeader: true,
    children: [cell([para(words.item, { bold: true })], 14, true), cell([para(words.field, { bold: true })], 36, true), cell([para(words.answer, { bold: true })], 50, true)],
  });
  const rows = section.rows.map((row) => {
    // A text of several lines is a paragraph per line (a line break inside a run would be a space).
    const answer = row.value === null ? [para(words.notProvided, { italics: true })] : row.value.split("\n").map((line) => para(line));
    for (const part of row.parts) answer.push(para(`${part.label} ${part.value}`));
    if (row.note) answer.push(para(words.note(row.note), { italics: true }));
    return new TableRow({ cantSplit: true, children: [cell([para(row.fieldId)], 14), cell([para(row.label)], 36), cell(answer, 50)] });
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders, rows: [head, ...rows] });
}

/** The header lines ([label, value]) as a two-column table. */
function headerTable(header) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: header.map(([label, value]) => new TableRow({ children: [cell([para(label, { bold: true })], 30, true), cell([para(value)], 70)] })),
  });
}

/**
 * The document as a DOCX file: `{ format: "docx", fileName, mediaType, bytes }`, the file name
 * the Markdown file's with `.docx`. A4 pages with 2 cm margins, as the page's print view.
 * `locale` (the file of `documents(input, { locale })`) gives the table headers and fixed words.
 * @param {any} doc
 * @param {{ locale?: { interface?: Record<string, string>, messages?: Record<string, string> } | null }} [options]
 */
export async function documentDocx(doc, { locale = null } = {}) {
  const words = wordsOf(locale);
  const note = doc.note;
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    headerTable(doc.header),
    ...(note ? [new Paragraph({ spacing: { before: 200, after: 200 }, children: [new TextRun({ text: note, italics: true })] })] : []),
  ];
  for (const section of doc.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240 }, children: [new TextRun(section.title)] }));
    children.push(sectionTable(section, words));
  }
  const file = new Document({
    creator: "gpai-check",
    title: doc.title,
    description: doc.header.map(([l, v]) => `${l}: ${v}`).join("; "),
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children,
      },
    ],
  });
  const bytes = await Packer.pack(file, "uint8array");
  const markdown = doc.files.find((f) => f.format === "markdown");
  const fileName = `${(markdown?.fileName ?? `${doc.id}.md`).replace(/\.md$/, "")}.docx`;
  return { format: "docx", fileName, mediaType: DOCX_MEDIA_TYPE, bytes };
}

// The one-file checker has no files to import: it runs this chunk as an inline module on the
// first export (www/docx-loader.js), and takes the function from here.
if (typeof globalThis.gpaiDocxLoaded === "function") globalThis.gpaiDocxLoaded({ documentDocx, DOCX_MEDIA_TYPE });
