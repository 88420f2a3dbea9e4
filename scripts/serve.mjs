// A static file server for the checker: serves the repository root (www/ and pkg/) on loopback
// with the right MIME types and a strict Content Security Policy, and the build's brotli or gzip
// copy of a file (scripts/precompress.mjs) when the request accepts it, as static hosts do.
// No dependencies.
//   node scripts/serve.mjs [port]   (default 8080; 0 picks a free port)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { extname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { encodings, variantPath } from "./precompress.mjs";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};
// Only what the page needs is served: the app, the package and the examples.
const allowed = ["www", "pkg"].map((dir) => resolve(root, dir) + sep);
// A loopback server answers only requests addressed to a loopback name: a page on another site
// that makes its own name resolve to 127.0.0.1 (DNS rebinding) sends its own name as Host.
const loopbackHosts = new Set(["127.0.0.1", "localhost"]);
export const csp =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * The content encodings of `encodings` that an Accept-Encoding header allows, in the server's order
 * of preference (brotli, then gzip), whatever the header's order: "q=0" refuses one, "*" names
 * every one the header does not name itself.
 */
export function acceptedEncodings(header = "") {
  const weights = new Map();
  for (const part of header.split(",")) {
    const [token, ...params] = part.trim().toLowerCase().split(";").map((x) => x.trim());
    if (!token) continue;
    const q = params.find((p) => p.startsWith("q="));
    weights.set(token, q === undefined ? 1 : Number(q.slice(2)));
  }
  return encodings.map((e) => e.name).filter((name) => (weights.get(name) ?? weights.get("*") ?? 0) > 0);
}

const decompress = { br: brotliDecompressSync, gzip: gunzipSync };

/**
 * Per compressed copy: the stamp (size, inode, modification and change times of the original and
 * of the copy) under which it was last compared with its original, and whether it decompressed to
 * it. A copy is compared again whenever either file changes, so a stale copy is never served,
 * however the times were set (a checkout, a copy that keeps times, a rebuild of one but not the
 * other): the change time moves on every write and cannot be set back.
 */
const checked = new Map();

/** The compressed copy of `file` (served as `path`) in `encoding`, if it is that file exactly; else null. */
async function freshCopy(file, info, path, encoding) {
  const copy = variantPath(path, encoding);
  let copyInfo;
  try {
    copyInfo = await stat(copy);
  } catch {
    return null;
  }
  if (!copyInfo.isFile()) return null;
  const stamp = [info, copyInfo].map((s) => `${s.size}:${s.ino}:${s.mtimeMs}:${s.ctimeMs}`).join("/");
  const body = await readFile(copy);
  if (checked.get(copy)?.stamp !== stamp) {
    let same = false;
    try {
      same = decompress[encoding](body).equals(await readFile(file));
    } catch {
      // Not valid brotli or gzip: not the file.
    }
    checked.set(copy, { stamp, same });
  }
  return checked.get(copy).same ? body : null;
}

/** The host name of a Host header ("127.0.0.1:8080" -> "127.0.0.1"), lower case; "" if malformed. */
function hostName(header = "") {
  const match = /^([a-z0-9.-]+)(?::\d{1,5})?$/i.exec(header);
  return match ? match[1].toLowerCase() : "";
}

/**
 * The file a request path names: the absolute path of a file inside www/ or pkg/, "/" for the
 * root, null for anything else, undefined for a path that does not decode. The path is decoded
 * first (so "%2f" and "%2e" count as what they are), then resolved, then compared with each
 * allowed folder plus a separator, so that neither ".." nor a sibling folder whose name starts
 * with the same letters gets out.
 */
function fileFor(requestUrl) {
  let path;
  try {
    path = decodeURIComponent(new URL(requestUrl, "http://127.0.0.1").pathname);
  } catch {
    return undefined;
  }
  if (path === "/") return "/";
  if (path.includes("\0")) return null;
  const file = resolve(root, `.${path.endsWith("/") ? `${path}index.html` : path}`);
  return allowed.some((folder) => file.startsWith(folder)) ? file : null;
}

/**
 * Starts the server. `crossOriginIsolated: true` adds the two headers that make the page
 * cross-origin isolated, for the benchmark: only then does Chromium time `performance.now()` to
 * 5 µs instead of 100 µs, too coarse for calls of about a millisecond against a 0.5 ms budget.
 * `precompressed: false` always sends the original file, uncompressed (the benchmark's "before").
 */
export function startServer(port = 8080, host = "127.0.0.1", { crossOriginIsolated = false, precompressed = true } = {}) {
  const server = createServer(async (req, res) => {
    if (!loopbackHosts.has(hostName(req.headers.host))) {
      res.writeHead(421).end("this server answers only http://127.0.0.1 and http://localhost");
      return;
    }
    const file = fileFor(req.url);
    if (file === undefined) {
      res.writeHead(400).end("bad path");
      return;
    }
    if (file === "/") {
      res.writeHead(302, { location: "/www/" }).end();
      return;
    }
    if (file === null) {
      res.writeHead(404).end("not found");
      return;
    }
    // The copies in precompressed/ mirror the repository's layout: named from the resolved file.
    const path = `/${relative(root, file).split(sep).join("/")}`;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error("not a file");
      let body = null;
      let encoding = null;
      for (const accepted of precompressed ? acceptedEncodings(req.headers["accept-encoding"]) : []) {
        body = await freshCopy(file, info, path, accepted);
        if (body) {
          encoding = accepted;
          break;
        }
      }
      body ??= await readFile(file);
      res.writeHead(200, {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "content-length": body.length,
        ...(encoding ? { "content-encoding": encoding } : {}),
        // The answer depends on Accept-Encoding: a cache between must not give one client's to another.
        vary: "Accept-Encoding",
        "content-security-policy": csp,
        "x-content-type-options": "nosniff",
        "cache-control": "no-cache",
        ...(crossOriginIsolated ? { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const server = await startServer(port);
  const { port: actual } = server.address();
  console.log(`gpai-check is served at http://127.0.0.1:${actual}/www/  (Ctrl+C to stop)`);
}
