// The static server (scripts/serve.mjs) sends the build's brotli or gzip copy of a file when the
// request accepts it, the original otherwise, and never a copy that is not the original exactly.
// Run after the build (scripts/test.sh does), which writes the copies (scripts/precompress.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { readFileSync, writeFileSync, rmSync, statSync, utimesSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { startServer, csp, acceptedEncodings } from "../../scripts/serve.mjs";
import { precompressFile, variantPath } from "../../scripts/precompress.mjs";
import { firstVisitFiles } from "../../scripts/size-gate.mjs";

const root = new URL("../../", import.meta.url).pathname;
const read = (file) => readFileSync(join(root, file));
const decompress = { br: brotliDecompressSync, gzip: gunzipSync };

let server;
let plainServer;
before(async () => {
  server = await startServer(0);
  plainServer = await startServer(0, "127.0.0.1", { precompressed: false });
});
after(() => {
  server?.close();
  plainServer?.close();
});

/** GET (or `method`) `path` with the given Accept-Encoding (none when undefined): { status, headers, body }. */
function get(path, acceptEncoding, { via = server, method = "GET" } = {}) {
  const headers = acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding };
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port: via.address().port, path, method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    req.end();
  });
}

/** The page's own files as served: the first visit's and the one-file checker it offers. */
const pageFiles = () => [...firstVisitFiles(), "pkg/gpai-check.html"];
const urlOf = (file) => `/${file}`.replace(/\/index\.html$/, "/");

test("every file of the page comes as brotli, as gzip or as itself, each exactly the original, with the CSP", async () => {
  for (const file of pageFiles()) {
    const original = read(file);
    for (const encoding of ["br", "gzip"]) {
      const r = await get(urlOf(file), encoding);
      assert.equal(r.status, 200, file);
      assert.equal(r.headers["content-encoding"], encoding, `${file} has a fresh ${encoding} copy (run bash scripts/build.sh)`);
      assert.ok(decompress[encoding](r.body).equals(original), `${file} as ${encoding} decompresses to the original`);
      assert.ok(r.body.length < original.length, `${file} as ${encoding} is smaller`);
      assert.equal(Number(r.headers["content-length"]), r.body.length, file);
      assert.equal(r.headers.vary, "Accept-Encoding", file);
      assert.equal(r.headers["content-security-policy"], csp, file);
    }
    const plain = await get(urlOf(file), undefined);
    assert.equal(plain.headers["content-encoding"], undefined, file);
    assert.ok(plain.body.equals(original), `${file} without Accept-Encoding is the original`);
    assert.equal(Number(plain.headers["content-length"]), original.length, file);
    assert.equal(plain.headers["content-security-policy"], csp, file);
  }
});

test("each variant keeps the original's type, and the headers every response carries", async () => {
  const types = { "www/": "text/html; charset=utf-8", "pkg/gpai_check_bg.wasm": "application/wasm", "www/app.bundle.js": "text/javascript; charset=utf-8", "www/style.css": "text/css; charset=utf-8", "www/examples/index.json": "application/json; charset=utf-8" };
  for (const [file, type] of Object.entries(types)) {
    for (const encoding of ["br", "gzip", "identity", undefined]) {
      const r = await get(`/${file}`, encoding);
      assert.equal(r.headers["content-type"], type, `${file} (${encoding})`);
      assert.equal(r.headers["x-content-type-options"], "nosniff");
      assert.equal(r.headers["cache-control"], "no-cache");
    }
  }
});

test("brotli is preferred to gzip, whatever order the request names them in; q=0 refuses one", async () => {
  assert.deepEqual(acceptedEncodings("gzip, deflate, br, zstd"), ["br", "gzip"]);
  assert.deepEqual(acceptedEncodings("gzip;q=1.0, br;q=0.5"), ["br", "gzip"]);
  assert.deepEqual(acceptedEncodings("br;q=0, gzip"), ["gzip"]);
  assert.deepEqual(acceptedEncodings("*"), ["br", "gzip"]);
  assert.deepEqual(acceptedEncodings("*, br;q=0"), ["gzip"]);
  assert.deepEqual(acceptedEncodings("identity"), []);
  assert.deepEqual(acceptedEncodings(""), []);
  assert.deepEqual(acceptedEncodings(undefined), []);
  assert.equal((await get("/pkg/gpai_check_bg.wasm", "gzip, deflate, br")).headers["content-encoding"], "br");
  assert.equal((await get("/pkg/gpai_check_bg.wasm", "br;q=0, gzip")).headers["content-encoding"], "gzip");
  assert.equal((await get("/pkg/gpai_check_bg.wasm", "deflate")).headers["content-encoding"], undefined);
});

