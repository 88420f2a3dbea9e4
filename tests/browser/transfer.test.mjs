// Answers as a file in the page: export, import as a new assessment, files from another pack
// version, and malformed files that must change nothing. Run: node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startHarness, openPage, gotoReady, eventually, textOf, storedOpenAssessment, storageSnapshot, radio } from "./harness.mjs";
import { frontierSubmission, storedAssessments, putStorage, pack } from "./submissions.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const names = (page) => page.locator("#assessment-list .assessment-name").allTextContents();
const openName = (page) => textOf(page.locator("#assessment-list > li[aria-current=true] .assessment-name"));

/** Imports a file through the page's file input, as the file chooser would. */
async function importFile(page, name, contents) {
  const buffer = Buffer.isBuffer(contents) ? contents : Buffer.from(typeof contents === "string" ? contents : JSON.stringify(contents));
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import answers…" }).click()]);
  await chooser.setFiles({ name, mimeType: "application/json", buffer });
}

async function exportAnswers(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export answers (JSON)" }).first().click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

async function downloadReport(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download report (JSON)" }).click()]);
  return JSON.parse(await readFile(await download.path(), "utf8"));
}

test("export then import gives back exactly the same answers and the same report digest, as a new assessment", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const submission = frontierSubmission();
    submission.title = "Frontier model — “quoted”, ünïcödé, 2.4e25 FLOP";
    submission.answers.c_policy_document_ref = "Line one\nLine two\ttabbed — with “quotes” and emoji 🧪";
    await putStorage(page, storedAssessments([submission]));
    await gotoReady(page);
    await page.getByRole("switch", { name: "Short mode (for SMEs)" }).check();
    const original = await storedOpenAssessment(page);
    const report = await downloadReport(page);

    const exported = await exportAnswers(page);
    assert.match(exported.name, /^gpai-check-answers-frontier-model-quoted-unicode-2-4e25-flop-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(exported.text);
    assert.deepEqual(Object.keys(file), ["format", "formatVersion", "pack", "packVersion", "title", "profile", "answers", "assessmentDate", "exportedAt"]);
    assert.equal(file.format, "gpai-check-answers");
    assert.equal(file.formatVersion, 1);
    assert.equal(file.pack, pack.id);
    assert.equal(file.packVersion, pack.version);
    assert.equal(file.assessmentDate, "2026-11-28");
    assert.ok(!Number.isNaN(Date.parse(file.exportedAt)));
    assert.deepEqual([file.title, file.profile, file.answers], [original.title, original.profile, original.answers]);

    await importFile(page, exported.name, exported.text);
    await eventually(async () => assert.deepEqual(await names(page), [submission.title, submission.title]));
    const imported = await storedOpenAssessment(page);
    assert.notEqual(imported.id, original.id, "a new assessment, the original untouched");
    assert.deepEqual([imported.title, imported.profile, imported.answers], [original.title, original.profile, original.answers]);
    assert.deepEqual(imported.unmatchedAnswers ?? {}, {});
    assert.match(await textOf(page.locator("#import-result")), /is open as a new assessment/);
    assert.equal(await page.locator("#import-error").isVisible(), false);
    const again = await downloadReport(page);
    assert.equal(again.digest, report.digest);
    assert.equal(await textOf(page.locator("#report-digest")), report.digest);

    // And the round trip goes on: the import's export equals the first export, but for the time.
    const second = JSON.parse((await exportAnswers(page)).text);
    assert.deepEqual({ ...second, exportedAt: null }, { ...file, exportedAt: null });
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("a file from another pack version keeps what matches, lists the rest, and never drops it", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const submission = frontierSubmission();
    const file = {
      format: "gpai-check-answers",
      formatVersion: 1,
      pack: pack.id,
      packVersion: "0.0.9",
      title: "Answers from an older pack",
      profile: submission.profile,
      answers: { c_policy_exists: "partly", c_retired_question: "yes", t_old_figure: 12 },
      exportedAt: "2026-01-01T00:00:00.000Z",
    };
    await importFile(page, "older.json", file);
    await eventually(async () => assert.equal(await openName(page), "Answers from an older pack"));
    assert.match(await textOf(page.locator("#import-result")), /2 answers have no question in this version of the rule pack; they are kept and listed below/);

    const unmatched = page.locator("#unmatched");
    assert.ok(await unmatched.isVisible());
    assert.match(await textOf(unmatched), new RegExp(`2 answers are for questions that version ${pack.version.replace(/\./g, "\\.")} of the rule pack does not have \\(they were given for version 0\\.0\\.9\\)`));
    assert.deepEqual(await unmatched.locator("li").allTextContents(), ["c_retired_question: “yes”", "t_old_figure: 12"]);
    const stored = await storedOpenAssessment(page);
    assert.deepEqual(stored.answers, { c_policy_exists: "partly" });
    assert.deepEqual(stored.unmatchedAnswers, { c_retired_question: "yes", t_old_figure: 12 });
    assert.equal(stored.unmatchedPackVersion, "0.0.9");
    assert.ok(await page.getByRole("group", { name: /copyright policy that is up to date/ }).getByRole("radio", { name: "Partly", exact: true }).isChecked());

    // The report lists them as findings ("unknown-question"), and so does the page.
    const report = await downloadReport(page);
    assert.deepEqual(
      report.findings.filter((f) => f.code === "unknown-question").map((f) => f.questionId).sort(),
      ["c_retired_question", "t_old_figure"],
    );
    assert.match(await textOf(page.locator("#findings-list")), /c_retired_question/);
    // They survive a reload and go out with an export.
    await gotoReady(page);
    assert.ok(await unmatched.isVisible());
    const exported = JSON.parse((await exportAnswers(page)).text);
    assert.deepEqual(exported.answers, { c_policy_exists: "partly", c_retired_question: "yes", t_old_figure: 12 });

    // Only a deliberate discard (after a confirm) removes them.
    await unmatched.getByRole("button", { name: "Discard these answers" }).click();
    await eventually(async () => assert.equal(await unmatched.isVisible(), false));
    assert.deepEqual((await storedOpenAssessment(page)).unmatchedAnswers ?? {}, {});
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

const good = () => ({
  format: "gpai-check-answers",
  formatVersion: 1,
  pack: pack.id,
  packVersion: pack.version,
  title: "Would-be import",
  profile: { is_sme: true },
  answers: { c_policy_exists: "yes" },
  exportedAt: "2026-11-28T10:00:00.000Z",
});

/** [file name, contents, the message it must give]: each one a different way to be wrong. */
const BAD_FILES = [
  ["empty.json", Buffer.alloc(0), /The file is empty\./],
  ["not-json.json", "{ format: gpai-check-answers", /The file is not valid JSON \(key must be a string at line 1 column 3\)\./],
  ["latin1.json", Buffer.from([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]), /not UTF-8 text/],
  ["wrong-format.json", { ...good(), format: "gpai-check-report" }, /format: must be "gpai-check-answers" in an answers file; the file has the text "gpai-check-report"\./],
  ["unknown-pack.json", { ...good(), pack: "gpai-cop-draft" }, /pack: no built-in pack has the id "gpai-cop-draft"; known packs: gpai-cop-final\./],
  ["answers-list.json", { ...good(), answers: ["yes", "no"] }, /answers: must be an object of answers by question id; the file has a JSON list\./],
  ["misspelt-profile.json", { ...good(), profile: { is_smee: true } }, /profile\.is_smee: the checker has no profile question "is_smee" \(did you mean "is_sme"\?\)/],
  ["object-answer.json", { ...good(), answers: { c_policy_exists: { value: "yes" } } }, /answers\.c_policy_exists: an answer is a text, a number, true or false, or a list of option ids; the file has an object\./],
  ["nan-profile.json", { ...good(), profile: { training_compute_flop: "Infinity" } }, /profile\.training_compute_flop: expected a number of zero or more; the file has the text "Infinity"\./],
  ["huge.json", Buffer.from(JSON.stringify({ ...good(), title: "x" }).replace('"x"', `"${"x".repeat(6 * 1024 * 1024)}"`)), /The file is 6\.0 MB; an answers file can be at most 4 MB/],
  ["array.json", [good()], /The file holds a JSON list; .* To see one, choose an example under “Load an example” and use “Export answers”\./],
  ["report.json", { digest: "sha256:00", chapters: [] }, /This is a gpai-check report, not answers; .* To see one, choose an example under “Load an example”/],
  ["proto.json", `{"format":"gpai-check-answers","formatVersion":1,"pack":"gpai-cop-final","profile":{"__proto__":{"is_sme":true}},"answers":{"__proto__":{"polluted":"yes"}}}`, /answers\.__proto__: a "__proto__" key, which no answers file or submission has\./],
  ["newer.json", { ...good(), formatVersion: 2 }, /made by a newer gpai-check \(format version 2\); this checker reads version 1\./],
];

test("malformed files are refused with a message naming the problem, and nothing changes", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await putStorage(page, storedAssessments([frontierSubmission(), { title: "Second model", profile: {}, answers: { c_policy_exists: "no" } }], { open: 1 }));
    await gotoReady(page);
    const snapshot = await storageSnapshot(page);
    const listBefore = await names(page);
    const digestBefore = await textOf(page.locator("#report-digest"));
    const error = page.locator("#import-error");
    assert.equal(await error.getAttribute("role"), "alert");

    for (const [name, contents, message] of BAD_FILES) {
      await importFile(page, name, contents);
      await eventually(async () => assert.match(await textOf(error), message), 8000).catch(async (e) => {
        throw new Error(`${name}: ${e.message} (shown: ${await textOf(error)})`);
      });
      const shown = await textOf(error);
      assert.ok(shown.startsWith(`“${name}” was not imported.`), `${name}: ${shown}`);
      assert.ok(shown.endsWith("Your assessments are unchanged."), `${name}: ${shown}`);
      assert.ok(await error.isVisible());
      assert.equal(await page.locator("#import-result").isVisible(), false);
      assert.deepEqual(await storageSnapshot(page), snapshot, `${name} changed the storage`);
      assert.deepEqual(await names(page), listBefore);
      assert.equal(await openName(page), "Second model");
      assert.equal(await page.getByLabel("Name of this assessment").inputValue(), "Second model");
      assert.equal(await textOf(page.locator("#report-digest")), digestBefore);
      assert.equal(await page.evaluate(() => ({}).polluted ?? Object.prototype.is_sme), undefined);
    }
    assert.ok(BAD_FILES.length >= 14);

    // A good file afterwards imports, and clears the error.
    await importFile(page, "good.json", good());
    await eventually(async () => assert.equal(await openName(page), "Would-be import"));
    assert.equal(await error.isVisible(), false);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

const EXAMPLES = ["closed-non-eu.json", "fine-tuner.json", "frontier-systemic-risk.json", "sme-open-weights.json"];
const CHOICE_LABEL = { yes: "Yes", partly: "Partly", no: "No" };

test("each example file, imported as it is, opens with its answers in the form", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    for (const name of EXAMPLES) {
      const text = await readFile(new URL(`../../www/examples/${name}`, import.meta.url), "utf8");
      const example = JSON.parse(text);
      await importFile(page, name, text);
      await eventually(async () => assert.equal(await openName(page), example.title), 8000);
      assert.equal(await page.locator("#import-error").isVisible(), false, name);
      assert.match(await textOf(page.locator("#import-result")), new RegExp(`“${name}” is open as a new assessment`));
      const stored = await storedOpenAssessment(page);
      assert.deepEqual(stored.answers, example.answers, name);
      assert.deepEqual(stored.unmatchedAnswers ?? {}, {}, name);
      assert.deepEqual(stored.profile, { ...example.profile, assessment_date: example.assessmentDate ?? example.profile.assessment_date }, name);
      // In the form: the name, a profile answer and an answer of the questionnaire.
      assert.equal(await page.getByLabel("Name of this assessment").inputValue(), example.title);
      const policy = CHOICE_LABEL[example.answers.c_policy_exists];
      await eventually(async () => assert.ok(await radio(page, /copyright policy that is up to date/, policy).isChecked(), `${name}: c_policy_exists`));
      const onMarket = example.profile.placed_on_eu_market ? "Yes" : "No";
      assert.ok(await radio(page, /placed \(or to be placed\) on the EU market/, onMarket).isChecked(), `${name}: placed_on_eu_market`);
    }
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("an answer that does not fit its question is imported, and marked for checking", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await importFile(page, "nan-answer.json", { ...good(), answers: { c_policy_exists: "yes", t_docs_retention_years: "NaN" } });
    await eventually(async () => assert.equal(await openName(page), "Would-be import"));
    assert.match(await textOf(page.locator("#import-result")), /1 answer needs checking \(marked at the questions\)/);
    assert.deepEqual((await storedOpenAssessment(page)).answers, { c_policy_exists: "yes", t_docs_retention_years: "NaN" });
    assert.match(await textOf(page.locator("#findings-list")), /keep earlier versions of the documentation.*Expected a number/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
