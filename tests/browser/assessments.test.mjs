// Several assessments (one per model) in one browser: the list, its actions, what a reload
// restores, the move from the single saved assessment of earlier versions, and storage that
// fails. Run: node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startHarness, openPage, gotoReady, eventually, textOf, storedOpenAssessment, storageSnapshot, INDEX_KEY, LEGACY_KEY, recordKey, radio, answerInScopeProfile } from "./harness.mjs";
import { frontierSubmission, legacyState, storedAssessments, putStorage, pack } from "./submissions.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const names = (page) => page.locator("#assessment-list .assessment-name").allTextContents();
const openName = (page) => textOf(page.locator("#assessment-list > li[aria-current=true] .assessment-name"));
const announced = (page) => textOf(page.locator("#announcer"));
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? null);

async function index(page) {
  return JSON.parse(await page.evaluate((key) => localStorage.getItem(key), INDEX_KEY));
}

/** Collects the confirm dialogs' messages; `answers` says, in order, whether to accept each. */
function onDialogs(page, answers) {
  const seen = [];
  page.removeAllListeners("dialog");
  page.on("dialog", async (dialog) => {
    seen.push({ type: dialog.type(), message: dialog.message() });
    if (answers.shift() ?? true) await dialog.accept();
    else await dialog.dismiss();
  });
  return seen;
}

