// The whole flow for the example profiles, from loading to the printed report; the short mode
// for SMEs; keyboard use and reflow at 200% and 400% zoom. Screenshots of the main screens go
// to $SCREENSHOTS (default /tmp/gpai-check-screens). Run: node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { evaluate } from "../../pkg/gpai_check.js";
import { useMessages, explanationText } from "../../www/messages.js";
import { startHarness, openPage, gotoReady, eventually, textOf, storedOpenAssessment, radio } from "./harness.mjs";
import { pack, form, frontierSubmission, storedAssessments, putStorage } from "./submissions.mjs";

const SCREENSHOTS = process.env.SCREENSHOTS ?? "/tmp/gpai-check-screens";

let harness;
before(async () => {
  harness = await startHarness();
  await mkdir(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await harness?.close();
});

async function loadExample(page, file) {
  await page.getByLabel("Load an example").selectOption(file);
  await page.getByRole("button", { name: "Load example" }).click();
  await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
}

async function fact(page, term) {
  return textOf(page.locator("#scope-result .facts div").filter({ has: page.locator("dt", { hasText: term }) }).locator("dd"));
}

async function chapterApplies(page, id) {
  const chapter = page.locator(`#chapter-${id}`);
  const body = await chapter.locator(".chapter-body").isVisible();
  const notApplicable = await chapter.locator(".chapter-not-applicable").isVisible();
  assert.notEqual(body, notApplicable, `chapter ${id} shows either its body or why it does not apply`);
  return body;
}

/** What each example must give: the scope decision and which chapters apply. */
const EXAMPLES = [
  {
    file: "sme-open-weights.json",
    facts: { "Open-source exemption": "Applies", "Systemic risk": "No", "Authorised representative in the EU": "Not required" },
    obligations: { art53_1a: "Does not apply", art53_1c: "Applies", art53_1d: "Applies", art55_1a: "Does not apply" },
    chapters: { T: false, C: true, SS: false, TS: true },
    sme: true,
  },
  {
    file: "closed-non-eu.json",
    facts: { "Open-source exemption": "Does not apply", "Authorised representative in the EU": "Required", "On the EU market before 2 August 2025": "Yes" },
    obligations: { art53_1a: "Applies", art54: "Applies", art55_1a: "Does not apply" },
    chapters: { T: true, C: true, SS: false, TS: true },
    form: true,
    kpi: { measure: "T-1_2", id: "T-1.2-R4-K1", text: /^Fail/ },
  },
  {
    file: "fine-tuner.json",
    facts: { "Duties limited to your modification": "Yes", "You are its provider": "Yes", "Open-source exemption": "Does not apply" },
    obligations: { art53_1a: "Applies", art53_1c: "Applies", art54: "Does not apply" },
    chapters: { T: true, C: true, SS: false, TS: true },
  },
];

for (const example of EXAMPLES) {
  test(`${example.file}: scope verdict, chapters, then a printed report with the digests`, async () => {
    const { context, page, consoleErrors } = await openPage(harness);
    try {
      await page.addInitScript(() => {
        window.__printed = 0;
        window.print = () => (window.__printed += 1);
      });
      await gotoReady(page);
      await loadExample(page, example.file);
      for (const [term, value] of Object.entries(example.facts)) assert.equal(await fact(page, term), value, term);
      for (const [id, badge] of Object.entries(example.obligations)) assert.equal(await textOf(page.locator(`#obligation-${id} .badge`)), badge, id);
      for (const [id, applies] of Object.entries(example.chapters)) assert.equal(await chapterApplies(page, id), applies, `chapter ${id}`);
      if (example.sme) assert.match(await fact(page, "Systemic risk"), /^No/);
      await page.screenshot({ path: join(SCREENSHOTS, `screen-${example.file.replace(".json", "")}.png`) });

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download report (JSON)" }).click()]);
      const report = JSON.parse(await readFile(await download.path(), "utf8"));
      assert.match(report.digest, /^sha256:[0-9a-f]{64}$/);

      await page.getByRole("button", { name: "Print report" }).click();
      assert.equal(await page.evaluate(() => window.__printed), 1, "Print report opens the browser's print dialog");
      await page.emulateMedia({ media: "print" });
      const header = page.locator("#print-header");
      assert.ok(await header.isVisible(), "the printed report starts with its details");
      assert.equal(await textOf(header.locator(".print-title")), `gpai-check report: ${report.title}`);
      const details = Object.fromEntries(
        await header.locator(".versions > div").evaluateAll((rows) => rows.map((r) => [r.querySelector("dt").textContent, r.querySelector("dd").textContent])),
      );
      assert.deepEqual(details, {
        "Assessment date": "28 November 2026",
        "Rule pack": `${pack.id} version ${pack.version}`,
        "Engine version": report.engineVersion,
        "Pack digest": pack.digest,
        "Report digest": report.digest,
      });
      assert.equal(report.packDigest, pack.digest);
      // The footer says the same at the end.
      assert.equal(await textOf(page.locator("#report-digest")), report.digest);
      assert.ok(await page.locator(".site-footer").isVisible());

      // No inputs or tools on paper; statuses, explanations, KPIs, the Form and the checks are there.
      const controls = await page.evaluate(() =>
        [...document.querySelectorAll("input, select, textarea, button")].filter((el) => el.getClientRects().length > 0).map((el) => el.id || el.outerHTML.slice(0, 60)),
      );
      assert.deepEqual(controls, []);
      for (const selector of [".toolbar", "#assessments", "#profile", ".mode-switch", "details.why"]) {
        assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is not printed`);
      }
      assert.ok(await page.locator("#summary").isVisible());
      assert.ok(await page.locator("#scope-verdict").isVisible());
      const applicable = report.chapters.filter((c) => c.applicable).flatMap((c) => c.measures);
      assert.equal(await page.locator(".measure-status:visible").count(), applicable.length, "every measure of the chapters that apply shows its status");
      const first = applicable[0];
      // The report carries the explanation as a code; the page shows the catalogue's words for it.
      useMessages(JSON.parse(await readFile(new URL("../../src/messages/en.json", import.meta.url), "utf8")));
      const words = explanationText(first.explanation);
      assert.match(words, /^(Met|Partly met|Not met|Not answered yet|No requirement)/);
      assert.equal(await textOf(page.locator(`#measure-${first.id.replace(/\./g, "_")} .explanation`)), words);
      assert.ok(await page.locator("#cross-checks-counts").isVisible());
      if (example.form) {
        assert.ok(await page.locator("#form-MDF .form-recipients").isVisible(), "Form completeness per recipient");
        assert.match(await textOf(page.locator("#form-MDF .form-total")), /of 47 fields answered/);
      }
      if (example.kpi) {
        const kpi = page.locator(`#measure-${example.kpi.measure} .kpi`).filter({ hasText: example.kpi.id });
        assert.ok(await kpi.isVisible());
        assert.match(await textOf(kpi), example.kpi.text);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `print-${example.file.replace(".json", "")}.png`) });
      await page.screenshot({ path: join(SCREENSHOTS, `print-${example.file.replace(".json", "")}-full.png`), fullPage: true });
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      assert.ok(pdf.length > 10000, "Chromium makes a PDF of the print view");
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
  });
}

const aiOfficeOnly = form.fields.filter((f) => f.recipients.length === 1 && f.recipients[0] === "AIO").map((f) => f.question);

/** Ids of the Code's questions on screen (in chapters that apply). */
function visibleQuestions(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("#chapters .question")].filter((q) => q.getClientRects().length > 0).map((q) => q.id.replace(/^q-/, "")),
  );
}

