// The checker's page in a real browser (Debian's Chromium via playwright-core), checked the way
// a provider's engineer would use it. Run: node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { startHarness, openPage, gotoReady, eventually, textOf, storedOpenAssessment, radio, answerInScopeProfile } from "./harness.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

function measureStatus(page, measureId) {
  return page.locator(`#measure-${measureId.replace(/\./g, "_")} .measure-status`);
}

async function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? null);
}

const POLICY_EXISTS = /Do you have a copyright policy that is up to date/;
const SINGLE_DOCUMENT = /Is the policy set out in one single document/;
const DOCUMENT_REF = "Which document is it?";

test("the page loads from its own origin only, shows the engine and pack versions, and logs no errors", async () => {
  const { context, page, requests, consoleErrors } = await openPage(harness);
  try {
    assert.match(await textOf(page.locator("#engine-version")), /^\d+\.\d+\.\d+/);
    assert.match(await textOf(page.locator("#pack-title")), /Code of Practice/);
    assert.match(await textOf(page.locator("#pack-digest")), /^sha256:[0-9a-f]{64}$/);
    assert.match(await textOf(page.locator("#summary")), /measures/);

    assert.ok(requests.some((url) => url.endsWith("/pkg/gpai_check_bg.wasm")), "the engine's wasm was loaded");
    const foreign = requests.filter((url) => new URL(url).origin !== harness.origin);
    assert.deepEqual(foreign, [], "every request goes to the page's own origin");
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("an in-scope profile shows the obligations, and answering a question updates its measure without moving focus", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    assert.match(await textOf(page.locator("#scope-verdict")), /^Not decided yet/);
    // An empty form is undecided, never "not in scope": it says what to answer, by label, and
    // no obligation or chapter reads as not applying.
    const toDecide = await page.locator("#scope-decided-by a").allTextContents();
    assert.match(toDecide[0], /^Training compute of the model/);
    assert.ok(toDecide.some((t) => /placed \(or to be placed\) on the EU market/.test(t)), toDecide.join(" | "));
    assert.deepEqual([...new Set(await page.locator(".obligation .badge").allTextContents())], ["Not decided yet"]);
    assert.match(await textOf(page.locator("#chapter-T .chapter-verdict")), /^Not decided yet whether this chapter applies/);
    assert.match(await textOf(page.locator("#summary")), /^Scope not decided yet\./);
    await answerInScopeProfile(page);

    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    const copyright = page.locator("#obligation-art53_1c");
    assert.match(await textOf(copyright), /Art 53\(1\)\(c\)/);
    assert.equal(await textOf(copyright.locator(".badge")), "Applies");

    assert.equal(await textOf(measureStatus(page, "C-1.1")), "Unanswered");
    // "Partly" shows a known gap, so the measure leaves "Unanswered" at once.
    const partly = radio(page, POLICY_EXISTS, "Partly");
    await partly.focus();
    await page.keyboard.press("Space");
    assert.ok(await partly.isChecked());
    await eventually(async () => assert.equal(await textOf(measureStatus(page, "C-1.1")), "Partly met"));
    assert.equal(await focusedId(page), await partly.getAttribute("id"), "focus stays on the radio just answered");

    // A follow-up question appears; typing into it, key by key, keeps focus and every character.
    const documentRef = page.getByLabel(DOCUMENT_REF);
    assert.equal(await documentRef.isVisible(), false, "asked only once the single-document question is answered");
    await radio(page, SINGLE_DOCUMENT, "Yes").check();
    await documentRef.click();
    await page.keyboard.type("Copyright policy v2, 2026-01-15");
    assert.equal(await documentRef.inputValue(), "Copyright policy v2, 2026-01-15");
    assert.equal(await focusedId(page), await documentRef.getAttribute("id"));
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("numbers accept scientific notation; an invalid number shows an error under its field, is kept as typed, and is not used", async () => {
  const { context, page } = await openPage(harness);
  try {
    await answerInScopeProfile(page);
    const compute = page.getByLabel("Training compute of the model");
    const error = page.locator("#p-training_compute_flop-error");

    await compute.fill("2.4e25x");
    assert.ok(await error.isVisible());
    assert.match(await textOf(error), /Enter a number/);
    assert.equal(await compute.getAttribute("aria-invalid"), "true");
    assert.match(await compute.getAttribute("aria-describedby"), /p-training_compute_flop-error/);
    const stored = await storedOpenAssessment(page);
    assert.equal(stored.profile.training_compute_flop, "2.4e25x", "what was typed is kept");
    assert.match(await textOf(page.locator("#p-training_compute_flop-kept")), /What you typed is kept; the result counts this question as unanswered/);
    assert.match(await textOf(page.locator("#obligation-art55_1a .badge")), /^Not decided yet$/, "and not used");

    await compute.fill("2.4e25");
    assert.equal(await error.isVisible(), false);
    assert.equal(await compute.getAttribute("aria-invalid"), null);
    await eventually(async () => assert.match(await textOf(page.locator("#obligation-art55_1a .badge")), /^Applies$/));

    // A number the engine rejects (below the question's minimum) is a finding: shown at the
    // question and in the list of answers to check.
    // Addressed by id: the Safety and Security chapter asks a similar retention question.
    const retention = page.locator("#q-t_docs_retention_years-input");
    await retention.fill("-5");
    const finding = page.locator("#q-t_docs_retention_years-finding");
    await eventually(async () => assert.ok(await finding.isVisible()));
    assert.match(await textOf(finding), /at least 0/);
    assert.match(await retention.getAttribute("aria-describedby"), /q-t_docs_retention_years-finding/);
    const listed = page.locator("#findings-list li").filter({ hasText: "earlier versions of the documentation" });
    assert.match(await textOf(listed), /^Error/);
    await retention.fill("10");
    await eventually(async () => assert.equal(await finding.isVisible(), false));
    assert.equal(await page.locator("#findings").isVisible(), false);
  } finally {
    await context.close();
  }
});

test("the closed-non-eu example needs an authorised representative and fails the 14-day downstream target", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await page.getByLabel("Load an example").selectOption("closed-non-eu.json");
    await page.getByRole("button", { name: "Load example" }).click();

    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    const art54 = page.locator("#obligation-art54");
    assert.match(await textOf(art54), /authorised representative/);
    assert.equal(await textOf(art54.locator(".badge")), "Applies");

    const kpi = page.locator("#measure-T-1_2 .kpi").filter({ hasText: "T-1.2-R4-K1" });
    const kpiText = await textOf(kpi);
    assert.match(kpiText, /^Fail/);
    assert.match(kpiText, /21 days/);
    assert.match(kpiText, /at most 14 days/);

    // The report can be saved as JSON and as Markdown.
    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download report (JSON)" }).click()]);
    assert.match(jsonDownload.suggestedFilename(), /^gpai-check-.*\.json$/);
    const report = JSON.parse(await readFile(await jsonDownload.path(), "utf8"));
    assert.equal(report.title, "Non-EU provider, closed API model (legacy, signatory)");
    assert.match(report.digest, /^sha256:/);
    const [mdDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download report (Markdown)" }).click()]);
    assert.match(await readFile(await mdDownload.path(), "utf8"), /^# gpai-check report/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("answers survive a reload, including an answer to a question that is currently hidden", async () => {
  const { context, page } = await openPage(harness);
  try {
    await answerInScopeProfile(page);
    await radio(page, POLICY_EXISTS, "Partly").check();
    await radio(page, SINGLE_DOCUMENT, "Yes").check();
    await page.getByLabel(DOCUMENT_REF).fill("Copyright policy v3, 2026-03-01");
    // Hiding the follow-up question must not lose its answer.
    await radio(page, SINGLE_DOCUMENT, "No").check();
    assert.equal(await page.getByLabel(DOCUMENT_REF).isVisible(), false);
    const statusBefore = await textOf(measureStatus(page, "C-1.1"));
    assert.notEqual(statusBefore, "Unanswered");

    await gotoReady(page);
    assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/);
    assert.equal(await page.getByLabel("Does the model display significant generality").inputValue(), "yes");
    assert.ok(await radio(page, /organisation established in the EU/, "Yes").isChecked());
    assert.ok(await radio(page, POLICY_EXISTS, "Partly").isChecked());
    assert.ok(await radio(page, SINGLE_DOCUMENT, "No").isChecked());
    assert.equal(await textOf(measureStatus(page, "C-1.1")), statusBefore);

    await radio(page, SINGLE_DOCUMENT, "Yes").check();
    assert.equal(await page.getByLabel(DOCUMENT_REF).inputValue(), "Copyright policy v3, 2026-03-01");

    // Clear (after the confirm dialog, accepted by the harness) empties the page and the storage.
    await page.getByRole("button", { name: "Clear all answers" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^Not decided yet/));
    const stored = await storedOpenAssessment(page);
    assert.deepEqual([stored.profile, stored.answers], [{}, {}]);
  } finally {
    await context.close();
  }
});

test("text answers are shown as text, never run as markup", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const payload = `<img src=x onerror="window.__xss=1">`;
    await answerInScopeProfile(page);
    await page.getByLabel("Name of this assessment").fill(payload);
    await radio(page, SINGLE_DOCUMENT, "Yes").check();
    await page.getByLabel(DOCUMENT_REF).fill(payload);

    const trace = page.locator("#req-C-1_1-R2 .trace");
    await eventually(async () => assert.ok((await trace.textContent()).includes(payload), "the answer appears, as text, in the trace"));
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await page.locator("img").count(), 0);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("when the browser refuses storage, the page says so and keeps working", async () => {
  const { context, page } = await openPage(harness, {});
  try {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("quota", "QuotaExceededError");
      };
    });
    await gotoReady(page);
    await answerInScopeProfile(page);
    const message = page.locator("#storage-message");
    assert.ok(await message.isVisible());
    assert.match(await textOf(message), /could not be saved/);
    assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/);
  } finally {
    await context.close();
  }
});

test("axe-core finds no accessibility violations, before and after loading an example", async () => {
  // axe is injected as a script, which the page's CSP rightly forbids: this context bypasses it.
  const { context, page } = await openPage(harness, { bypassCSP: true });
  try {
    const axePath = fileURLToPath(import.meta.resolve("axe-core/axe.min.js"));
    await page.addScriptTag({ path: axePath });
    const audit = async () => {
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    };
    assert.deepEqual(await audit(), []);
    await page.getByLabel("Load an example").selectOption("fine-tuner.json");
    await page.getByRole("button", { name: "Load example" }).click();
    await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    assert.deepEqual(await audit(), []);
  } finally {
    await context.close();
  }
});