test("the single assessment saved by earlier versions moves into the list, opens, and its old key goes", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const submission = frontierSubmission();
    await putStorage(page, { [LEGACY_KEY]: legacyState(submission) });
    await gotoReady(page);

    assert.deepEqual(await names(page), [submission.title]);
    assert.equal(await openName(page), submission.title);
    assert.equal(await page.getByLabel("Name of this assessment").inputValue(), submission.title);
    const stored = await storedOpenAssessment(page);
    assert.deepEqual(stored.answers, submission.answers);
    assert.deepEqual(stored.profile, submission.profile);
    assert.equal(stored.mode, "full");
    const keys = Object.keys(await storageSnapshot(page));
    assert.deepEqual(keys, [recordKey(stored.id), INDEX_KEY].sort(), "one namespace: the index and one entry per assessment, the old key gone");

    // Next to an existing list, it is added and opened; nothing already there is lost.
    await page.getByRole("button", { name: "New assessment" }).click();
    await page.keyboard.type("Second model");
    await putStorage(page, { ...(await storageSnapshot(page)), [LEGACY_KEY]: legacyState({ ...submission, title: "Left in the old key" }) });
    await gotoReady(page);
    assert.deepEqual(await names(page), [submission.title, "Second model", "Left in the old key"]);
    assert.equal(await openName(page), "Left in the old key");
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("assessments are created, renamed, duplicated and deleted (after a confirm), and a reload restores them all and the open one", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    // The first visit starts with one empty assessment.
    assert.deepEqual(await names(page), ["Untitled assessment"]);
    await page.getByLabel("Name of this assessment").fill("Model A");
    await answerInScopeProfile(page);
    await radio(page, /Do you have a copyright policy that is up to date/, "Partly").check();
    assert.deepEqual(await names(page), ["Model A"], "the list follows the name as it is typed");

    // New: an empty assessment opens, with focus in its name field.
    await page.getByRole("button", { name: "New assessment" }).click();
    assert.equal(await focusedId(page), "assessment-title");
    await page.keyboard.type("Model B");
    await answerInScopeProfile(page);
    await radio(page, /Do you have a copyright policy that is up to date/, "Yes").check();
    assert.deepEqual(await names(page), ["Model A", "Model B"]);
    assert.equal(await openName(page), "Model B");
    await eventually(async () => assert.match(await announced(page), /new, empty assessment is open/));

    // Open A again: its answers come back, focus stays on the list item.
    await page.getByRole("button", { name: "Open “Model A”" }).click();
    assert.equal(await openName(page), "Model A");
    assert.equal(await page.getByLabel("Name of this assessment").inputValue(), "Model A");
    assert.ok(await radio(page, /Do you have a copyright policy that is up to date/, "Partly").isChecked());
    assert.equal(await page.getByLabel("Does the model display significant generality").inputValue(), "yes");
    assert.match(await focusedId(page), /^assessment-[0-9a-f]+-name$/);
    await eventually(async () => assert.equal(await announced(page), "Opened “Model A”."));

    // Rename B by keyboard only: Enter saves; Escape cancels and keeps the old name.
    await page.getByRole("button", { name: "Rename “Model B”" }).focus();
    await page.keyboard.press("Enter");
    const renameInput = page.getByRole("textbox", { name: "New name for Model B" });
    assert.equal(await renameInput.inputValue(), "Model B");
    assert.equal(await focusedId(page), await renameInput.getAttribute("id"));
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Model B, version 2");
    await page.keyboard.press("Enter");
    assert.deepEqual(await names(page), ["Model A", "Model B, version 2"]);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Rename “Model B, version 2”", "focus is back on Rename");
    await page.keyboard.press("Enter");
    await page.keyboard.type(" (discarded)");
    await page.keyboard.press("Escape");
    assert.deepEqual(await names(page), ["Model A", "Model B, version 2"]);
    assert.equal(await page.getByLabel("Name of this assessment").inputValue(), "Model A", "renaming another assessment leaves the open one alone");

    // Duplicate A: the copy sits after it, opens, and has the same answers.
    const before = await storedOpenAssessment(page);
    await page.getByRole("button", { name: "Duplicate “Model A”" }).click();
    assert.deepEqual(await names(page), ["Model A", "Copy of Model A", "Model B, version 2"]);
    assert.equal(await openName(page), "Copy of Model A");
    const copy = await storedOpenAssessment(page);
    assert.notEqual(copy.id, before.id);
    assert.deepEqual([copy.profile, copy.answers, copy.mode], [before.profile, before.answers, before.mode]);
    assert.ok(await radio(page, /Do you have a copyright policy that is up to date/, "Partly").isChecked());
    // Changing the copy leaves the original alone.
    await radio(page, /Do you have a copyright policy that is up to date/, "No").check();
    await page.getByRole("button", { name: "Open “Model A”" }).click();
    assert.ok(await radio(page, /Do you have a copyright policy that is up to date/, "Partly").isChecked());

    // Delete asks first; dismissing keeps everything, accepting removes it from the page and storage.
    const dialogs = onDialogs(page, [false, true]);
    await page.getByRole("button", { name: "Delete “Model B, version 2”" }).click();
    assert.deepEqual(await names(page), ["Model A", "Copy of Model A", "Model B, version 2"]);
    assert.equal(dialogs[0].type, "confirm");
    assert.match(dialogs[0].message, /^Delete the assessment “Model B, version 2”\? .*cannot be undone/);
    const doomed = (await index(page)).order[2];
    await page.getByRole("button", { name: "Delete “Model B, version 2”" }).click();
    await eventually(async () => assert.deepEqual(await names(page), ["Model A", "Copy of Model A"]));
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), recordKey(doomed)), null);
    assert.equal(await openName(page), "Model A", "deleting another assessment leaves the open one open");
    await eventually(async () => assert.equal(await announced(page), "Deleted the assessment “Model B, version 2”."));

    // Deleting the open one opens its neighbour.
    await page.getByRole("button", { name: "Open “Copy of Model A”" }).click();
    await page.getByRole("button", { name: "Delete “Copy of Model A”" }).click();
    await eventually(async () => assert.deepEqual(await names(page), ["Model A"]));
    assert.equal(await openName(page), "Model A");

    // A reload restores the list and which assessment is open.
    await page.getByRole("button", { name: "New assessment" }).click();
    await page.keyboard.type("Model C");
    await page.getByRole("button", { name: "Open “Model A”" }).click();
    await gotoReady(page);
    assert.deepEqual(await names(page), ["Model A", "Model C"]);
    assert.equal(await openName(page), "Model A");
    assert.ok(await radio(page, /Do you have a copyright policy that is up to date/, "Partly").isChecked());
    await page.getByRole("button", { name: "Open “Model C”" }).click();
    await gotoReady(page);
    assert.equal(await openName(page), "Model C");
    assert.equal(await page.getByLabel("Name of this assessment").inputValue(), "Model C");

    // Deleting the last one leaves a new, empty assessment.
    onDialogs(page, [true, true]);
    await page.getByRole("button", { name: "Delete “Model A”" }).click();
    await page.getByRole("button", { name: "Delete “Model C”" }).click();
    await eventually(async () => assert.deepEqual(await names(page), ["Untitled assessment"]));
    assert.equal(await focusedId(page), "assessment-title");
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("a reload restores the exact state: the open assessment, every answer (hidden ones too), the mode and the results", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const submission = frontierSubmission();
    const other = { ...frontierSubmission(), title: "Other model", answers: { c_policy_exists: "no" } };
    await putStorage(page, storedAssessments([other, submission], { open: 1 }));
    await gotoReady(page);
    // Make an answer hidden: the follow-up of "single document" goes when it is answered "No".
    await radio(page, /Is the policy set out in one single document/, "No").check();
    assert.equal(await page.locator("#q-c_policy_document_ref").isVisible(), false);
    await page.getByRole("switch", { name: "Short mode (for SMEs)" }).check();

    const snapshot = await storageSnapshot(page);
    const state = await storedOpenAssessment(page);
    assert.equal(state.answers.c_policy_document_ref, submission.answers.c_policy_document_ref, "the hidden question's answer is kept");
    const downloadedDigest = async () => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download report (JSON)" }).click()]);
      return JSON.parse(await readFile(await download.path(), "utf8")).digest;
    };
    const digest = await downloadedDigest();
    assert.match(digest, /^sha256:[0-9a-f]{64}$/);
    assert.equal(await textOf(page.locator("#report-digest")), digest, "the footer shows the digest of the report downloaded");
    const summary = await textOf(page.locator("#summary"));

    await gotoReady(page);
    assert.deepEqual(await storageSnapshot(page), snapshot, "loading changes nothing stored");
    assert.equal(await openName(page), submission.title);
    assert.ok(await page.getByRole("switch", { name: "Short mode (for SMEs)" }).isChecked());
    assert.equal(await downloadedDigest(), digest, "the same answers give the same report");
    assert.equal(await textOf(page.locator("#summary")), summary);
    assert.ok(await radio(page, /Is the policy set out in one single document/, "No").isChecked());
    await radio(page, /Is the policy set out in one single document/, "Yes").check();
    assert.equal(await page.locator("#q-c_policy_document_ref-input").inputValue(), submission.answers.c_policy_document_ref);

    // Every answer is in its field after the reload, hidden or not.
    await page.getByRole("switch", { name: "Short mode (for SMEs)" }).uncheck();
    const values = await page.evaluate((ids) => ids.map((id) => document.getElementById(`q-${id}-input`)?.value ?? null), Object.keys(submission.answers));
    const typed = Object.entries(submission.answers).filter(([, v], i) => values[i] !== null);
    assert.ok(typed.length > 50);
    for (const [id, value] of typed) {
      const shown = values[Object.keys(submission.answers).indexOf(id)];
      assert.ok(shown === String(value) || Number(shown) === value, `${id}: ${shown} for ${value}`);
    }
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("a saved entry that cannot be read is listed and kept, never overwritten; the page starts with the others", async () => {
  const { context, page } = await openPage(harness);
  try {
    const entries = storedAssessments([frontierSubmission(), { title: "Second", profile: {}, answers: {} }]);
    entries[recordKey("t0")] = "{ this is not JSON";
    entries[INDEX_KEY] = "also broken";
    await putStorage(page, entries);
    await gotoReady(page);
    assert.deepEqual(await names(page), ["Saved assessment that could not be read", "Second"]);
    assert.equal(await openName(page), "Second");
    assert.match(await textOf(page.locator("#storage-message")), /list of your assessments was damaged.*Some saved answers could not be read/);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), recordKey("t0")), "{ this is not JSON");
    assert.deepEqual((await index(page)).order, ["t0", "t1"], "the index is rebuilt from the entries");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as stored “Saved assessment that could not be read”" }).click()]);
    assert.equal(await readFile(await download.path(), "utf8"), "{ this is not JSON");
    await page.getByRole("button", { name: "Delete “Saved assessment that could not be read”" }).click();
    await eventually(async () => assert.deepEqual(await names(page), ["Second"]));
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), recordKey("t0")), null);
  } finally {
    await context.close();
  }
});

