// Issue #18 in <gpai-check>: the element is the page's check (www/check-controller.js), so the
// three people of guided.test.mjs walk it the same way, inside its shadow root, and see what they
// see on the page: the undecided state first, a verdict that matches the engine's, the same
// questions asked as on the page, one chapter at a time with the verdict in view while they
// answer mid-chapter, layout="all", 320 px, short mode under its one name, axe on each screen;
// and the element's own ways in and out: importAnswers() (a refused file changes nothing),
// shareLink() and importLink() (round trips, a link too long), and configure({ locales }) for a
// portal whose bundler does not copy the element's language files.
// Run: node --test tests/browser/element-guided.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { startHarness, openPage, eventually, textOf, AXE_PATH, violations, PEOPLE, shownFields, answerGuided, answerProfile } from "./harness.mjs";
import { scope, evaluate, readAnswers, limits } from "../../pkg/gpai_check.js";

const HOST = "gpai-check";
const example = (name) => readFileSync(new URL(`../../www/examples/${name}.json`, import.meta.url), "utf8");

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

/**
 * A portal's page with one <gpai-check `attributes`>, served at `path` (a plain page of the
 * test's own: no CSP, so axe can be added). `script` is module code run before the element starts
 * (configure()). Records requests and console errors; anything off the test origin is aborted.
 */
async function elementPage({ attributes = "", script = "", viewport = { width: 1280, height: 900 }, axe = false, path = "/www/portal-test.html", prepare = async (_context) => {} } = {}) {
  const context = await harness.browser.newContext({ viewport });
  const requests = [];
  const consoleErrors = [];
  context.on("request", (request) => requests.push(request.url()));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${harness.origin}/`) || url.startsWith("blob:") || url.startsWith("data:")) route.continue();
    else route.abort();
  });
  await context.route(`${harness.origin}${path}`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A portal</title>
<script type="module">import { configure } from "/www/gpai-check-element.js";\n${script}</script></head>
<body><main><h1>A compliance portal</h1><gpai-check ${attributes}></gpai-check></main></body></html>`,
    }),
  );
  await prepare(context);
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
  if (axe) await page.addInitScript({ path: AXE_PATH });
  await page.goto(`${harness.origin}${path}`);
  await page.waitForFunction(() => customElements.get("gpai-check"));
  await page.evaluate(() => document.querySelector("gpai-check").ready);
  return { context, page, host: page.locator(HOST), requests, consoleErrors };
}

const verdictOf = (inScope) => (inScope === true ? /^In scope/ : inScope === false ? /^Not in scope/ : /^Not decided yet/);
const places = (host) => host.getByRole("navigation", { name: "Parts of the check" });

