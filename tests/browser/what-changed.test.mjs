// "What changed since your last check": an assessment last checked under pack 0.1.0 opens with
// the engine's comparison before anything else, until dismissed; <gpai-check> raises the same
// list as an event; the footer states the law the pack encodes.
// Run: node --test tests/browser/what-changed.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startHarness, openPage, gotoReady, textOf } from "./harness.mjs";
import { putStorage, pack, PACK_ID, INDEX_KEY, recordKey } from "./submissions.mjs";
import { whatChanged, reportSummary, evaluate } from "../../pkg/gpai_check.js";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const fixture = (name, what) => JSON.parse(readFileSync(new URL(`../fixtures/pack-0.1.0/${name}.${what}.json`, import.meta.url), "utf8"));
const CHECK_KEY = (id) => `gpai-check:v1:last-check:${id}`;

/** The frontier example as the page of pack 0.1.0 stored it, with `extra` entries beside it. */
function storedBy010(extra = {}) {
  const s = fixture("frontier-systemic-risk", "submission");
  const time = "2026-11-28T12:00:00.000Z";
  return {
    [INDEX_KEY]: JSON.stringify({ open: "old1", order: ["old1"] }),
    [recordKey("old1")]: JSON.stringify({ id: "old1", pack: PACK_ID, packVersion: "0.1.0", title: s.title, profile: s.profile, answers: s.answers, mode: "full", createdAt: time, updatedAt: time }),
    ...extra,
  };
}

/** What the page evaluates for that stored assessment: its answers, the removed ones included. */
function nowOfOldAnswers() {
  const { packVersion, ...submission } = fixture("frontier-systemic-risk", "submission");
  return evaluate(submission);
}

const panel = (page) => page.locator("#what-changed");

test("a 0.1.0 assessment with its last check kept opens with every result that moved and why, first", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const kept = reportSummary(fixture("frontier-systemic-risk", "report"));
    await putStorage(page, storedBy010({ [CHECK_KEY("old1")]: JSON.stringify(kept) }));
    await gotoReady(page);
    assert.ok(await panel(page).isVisible());
    const first = await page.evaluate(() => document.querySelector("#main > section:not([hidden])")?.id);
    assert.equal(first, "what-changed", "shown before anything else");

    const expected = whatChanged(kept, nowOfOldAnswers());
    assert.ok(expected.measures.length > 0);
    const moved = await panel(page).locator("h3:text('Results that moved') + ul > li").allTextContents();
    assert.equal(moved.length, expected.measures.length);
    const statusWord = { met: "Met", partial: "Partly met", "not-met": "Not met", unanswered: "Unanswered", "not-applicable": "Not applicable" };
    for (const [i, m] of expected.measures.entries()) {
      assert.ok(moved[i].startsWith(m.id), moved[i]);
      assert.ok(moved[i].includes(`was ${statusWord[m.before]}, now ${statusWord[m.after]}`), moved[i]);
      // Each cited change is a link to its reason, shown with its source.
      for (const id of m.causes.flatMap((c) => c.changes ?? [])) {
        const target = page.locator(`#change-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`);
        assert.equal(await target.count(), 1, id);
        const entry = pack.changelog[0].changes.find((c) => c.id === id);
        assert.ok((await textOf(target)).includes(entry.reason), id);
      }
    }
    // A new question links to itself on the page.
    const link = panel(page).getByRole("link", { name: /Have you notified the Commission under Art 52\(1\)/ });
    assert.equal(await link.getAttribute("href"), "#q-ss_art52_notified");
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("without a kept check, the changes that concern the assessment are shown until dismissed, then the check is kept", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await putStorage(page, storedBy010());
    await gotoReady(page);
    assert.ok(await panel(page).isVisible());
    const text = await textOf(panel(page));
    assert.match(text, /last checked with version 0\.1\.0 of the rule pack; the checker now uses version 0\.2\.0/);
    assert.match(text, /which results moved cannot be said/);
    for (const removed of ["t_mdf_6_4_details", "t_mdf_7_1_details", "ss_incident_intermediate_report_weeks"]) assert.ok(text.includes(removed), removed);

    await gotoReady(page);
    assert.ok(await panel(page).isVisible(), "still shown after a reload, until dismissed");
    await panel(page).getByRole("button", { name: "Dismiss" }).click();
    assert.equal(await panel(page).isVisible(), false);
    const kept = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), CHECK_KEY("old1"));
    assert.equal(kept.packVersion, pack.version, "the check made now is kept");
    assert.equal(kept.statusesKnown, true);
    await gotoReady(page);
    assert.equal(await panel(page).isVisible(), false, "gone for good");
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("a kept check the engine cannot read is replaced by the check made now, without a panel or an error", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await putStorage(page, storedBy010({ [CHECK_KEY("old1")]: JSON.stringify({ packId: PACK_ID, packVersion: "0.1.0", summaryVersion: 9 }) }));
    await gotoReady(page);
    assert.equal(await panel(page).isVisible(), false);
    const kept = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), CHECK_KEY("old1"));
    assert.deepEqual([kept.summaryVersion, kept.packVersion], [1, pack.version]);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("an assessment of this pack version shows nothing, and the check of the one left is kept", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await page.getByRole("button", { name: "New assessment" }).click();
    await page.keyboard.type("A new model");
    assert.equal(await panel(page).isVisible(), false);
    const ids = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).order, INDEX_KEY);
    assert.equal(ids.length, 2);
    // Opening the other one keeps the check of the one left.
    await page.locator("#assessment-list .assessment-name").first().click();
    const kept = await page.evaluate((keys) => keys.map((k) => localStorage.getItem(k) !== null), ids.map(CHECK_KEY));
    assert.deepEqual(kept, [true, true]);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("the footer states the law the pack encodes, and names what it does not encode yet", async () => {
  const { context, page } = await openPage(harness);
  try {
    const text = await textOf(page.locator("#pack-law"));
    assert.match(text, /Code of Practice.*10 July 2025/);
    assert.match(text, /C\(2025\) 5045 final, 18 July 2025/);
    assert.match(text, /Not encoded yet.*2026\/1744/s);
  } finally {
    await context.close();
  }
});

test("<gpai-check> given answers of pack 0.1.0 raises gpai-what-changed with the engine's list", async () => {
  const { context, page } = await openPage(harness);
  try {
    await page.goto(`${harness.origin}/www/embed.html`);
    const { packVersion, ...submission } = fixture("frontier-systemic-risk", "submission");
    const detail = await page.evaluate(async ({ submission, packVersion }) => {
      const el = document.querySelector("gpai-check");
      await el.ready;
      const got = new Promise((resolve) => el.addEventListener("gpai-what-changed", (e) => resolve(e.detail), { once: true }));
      el.answers = { profile: submission.profile, answers: submission.answers, title: submission.title, packVersion };
      return got;
    }, { submission, packVersion });
    const expected = whatChanged({ packId: PACK_ID, packVersion }, evaluate(submission));
    assert.deepEqual(detail, expected);
  } finally {
    await context.close();
  }
});
