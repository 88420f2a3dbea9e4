// Attacks on what the package and its development server give out (issue #17): the server must
// serve only www/ and pkg/, and only to loopback names; verify() must read back every bundle
// resultBundle() makes. The page, the element and the iframe
// have their own attack suites in tests/browser/ (attacks-*.test.mjs); docs/reliability.md
// counts them all. Run: node --test tests/js/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { connect } from "node:net";
import { readFileSync } from "node:fs";
import { startServer } from "../../scripts/serve.mjs";
import { initSync, pack, evaluate, resultBundle, verify, reportMarkdown, limits } from "../../pkg/gpai_check.js";

initSync({ module: readFileSync(new URL("../../pkg/gpai_check_bg.wasm", import.meta.url)) });

let server;
before(async () => {
  server = await startServer(0);
});
after(() => server?.close());

/**
 * GET `path` exactly as written (no client-side normalisation), with `host` as the Host header.
 * @param {string} path
 * @param {{ host?: string }} [options]
 */
function rawGet(path, { host } = {}) {
  return new Promise((ok, fail) => {
    const port = server.address().port;
    const req = request({ host: "127.0.0.1", port, path, headers: { host: host ?? `127.0.0.1:${port}` } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", fail);
    req.end();
  });
}

test("the development server serves nothing outside www/ and pkg/, however the path is encoded", async () => {
  const outside = [
    "/www/..%2fCargo.toml",
    "/www/..%2F..%2Fwt-attack%2FCargo.toml",
    "/www%2f..%2fCargo.toml",
    "/pkg/..%2fsrc%2flib.rs",
    "/www/examples/..%2f..%2fpackage.json",
    "/www/..%2f.git%2fconfig",
    "/www/%2e%2e/Cargo.toml",
    "/www/..%5cCargo.toml",
    "/www/..%2fprecompressed%2fpkg%2fgpai_check_bg.wasm.br",
  ];
  for (const path of outside) {
    const r = await rawGet(path);
    assert.equal(r.status, 404, `${path} must not be served (got ${r.status})`);
    assert.doesNotMatch(r.body, /\[package\]|\[core\]|"name": "gpai-check"|pub mod/, path);
  }
  // A path that does not decode is refused, and the server keeps answering.
  assert.equal((await rawGet("/www/%E0%A4%A")).status, 400);
  assert.equal((await rawGet("/www/%")).status, 400);
  assert.equal((await rawGet("/www/favicon.svg")).status, 200, "the server still answers after bad paths");
  // Inside www/, encoded slashes that stay inside are fine.
  assert.equal((await rawGet("/www/examples%2findex.json")).status, 200);
});

test("the development server answers only requests for 127.0.0.1 or localhost (no DNS rebinding)", async () => {
  const port = server.address().port;
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "127.0.0.1", "localhost", `LOCALHOST:${port}`]) {
    assert.equal((await rawGet("/www/favicon.svg", { host })).status, 200, host);
  }
  for (const host of [`evil.example:${port}`, "evil.example", `127.0.0.1.evil.example:${port}`, `localhost.evil.example`, `[::1]:${port}`, "0.0.0.0", `127.0.0.1:${port}@evil.example`]) {
    const r = await rawGet("/www/favicon.svg", { host });
    assert.equal(r.status, 421, `Host: ${host} must be refused (got ${r.status})`);
    assert.doesNotMatch(r.body, /<svg/);
  }
  // No Host header at all (HTTP/1.0): refused too.
  const reply = await new Promise((ok, fail) => {
    const socket = connect(port, "127.0.0.1", () => socket.end("GET /www/favicon.svg HTTP/1.0\r\n\r\n"));
    let text = "";
    socket.on("data", (d) => (text += d));
    socket.on("end", () => ok(text));
    socket.on("error", fail);
  });
  assert.match(reply, /^HTTP\/1\.1 421 /);
});

// --- verify() reads back every bundle resultBundle() makes -----------------------------------------

