// Loads the DOCX export chunk (www/docx-export.js with the `docx` library, built by
// scripts/docx-chunk.mjs) on the first DOCX export, once. Served, it is a module beside the page,
// imported from the page's own origin. In the one-file checker there is no file beside it: the
// chunk's text is inline (base64, in #gpai-docx) and is run as an inline module, which the
// file's Content Security Policy allows by its hash, so export works offline from file://.

let loading = null;

/** The chunk's exports: `{ documentDocx(doc), DOCX_MEDIA_TYPE }`. */
export function loadDocx() {
  loading ??= load().catch((e) => {
    loading = null; // a failed load (e.g. a server gone away) may be tried again
    throw e;
  });
  return loading;
}

async function load() {
  const inline = document.getElementById("gpai-docx");
  if (!inline) return import("./docx-export.bundle.js");
  const bytes = Uint8Array.from(atob(inline.textContent.trim()), (c) => c.charCodeAt(0));
  const text = new TextDecoder().decode(bytes);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    globalThis.gpaiDocxLoaded = (chunk) => {
      delete globalThis.gpaiDocxLoaded;
      resolve(chunk);
    };
    // A policy that refuses the script fires no error event on an inline script: give up after a while.
    const timer = setTimeout(() => reject(new Error("the DOCX export could not start (the page's security policy refused it)")), 10000);
    const done = globalThis.gpaiDocxLoaded;
    globalThis.gpaiDocxLoaded = (chunk) => {
      clearTimeout(timer);
      done(chunk);
    };
    script.type = "module";
    script.textContent = text;
    document.head.append(script);
  });
}
