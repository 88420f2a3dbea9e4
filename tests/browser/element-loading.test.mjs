// How the <gpai-check> element loads (www/ as served by scripts/serve.mjs): the wasm from where
// configure() says, styles that need no request, a loud gpai-error for anything it cannot load
// (never a silent, unstyled element), and the `pack` property.
// Run: node --test tests/browser/element-loading.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { eventually } from "./harness.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let server;
let origin;
let browser;

before(async () => {
  server = await startServer(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((done) => server.close(done));
});

/**
 * A portal page on the server's origin (served by the test): `script` is its module script,
 * then one element. Every gpai-* event is recorded from the start; `prepare(context)` can
 * change the context first.
 */
async function open(script, prepare = async () => {}) {
  const context = await browser.newContext();
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  await context.route(`${origin}/portal-page.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title><script type="module">${script}</script></head><body><main><h1>Portal</h1><gpai-check storage="none"></gpai-check></main></body></html>` }),
  );
  await context.addInitScript(() => {
    window.seen = [];
    for (const type of ["gpai-report", "gpai-error"]) document.addEventListener(type, (event) => window.seen.push({ type, detail: event.detail }));
  });
  await prepare(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(`${origin}/portal-page.html`);
  await page.waitForFunction(() => customElements.get("gpai-check"));
  return { context, page, requests };
}

const ELEMENT = 'import { configure } from "/www/gpai-check-element.js";';

test("configure({ wasm }) in the importing module: the engine comes from that URL, once; later calls that disagree throw", async () => {
  const { context, page, requests } = await open(`${ELEMENT}\nconfigure({ wasm: "/pkg/gpai_check_bg.wasm?from=configure" });`);
  try {
    await page.evaluate(() => document.querySelector("gpai-check").ready);
    assert.deepEqual(requests.filter((url) => url.includes(".wasm")), [`${origin}/pkg/gpai_check_bg.wasm?from=configure`]);
    assert.deepEqual(requests.filter((url) => url.endsWith(".css")), [], "no stylesheet is fetched");
    const refusals = await page.evaluate(async () => {
      const { configure } = await import("/www/gpai-check-element.js");
      const outcome = (f) => {
        try {
          f();
          return "accepted";
        } catch (error) {
          return `${error.name}: ${error.message}`;
        }
      };
      return [
        outcome(() => configure({ wasm: "/pkg/gpai_check_bg.wasm?from=configure" })),
        outcome(() => configure({ wasm: "/elsewhere/gpai_check_bg.wasm" })),
        outcome(() => configure({ wasm: 42 })),
      ];
    });
    assert.equal(refusals[0], "accepted", "the same URL again changes nothing");
    assert.match(refusals[1], /^Error: configure: the engine is already loading from .*\?from=configure/);
    assert.equal(refusals[2], "TypeError: configure: wasm must be a URL or a string, not a number");
  } finally {
    await context.close();
  }
});

test("a wasm that cannot be loaded: gpai-error naming the URL, the message in the element's place, ready rejects", async () => {
  const { context, page } = await open(ELEMENT, (c) => c.route(`${origin}/pkg/gpai_check_bg.wasm`, (route) => route.fulfill({ status: 404, body: "not here" })));
  try {
    await assert.rejects(page.evaluate(() => document.querySelector("gpai-check").ready));
    const seen = await page.evaluate(() => window.seen);
    assert.deepEqual(seen.map((e) => e.type), ["gpai-error"]);
    assert.match(seen[0].detail.message, new RegExp(`^The checker could not start: the engine \\(gpai_check_bg\\.wasm\\) could not be loaded from ${origin}/pkg/gpai_check_bg\\.wasm \\(.*404`));
    assert.equal(await page.locator("gpai-check").getByRole("alert").textContent(), seen[0].detail.message);
  } finally {
    await context.close();
  }
});

test("styles that cannot be built: gpai-error and no unstyled checker, even though the engine loaded", async () => {
  const { context, page } = await open(ELEMENT, (c) =>
    c.addInitScript(() => {
      CSSStyleSheet.prototype.replaceSync = () => {
        throw new DOMException("constructed stylesheets are off here", "NotSupportedError");
      };
    }),
  );
  try {
    await assert.rejects(page.evaluate(() => document.querySelector("gpai-check").ready));
    const seen = await page.evaluate(() => window.seen);
    assert.deepEqual(seen.map((e) => e.type), ["gpai-error"]);
    assert.equal(seen[0].detail.message, "The checker could not start: its styles could not be applied: constructed stylesheets are off here");
    assert.equal(await page.locator("gpai-check").getByLabel("Name of this assessment").count(), 0, "no questions shown unstyled");
  } finally {
    await context.close();
  }
});

test("the pack property: reads the attribute or the default, sets the attribute, refuses what is not a pack id", async () => {
  const { context, page } = await open(ELEMENT);
  try {
    await page.evaluate(() => document.querySelector("gpai-check").ready);
    const checker = page.locator("gpai-check");
    assert.equal(await checker.evaluate((el) => el.pack), "gpai-cop-final", "no attribute: the default pack");
    assert.equal(await checker.evaluate((el) => el.report.packId), "gpai-cop-final");
    assert.equal(
      await checker.evaluate((el) => {
        try {
          el.pack = "";
          return "accepted";
        } catch (error) {
          return `${error.name}: ${error.message}`;
        }
      }),
      "TypeError: pack must be a pack id (a non-empty string), not an empty string",
    );
    assert.equal(await checker.evaluate((el) => el.getAttribute("pack")), null, "a refused value changes nothing");

    await checker.evaluate((el) => (el.pack = "no-such-pack"));
    assert.equal(await checker.evaluate((el) => el.getAttribute("pack")), "no-such-pack", "setting the property sets the attribute");
    await eventually(async () => assert.match(await checker.getByRole("alert").textContent(), /There is no rule pack “no-such-pack”/));
    await checker.evaluate((el) => el.setAttribute("pack", "gpai-cop-final"));
    assert.equal(await checker.evaluate((el) => el.pack), "gpai-cop-final", "the property follows the attribute");
    await eventually(async () => assert.equal(await checker.getByLabel("Name of this assessment").count(), 1, "the questions are back"));
  } finally {
    await context.close();
  }
});
