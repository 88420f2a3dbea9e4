// axe-core on every screen of the page: the profile, the results, short mode, the list of
// assessments (with a rename open and an unreadable entry), an import error, an import with
// answers from another pack version, a storage failure, the print view and a narrow window; and
// the notices of issue #17: a conflict between two tabs, saved values the check cannot use, and
// an assessment with no report.
// Run: node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, eventually, textOf, recordKey, radio, AXE_PATH, violations } from "./harness.mjs";
import { frontierSubmission, storedAssessments, putStorage, pack } from "./submissions.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});


/** A page with axe loaded on every navigation (the page's CSP rightly forbids it: bypassed here). */
async function auditedPage() {
  const opened = await openPage(harness, { bypassCSP: true });
  await opened.page.addInitScript({ path: AXE_PATH });
  await gotoReady(opened.page);
  return opened;
}

async function importFile(page, name, value) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import answers…" }).click()]);
  await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(typeof value === "string" ? value : JSON.stringify(value)) });
}

test("axe: the empty profile, the results of an example, and short mode for an SME", async () => {
  const { context, page } = await auditedPage();
  try {
    assert.deepEqual(await violations(page), [], "the empty page");

    await page.getByLabel("Load an example").selectOption("sme-open-weights.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    await page.locator("#cross-checks-passed-box > summary").click();
    await page.locator("details.trace-box").first().evaluate((d) => (d.open = true));
    assert.deepEqual(await violations(page), [], "the results");

    await page.getByRole("switch", { name: "Short mode (for SMEs)" }).check();
    assert.ok(await page.locator("#short-mode-info").isVisible());
    assert.deepEqual(await violations(page), [], "short mode");

    // Short mode with the Form: notes at the measures, fields left out.
    await page.getByRole("button", { name: "New assessment" }).click();
    await page.getByLabel("Does the model display significant generality").selectOption("yes");
    await radio(page, /placed \(or to be placed\) on the EU market/, "Yes").check();
    await radio(page, /organisation established in the EU/, "Yes").check();
    await radio(page, /Are you an SME/, "Yes").check();
    await page.getByRole("switch", { name: "Short mode (for SMEs)" }).check();
    assert.ok(await page.locator("#measure-T-1_1 .short-note").isVisible());
    assert.deepEqual(await violations(page), [], "short mode with the Form");
  } finally {
    await context.close();
  }
});

test("axe: the list of assessments, with a rename open and an unreadable entry; an import error; answers from another pack version", async () => {
  const { context, page } = await auditedPage();
  try {
    const entries = storedAssessments([frontierSubmission(), { title: "Second model", profile: {}, answers: {} }, { title: "", profile: {}, answers: {} }], { open: 1 });
    entries[recordKey("t9")] = "not JSON";
    await putStorage(page, entries);
    await gotoReady(page);
    await page.getByRole("button", { name: "Rename “Second model”" }).click();
    assert.ok(await page.getByRole("textbox", { name: "New name for Second model" }).isVisible());
    assert.ok(await page.locator("#storage-message").isVisible());
    assert.deepEqual(await violations(page), [], "the list, a rename, an unreadable entry and its notice");
    await page.keyboard.press("Escape");

    await importFile(page, "broken.json", "{ not json");
    await eventually(async () => assert.ok(await page.locator("#import-error").isVisible()));
    assert.deepEqual(await violations(page), [], "an import error");

    await importFile(page, "older.json", {
      format: "gpai-check-answers",
      formatVersion: 1,
      pack: pack.id,
      packVersion: "0.0.9",
      title: "Older answers",
      profile: {},
      answers: { c_policy_exists: "yes", c_retired: "no" },
    });
    await eventually(async () => assert.ok(await page.locator("#unmatched").isVisible()));
    assert.ok(await page.locator("#import-result").isVisible());
    assert.deepEqual(await violations(page), [], "an import with answers kept from another pack version");
  } finally {
    await context.close();
  }
});

test("axe: a storage failure, the print view, and a window 320 pixels wide", async () => {
  const { context, page } = await auditedPage();
  try {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("quota", "QuotaExceededError");
      };
    });
    await gotoReady(page);
    await page.getByLabel("Load an example").selectOption("closed-non-eu.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#storage-message")), /could not be saved/));
    assert.deepEqual(await violations(page), [], "the storage notice with its export button");

    await page.emulateMedia({ media: "print" });
    assert.ok(await page.locator("#print-header").isVisible());
    assert.deepEqual(await violations(page), [], "the print view");
    await page.emulateMedia({ media: "screen" });

    await page.setViewportSize({ width: 320, height: 800 });
    assert.deepEqual(await violations(page), [], "320 CSS pixels wide (400% zoom)");
  } finally {
    await context.close();
  }
});

test("axe: a conflict between two tabs, saved values the check cannot use, and an assessment with no report", async () => {
  const { context, page } = await auditedPage();
  try {
    const entries = storedAssessments([
      { title: "Conflicted", profile: { significant_generality: "yes", worldwide_annual_turnover_eur: "2,4e9", assessment_date: "2025-02-30" }, answers: { c_policy_exists: "yes" } },
      { title: "Too many", profile: {}, answers: Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`old_${i}`, "yes"])) },
    ]);
    const conflicted = JSON.parse(entries[recordKey("t0")]);
    conflicted.conflicts = [{ where: "answers", key: "c_policy_exists", value: "yes", other: "partly" }];
    conflicted.reviewer = "kept field";
    entries[recordKey("t0")] = JSON.stringify(conflicted);
    await putStorage(page, entries);
    await gotoReady(page);
    assert.ok(await page.locator("#tabs-message").isVisible());
    assert.ok(await page.locator("#kept").isVisible());
    assert.ok(await page.locator("#p-worldwide_annual_turnover_eur-kept").isVisible());
    assert.deepEqual(await violations(page), [], "a conflict, and saved values that cannot be used");

    await page.getByRole("button", { name: "Open “Too many”" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#error")), /There is no report for “Too many”/));
    assert.deepEqual(await violations(page), [], "no report");
  } finally {
    await context.close();
  }
});