const PACK_ID = "gpai-cop-final";
const example = JSON.parse(readFileSync(new URL("../../www/examples/frontier-systemic-risk.json", import.meta.url), "utf8"));
const questions = () => pack(PACK_ID).chapters.flatMap((c) => c.commitments.flatMap((cm) => cm.measures.flatMap((m) => m.questions)));
const bytes = (value) => Buffer.byteLength(JSON.stringify(value));

/** The bundle of `submission` (which evaluate() must accept) verifies, and renders; returns its size. */
function roundTrip(submission, what, t) {
  assert.ok(bytes(submission) <= limits().maxSubmissionBytes, `${what}: the submission is within the limit`);
  evaluate(submission);
  const bundle = resultBundle(submission);
  const size = bytes(bundle);
  assert.ok(size <= limits().maxBundleBytes, `${what}: a bundle of ${size} bytes is within maxBundleBytes`);
  const verdict = verify(JSON.parse(JSON.stringify(bundle)));
  assert.equal(verdict.verdict, "match", what);
  assert.match(reportMarkdown(bundle), /^# gpai-check report/, `${what}: the bundle renders`);
  t?.diagnostic(`${what}: submission ${bytes(submission)} bytes, bundle ${size} bytes`);
  return size;
}

test("verify() reads back the bundle of 55 text answers of 20,000 CJK characters (3.3 MB submission, 4.6 MB bundle)", (t) => {
  const answers = { ...example.answers };
  // 55 text questions the example asks, as when this case was found: the pack now has more (the
  // training-content summary's fields), and all of them at the longest would pass the limit.
  const asked = new Set(evaluate(example).questions.filter((q) => q.asked).map((q) => q.id));
  for (const q of questions().filter((q) => q.type === "text" && asked.has(q.id)).slice(0, 55)) answers[q.id] = "漢".repeat(limits().maxTextChars);
  const size = roundTrip({ ...example, answers }, "55 CJK texts", t);
  assert.ok(size > 4.5e6, `the bundle is ${size} bytes`);
});

test("verify() reads back the largest bundles a submission within the limits can make", (t) => {
  const { maxSubmissionBytes, maxTextChars, maxAnswers } = limits();
  // The report repeats a text answer in the trace of the requirement that uses it. That is
  // what makes a bundle larger than twice its submission possible; the limit counts on each
  // answer being repeated at most once.
  const marked = { ...example.answers };
  const texts = questions().filter((q) => q.type === "text" || q.type === "url");
  for (const q of texts) marked[q.id] = `MARK-${q.id}-`;
  const report = JSON.stringify(evaluate({ ...example, answers: marked }));
  const repeats = texts.map((q) => report.split(`MARK-${q.id}-`).length - 1);
  assert.ok(Math.max(...repeats) <= 1, `a text answer is repeated at most once in the report (found ${Math.max(...repeats)}): re-derive maxBundleBytes`);

  // 1. Texts of control characters, six bytes each as JSON, in every repeated question first.
  const control = "\u0001".repeat(maxTextChars);
  const answers = { ...example.answers };
  const order = texts.map((q, i) => /** @type {[any, number]} */ ([q, repeats[i]])).sort((a, b) => b[1] - a[1]).map(([q]) => q);
  for (const q of order) {
    answers[q.id] = control;
    if (bytes({ ...example, answers }) > maxSubmissionBytes) {
      delete answers[q.id];
      break;
    }
  }
  roundTrip({ ...example, answers }, "control-character texts", t);

  // 2. As many unknown answers as allowed, with ids as long as the size allows: each becomes a
  // finding that repeats its id.
  const idLength = Math.floor(maxSubmissionBytes / maxAnswers) - 16;
  const unknown = {};
  for (let i = 0; i < maxAnswers; i++) unknown[`${String(i).padStart(5, "0")}${"\u0002".repeat(Math.floor((idLength - 5) / 6))}`] = 0;
  roundTrip({ pack: PACK_ID, profile: example.profile, answers: unknown }, "5,000 unknown answers with long ids", t);

  // 3. Every question answered with a value of the wrong kind: a finding each, with the
  // question's options or bounds.
  const wrong = Object.fromEntries(questions().map((q) => [q.id, q.type === "number" ? "many" : 12345]));
  roundTrip({ ...example, answers: wrong }, "every answer of the wrong kind", t);
});
