// Attacks on the page (issue #17, items 1 to 4 and 9): no answer a person typed is lost or
// silently changed, and no report is shown under another assessment's name. Each test failed
// before the fix it names; docs/reliability.md counts these attacks.
// Run: node --test tests/browser/attacks-page.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startHarness, openPage, gotoReady, eventually, textOf, storedOpenAssessment, storageSnapshot, answerInScopeProfile, radio, recordKey, INDEX_KEY } from "./harness.mjs";
import { frontierSubmission, storedAssessments, putStorage, pack, PACK_ID } from "./submissions.mjs";
import { buildSingleFile } from "../../scripts/single-file.mjs";
import { evaluate } from "../../pkg/gpai_check.js";

const SCREENSHOTS = process.env.SCREENSHOTS ?? "/tmp/gpai-check-screens";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const DOWNSTREAM_DAYS = "#q-t_downstream_response_days-input";
const COMPLAINT_DAYS = "#q-c_complaint_handling_target_days-input";
const TURNOVER = "Total worldwide annual turnover";
const openName = (page) => textOf(page.locator("#assessment-list > li[aria-current=true] .assessment-name"));
const stored = (page, id) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), recordKey(id));
const STATUS_LABELS = { met: "Met", partial: "Partly met", "not-met": "Not met", "not-applicable": "Not applicable", unanswered: "Unanswered" };

/** Every measure's status as the page shows it: { "C-1.1": "Partly met", ... }. */
function shownStatuses(page) {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll("#chapters section.measure")].map((s) => [s.querySelector("h4 .id").textContent, s.querySelector(".measure-status").textContent])),
  );
}

/** What the engine gives for a submission: every measure's status, as the page labels it. */
function engineStatuses(submission) {
  const report = evaluate({ pack: PACK_ID, ...submission });
  return Object.fromEntries(report.chapters.flatMap((c) => c.measures.map((m) => [m.id, STATUS_LABELS[m.status]])));
}

async function downloadReport(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download report (JSON)" }).click()]);
  return { name: download.suggestedFilename(), report: JSON.parse(await readFile(await download.path(), "utf8")) };
}

// --- 1. Two tabs -------------------------------------------------------------------------------

