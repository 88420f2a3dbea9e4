// A link that carries the answers: the answers file (transfer.js), deflated and written in the
// URL's fragment. The fragment never reaches a server (browsers do not send it), so the link can
// be sent like a file and opened anywhere the checker runs; opened, it becomes a new assessment,
// read by the engine's own reader as an imported file is. Compression uses the browser's
// CompressionStream; nothing is fetched.

/** The fragment's key: `#answers=<base64url of the deflated answers file>`. */
export const SHARE_KEY = "answers";
/**
 * Longest link offered, in characters. Browsers take much longer URLs, but mail clients, chat
 * tools and forms cut or refuse links far below that; past this the file export is the way.
 */
export const MAX_LINK_CHARS = 8000;

async function transform(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The link for an answers file's text, on `base` (the page's address without a fragment):
 * `{ url }`, or `{ tooLong }` with the length the link would have had.
 */
export async function shareLink(fileText, base) {
  const packed = await transform(new TextEncoder().encode(fileText), new CompressionStream("deflate-raw"));
  const url = `${base}#${SHARE_KEY}=${toBase64Url(packed)}`;
  return url.length > MAX_LINK_CHARS ? { tooLong: url.length } : { url };
}

/**
 * The answers file's bytes carried by a fragment (`location.hash`), or null when it carries
 * none. Throws when the fragment says it carries answers but they cannot be unpacked, at most
 * `maxBytes` of them (the engine's submission limit), so that a crafted link cannot make the
 * page inflate without end.
 */
export async function answersFromFragment(hash, maxBytes) {
  const prefix = `#${SHARE_KEY}=`;
  if (!hash.startsWith(prefix)) return null;
  const packed = fromBase64Url(hash.slice(prefix.length));
  const reader = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`the link holds more than ${maxBytes / (1024 * 1024)} MB of answers`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