for (const [person, facts] of Object.entries(PEOPLE)) {
  test(`${person}, in <gpai-check>: undecided first, then the engine's verdict, asked what the page asks`, async () => {
    const { context, page, host, consoleErrors } = await elementPage();
    try {
      assert.match(await textOf(host.locator("#summary")), /^Scope not decided yet/);
      assert.match(await textOf(host.locator("#scope-verdict")), /^Not decided yet/);
      const total = await host.locator("#profile-fields .field").count();
      const firstScreen = await shownFields(page, HOST);
      assert.ok(firstScreen.length < total / 2, `the first screen asks ${firstScreen.length} of ${total} profile questions`);

      const asked = await answerGuided(page, facts, HOST);
      const expected = scope(facts);
      assert.notEqual(expected.inScope, null, "the person's facts decide the scope");
      await eventually(async () => assert.match(await textOf(host.locator("#scope-verdict")), verdictOf(expected.inScope)));
      assert.match(await textOf(host.locator("#summary")), expected.inScope ? /^In scope\./ : /^Not in scope/);
      assert.ok(asked.length <= firstScreen.length + 3, `${asked.length} answers: about what the first screen asked`);
      console.log(`# ${person} in the element: ${asked.length} of ${total} questions (${asked.join(", ")})`);
      assert.match(await textOf(host.locator("#scope-next")), expected.inScope ? /^Next: the chapters? of the Code that apply to you: .*Transparency/ : /ask nothing of you/);

      // One app: the page asks this person the same questions, in the same order.
      const onPage = await openPage(harness, { layout: "guided" });
      try {
        assert.deepEqual(asked, await answerGuided(onPage.page, facts), "the page and the element ask the same questions");
      } finally {
        await onPage.context.close();
      }
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
  });
}

test("non-EU frontier lab, in <gpai-check>: one chapter at a time, the verdict in view mid-chapter, layout=\"all\"", async () => {
  const { context, page, host } = await elementPage();
  try {
    await answerGuided(page, PEOPLE["non-EU frontier lab"], HOST);
    await eventually(async () => assert.equal(await places(host).getByRole("link", { name: /^Your model/ }).getAttribute("aria-current"), "location"));
    assert.match(await textOf(places(host).getByRole("link", { name: /^Safety and Security/ })), /0 of \d+ answered/);

    await places(host).getByRole("link", { name: /^Safety and Security/ }).click();
    await eventually(async () => assert.equal(await host.locator("#chapter-SS").isVisible(), true));
    for (const other of ["#chapter-T", "#chapter-C", "#profile", "#cross-checks"]) assert.equal(await host.locator(other).isVisible(), false, `${other} is not on screen`);
    assert.equal(await page.evaluate(() => location.hash), "", "the portal's address is left alone");

    // A question in the middle of the chapter: answering it leaves the verdict in view, in the
    // bar pinned inside the element.
    const questions = host.locator("#chapter-SS .question:visible");
    const middle = questions.nth(Math.floor((await questions.count()) / 2));
    await middle.scrollIntoViewIfNeeded();
    const yes = middle.getByRole("radio", { name: "Yes", exact: true });
    assert.ok((await yes.count()) > 0, "the middle question has a Yes");
    await yes.first().check();
    assert.ok(await page.evaluate(() => window.scrollY) > 900, "the portal's page has scrolled down into the chapter");
    const bar = await host.locator(".status-bar").boundingBox();
    assert.ok(bar.y >= 0 && bar.y + bar.height <= page.viewportSize().height, `the status bar is in view (${Math.round(bar.y)} px from the top)`);
    assert.match(await textOf(host.locator("#summary")), /^In scope\./);
    assert.match(await textOf(host.locator("#status-deadline")), /^Fines by the Commission: possible (since|from) 2 August 2026/);
    await eventually(async () => assert.match(await textOf(places(host).getByRole("link", { name: /^Safety and Security/ })), /[1-9]\d* of \d+ answered/));

    // "Next" at the foot of the chapter leads on.
    await host.getByRole("navigation", { name: "Previous and next part" }).getByRole("link", { name: /^Next: / }).click();
    await eventually(async () => assert.equal(await host.locator("#chapter-SS").isVisible(), false));

    // layout="all": every part, one after the other; the attribute and the property agree.
    await host.evaluate((el) => (el.layout = "all"));
    assert.equal(await host.getAttribute("layout"), "all");
    for (const id of ["#chapter-T", "#chapter-C", "#chapter-SS", "#profile", "#cross-checks"]) assert.equal(await host.locator(id).isVisible(), true, `${id} shown`);
    assert.equal(await host.locator("#place-steps").isVisible(), false, "no Previous/Next on one page");
    await assert.rejects(host.evaluate((el) => (el.layout = "one")), /layout must be "guided" or "all"/);
  } finally {
    await context.close();
  }
});

test("<gpai-check> at 320 px: no sideways scroll, the bar stays small, the places fold behind one button", async () => {
  const { context, page, host } = await elementPage({ viewport: { width: 320, height: 640 } });
  try {
    await answerGuided(page, PEOPLE["EU SME fine-tuner"], HOST);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `no sideways scroll (${width} px)`);
    const bar = await host.locator(".status-bar").boundingBox();
    assert.ok(bar.height <= 640 / 3, `the status bar takes at most a third of the screen (${Math.round(bar.height)} px)`);
    const toggle = host.locator(".places-toggle");
    assert.match(await textOf(toggle), /^Your model .*· all parts$/);
    assert.equal(await places(host).getByRole("link", { name: /^Copyright/ }).isVisible(), false, "the places are folded");
    await toggle.click();
    await places(host).getByRole("link", { name: /^Copyright/ }).click();
    await eventually(async () => assert.equal(await host.locator("#chapter-C").isVisible(), true));
  } finally {
    await context.close();
  }
});