test("with precompressed: false the server sends the original, whatever the request accepts", async () => {
  const r = await get("/pkg/gpai_check_bg.wasm", "br, gzip", { via: plainServer });
  assert.equal(r.headers["content-encoding"], undefined);
  assert.ok(r.body.equals(read("pkg/gpai_check_bg.wasm")));
  assert.equal(r.headers["content-security-policy"], csp);
});

test("HEAD gives the variant's headers and no body", async () => {
  const r = await get("/pkg/gpai-check.html", "br", { method: "HEAD" });
  assert.equal(r.status, 200);
  assert.equal(r.headers["content-encoding"], "br");
  assert.equal(r.body.length, 0);
});

test("a copy that is not its original (stale, rewritten in place with its times set back, or corrupt) is never sent", async (t) => {
  // A file of the test's own in pkg/ (build output, git-ignored), with copies made as the build makes them.
  const file = `pkg/serve-test-${process.pid}.json`;
  const path = `/${file}`;
  const copies = ["br", "gzip"].map((e) => variantPath(path, e));
  t.after(() => {
    for (const f of [join(root, file), ...copies]) rmSync(f, { force: true });
  });
  const v1 = Buffer.from(JSON.stringify({ version: 1, text: "the first version ".repeat(200) }));
  writeFileSync(join(root, file), v1);
  precompressFile(file);
  for (const encoding of ["br", "gzip"]) {
    const r = await get(path, encoding);
    assert.equal(r.headers["content-encoding"], encoding, "the fresh copy is sent");
    assert.ok(decompress[encoding](r.body).equals(v1));
  }

  // The original changes after the build: its copies are stale.
  const v2 = Buffer.from(JSON.stringify({ version: 2, text: "the second version ".repeat(200) }));
  writeFileSync(join(root, file), v2);
  for (const encoding of ["br", "gzip"]) {
    const r = await get(path, encoding);
    assert.equal(r.headers["content-encoding"], undefined, `a stale ${encoding} copy is not sent`);
    assert.ok(r.body.equals(v2), "the original is sent instead");
    assert.equal(r.headers["content-security-policy"], csp);
  }

  // Fresh copies again, then the original rewritten in place to the same size, with its
  // modification time set back to what it was: still found out.
  // (A whole second, so that the time set back is exactly the time before.)
  precompressFile(file);
  utimesSync(join(root, file), 1_700_000_000, 1_700_000_000);
  assert.equal((await get(path, "br")).headers["content-encoding"], "br");
  const v3 = Buffer.from(v2.toString().replace("second", "SECOND"));
  assert.equal(v3.length, v2.length);
  writeFileSync(join(root, file), v3);
  utimesSync(join(root, file), 1_700_000_000, 1_700_000_000);
  assert.equal(statSync(join(root, file)).mtimeMs, 1_700_000_000_000);
  for (const encoding of ["br", "gzip"]) {
    const r = await get(path, encoding);
    assert.equal(r.headers["content-encoding"], undefined, `the ${encoding} copy of the earlier text is not sent`);
    assert.ok(r.body.equals(v3));
  }

  // A copy newer than its original but not its compressed form (or not compressed at all).
  precompressFile(file);
  mkdirSync(dirname(copies[0]), { recursive: true });
  writeFileSync(copies[0], "not brotli");
  writeFileSync(copies[1], v3);
  for (const encoding of ["br", "gzip"]) {
    const r = await get(path, encoding);
    assert.equal(r.headers["content-encoding"], undefined, `a corrupt ${encoding} copy is not sent`);
    assert.ok(r.body.equals(v3));
  }
  // Without copies at all, the original.
  for (const f of copies) rmSync(f);
  assert.ok((await get(path, "br, gzip")).body.equals(v3));
});

test("only the page's folders are served, compressed or not", async () => {
  for (const path of ["/Cargo.toml", "/precompressed/pkg/gpai_check_bg.wasm.br", "/www/../Cargo.toml", "/src/lib.rs"]) {
    const r = await get(path, "br, gzip");
    assert.equal(r.status, 404, path);
  }
  const r = await get("/www/no-such-file.js", "br");
  assert.equal(r.status, 404);
});
