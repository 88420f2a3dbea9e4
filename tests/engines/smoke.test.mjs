// The checker's smoke in three browser engines through plain WebDriver (tests/engines/drivers.mjs):
// Chromium, Firefox and WebKit (Safari's engine). In each: the page, the <gpai-check> element in
// a portal page, and the one-file checker opened from disk; each is opened, answered, loaded
// with an example and exported, as a person would. The deep behaviour is tested in Chromium
// (tests/browser/); this proves that the same files work in the other two engines.
// Run: node --test tests/engines/   (ENGINES=firefox to run one engine)
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { By } from "selenium-webdriver";
import { startServer } from "../../scripts/serve.mjs";
import { buildSingleFile } from "../../scripts/single-file.mjs";
import { eventually as retry } from "../browser/harness.mjs";
import { ENGINES, openDriver } from "./drivers.mjs";

const EXAMPLE = "closed-non-eu.json";
const example = JSON.parse(readFileSync(new URL(`../../www/examples/${EXAMPLE}`, import.meta.url), "utf8"));
const engines = process.env.ENGINES ? process.env.ENGINES.split(",") : ENGINES;

let server;
let origin;
let dir;
let singleFile;

before(async () => {
  server = await startServer(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  dir = mkdtempSync(join(tmpdir(), "gpai-check-engines-"));
  singleFile = pathToFileURL(buildSingleFile({ out: join(dir, "gpai-check.html") }).out).href;
});

after(async () => {
  if (server) await new Promise((done) => server.close(done));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Retries `check` for up to 15 s: engines under load take their time. */
const eventually = (check, ms = 15000) => retry(check, ms);

/**
 * Where the checker lives in the document: the page itself, or the element's shadow root. `find`
 * resolves a CSS selector to a WebElement there; `text` reads an element's text.
 */
function scopeOf(driver, inElement) {
  const root = inElement ? 'document.querySelector("gpai-check").shadowRoot' : "document";
  return {
    async find(css) {
      const element = await driver.executeScript(`return ${root}.querySelector(arguments[0]);`, css);
      assert.ok(element, `${css} is on the page`);
      return element;
    },
    text: (css) => driver.executeScript(`return ${root}.querySelector(arguments[0])?.textContent.trim() ?? null;`, css),
    async click(css) {
      // In the middle of the window: the page's status bar stays at the top, and a driver that
      // scrolls the target to the very top would click the bar instead.
      const element = await this.find(css);
      await driver.executeScript('arguments[0].scrollIntoView({ block: "center" });', element);
      await element.click();
    },
    /** The place a link leads to, when the checker shows one place at a time (the page's guided layout). */
    async goTo(place) {
      const link = await driver.executeScript(`return ${root}.querySelector('#places-nav a[data-place-link="' + arguments[0] + '"]');`, place);
      if (link) await this.click(`#places-nav a[data-place-link="${place}"]`);
    },
  };
}

/**
 * Files saved by the checker are kept in the page instead of going to the browser's downloads
 * (which each driver handles differently): the Blob behind each temporary download link.
 */
async function keepDownloads(driver) {
  await driver.executeScript(`
    window.kept = [];
    const blobs = new Map();
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => { const url = create.call(URL, blob); blobs.set(url, blob); return url; };
    HTMLAnchorElement.prototype.click = function () {
      const blob = blobs.get(this.href);
      if (blob) blob.text().then((text) => window.kept.push({ name: this.download, text }));
    };
  `);
}

async function keptFile(driver) {
  return eventually(async () => {
    const [file] = await driver.executeScript("return window.kept;");
    assert.ok(file, "a file was saved");
    return { name: file.name, value: JSON.parse(file.text) };
  });
}

/** The profile answers of a model in scope, then a copyright answer: the scope and a status follow. */
async function answer(scope) {
  await scope.click("#p-significant_generality option[value=yes]");
  await scope.click("#p-placed_on_eu_market-yes");
  await scope.click("#p-established_in_eu-yes");
  await eventually(async () => assert.match(await scope.text("#scope-verdict"), /^In scope/));
  // The page's guided layout shows one chapter at a time: go to Copyright, as a person would.
  await scope.goTo("C");
  await scope.click("#q-c_policy_exists-o-partly");
  await eventually(async () => assert.equal(await scope.text("#measure-C-1_1 .measure-status"), "Partly met"));
}

/** The page's (or the one file's) example picker: the example's obligations show. */
async function loadExample(driver, scope) {
  await eventually(async () => assert.equal(await (await scope.find("#example-select")).isEnabled(), true));
  await scope.click(`#example-select option[value="${EXAMPLE}"]`);
  await eventually(async () => assert.equal(await (await scope.find("#example-load")).isEnabled(), true));
  await scope.click("#example-load");
  await eventually(async () => assert.equal(await scope.text("#obligation-art54 .badge"), "Applies"));
  assert.equal(await driver.findElement(By.css("#assessment-list")).isDisplayed(), true);
}

/** Every resource the document loaded came from `base` (the server's origin, or the file itself). */
async function assertOwnFiles(driver, base) {
  const loaded = await driver.executeScript('return performance.getEntriesByType("resource").map((e) => e.name);');
  assert.deepEqual(loaded.filter((url) => !url.startsWith(base) && !url.startsWith("blob:") && !url.startsWith("data:")), []);
}

/**
 * The checker page (served, or the one file): opened until ready, answered, an example loaded,
 * the answers exported (the example's); everything it loaded came from `base`.
 */
async function useChecker(driver, url, base) {
  await driver.get(url);
  await eventually(async () => assert.equal(await driver.executeScript('return document.querySelector("main")?.dataset.state;'), "ready"), 30000);
  const scope = scopeOf(driver, false);
  await answer(scope);
  await loadExample(driver, scope);
  await keepDownloads(driver);
  await scope.click("#export-answers");
  const { name, value } = await keptFile(driver);
  assert.match(name, /\.json$/);
  assert.equal(value.format, "gpai-check-answers");
  assert.equal(value.title, example.title, "the example's answers are exported");
  await assertOwnFiles(driver, base);
}

for (const engine of engines) {
  describe(engine, () => {
    let session;
    before(async () => {
      session = await openDriver(engine);
    });
    after(async () => {
      await session?.close();
    });

    test(`${engine}: the page opens, is answered, loads an example and exports the answers`, async (t) => {
      t.diagnostic(session.version);
      await useChecker(session.driver, `${origin}/www/`, `${origin}/`);
    });

    test(`${engine}: the element in a portal page opens, is answered, takes an example and exports its report`, async () => {
      const { driver } = session;
      await driver.get(`${origin}/www/examples/portal.html`);
      const started = await driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        customElements.whenDefined("gpai-check").then(() => document.querySelector("gpai-check").ready).then(() => done("ready"), (error) => done(String(error)));
      `);
      assert.equal(started, "ready");
      const scope = scopeOf(driver, true);
      // Styled: the heading's rule from the element's stylesheet.
      const rule = await driver.executeScript('const s = getComputedStyle(document.querySelector("gpai-check").shadowRoot.querySelector("#profile-title")); return s.borderBottomWidth + " " + s.borderBottomStyle;');
      assert.equal(rule, "2px solid");
      await answer(scope);
      // A portal loads an example as it would a kept draft: through the answers property.
      await driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then((r) => r.json()).then(({ title, profile, answers }) => {
          document.querySelector("gpai-check").answers = { title, profile, answers };
          done();
        });
      `, `/www/examples/${EXAMPLE}`);
      await eventually(async () => assert.equal(await scope.text("#obligation-art54 .badge"), "Applies"));
      await keepDownloads(driver);
      const download = await driver.executeScript('return [...document.querySelector("gpai-check").shadowRoot.querySelectorAll("button")].find((b) => b.textContent === "Download report (JSON)");');
      await download.click();
      const { name, value } = await keptFile(driver);
      assert.match(name, /\.json$/);
      assert.equal(value.title, example.title);
      assert.equal(value.digest, await driver.executeScript('return document.querySelector("gpai-check").report.digest;'), "the report the element shows");
      await assertOwnFiles(driver, `${origin}/`);
    });

    test(`${engine}: the one-file checker opens from disk, is answered, loads an example and exports the answers`, async () => {
      await useChecker(session.driver, singleFile, singleFile);
    });
  });
}
