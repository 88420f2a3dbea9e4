// The benchmark: builds nothing itself (scripts/bench.sh builds the release package and the
// native benchmark first) and prints every figure of the performance issue in one run:
//   1. size: the whole engine's wasm raw and gzip, the total gzip transfer of the first visit
//      (until the page is ready, with its first-visit wasm), what it asks for in idle time once it is
//      ready (its second module and the examples, told apart by the page's "gpai-ready" mark), and the gzip size of
//      SurveyJS's core (survey-core) as a ratio;
//   2. cold start in headless Chromium: navigation to the first frame painted once the profile
//      questions accept input, median of 20 loads in fresh contexts; and the same on a slow
//      connection and laptop (Fast 3G, CPU 4x slower, fresh cache), with the files precompressed
//      and uncompressed. Every fresh load is a new browser context (empty cache and storage, a
//      new renderer) in one Chromium that stays up: the browser process and its network and GPU
//      services are shared and warm, so this is not the start of a cold browser;
//   3. evaluate() in Chromium on the fully answered frontier example: median and 95th percentile
//      over 1,000 calls, crossing the JS/wasm boundary included (JSON.stringify of the
//      submission, JSON.parse of the report): what the page pays; and those two parts alone;
//      then what a person waits for: a keystroke in an answer to the page laid out again, with
//      the CPU 4x slower (median and p95 of 60, with the page's evaluate and render marks);
//   4. the engine's work natively (examples/bench: read the submission's JSON, evaluate, write
//      the report's JSON) and the ratio wasm/native, from the two timed in turns. Like with like:
//      the browser side is evaluateJson(text) (the same text in, no JSON.stringify) less a
//      JSON.parse of the same report, timed right after each call, since JSON.parse has no
//      native equivalent;
//   5. growth: synthetic packs 10x and 100x the real one (native), as ratios: with the example's
//      answers given to every copy (the same work per copy), and with the copies unanswered;
//      and, for the answered packs, the instructions of one evaluation counted by valgrind's
//      callgrind (independent of the cache, unlike the times), with their ratios to x1;
//   6. peak wasm memory after a full evaluation.
import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const root = new URL("..", import.meta.url).pathname;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.round((xs.length - 1) * p))];

/**
 * Runs in the page from its first byte: sets `window.gpaiInteractiveAt` to the time (from
 * navigation start) when the first frame after the profile questions accept input has been
 * painted. A requestAnimationFrame callback runs before its frame is painted, so the time is
 * taken in the callback of the frame after it: the first paint is done by then.
 */
function markInteractive() {
  new MutationObserver((_, observer) => {
    const main = document.getElementById("main");
    const input = document.querySelector("#profile-fields input:not([disabled]), #profile-fields select:not([disabled])");
    if (!input || !["interactive", "ready"].includes(main?.dataset.state)) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => (window.gpaiInteractiveAt = performance.now())));
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
}

/** Chromium DevTools' "Fast 3G" (150 ms latency, 1.6 Mbps down, 750 kbps up) and a CPU 4x slower. */
const FAST_3G = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const CPU_SLOWDOWN = 4;

/**
 * One fresh load (new context, cache disabled) of `url` on Fast 3G with the CPU slowed 4x:
 * { ms: navigation start to interactive (as the cold start), bytes: every response's encoded
 * size, headers included, until the page is ready (the whole first visit) }.
 */
async function slowLoad(browser, url) {
  const ctx = await browser.newContext();
  try {
    await ctx.addInitScript(markInteractive);
    const page = await ctx.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", FAST_3G);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    let bytes = 0;
    cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
    await page.goto(url, { timeout: 120_000 });
    await page.waitForFunction(() => window.gpaiInteractiveAt !== undefined, null, { timeout: 120_000, polling: 100 });
    await page.waitForSelector("main[data-state='ready']", { timeout: 120_000 });
    return { ms: Math.round(await page.evaluate(() => window.gpaiInteractiveAt)), bytes };
  } finally {
    await ctx.close();
  }
}

const wasm = readFileSync(join(root, "pkg/gpai_check_bg.wasm"));
const survey = readFileSync(join(root, "node_modules/survey-core/survey.core.min.js"));
const nativeBin = join(root, "target/release/examples/bench");
if (!existsSync(nativeBin)) throw new Error("build it first: cargo build --release --example bench");

