// The documents as DOCX files, read as their recipients would: each opens with python-docx and its
// tables hold the header and every row in the document's order ("not yet provided" where there is
// no answer); LibreOffice (headless, Debian's libreoffice-writer-nogui) turns a few of them into
// PDF without an error. Both are installed by scripts/setup.sh browser (python-docx in
// target/docx-venv); the DOCX files come from the package's "gpai-check/docx" entry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { initSync, documents } from "../../pkg/gpai_check.js";
import { documentDocx, DOCX_MEDIA_TYPE } from "../../pkg/docx.js";

const root = new URL("../../", import.meta.url).pathname;
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });
const examples = readdirSync(join(root, "www/examples")).filter((f) => f.endsWith(".json") && f !== "index.json");
const python = join(root, "target/docx-venv/bin/python");
const dir = mkdtempSync(join(tmpdir(), "gpai-docx-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** Every document of every example (and of an empty assessment), with its DOCX file on disk. */
async function allDocx() {
  const out = [];
  for (const file of [...examples, null]) {
    const submission = file ? JSON.parse(readFileSync(join(root, "www/examples", file), "utf8")) : { pack: "gpai-cop-final" };
    for (const doc of documents(submission)) {
      const docx = await documentDocx(doc);
      const path = join(dir, `${file ? file.replace(/\.json$/, "") : "empty"}.${docx.fileName}`);
      writeFileSync(path, docx.bytes);
      out.push({ example: file ?? "empty", doc, docx, path });
    }
  }
  return out;
}

const made = allDocx();

test("every document of every example is a DOCX file named as its Markdown file", async () => {
  const files = await made;
  assert.equal(files.length, (examples.length + 1) * 4, "four documents per assessment: the Form for three recipients, and the summary");
  for (const { doc, docx } of files) {
    assert.equal(docx.mediaType, DOCX_MEDIA_TYPE);
    assert.equal(docx.fileName, doc.files[0].fileName.replace(/\.md$/, ".docx"));
    assert.deepEqual([...docx.bytes.subarray(0, 2)], [0x50, 0x4b], "a DOCX file is a zip archive");
  }
});

test("each DOCX opens with python-docx and its tables hold the header and every row in order", async (t) => {
  if (!existsSync(python)) assert.fail("python-docx is not installed: run scripts/setup.sh browser");
  const files = await made;
  const run = spawnSync(python, [join(root, "tests/js/docx-read.py"), ...files.map((f) => f.path)], { encoding: "utf8", maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, run.stderr);
  const read = JSON.parse(run.stdout);
  for (const { example, doc, path } of files) {
    const at = `${example} ${doc.id}`;
    const { headings, tables, title } = read[path];
    assert.equal(title, doc.title, at);
    assert.deepEqual(headings, [doc.title, ...doc.sections.map((s) => s.title)], `${at}: title, then each section`);
    assert.deepEqual(tables[0], doc.header.map(([l, v]) => [l, v]), `${at}: the header`);
    assert.equal(tables.length, doc.sections.length + 1, at);
    doc.sections.forEach((section, i) => {
      const rows = tables[i + 1].slice(1); // the first row names the columns
      // The answer's own lines first (a text of several lines is a paragraph per line), then its parts and note.
      const expected = section.rows.map((r) => [r.fieldId, r.label, r.value ?? "not yet provided"]);
      const actual = rows.map(([id, label, answer], j) => [id, label, answer.split("\n").slice(0, expected[j]?.[2].split("\n").length).join("\n")]);
      assert.deepEqual(actual, expected, `${at}: ${section.title}`);
    });
  }
  // What a recipient checks: the authorities' compute is a power of ten, the summary lists the
  // SME's domain list for the SME.
  const find = (example, id) => read[files.find((f) => f.example === example && f.doc.id === id).path];
  const cells = (r) => r.tables.flat(2).join("\n");
  assert.match(cells(find("frontier-systemic-risk.json", "mdf-national-authorities")), /1e25 FLOP/);
  assert.doesNotMatch(cells(find("frontier-systemic-risk.json", "mdf-national-authorities")), /3\.8e25/);
  assert.match(cells(find("sme-open-weights.json", "training-summary")), /top 5% or the top 1,000 domains/);
  assert.match(cells(find("empty", "mdf-ai-office")), /not yet provided/);
});

test("LibreOffice converts DOCX files to PDF without an error (one soffice run)", async () => {
  const soffice = ["soffice", "libreoffice"].find((c) => spawnSync(c, ["--version"], { encoding: "utf8" }).status === 0);
  if (!soffice) assert.fail("LibreOffice is not installed: run scripts/setup.sh browser");
  const files = await made;
  // A few, to keep CI short: the summary, the AI Office's Form and the authorities' one.
  const chosen = [
    ["frontier-systemic-risk.json", "training-summary"],
    ["frontier-systemic-risk.json", "mdf-ai-office"],
    ["sme-open-weights.json", "mdf-national-authorities"],
  ].map(([e, id]) => files.find((f) => f.example === e && f.doc.id === id).path);
  const out = join(dir, "pdf");
  const profile = `file://${join(dir, "lo-profile")}`;
  const run = spawnSync(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, ...chosen], { encoding: "utf8", timeout: 240_000 });
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  for (const path of chosen) {
    const pdf = join(out, path.split("/").pop().replace(/\.docx$/, ".pdf"));
    assert.ok(existsSync(pdf), `${pdf} was written\n${run.stdout}\n${run.stderr}`);
    const bytes = readFileSync(pdf);
    assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");
    assert.ok(bytes.length > 5000, `${pdf}: ${bytes.length} bytes`);
  }
});

test("a German or French document's DOCX file has the language's table headers and words for an empty answer", async () => {
  if (!existsSync(python)) assert.fail("python-docx is not installed: run scripts/setup.sh browser");
  const submission = { pack: "gpai-cop-final" };
  const paths = [];
  const expected = [];
  for (const code of ["de", "fr"]) {
    const locale = JSON.parse(readFileSync(join(root, `pkg/locales/${code}.json`), "utf8"));
    const doc = documents(submission, { locale }).find((d) => d.id === "mdf-ai-office");
    const docx = await documentDocx(doc, { locale });
    const path = join(dir, `${code}.${docx.fileName}`);
    writeFileSync(path, docx.bytes);
    paths.push(path);
    const words = [locale.interface["documents.docx.item"], locale.interface["documents.field"], locale.interface["documents.answer"]];
    expected.push({ path, code, words, notProvided: locale.messages["document.not-provided"] });
  }
  const run = spawnSync(python, [join(root, "tests/js/docx-read.py"), ...paths], { encoding: "utf8", maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, run.stderr);
  const read = JSON.parse(run.stdout);
  for (const { path, code, words, notProvided } of expected) {
    const { tables } = read[path];
    assert.deepEqual(tables[1][0], words, `${code}: the column headers`);
    assert.ok(words.every((w) => w && !["Item", "Field", "Answer"].includes(w)), `${code}: translated headers`);
    assert.notEqual(notProvided, "not yet provided", `${code}: "not yet provided" is translated`);
    assert.equal(tables[1][1][2], notProvided, `${code}: an empty answer in the language`);
  }
});