test("axe inside <gpai-check>: the guided profile, the decision, a chapter alone, the review, and 320 px", async () => {
  const { context, page, host } = await elementPage({ axe: true });
  try {
    assert.deepEqual(await violations(page, HOST), [], "the first screen");
    await answerGuided(page, PEOPLE["non-EU frontier lab"], HOST);
    assert.deepEqual(await violations(page, HOST), [], "the decided profile");
    await places(host).getByRole("link", { name: /^Copyright/ }).click();
    assert.deepEqual(await violations(page, HOST), [], "a chapter on its own");
    await places(host).getByRole("link", { name: /^Review/ }).click();
    assert.deepEqual(await violations(page, HOST), [], "the review");
    await page.setViewportSize({ width: 320, height: 640 });
    assert.deepEqual(await violations(page, HOST), [], "320 px");
  } finally {
    await context.close();
  }
});

test('short mode has one name: mode="short", and mode="sme" as before, leave out the same questions', async () => {
  const counts = {};
  for (const mode of ["short", "sme", "full"]) {
    const { context, host } = await elementPage({ attributes: `mode="${mode}" layout="all"` });
    try {
      await host.evaluate((el, profile) => (el.answers = { profile }), JSON.parse(example("fine-tuner")).profile);
      counts[mode] = await host.locator(".question:visible").count();
      if (mode === "full") assert.equal(await host.locator("#short-mode-info").isVisible(), false);
      else assert.match(await textOf(host.locator("#short-mode-info")), /^Short mode is on: it leaves out /);
    } finally {
      await context.close();
    }
  }
  assert.equal(counts.sme, counts.short);
  assert.ok(counts.short < counts.full, `short mode asks ${counts.short} questions, full ${counts.full}`);
});