// The page as deployed for the first visit and the cold start; for the evaluation timings, served
// cross-origin isolated, so that performance.now() has 5 µs steps rather than 100 µs.
const server = await startServer(0);
const base = `http://127.0.0.1:${server.address().port}`;
const isolatedServer = await startServer(0, "127.0.0.1", { crossOriginIsolated: true });
// The same files always sent as they are, uncompressed: the slow-connection figure's "before".
const plainServer = await startServer(0, "127.0.0.1", { precompressed: false });
const plainBase = `http://127.0.0.1:${plainServer.address().port}`;
const isolatedBase = `http://127.0.0.1:${isolatedServer.address().port}`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  // 1. First-visit transfer: the body of every response the page receives until it is ready,
  //    gzip-compressed. A HEAD request (the page asks whether the one-file
  //    checker exists) carries no body and counts nothing.
  const context = await browser.newContext();
  const page = await context.newPage();
  //    What the page asks for in idle time once it is ready (the "gpai-ready" mark): its second
  //    module (the whole engine, for exports) and the examples, counted apart.
  const bodies = [];
  page.on("response", (r) => {
    if (r.request().method() === "GET") bodies.push(r.body().then((b) => ({ path: new URL(r.url()).pathname, bytes: b })));
  });
  await page.goto(`${base}/www/`);
  await page.waitForSelector("main[data-state='ready'][data-exports='loaded']");
  await page.waitForLoadState("networkidle");
  const afterReady = new Set(
    await page.evaluate(() => {
      const ready = performance.getEntriesByName("gpai-ready")[0].startTime;
      return performance.getEntriesByType("resource").filter((r) => r.startTime >= ready).map((r) => new URL(r.name).pathname);
    }),
  );
  const received = await Promise.all(bodies);
  const firstVisit = received.filter((r) => !afterReady.has(r.path));
  const later = received.filter((r) => afterReady.has(r.path));
  const files = new Set(firstVisit.map((r) => r.path));
  const transfer = firstVisit.reduce((sum, r) => sum + gz(r.bytes), 0);
  const laterTransfer = later.reduce((sum, r) => sum + gz(r.bytes), 0);
  const firstWasm = firstVisit.find((r) => r.path.endsWith(".wasm"));
  await context.close();

  // 2. Cold start: fresh context (empty cache) each time, in this one browser process, from
  //    navigation start (the page's time origin) to the next frame after the first one painted
  //    once the profile questions accept input. Timed inside the page: Playwright's own waiting
  //    polls at intervals that grow to 500 ms, too coarse.
  const starts = [];
  for (let i = 0; i < 20; i++) {
    const ctx = await browser.newContext();
    await ctx.addInitScript(markInteractive);
    const p = await ctx.newPage();
    await p.goto(`${base}/www/`);
    await p.waitForFunction(() => window.gpaiInteractiveAt !== undefined);
    starts.push(Math.round(await p.evaluate(() => window.gpaiInteractiveAt)));
    await ctx.close();
  }

  // 2b. Time to usable for a person on a slow connection and laptop: the cold start on Fast 3G
  //     with the CPU slowed 4x, fresh cache, the files precompressed (as served) and, in turns
  //     with it, sent uncompressed; median of SLOW_LOADS loads each.
  const SLOW_LOADS = 7;
  const slow = { precompressed: [], uncompressed: [] };
  for (let i = 0; i < SLOW_LOADS; i++) {
    slow.precompressed.push(await slowLoad(browser, `${base}/www/`));
    slow.uncompressed.push(await slowLoad(browser, `${plainBase}/www/`));
  }
  const slowFigure = (loads) => `${median(loads.map((l) => l.ms))} ms, ${kb(median(loads.map((l) => l.bytes)))} received (encoded, with headers)`;

  // 3 and 6. evaluate() in the browser, from the page's own origin.
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto(`${isolatedBase}/www/`);
  await p.waitForSelector("main[data-state='ready']");
  const example = JSON.parse(readFileSync(join(root, "www/examples/frontier-systemic-risk.json"), "utf8"));
  // The page keeps one timing loop, used for the 1,000 calls and for the rounds of step 4.
  await p.evaluate(async (submission) => {
    const m = await import("/pkg/gpai_check.js");
    const instance = await m.default();
    window.gpaiTimes = (n) => {
      const ms = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        m.evaluate(submission);
        ms.push(performance.now() - t);
      }
      return ms;
    };
    // The engine's share of a call, as the native benchmark times it: the submission's text in,
    // the report's text out. evaluateJson(text) parses the report in JavaScript too, so each
    // call is followed by a JSON.parse of the same report, whose time is taken off.
    const text = JSON.stringify(submission);
    const reportText = JSON.stringify(m.evaluateJson(text));
    window.gpaiEngineTimes = (n) => {
      const ms = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        m.evaluateJson(text);
        const t1 = performance.now();
        JSON.parse(reportText);
        ms.push(t1 - t0 - (performance.now() - t1));
      }
      return ms;
    };
    window.gpaiEngineTimes(50);
    // Where evaluate()'s time goes: JSON.stringify of the submission (the adapter's first step),
    // and JSON.parse of the report (its last), each timed alone on the same values.
    window.gpaiParts = (n) => {
      const out = { stringify: [], parse: [], reportBytes: new TextEncoder().encode(reportText).length };
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        JSON.stringify(submission);
        const t1 = performance.now();
        JSON.parse(reportText);
        const t2 = performance.now();
        out.stringify.push(t1 - t0);
        out.parse.push(t2 - t1);
      }
      return out;
    };
    window.gpaiMemory = () => instance.memory.buffer.byteLength;
    if (!self.crossOriginIsolated) throw new Error("the page is not cross-origin isolated: its timer steps are 100 µs");
    window.gpaiTimes(50);
  }, example);
  const browserFigures = await p.evaluate(() => ({
    ms: window.gpaiTimes(1000),
    engine: window.gpaiEngineTimes(1000),
    parts: window.gpaiParts(1000),
    memory: window.gpaiMemory(),
  }));

  // 4. wasm / native: the machine's speed moves by a third within minutes, so the ratio comes
  //    from the two timed in turns (ten rounds of 100 calls each), the median of the rounds'.
  //    Both sides time the same work: the submission's text in, the report's text out.
  const ratios = [];
  for (let round = 0; round < 10; round++) {
    const wasmRound = await p.evaluate(() => window.gpaiEngineTimes(100));
    const nativeRound = JSON.parse(execFileSync(nativeBin, ["evaluate", "100"], { cwd: root, encoding: "utf8" }));
    ratios.push(median(wasmRound) / nativeRound.medianMs);
  }
  await ctx.close();

  // 4b. What a person waits for: a keystroke in an answer of the fully answered frontier example
  //     to the page laid out again (the input event's handler: evaluate() and the render, then
  //     style and layout, forced), with the CPU 4x slower; median of 60 keystrokes, each after
  //     the frame that follows the one before. The page's own User Timing marks split it.
  const keyCtx = await browser.newContext();
  const kp = await keyCtx.newPage();
  await kp.goto(`${isolatedBase}/www/`);
  await kp.waitForSelector("main[data-state='ready'][data-exports='loaded']");
  await kp.getByLabel("Load an example").selectOption("frontier-systemic-risk.json");
  await kp.getByRole("button", { name: "Load example" }).click();
  await kp.waitForFunction(() => /^In scope/.test(document.getElementById("scope-verdict")?.textContent ?? ""));
  const keyCdp = await keyCtx.newCDPSession(kp);
  await keyCdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const keystrokes = await kp.evaluate(async (n) => {
    const field = /** @type {HTMLTextAreaElement} */ (document.querySelector("#chapters textarea"));
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const last = (name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN;
    const out = { total: [], evaluate: [], render: [] };
    for (let i = 0; i < n + 5; i++) {
      await frame();
      const t = performance.now();
      field.value += i % 2 ? "a" : " ";
      field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: "a" }));
      document.body.getBoundingClientRect();
      const ms = performance.now() - t;
      if (i < 5) continue;
      out.total.push(ms);
      out.evaluate.push(last("gpai-check:evaluate"));
      out.render.push(last("gpai-check:render"));
    }
    return out;
  }, 60);
  await keyCtx.close();

  // 4 and 5. Native.
  const native = JSON.parse(execFileSync(nativeBin, { cwd: root, encoding: "utf8" }));
  const wasmMedian = median(browserFigures.ms);
  const lines = [
    ["wasm (raw)", kb(wasm.length)],
    ["wasm (gzip)", kb(gz(wasm))],
    ["first visit, all files until the page is ready (gzip)", `${kb(transfer)} over ${files.size} files`],
    ["  of which the first-visit wasm (gzip)", `${firstWasm.path}: ${kb(gz(firstWasm.bytes))}`],
    ["in idle time once the page is ready: the second module and the examples (gzip)", `${kb(laterTransfer)}: ${later.map((r) => `${r.path} ${kb(gz(r.bytes))}`).join(", ")}`],
    ["SurveyJS core, survey-core 3.1.1 (gzip)", kb(gz(survey))],
    ["first visit / SurveyJS core", (transfer / gz(survey)).toFixed(2)],
    ["cold start in Chromium, painted (median of 20 fresh contexts in one browser)", `${median(starts)} ms`],
    [`time to usable on Fast 3G + 4x CPU, precompressed (median of ${SLOW_LOADS})`, slowFigure(slow.precompressed)],
    [`time to usable on Fast 3G + 4x CPU, uncompressed (median of ${SLOW_LOADS})`, slowFigure(slow.uncompressed)],
    ["evaluate() in Chromium, median / p95 (1,000 calls)", `${wasmMedian.toFixed(3)} / ${pct(browserFigures.ms, 0.95).toFixed(3)} ms`],
    [
      "evaluate()'s parts in Chromium, medians: JSON.stringify of the submission; JSON.parse of the report (its size)",
      `${median(browserFigures.parts.stringify).toFixed(3)} ms; ${median(browserFigures.parts.parse).toFixed(3)} ms (${kb(browserFigures.parts.reportBytes)})`,
    ],
    ["evaluateJson(text) in Chromium less JSON.parse of its report, median / p95 (1,000 calls)", `${median(browserFigures.engine).toFixed(3)} / ${pct(browserFigures.engine, 0.95).toFixed(3)} ms`],
    ["evaluate natively (read the JSON, evaluate, write the JSON), median / p95 (1,000 calls)", `${native.nativeEvaluate.medianMs.toFixed(3)} / ${native.nativeEvaluate.p95Ms.toFixed(3)} ms`],
    ["wasm / native, the line above against native (timed in turns, median of 10 rounds)", `${median(ratios).toFixed(2)} (rounds ${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)})`],
    ...native.growth.map((g) => [`pack x${g.factor}, every copy answered (native median, ratio to x1)`, `${g.medianMs.toFixed(2)} ms, ${g.ratio.toFixed(2)}`]),
    ...native.growthUnanswered.map((g) => [`pack x${g.factor}, copies unanswered (native median, ratio to x1)`, `${g.medianMs.toFixed(2)} ms, ${g.ratio.toFixed(2)}`]),
    ...(native.growthCount.counts
      ? native.growthCount.counts.map((c) => [`pack x${c.factor}, every copy answered (instructions of one evaluation, callgrind; ratio to x1)`, `${c.instructions.toLocaleString("en")}, ${c.ratio.toFixed(2)}`])
      : [["instructions of one evaluation (callgrind)", `not counted: ${native.growthCount.error}`]]),
    ["wasm memory after a full evaluation", kb(browserFigures.memory)],
    [
      `keystroke to the page laid out again, frontier example, CPU ${CPU_SLOWDOWN}x slower (median / p95 of 60; of it evaluate / render, medians)`,
      `${median(keystrokes.total).toFixed(1)} / ${pct(keystrokes.total, 0.95).toFixed(1)} ms; ${median(keystrokes.evaluate).toFixed(1)} / ${median(keystrokes.render).toFixed(1)} ms`,
    ],
  ];
  const width = Math.max(...lines.map(([k]) => k.length));
  for (const [k, v] of lines) console.log(`${k.padEnd(width)}  ${v}`);
} finally {
  await browser.close();
  server.close();
  isolatedServer.close();
  plainServer.close();
}
