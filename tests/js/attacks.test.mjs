// Attacks on what the package and its development server give out (issue #17): the server must
// serve only www/ and pkg/, and only to loopback names. The page, the element and the iframe
// have their own attack suites in tests/browser/ (attacks-*.test.mjs); docs/reliability.md
// counts them all. Run: node --test tests/js/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { connect } from "node:net";
import { startServer } from "../../scripts/serve.mjs";

let server;
before(async () => {
  server = await startServer(0);
});
after(() => server?.close());

/** GET `path` exactly as written (no client-side normalisation), with `host` as the Host header. */
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