test("two tabs on one assessment: each takes in the other's answers at once, a reload keeps both, and a real conflict is asked about, never dropped", async () => {
  const first = await openPage(harness);
  const { context } = first;
  const a = first.page;
  try {
    await a.getByLabel("Name of this assessment").fill("Shared model");
    const b = await context.newPage();
    b.setDefaultTimeout(5000);
    b.on("dialog", (dialog) => dialog.accept());
    const errors = [];
    b.on("pageerror", (e) => errors.push(e.message));
    await gotoReady(b, a.url());
    assert.equal(await openName(b), "Shared model");

    // A answers the profile and a question; B, already open, answers another.
    await answerInScopeProfile(a);
    await a.locator(DOWNSTREAM_DAYS).fill("10");
    await eventually(async () => assert.equal(await b.locator(DOWNSTREAM_DAYS).inputValue(), "10"), 5000);
    await eventually(async () => assert.equal(await b.getByLabel("Does the model display significant generality").inputValue(), "yes"));
    assert.match(await textOf(b.locator("#tabs-message")), /changed in another tab, and are shown here as changed:.*How many days, from receipt/);
    await b.locator(COMPLAINT_DAYS).fill("7");
    await eventually(async () => assert.equal(await a.locator(COMPLAINT_DAYS).inputValue(), "7"));

    // Both reload: nothing is lost.
    for (const page of [a, b]) {
      await gotoReady(page);
      assert.equal(await page.locator(DOWNSTREAM_DAYS).inputValue(), "10");
      assert.equal(await page.locator(COMPLAINT_DAYS).inputValue(), "7");
      assert.equal(await page.getByLabel("Does the model display significant generality").inputValue(), "yes");
      assert.ok(await radio(page, /organisation established in the EU/, "Yes").isChecked());
    }
    const record = await storedOpenAssessment(a);
    assert.deepEqual([record.answers.t_downstream_response_days, record.answers.c_complaint_handling_target_days], [10, 7]);
    assert.equal(record.profile.significant_generality, "yes");
    assert.ok(record.revision >= 4, `every write raises the revision (${record.revision})`);

    // A conflict: another tab's write that B has not heard of yet (written from B's own page,
    // which gets no storage event for it), then B changes the same answer differently.
    await b.evaluate(([key]) => {
      const r = JSON.parse(localStorage.getItem(key));
      r.answers.t_downstream_response_days = 12;
      r.revision += 1;
      localStorage.setItem(key, JSON.stringify(r));
    }, [recordKey(record.id)]);
    await b.locator(DOWNSTREAM_DAYS).fill("15");
    const notice = b.locator("#tabs-message");
    await eventually(async () => assert.match(await textOf(notice), /changed differently in two tabs at the same time.*How many days, from receipt.*: 15 \(in use now\) or 12\./));
    let saved = await stored(b, record.id);
    assert.equal(saved.answers.t_downstream_response_days, 15);
    assert.deepEqual(saved.conflicts.map((c) => [c.key, c.value, c.other]), [["t_downstream_response_days", 15, 12]], "both values are kept with the assessment");
    // The other tab shows the same question.
    await eventually(async () => assert.match(await textOf(a.locator("#tabs-message")), /15 \(in use now\) or 12/));
    await b.screenshot({ path: join(SCREENSHOTS, "attack-two-tabs-conflict.png"), fullPage: false });

    // The person chooses; the choice reaches the other tab.
    await notice.getByRole("button", { name: /^Use 12/ }).click();
    assert.equal(await b.locator(DOWNSTREAM_DAYS).inputValue(), "12");
    saved = await stored(b, record.id);
    assert.equal(saved.answers.t_downstream_response_days, 12);
    assert.equal(saved.conflicts, undefined);
    await eventually(async () => assert.equal(await a.locator(DOWNSTREAM_DAYS).inputValue(), "12"));
    await eventually(async () => assert.doesNotMatch(await textOf(a.locator("#tabs-message")), /in use now/));

    // An assessment made in one tab appears in the other's list.
    await a.getByRole("button", { name: "New assessment" }).click();
    await a.keyboard.type("Made in tab A");
    await eventually(async () => assert.deepEqual(await b.locator("#assessment-list .assessment-name").allTextContents(), ["Shared model", "Made in tab A"]));
    assert.equal(await openName(b), "Shared model", "B keeps its open assessment");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// --- 2. A typo ---------------------------------------------------------------------------------

test("a typo never deletes a saved value: what was typed is kept, shown with its error after a reload, and not used until corrected", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await answerInScopeProfile(page);
    await page.locator(DOWNSTREAM_DAYS).fill("10");
    await page.locator(DOWNSTREAM_DAYS).fill("10 working days");
    const turnover = page.getByLabel(TURNOVER);
    await turnover.fill("2.4e25");
    await turnover.fill("2,4e25");
    let record = await storedOpenAssessment(page);
    assert.equal(record.answers.t_downstream_response_days, "10 working days");
    assert.equal(record.profile.worldwide_annual_turnover_eur, "2,4e25");

    await gotoReady(page);
    assert.equal(await page.locator(DOWNSTREAM_DAYS).inputValue(), "10 working days");
    assert.ok(await page.locator("#q-t_downstream_response_days-error").isVisible(), "the field says what is wrong");
    assert.equal(await page.locator(DOWNSTREAM_DAYS).getAttribute("aria-invalid"), "true");
    assert.equal(await turnover.inputValue(), "2,4e25");
    assert.equal(await turnover.getAttribute("aria-invalid"), "true");
    assert.match(await textOf(page.locator("#p-worldwide_annual_turnover_eur-kept")), /kept; the result counts this question as unanswered/);
    assert.match(await textOf(page.locator("#kept")), /Total worldwide annual turnover.*“2,4e25”/);
    // Not used: the report counts both as unanswered (the answer is a finding to check).
    assert.match(await textOf(page.locator("#findings-list")), /How many days, from receipt/);
    await page.screenshot({ path: join(SCREENSHOTS, "attack-typo-after-reload.png") });

    // Corrected, it is used again and the notes go.
    await turnover.fill("2.4e9");
    await page.locator(DOWNSTREAM_DAYS).fill("12");
    record = await storedOpenAssessment(page);
    assert.deepEqual([record.profile.worldwide_annual_turnover_eur, record.answers.t_downstream_response_days], [2.4e9, 12]);
    assert.equal(await page.locator("#kept").isVisible(), false);
    assert.equal(await turnover.getAttribute("aria-invalid"), null);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

// --- 3. A stored record is kept as it was --------------------------------------------------------

test("a stored record keeps its unknown fields and wrong-typed values through an edit, and lists them; the scope says it could not use the compute", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const original = {
      id: "t0",
      pack: PACK_ID,
      packVersion: pack.version,
      title: "Stored by another version",
      profile: { significant_generality: "yes", placed_on_eu_market: true, established_in_eu: true, training_compute_flop: "2e25" },
      answers: { c_policy_exists: { value: "yes" }, c_crawls_web: "no" },
      mode: "expert",
      reviewer: { name: "Ann", approved: false },
      createdAt: "2026-11-28T12:00:00.000Z",
      updatedAt: "2026-11-28T12:00:00.000Z",
    };
    await putStorage(page, { [INDEX_KEY]: JSON.stringify({ open: "t0", order: ["t0"] }), [recordKey("t0")]: JSON.stringify(original) });
    await gotoReady(page);

    const kept = page.locator("#kept");
    assert.ok(await kept.isVisible());
    const listed = await textOf(kept);
    assert.match(listed, /Training compute of the model.*“2e25”; it is text, and this question takes a number/);
    assert.match(listed, /The saved field “reviewer”: \{"name":"Ann","approved":false\}/);
    assert.match(listed, /The saved mode “expert”/);
    assert.match(await textOf(page.locator("#findings-list")), /copyright policy/i, "the object-valued answer is a finding");
    assert.equal(await page.getByLabel("Training compute of the model").inputValue(), "2e25");
    assert.match(await textOf(page.locator("#obligation-art55_1a .badge")), /^Not decided yet$/, "systemic risk is undecided, not silently decided");

    await page.getByLabel("Name of this assessment").fill("Stored by another version, renamed");
    const after = await stored(page, "t0");
    const { title, updatedAt, revision, ...rest } = after;
    const { title: t0, updatedAt: u0, ...before } = original;
    assert.equal(title, "Stored by another version, renamed");
    assert.deepEqual(rest, { ...before }, "nothing else changed");
    assert.equal(revision, 1);
    await gotoReady(page);
    assert.deepEqual((await stored(page, "t0")).reviewer, original.reviewer);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

// --- 4. The report shown is the open assessment's ------------------------------------------------

test("opening an assessment whose answers are refused never shows another's report, digest, print header or file name", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const a = frontierSubmission();
    a.title = "Model A";
    const b = { title: "Model B", profile: { significant_generality: "yes", placed_on_eu_market: true, established_in_eu: false, assessment_date: "2025-02-30" }, answers: { c_policy_exists: "no", t_downstream_response_days: 30 } };
    const tooMany = Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`old_question_${i}`, "yes"]));
    const c = { title: "Model C", profile: { significant_generality: "yes" }, answers: { ...tooMany, c_policy_exists: "partly" } };
    await putStorage(page, storedAssessments([a, b, c]));
    await gotoReady(page);
    const statusesA = await shownStatuses(page);

    // B: its stored date is impossible. B's own report, made without the date, which is shown
    // as kept but not used; never A's.
    await page.getByRole("button", { name: "Open “Model B”" }).click();
    const { assessment_date: impossible, ...usable } = b.profile;
    const expected = engineStatuses({ ...b, profile: usable });
    assert.deepEqual(await shownStatuses(page), expected);
    assert.notDeepEqual(expected, statusesA);
    assert.match(await textOf(page.locator("#p-assessment_date-kept")), new RegExp(`“${impossible}” cannot be used: must be a real calendar date`));
    assert.equal(await textOf(page.locator("#print-report-title")), "Model B");
    const { name, report } = await downloadReport(page);
    assert.match(name, /^gpai-check-model-b/);
    assert.equal(report.title, "Model B");
    assert.equal(await textOf(page.locator("#report-digest")), report.digest);

    // C: more answers than the engine takes, so no report at all: nothing of B's is shown.
    await page.getByRole("button", { name: "Open “Model C”" }).click();
    assert.match(await textOf(page.locator("#error")), /There is no report for “Model C”.*answers.*5002 answers; the limit is 5000/);
    assert.equal(await page.locator("#measure-C-1_1 .measure-status").isVisible(), false);
    assert.equal(await page.locator("#scope-result").isVisible(), false);
    assert.equal(await page.locator("#summary").isVisible(), false);
    for (const button of ["Download report (JSON)", "Download report (Markdown)", "Print report"]) assert.ok(await page.getByRole("button", { name: button }).isDisabled(), button);
    assert.equal(await textOf(page.locator("#print-report-title")), "");
    assert.match(await textOf(page.locator("#report-digest")), /no report/);
    assert.ok(await radio(page, /copyright policy that is up to date/, "Partly").isChecked(), "C's answers are shown");
    await page.screenshot({ path: join(SCREENSHOTS, "attack-no-report.png") });

    // Back to A: its report again.
    await page.getByRole("button", { name: "Open “Model A”" }).click();
    assert.deepEqual(await shownStatuses(page), statusesA);
    assert.equal(await page.locator("#error").isVisible(), false);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

// --- 9. Opened from disk ---------------------------------------------------------------------------

test("opened from disk, the one-file checker keeps answers on the page and in exported files only, says so, and can open what an earlier version stored", async () => {
  const dir = await mkdtemp(join(tmpdir(), "gpai-check-attack-"));
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, offline: true });
  try {
    const built = buildSingleFile({ out: join(dir, "gpai-check.html") });
    const page = await context.newPage();
    page.on("dialog", (d) => d.accept());
    const url = pathToFileURL(built.out).href;
    await gotoReady(page, url);
    assert.match(await textOf(page.locator("#privacy-line")), /keeps your answers only on this page, while it is open, and in the files you export and the links you make: nothing is written to the browser’s storage/);
    assert.match(await textOf(page.locator("#storage-message")), /Opened from a file on your disk, so autosave is off: .*any other HTML file you open could read/);
    await page.getByLabel("Name of this assessment").fill("From disk");
    await answerInScopeProfile(page);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("gpai-check:"))), [], "nothing is stored");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#storage-message").getByRole("button", { name: "Export answers (JSON)" }).click()]);
    assert.equal(JSON.parse(await readFile(await download.path(), "utf8")).title, "From disk");

    // What an earlier version of the file stored is offered, opened on request, and left where it is.
    const earlier = storedAssessments([{ ...frontierSubmission(), title: "Stored from disk earlier" }]);
    await page.evaluate((entries) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, earlier);
    await gotoReady(page);
    assert.match(await textOf(page.locator("#storage-message")), /holds 1 assessment saved by an earlier version of this file/);
    await page.getByRole("button", { name: "Open saved assessments" }).click();
    await page.getByRole("button", { name: "Open “Stored from disk earlier”" }).click();
    await page.getByLabel("Name of this assessment").fill("Changed here only");
    const now = await storageSnapshot(page);
    assert.deepEqual(now, Object.fromEntries(Object.entries(earlier).sort()), "the storage is as the earlier version left it");
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});
