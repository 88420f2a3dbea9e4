// Attacks on the <gpai-check> element and the iframe mode (issue #17, items 5 to 7): what they
// refuse is never applied, only plain objects are read and every key is reported, a frame that
// could not start answers every message, and a message too large is refused before it is read.
// Each test failed before the fix it names. docs/reliability.md counts these attacks.
// Run: node --test tests/browser/attacks-embed.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { eventually } from "./harness.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let browser;
let server;
let A;
before(async () => {
  server = await startServer(0);
  A = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
after(async () => {
  await browser?.close();
  await new Promise((done) => server.close(done));
});

const IN_SCOPE = { placed_on_eu_market: true, significant_generality: "yes", established_in_eu: true };
const STATE = { title: "Accepted model", profile: { ...IN_SCOPE, training_compute_flop: 3e24 }, answers: { c_policy_exists: "partly", t_downstream_response_days: 10 } };

/** portal.html without storage, its element ready and its iframe (listing A) ready. */
async function openPortal() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  context.on("weberror", (error) => errors.push(error.error().message));
  await context.route("**/*", (route) => (route.request().url().startsWith(`${A}/`) ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(`${A}/www/examples/portal.html?storage=none`);
  await page.waitForFunction(() => customElements.get("gpai-check") && document.querySelector("gpai-check"), null, { timeout: 15000 });
  await page.evaluate(() => document.querySelector("gpai-check").ready);
  await eventually(async () => assert.equal(await page.locator("#iframe-status").textContent(), "gpai:ready"), 15000);
  await installPost(page);
  return { context, page, errors };
}

/**
 * Installs window.__post(message, selector, wait, first) in the portal page: it posts `message`
 * to the iframe `selector` and collects what comes back within `wait` ms (or up to the first
 * reply). Tests build messages in the page, so that Maps, Dates and "__proto__" keys are made
 * there, as a portal's script would make them.
 */
async function installPost(page) {
  await page.evaluate(() => {
    window.__post = (message, target = "#iframe", ms = 1500, firstOnly = false) =>
      new Promise((resolve) => {
        const frame = document.querySelector(target).contentWindow;
        const received = [];
        const done = () => {
          window.removeEventListener("message", listener);
          resolve(received);
        };
        const listener = (event) => {
          if (event.source !== frame) return;
          const d = event.data;
          received.push({ type: d?.type, message: d?.message ?? null, digest: d?.report?.digest ?? null, answers: d?.answers ?? null, findings: d?.report?.findings ?? null });
          if (firstOnly) done();
        };
        window.addEventListener("message", listener);
        frame.postMessage(message, location.origin);
        setTimeout(done, ms);
      });
  });
}

/** The iframe's current state and report digest, asked for by message. */
async function frameReport(page) {
  const [reply] = await page.evaluate(() => window.__post({ type: "gpai:get-report" }, "#iframe", 3000, true));
  return reply;
}

test("iframe: set-answers that the engine refuses (an impossible date, a 5 MB text, a 50 MB message) is answered gpai:error and changes nothing; the next edit sends the accepted state and a report", async () => {
  const { context, page, errors } = await openPortal();
  try {
    const frame = page.frameLocator("#iframe").locator("gpai-check");
    const [accepted] = await page.evaluate((state) => window.__post({ type: "gpai:set-answers", answers: state }, "#iframe", 3000, true), STATE);
    assert.equal(accepted.type, "gpai:report");
    const before = await frameReport(page);

    const refusals = [
      ["an impossible date", () => window.__post({ type: "gpai:set-answers", answers: { profile: { assessment_date: "2025-02-30" } } }, "#iframe", 2000), /profile\.assessment_date: must be a real calendar date/],
      ["a 5 MB text answer", () => window.__post({ type: "gpai:set-answers", answers: { answers: { t_mdf_1_1: "x".repeat(5 * 1024 * 1024) } } }, "#iframe", 3000), /4194304/],
      ["a 50 MB message", () => window.__post({ type: "gpai:set-answers", answers: { answers: { t_mdf_1_1: "x".repeat(50 * 1024 * 1024) } } }, "#iframe", 5000), /larger than 4194304 bytes as JSON.*not read/],
    ];
    for (const [what, send, message] of refusals) {
      const replies = await page.evaluate(send);
      assert.deepEqual(replies.map((r) => r.type), ["gpai:error"], what);
      assert.match(replies[0].message, message, what);
      assert.equal((await frameReport(page)).digest, before.digest, `${what}: the report is the accepted one`);
      assert.equal(await frame.getByLabel("Name of this assessment").inputValue(), "Accepted model", `${what}: the form still shows the accepted answers`);
    }
    assert.equal(await frame.getByLabel("Name of this assessment").inputValue(), "Accepted model", "the form still shows the accepted answers");
    assert.equal(await frame.getByLabel(/^Date of this assessment/).inputValue(), "", "the refused date is not in the form");

    // The next edit inside the frame sends the accepted state, and a report follows.
    await page.evaluate(() => {
      window.fromFrame = [];
      window.addEventListener("message", (event) => window.fromFrame.push(event.data));
    });
    await frame.getByLabel("Name of this assessment").fill("Accepted model, edited");
    await eventually(async () => {
      const types = await page.evaluate(() => window.fromFrame.map((m) => m.type));
      assert.ok(types.includes("gpai:change") && types.includes("gpai:report"), types.join());
    });
    const change = await page.evaluate(() => window.fromFrame.find((m) => m.type === "gpai:change").answers);
    assert.deepEqual(change, { ...STATE, title: "Accepted model, edited" });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("element: answers = ... that the engine refuses throws, with the engine's code and path, and changes nothing", async () => {
  const { context, page } = await openPortal();
  try {
    const result = await page.evaluate(async (state) => {
      const checker = document.querySelector("gpai-check");
      checker.answers = state;
      const digest = checker.report.digest;
      const tries = [{ profile: { assessment_date: "2025-02-30" } }, { answers: { t_mdf_1_1: "x".repeat(5 * 1024 * 1024) } }, { profile: { training_compute_flop: -1 } }];
      const thrown = [];
      for (const value of tries) {
        try {
          checker.answers = value;
          thrown.push(null);
        } catch (error) {
          thrown.push({ name: error.name, code: error.code, path: error.path, message: error.message });
        }
      }
      return { thrown, same: checker.report.digest === digest, answers: checker.answers };
    }, STATE);
    assert.deepEqual(result.thrown.map((t) => [t?.name, t?.code, t?.path]), [
      ["TypeError", "invalid_value", "profile.assessment_date"],
      ["TypeError", "too_large", ""],
      ["TypeError", "invalid_value", "profile.training_compute_flop"],
    ]);
    assert.ok(result.same, "the report is still the accepted one");
    assert.deepEqual(result.answers, STATE);
  } finally {
    await context.close();
  }
});

test("element and iframe: a Map or a Date is refused, not read as no answers; every profile key not known is named; an answer keyed __proto__ is kept and reported", async () => {
  const { context, page } = await openPortal();
  try {
    const element = await page.evaluate(async (state) => {
      const checker = document.querySelector("gpai-check");
      checker.answers = state;
      const attempt = (value) => {
        try {
          checker.answers = value;
          return null;
        } catch (error) {
          return `${error.name}: ${error.message}`;
        }
      };
      const refusals = {
        map: attempt({ answers: new Map([["c_policy_exists", "yes"]]) }),
        date: attempt({ answers: new Date() }),
        profileMap: attempt({ profile: new Map() }),
        whole: attempt(new Map([["answers", {}]])),
        keys: attempt(JSON.parse('{"profile": {"__proto__": {"is_sme": true}, "constructor": true, "toString": "x", "is_sme": true}}')),
      };
      const kept = { answers: checker.answers };
      checker.answers = JSON.parse('{"answers": {"__proto__": "yes", "c_policy_exists": "yes"}}');
      kept.proto = checker.answers;
      kept.protoOwn = Object.hasOwn(kept.proto.answers, "__proto__");
      kept.findings = checker.report.findings.filter((f) => f.code === "unknown-question").map((f) => f.questionId);
      return { refusals, kept, polluted: {}.yes ?? Object.prototype.c_policy_exists ?? null };
    }, STATE);
    assert.match(element.refusals.map, /^TypeError: answers\.answers must be a plain object, not a Map$/);
    assert.match(element.refusals.date, /^TypeError: answers\.answers must be a plain object, not a Date$/);
    assert.match(element.refusals.profileMap, /not a Map/);
    assert.match(element.refusals.whole, /answers must be a plain object .*not a Map/);
    assert.match(element.refusals.keys, /3 keys the scope decision does not ask: "__proto__", "constructor", "toString"/);
    assert.deepEqual(element.kept.answers, STATE, "the refusals changed nothing");
    assert.ok(element.kept.protoOwn, "an answer keyed __proto__ is kept as an answer");
    assert.deepEqual(element.kept.findings, ["__proto__"], "and reported as an answer to no question");
    assert.equal(element.polluted, null);

    // The same through the iframe: structured clone carries Maps, Dates and "__proto__" keys.
    const map = await page.evaluate(() => window.__post({ type: "gpai:set-answers", answers: { answers: new Map([["c_policy_exists", "yes"]]) } }, "#iframe", 800));
    assert.deepEqual(map.map((r) => r.type), ["gpai:error"]);
    assert.match(map[0].message, /not a Map/);
    const date = await page.evaluate(() => window.__post({ type: "gpai:set-answers", answers: { answers: new Date() } }, "#iframe", 800));
    assert.deepEqual(date.map((r) => r.type), ["gpai:error"]);
    assert.match(date[0].message, /not a Date/);
    const keys = await page.evaluate(() => window.__post({ type: "gpai:set-answers", answers: JSON.parse('{"profile": {"__proto__": 1, "constructor": 2, "toString": 3}}') }, "#iframe", 800));
    assert.deepEqual(keys.map((r) => r.type), ["gpai:error"]);
    assert.match(keys[0].message, /"__proto__", "constructor", "toString"/);
    const [proto] = await page.evaluate(() => window.__post({ type: "gpai:set-answers", answers: JSON.parse('{"answers": {"__proto__": "yes"}}') }, "#iframe", 3000, true));
    assert.equal(proto.type, "gpai:report");
    assert.deepEqual(proto.findings.filter((f) => f.code === "unknown-question").map((f) => f.questionId), ["__proto__"]);
  } finally {
    await context.close();
  }
});

test("a frame that could not start (embed.html?pack=bogus) answers every message, then and later, with gpai:error", async () => {
  const { context, page } = await openPortal();
  try {
    await page.evaluate((origin) => {
      window.fromBogus = [];
      const iframe = document.createElement("iframe");
      iframe.id = "bogus";
      iframe.title = "gpai-check with an unknown pack";
      window.addEventListener("message", (event) => {
        if (event.source === iframe.contentWindow) window.fromBogus.push(event.data);
      });
      iframe.src = `${origin}/www/embed.html?pack=bogus&origins=${encodeURIComponent(origin)}`;
      document.body.append(iframe);
    }, A);
    await eventually(async () => {
      const got = await page.evaluate(() => window.fromBogus);
      assert.equal(got[0]?.type, "gpai:error");
      assert.match(got[0].message, /could not start.*bogus/);
    }, 15000);
    for (const type of ["gpai:get-report", "gpai:set-answers", "gpai:reset"]) {
      const replies = await page.evaluate((t) => window.__post({ type: t, answers: {} }, "#bogus", 800), type);
      assert.deepEqual(replies.map((r) => r.type), ["gpai:error"], type);
      assert.match(replies[0].message, /could not start/);
    }
  } finally {
    await context.close();
  }
});