test("importAnswers(): an answers file goes in through the engine's reader; a refused one changes nothing and names the field", async () => {
  const { context, host, consoleErrors } = await elementPage();
  try {
    const file = example("frontier-systemic-risk");
    const result = await host.evaluate((el, text) => el.importAnswers(text), file);
    const read = readAnswers(file);
    const expected = evaluate({ ...read, profile: { ...read.profile, ...(read.assessmentDate ? { assessment_date: read.assessmentDate } : {}) } });
    const report = await host.evaluate((el) => el.report);
    assert.deepEqual(
      report.chapters.flatMap((c) => c.measures.map((m) => [m.id, m.status])),
      expected.chapters.flatMap((c) => c.measures.map((m) => [m.id, m.status])),
      "every measure's status is what evaluate gives for the file",
    );
    assert.deepEqual(result.unmatched, []);
    assert.equal(await host.getByLabel("Name of this assessment").inputValue(), read.title);
    await eventually(async () => assert.match(await textOf(host.locator("#summary")), /^In scope\./));

    const before = await host.evaluate((el) => ({ answers: el.answers, digest: el.report.digest }));
    const refusals = {
      "a negative compute": JSON.stringify({ ...JSON.parse(file), profile: { ...JSON.parse(file).profile, training_compute_flop: -5 } }),
      "no answers file at all": "[1, 2, 3]",
      "another pack": JSON.stringify({ ...JSON.parse(file), pack: "another-pack" }),
    };
    const errors = {};
    for (const [what, text] of Object.entries(refusals)) {
      errors[what] = await host.evaluate((el, text) => el.importAnswers(text).then(() => null, (e) => ({ name: e.name, message: e.message, path: e.path ?? null })), text);
      assert.ok(errors[what], `${what} is refused`);
      assert.deepEqual(await host.evaluate((el) => ({ answers: el.answers, digest: el.report.digest })), before, `${what}: the answers and the report are as they were`);
    }
    assert.match(errors["a negative compute"].message, /training_compute_flop/, "the refusal names the field");
    assert.equal(errors["no answers file at all"].name, "GpaiInputError");
    assert.match(errors["another pack"].message, /another-pack/);
    assert.equal(errors["another pack"].path, "pack");
    await assert.rejects(host.evaluate((el) => el.importAnswers(new Map())), /importAnswers: the file must be/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test("shareLink() and importLink(): the answers travel in the link, to another element and to the page; a link too long is refused", async () => {
  const { context, page, host } = await elementPage();
  try {
    await host.evaluate((el, text) => el.importAnswers(text), example("fine-tuner"));
    const held = await host.evaluate((el) => el.answers);
    const link = await host.evaluate((el, base) => el.shareLink({ base }), `${harness.origin}/www/`);
    assert.ok(link.startsWith(`${harness.origin}/www/#answers=`), link.slice(0, 80));
    assert.equal(await page.evaluate(() => location.hash), "", "making a link leaves the portal's address alone");

    // Back into an element that was reset: the same answers.
    await host.evaluate((el) => el.reset());
    assert.deepEqual((await host.evaluate((el) => el.answers)).answers, {});
    await host.evaluate((el, link) => el.importLink(link), link);
    assert.deepEqual(await host.evaluate((el) => el.answers), held);
    assert.equal(await host.evaluate((el, link) => el.importLink(link.split("#")[0]), link), null, "a link without answers opens nothing");
    await assert.rejects(host.evaluate((el, link) => el.importLink(`${link.slice(0, -40)}!!`), link));
    assert.deepEqual(await host.evaluate((el) => el.answers), held, "a broken link changes nothing");

    // The page opens the element's link as a new assessment.
    const onPage = await context.newPage();
    await onPage.goto(link);
    await onPage.waitForSelector("main[data-state=ready]", { timeout: 15000 });
    await eventually(async () => assert.equal(await onPage.getByLabel("Name of this assessment").inputValue(), held.title));

    // Answers too long for a link: refused, pointing to the file.
    const { maxTextChars } = limits();
    const long = randomBytes(Math.min(maxTextChars, 12000) * 0.75).toString("base64");
    await host.evaluate((el, [held, long]) => (el.answers = { ...held, answers: { ...held.answers, t_mdf_0_2: long } }), [held, long]);
    const refusal = await host.evaluate((el) => el.shareLink().then(() => null, (e) => ({ code: e.code, message: e.message })));
    assert.equal(refusal?.code, "too_long");
    assert.match(refusal.message, /too many for a link .*answersFile\(\)/);
    assert.equal((await host.evaluate((el) => el.answersFile())).answers.t_mdf_0_2, long, "the file export has them all");
  } finally {
    await context.close();
  }
});

test("configure({ locales }): a bundled portal hands the element its language files, as a URL or as the loaded file", async () => {
  const de = readFileSync(new URL("../../www/locales/de.json", import.meta.url), "utf8");
  const fr = readFileSync(new URL("../../www/locales/fr.json", import.meta.url), "utf8");
  for (const [code, given, chapter] of [
    ["de", `"/assets/de-3f2a.json"`, "Urheberrecht"],
    ["fr", fr, "Droit d’auteur"],
  ]) {
    // The bundler did not copy locales/ beside the element: nothing is there to fetch.
    const prepare = async (context) => {
      await context.route("**/www/locales/**", (route) => route.fulfill({ status: 404, body: "" }));
      await context.route("**/assets/de-3f2a.json", (route) => route.fulfill({ contentType: "application/json", body: de }));
    };
    const { context, host, requests, consoleErrors } = await elementPage({ attributes: `lang="${code}"`, script: `configure({ locales: { ${code}: ${given} } });`, path: `/www/portal-${code}.html`, prepare });
    try {
      assert.equal(await host.evaluate((el) => el.shadowRoot.querySelector(".gpai-root").lang), code);
      // The nav's own name is in the language too ("Teile der Prüfung"): found by its class.
      await eventually(async () => assert.match(await textOf(host.locator("nav.places-nav")), new RegExp(chapter)));
      assert.deepEqual(requests.filter((url) => url.includes("/www/locales/")), [], "nothing is fetched from beside the element");
      if (code === "de") assert.ok(requests.some((url) => url.endsWith("/assets/de-3f2a.json")), "the configured file is fetched");
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
  }

  // What is not a language file is refused at once, naming the language.
  const { context, page } = await elementPage();
  try {
    const refusals = await page.evaluate(async () => {
      const { configure } = await import("/www/gpai-check-element.js");
      const tryIt = (locales) => {
        try {
          configure({ locales });
          return null;
        } catch (error) {
          return `${error.name}: ${error.message}`;
        }
      };
      return [tryIt({ xx: "/x.json" }), tryIt({ de: { language: "fr", status: "x" } }), tryIt({ fr: 42 }), tryIt("de")];
    });
    assert.match(refusals[0], /^TypeError: configure: locales\.xx: no such language/);
    assert.match(refusals[1], /^TypeError: configure: locales\.de is not the de locale file/);
    assert.match(refusals[2], /^TypeError: configure: locales\.fr must be a URL or the loaded locale file/);
    assert.match(refusals[3], /^TypeError: configure: locales must be an object/);
  } finally {
    await context.close();
  }
});