test("short mode asks only what the result needs, leaves out the AI Office's detail fields, shows the SME simplifications, and loses no answer", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await page.getByLabel("Name of this assessment").fill("SME model");
    await page.getByLabel("Does the model display significant generality").selectOption("yes");
    await radio(page, /placed \(or to be placed\) on the EU market/, "Yes").check();
    await radio(page, /organisation established in the EU/, "Yes").check();
    await radio(page, /Are you an SME/, "Yes").check();
    await radio(page, /Do you have a copyright policy that is up to date/, "Partly").check();
    await page.locator("#q-t_mdf_2_7a-input").fill("7.3e10"); // an AI-Office-only field, answered
    // A question that decides nothing (an encouraged item), answered: short mode keeps it.
    const optional = await page.evaluate(() => {
      const q = [...document.querySelectorAll("#chapter-C fieldset.question")].find((f) => f.getClientRects().length > 0 && /published a summary/i.test(f.textContent));
      return q?.id ?? null;
    });
    assert.ok(optional, "the Copyright chapter asks whether the policy's summary is published");
    await page.locator(`#${optional}`).getByRole("radio", { name: "Yes", exact: true }).check();
    const full = await visibleQuestions(page);
    const answersBefore = (await storedOpenAssessment(page)).answers;

    // On by keyboard: the switch is a labelled checkbox with role switch.
    const toggle = page.getByRole("switch", { name: "Short mode (for SMEs)" });
    await toggle.focus();
    await page.keyboard.press("Space");
    assert.ok(await toggle.isChecked());
    const short = await visibleQuestions(page);
    assert.ok(short.length < full.length, `${short.length} questions in short mode, ${full.length} in full`);

    // Exactly the questions the evaluation lists as needed, plus those answered.
    const state = await storedOpenAssessment(page);
    assert.equal(state.mode, "short");
    assert.ok(short.includes(optional.replace(/^q-/, "")), "an answered question stays");
    const report = evaluate({ pack: pack.id, packVersion: pack.version, title: state.title, profile: state.profile, answers: state.answers });
    const needed = new Set(report.missing.map((m) => m.questionId));
    for (const id of short) assert.ok(id in state.answers || (needed.has(id) && !aiOfficeOnly.includes(id)), `${id} is asked in short mode`);
    const applicableIds = new Set(report.chapters.filter((c) => c.applicable).flatMap((c) => c.measures.map((m) => m.id)));
    for (const id of needed) {
      const question = pack.chapters.flatMap((c) => c.commitments.flatMap((cm) => cm.measures.filter((m) => applicableIds.has(m.id)).flatMap((m) => m.questions))).find((q) => q.id === id);
      if (question && !aiOfficeOnly.includes(id) && full.includes(id)) assert.ok(short.includes(id), `${id} is needed, so it is asked`);
    }
    // The AI Office's detail fields: left out unless answered, and said so at the Form's measure.
    for (const id of aiOfficeOnly) assert.equal(short.includes(id), id in state.answers, id);
    assert.match(await textOf(page.locator("#measure-T-1_1 .short-note")), new RegExp(`${aiOfficeOnly.length - 1} Form fields? for the AI Office only`));
    assert.match(await textOf(page.locator("#measure-T-1_1 .still-to-answer")), /\(left out in short mode\)/);
    const info = page.locator("#short-mode-info");
    assert.match(await textOf(info), /^Short mode is on: it leaves out \d+ questions? that (is|are) not needed for the result and \d+ Form fields? for the AI Office only/);
    assert.match(await textOf(info), /Your profile says your organisation is an SME.*Safety and Security/);
    assert.equal(await page.evaluate(() => document.activeElement.id), "short-mode", "focus stays on the switch");
    await page.screenshot({ path: join(SCREENSHOTS, "sme-short-mode.png") });

    // Typing into a question in short mode keeps it (and focus) while it is answered.
    const firstText = page.locator("#chapters textarea:visible").first();
    const textId = await firstText.getAttribute("id");
    await firstText.click();
    await page.keyboard.type("Our policy, v1");
    assert.equal(await page.evaluate(() => document.activeElement.id), textId);
    assert.equal(await firstText.inputValue(), "Our policy, v1");

    // Back to the full path: every question and every answer is there.
    await toggle.uncheck();
    const after = await visibleQuestions(page);
    assert.deepEqual(after.filter((id) => !full.includes(id)), [], "no question appears that the full path did not show");
    assert.equal(await page.locator("#short-mode-info").isVisible(), false);
    const answersAfter = (await storedOpenAssessment(page)).answers;
    assert.deepEqual(Object.keys(answersAfter).filter((k) => !(k in answersBefore)), [textId.replace(/^q-/, "").replace(/-input$/, "")]);
    for (const [id, value] of Object.entries(answersBefore)) assert.deepEqual(answersAfter[id], value, id);
    assert.equal(await page.locator("#q-t_mdf_2_7a-input").inputValue(), "7.3e10");

    // The mode belongs to the assessment and survives a reload.
    await toggle.check();
    const shortAgain = await visibleQuestions(page);
    await page.getByRole("button", { name: "New assessment" }).click();
    assert.equal(await toggle.isChecked(), false, "a new assessment starts on the full path");
    await page.getByRole("button", { name: "Open “SME model”" }).click();
    assert.ok(await toggle.isChecked());
    await gotoReady(page);
    assert.ok(await toggle.isChecked());
    assert.deepEqual(await visibleQuestions(page), shortAgain);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("short mode for an SME with systemic risk lists the Code's simplifications, linked to the chapter", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    const submission = frontierSubmission();
    submission.profile.is_sme = true;
    submission.mode = "short";
    await putStorage(page, storedAssessments([submission]));
    await gotoReady(page);
    const info = page.locator("#short-mode-info");
    assert.ok(await info.isVisible());
    const simplifications = pack.chapters.flatMap((c) => c.simplifications ?? []);
    assert.ok(simplifications.length > 0);
    const links = await info.locator("li a").evaluateAll((els) => els.map((a) => [a.textContent, a.getAttribute("href")]));
    assert.deepEqual(links, simplifications.map((s) => [s.id, `#simplification-${s.id}`]));
    for (const s of simplifications) assert.ok(await page.locator(`#simplification-${s.id}`).isVisible(), `${s.id} is shown at its chapter`);
    // Every question is answered here, so short mode shows them all.
    assert.match(await textOf(info), /^Short mode is on: every question the result needs is asked\./);
    await info.screenshot({ path: join(SCREENSHOTS, "sme-simplifications.png") });
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("keyboard: every control reached by Tab shows a visible focus indicator", async () => {
  const { context, page } = await openPage(harness);
  try {
    await loadExample(page, "closed-non-eu.json");
    await page.getByRole("button", { name: "New assessment" }).click();
    await page.getByRole("button", { name: /^Open “Non-EU provider/ }).click();
    await page.locator("body").focus();
    await page.evaluate(() => window.scrollTo(0, 0));
    const seen = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {
          what: `${el.tagName.toLowerCase()}#${el.id} ${el.textContent.trim().slice(0, 30)}`,
          outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
          focusVisible: el.matches(":focus-visible"),
        };
      });
      seen.push(info);
    }
    const without = seen.filter((s) => !s.outline || !s.focusVisible).map((s) => s.what);
    assert.deepEqual(without, [], "every focused control has a visible outline");
    const reached = seen.map((s) => s.what).join(" ");
    for (const name of ["Rename", "Duplicate", "Delete", "New assessment", "Import answers", "Print report", "Export answers", "short-mode", "assessment-title"]) {
      assert.ok(reached.includes(name), `${name} is reached by Tab`);
    }
  } finally {
    await context.close();
  }
});

test("zoom to 200% and 400% (640 and 320 CSS pixels wide): nothing needs scrolling sideways", async () => {
  const { context, page } = await openPage(harness);
  try {
    await loadExample(page, "closed-non-eu.json");
    await page.getByRole("button", { name: "New assessment" }).click();
    await page.getByRole("button", { name: /^Rename “Untitled/ }).click();
    await page.getByRole("switch", { name: "Short mode (for SMEs)" }).check();
    for (const width of [640, 320]) {
      await page.setViewportSize({ width, height: 800 });
      const overflow = await page.evaluate(() => {
        const limit = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll("body *")].filter((el) => {
          const r = el.getBoundingClientRect();
          return el.getClientRects().length > 0 && r.right > limit + 1 && !el.closest(".visually-hidden");
        });
        return { scroll: document.documentElement.scrollWidth - limit, wide: wide.slice(0, 5).map((el) => `${el.tagName}.${el.className}#${el.id}`) };
      });
      assert.deepEqual(overflow, { scroll: 0, wide: [] }, `at ${width}px`);
      await page.screenshot({ path: join(SCREENSHOTS, `reflow-${width}.png`) });
    }
  } finally {
    await context.close();
  }
});
