// What the page must never do: run what a provider types (or what a file brings), or talk to
// the network after it has loaded. Run: node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startHarness, openPage, gotoReady, eventually, textOf, storedOpenAssessment } from "./harness.mjs";
import { pack, allQuestions, frontierSubmission, storedAssessments, putStorage } from "./submissions.mjs";
import { firstVisitFiles, idleTimeFiles } from "../../scripts/size-gate.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const PAYLOAD =
  `"><img src=x onerror="window.__xss=(window.__xss||0)+1"><script>window.__xss=(window.__xss||0)+1</script>` +
  `<a id="xss-link" href="javascript:window.__xss=1">link</a><svg onload="window.__xss=1"></svg>'-alert(1)-'`;

/** Records, from the first byte on, every element of a dangerous kind added after `window.__watch`. */
function watchForInjectedElements() {
  window.__injected = [];
  new MutationObserver((records) => {
    if (!window.__watch) return;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        for (const el of [node, ...node.querySelectorAll("*")]) {
          const tag = el.tagName.toLowerCase();
          const bad = ["img", "script", "iframe", "object", "embed", "svg", "math", "style", "link", "meta", "base", "form", "video", "audio"].includes(tag);
          const handler = [...el.attributes].some((a) => a.name.startsWith("on"));
          const jsLink = /^\s*javascript:/i.test(el.getAttribute("href") ?? "");
          if (bad || handler || jsLink) window.__injected.push(tag);
        }
      }
      if (record.type === "attributes" && (record.attributeName.startsWith("on") || /^\s*javascript:/i.test(record.target.getAttribute("href") ?? ""))) {
        window.__injected.push(`${record.target.tagName.toLowerCase()}[${record.attributeName}]`);
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

/**
 * Changes a submission so that the showIf of each of `questions` holds (the first branch of an
 * "any"), so that those questions are on screen. Conditions can exclude each other (one
 * question is asked only for open-source models, another only for the others): the test then
 * goes round again for what is left.
 */
function showQuestions(submission, questions) {
  const byId = new Map(allQuestions().map((q) => [q.id, q]));
  const satisfy = (c, negate = false) => {
    if (!c) return;
    for (const x of c.all ?? []) satisfy(x, negate);
    if (c.any) satisfy(c.any[0], negate);
    if (c.not) satisfy(c.not, !negate);
    if (c.profile) submission.profile[c.profile.input] = negate ? !c.profile.equals : c.profile.equals;
    // A modification that is itself a GPAI model: the fine-tuner example's figures decide it.
    if (c.profile?.input === "is_modification" && c.profile.equals === true && !negate) {
      Object.assign(submission.profile, { original_model_is_gpai: true, original_model_systemic_risk: false, original_training_compute_flop: 3e24, modification_compute_flop: 1.2e24, cumulative_training_compute_flop: 4.2e24 });
    }
    // The scope decisions a question waits on, by the profile answers that make them.
    if (c.scope === "legacyModel") submission.profile.placed_before_2025_08_02 = !negate;
    if (c.scope === "authorisedRepresentativeRequired") submission.profile.established_in_eu = negate;
    if (c.answer && negate) {
      // "not answered one of these": another of its options.
      const q = byId.get(c.answer.question);
      const implicit = { "yes-no": ["yes", "no"], "yes-partly-no": ["yes", "partly", "no"] }[q?.type] ?? [];
      const other = [...(q?.options ?? []).map((o) => o.id), ...implicit].find((id) => !c.answer.in.includes(id));
      if (other) submission.answers[c.answer.question] = other;
      satisfy(byId.get(c.answer.question)?.showIf);
    }
    if (c.answer && !negate) {
      const type = byId.get(c.answer.question)?.type;
      submission.answers[c.answer.question] = type === "multi-choice" ? [c.answer.in[0]] : c.answer.in[0];
      // The engine uses an answer only while its own question is asked: satisfy that too.
      satisfy(byId.get(c.answer.question)?.showIf);
    }
  };
  for (const q of questions) satisfy(q.showIf);
  return submission;
}

test("script in every free-text field (text and URL questions, the name, a rename, an imported file) never runs and never becomes markup", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  try {
    await page.addInitScript(watchForInjectedElements);
    const free = allQuestions().filter((q) => q.type === "text" || q.type === "url");
    const submission = frontierSubmission();
    // Stored answers hold the payload too: they are shown in traces, the list and the report.
    for (const q of free) submission.answers[q.id] = `${PAYLOAD} stored ${q.id}`;
    submission.title = `${PAYLOAD} stored title`;
    const nothingRan = async () => {
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.deepEqual(await page.evaluate(() => window.__injected), []);
    };

    // Typed into every text and URL question, in as many rounds as their conditions need.
    let left = free;
    let state = submission;
    let round = 0;
    let typed = 0;
    // Questions whose conditions exclude each other (the training-content summary written here or
    // checked) are typed into in later rounds; those that need another kind of provider (a
    // modification, a legacy model, one outside the EU) each in a round of its own, last.
    const special = (q) => /is_modification|legacyModel|authorisedRepresentativeRequired/.test(JSON.stringify(q.showIf ?? {}));
    for (; left.length && round < 8; round++) {
      const common = left.filter((q) => !special(q));
      const batch = common.length && round < 4 ? common : left.filter(special).slice(0, 1);
      await putStorage(page, storedAssessments([showQuestions(state, batch)]));
      await gotoReady(page);
      await page.evaluate(() => (window.__watch = true));
      const ids = left.map((q) => q.id);
      const onScreen = await page.evaluate((all) => all.filter((id) => document.getElementById(`q-${id}-input`)?.getClientRects().length > 0), ids);
      for (const id of onScreen) {
        const input = page.locator(`#q-${id}-input`);
        // Key by key into the first (each key is one evaluation), pasted into the rest.
        if (typed++ < 1) {
          await input.fill("");
          await input.pressSequentially(PAYLOAD, { delay: 0, timeout: 60000 });
        } else {
          await input.fill(`${PAYLOAD} typed ${id}`);
        }
      }
      await nothingRan();
      left = left.filter((q) => !onScreen.includes(q.id));
      state = await storedOpenAssessment(page);
    }
    assert.deepEqual(left.map((q) => q.id), [], `every free-text question was typed into (${round} rounds)`);
    assert.equal(typed, free.length);
    const baseline = await page.evaluate(() => document.querySelectorAll("script, img, iframe, object, embed, svg").length);

    // The number and quantity fields take text as typed, too.
    await page.getByLabel("Training compute of the model").fill(PAYLOAD);
    await page.locator("#q-t_mdf_7_2b-input").fill(PAYLOAD);
    await page.getByLabel("Name of this assessment").fill(`${PAYLOAD} typed title`);

    // A rename in the list.
    await page.getByRole("button", { name: /^Rename / }).first().click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type(`${PAYLOAD} renamed`);
    await page.keyboard.press("Enter");

    // An imported file: its name, its title, an unknown question id and its answer.
    const file = {
      format: "gpai-check-answers",
      formatVersion: 1,
      pack: pack.id,
      packVersion: "0.0.1",
      title: `${PAYLOAD} imported title`,
      profile: {},
      answers: { [`<img src=x onerror=window.__xss=7>`]: PAYLOAD, c_policy_document_ref: PAYLOAD },
    };
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import answers…" }).click()]);
    await chooser.setFiles({ name: `<img src=x onerror=window.__xss=8>.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
    await eventually(async () => assert.ok((await textOf(page.locator("#unmatched-list"))).includes("<img src=x onerror=window.__xss=7>")));
    assert.ok((await textOf(page.locator("#import-result"))).includes(`“<img src=x onerror=window.__xss=8>.json”`));
    // A bad file, whose name and contents also carry markup, for the error message.
    const [chooser2] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import answers…" }).click()]);
    await chooser2.setFiles({ name: `${PAYLOAD}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...file, format: PAYLOAD })) });
    await eventually(async () => assert.ok((await textOf(page.locator("#import-error"))).includes(`was not imported`)));

    // Every screen the text can reach: short mode, the print view, the other assessment.
    await page.getByRole("switch", { name: "Short mode (for SMEs)" }).check();
    await page.emulateMedia({ media: "print" });
    await page.emulateMedia({ media: "screen" });
    await page.getByRole("button", { name: /^Open .*renamed/ }).click();
    await page.locator("details.trace-box").first().evaluate((d) => (d.open = true));

    // The text is there, as text...
    assert.ok((await page.locator("#assessment-list").textContent()).includes(`${PAYLOAD} renamed`));
    assert.ok((await page.locator("#chapters").textContent()).includes(PAYLOAD), "answers appear in the traces as text");
    // ...and nothing ran or was made of it.
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(await page.evaluate(() => window.__injected), []);
    assert.equal(await page.evaluate(() => document.querySelectorAll("script, img, iframe, object, embed, svg").length), baseline);
    assert.equal(await page.locator("#xss-link").count(), 0);
    assert.equal(await page.evaluate(() => [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length), 0);
    assert.equal(await page.evaluate(() => document.querySelectorAll('a[href^="javascript:" i]').length), 0);

    // The downloads carry the text unchanged (they are data, for other tools to escape).
    const [md] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download report (Markdown)" }).click()]);
    assert.ok((await readFile(await md.path(), "utf8")).length > 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

/**
 * Page files, by path: the only requests the page may make, all while it loads and, for its second
 * module (the chunk of www/exports.js and the whole engine's wasm) and the examples, in idle time
 * just after. Its
 * JavaScript for the first screen is one file, the bundle of app.js and every module it imports
 * statically (the first-visit engine's included): a request for any other script would mean the
 * bundle is incomplete.
 */
const PAGE_FILES = [/^\/www\/$/, /^\/www\/app\.bundle\.js$/, /^\/www\/app\.chunk-exports-[\w-]+\.js$/, /^\/www\/style\.css$/, /^\/www\/favicon\.svg$/, /^\/www\/examples\/[a-z-]+\.json$/, /^\/www\/engine\/gpai_check_page_bg\.wasm$/, /^\/pkg\/gpai_check_bg\.wasm$/, /^\/pkg\/gpai-check\.html$/];

test("requests: only the page's own files, all while it loads or just after; after that nothing, even offline", async () => {
  const { context, page, consoleErrors } = await openPage(harness);
  // What the first load asks for in idle time is left to finish, so that the log holds the
  // reload's requests alone.
  await page.waitForSelector("main[data-exports=loaded]");
  await page.waitForLoadState("networkidle");
  const log = [];
  context.on("request", (r) => log.push({ url: r.url(), method: r.method() }));
  try {
    await gotoReady(page);
    // The second module and the examples arrive in idle time once the page is ready, not before.
    await page.waitForSelector("main[data-exports=loaded]");
    await page.waitForLoadState("networkidle");
    const loaded = log.length;
    const second = new Set(idleTimeFiles().map((f) => `/${f}`));
    const started = await page.evaluate(() => ({
      ready: performance.getEntriesByName("gpai-ready")[0].startTime,
      files: performance.getEntriesByType("resource").map((r) => [new URL(r.name).pathname, r.startTime]),
    }));
    for (const file of second) {
      const at = started.files.find(([path]) => path === file);
      assert.ok(at && at[1] >= started.ready, `${file} is asked for after the page is ready (${at?.[1]} ms against ${started.ready} ms)`);
    }
    for (const file of ["/www/app.bundle.js", "/www/engine/gpai_check_page_bg.wasm", "/pkg/gpai_check_bg.wasm", "/www/style.css", ...second]) {
      assert.equal(log.filter((r) => new URL(r.url).pathname === file).length, 1, `${file} is requested once`);
    }
    for (const { url, method } of log) {
      const u = new URL(url);
      assert.equal(u.origin, harness.origin, url);
      assert.ok(PAGE_FILES.some((p) => p.test(u.pathname)), `${u.pathname} is a page file`);
      assert.equal(method, u.pathname === "/pkg/gpai-check.html" ? "HEAD" : "GET", url);
      assert.equal(u.search, "", `${url}: no query: nothing the person typed goes with a request`);
    }
    const examples = JSON.parse(await readFile(new URL("../../www/examples/index.json", import.meta.url), "utf8"));
    for (const e of examples) assert.ok(log.some((r) => r.url.endsWith(`/www/examples/${e.file}`)), `${e.file} is fetched before going offline`);
    // The size gate counts exactly the files of a first visit: what the page asked for.
    const fetched = new Set(log.filter((r) => r.method === "GET").map((r) => new URL(r.url).pathname));
    const counted = new Set([...firstVisitFiles(), ...idleTimeFiles()].map((f) => `/${f}`.replace(/\/index\.html$/, "/")));
    assert.deepEqual([...fetched].sort(), [...counted].sort(), "scripts/size-gate.mjs counts the files the page loads");

    // Offline from here on: every feature must still work, and nothing may be asked for.
    await context.setOffline(true);
    for (const e of examples) {
      await page.getByLabel("Load an example").selectOption(e.file);
      await page.getByRole("button", { name: "Load example" }).click();
      await eventually(async () => assert.match(await textOf(page.locator("#scope-verdict")), /^In scope/));
    }
    await page.getByRole("group", { name: /copyright policy that is up to date/ }).getByRole("radio", { name: "No", exact: true }).check();
    await page.getByLabel("Training compute of the model").fill("3e25");
    await page.getByRole("switch", { name: "Short mode (for SMEs)" }).check();
    await page.getByRole("button", { name: "New assessment" }).click();
    await page.keyboard.type("Offline model");
    await page.getByRole("button", { name: "Duplicate “Offline model”" }).click();
    await page.getByRole("button", { name: /^Rename “Copy of Offline model”/ }).click();
    await page.keyboard.type("Renamed offline");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Delete “Renamed offline”" }).click();
    const [exported] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export answers (JSON)" }).click()]);
    const text = await readFile(await exported.path(), "utf8");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import answers…" }).click()]);
    await chooser.setFiles({ name: "offline.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await eventually(async () => assert.match(await textOf(page.locator("#import-result")), /open as a new assessment/));
    for (const name of ["Download report (JSON)", "Download report (Markdown)"]) {
      await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
    }
    await page.emulateMedia({ media: "print" });
    await page.emulateMedia({ media: "screen" });
    await page.locator("#cross-checks-passed-box > summary").click();
    await page.waitForTimeout(500);

    assert.deepEqual(log.slice(loaded), [], "no request after the page has loaded");
    assert.match(await textOf(page.locator("#summary")), /measures/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
