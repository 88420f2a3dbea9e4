// Attacks on the page (issue #17, items 2 to 4): no answer a person typed is lost or
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
const COMPLAINT_DAYS = "#q-c_complaint_handling_days-input";
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
    const { title, updatedAt, ...rest } = after;
    const { title: t0, updatedAt: u0, ...before } = original;
    assert.equal(title, "Stored by another version, renamed");
    assert.notEqual(updatedAt, u0);
    assert.deepEqual(rest, before, "nothing else changed");
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