test("when storage refuses to save, the page says so and offers the answers as a file instead", async () => {
  const { context, page } = await openPage(harness);
  try {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await gotoReady(page);
    await page.getByLabel("Name of this assessment").fill("Unsaved model");
    await answerInScopeProfile(page);
    await radio(page, /Do you have a copyright policy that is up to date/, "Yes").check();
    const message = page.locator("#storage-message");
    assert.ok(await message.isVisible());
    assert.match(await textOf(message), /could not be saved in this browser.*export them to keep a copy/);
    const [download] = await Promise.all([page.waitForEvent("download"), message.getByRole("button", { name: "Export answers (JSON)" }).click()]);
    assert.match(download.suggestedFilename(), /^gpai-check-answers-unsaved-model-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await readFile(await download.path(), "utf8"));
    assert.equal(file.format, "gpai-check-answers");
    assert.equal(file.pack, pack.id);
    assert.equal(file.title, "Unsaved model");
    assert.deepEqual(file.answers, { c_policy_exists: "yes" });
    assert.equal(file.profile.significant_generality, "yes");

    // Storage switched off altogether (getItem throws too): the page still works, and says so.
    await page.addInitScript(() => {
      Storage.prototype.getItem = () => {
        throw new DOMException("denied", "SecurityError");
      };
    });
    await gotoReady(page);
    assert.match(await textOf(message), /does not let the page use local storage.*Export your answers/);
    // Without storage the page cannot read the layout this browser chose: it is guided again,
    // and the switch still works for the page's lifetime.
    assert.equal(await page.getByRole("switch", { name: "Everything on one page" }).isChecked(), false);
    await page.getByRole("switch", { name: "Everything on one page" }).check();
    await answerInScopeProfile(page);
    await radio(page, /Do you have a copyright policy that is up to date/, "Yes").check();
    assert.match(await textOf(page.locator("#measure-C-1_1 .measure-status")), /Met|Partly met|Unanswered/);
    await page.getByRole("button", { name: "New assessment" }).click();
    assert.deepEqual(await names(page), ["Untitled assessment", "Untitled assessment"]);
  } finally {
    await context.close();
  }
});
