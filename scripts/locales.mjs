// The locales: every text a person reads, keyed by a stable id, in files translators can share.
//   node scripts/locales.mjs           writes locales/en/*.json from the sources (deterministic:
//                                      the same sources give the same bytes; re-run after any
//                                      change to a pack, the scope texts, the engine's messages
//                                      or the page's interface catalogue)
//   node scripts/locales.mjs --check   exits 1 when locales/en/ differs from what the sources give
//   node scripts/locales.mjs --bundle  writes www/locales/<lang>.json, one file per shipped
//                                      language (run by scripts/build.sh)
//
// The sources: the pack (src/packs/<pack>/pack.json and its chapter files), the scope texts
// (src/packs/ai-act-scope.json), the engine's messages (src/messages/en.json) and the page's
// interface catalogue (www/interface-en.js). A key is the item's kind, its id and the field,
// joined by ":" (`measure:SS-1.1:title`, `question:c_crawls_web:option:yes`); an array index is
// used only where the item has no id (a Form section). The walk is www/locale-keys.js, which the
// page uses to put a language's texts into its pack; the Rust renderers look texts up by the same
// keys (src/locale.rs), and tests/locales.rs holds them to these files.
// locales/README.md describes the format for translators.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { walkChapter, walkPackHead, walkScope } from "../www/locale-keys.js";
import { LANGUAGES } from "../www/languages.js";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const read = (path) => JSON.parse(readFileSync(join(root, path), "utf8"));

/** Largest size of a locale file, in bytes, before it is split. */
export const MAX_FILE_BYTES = 40 * 1024;

/** The status every English file carries: the authoritative text. */
export const ENGLISH_STATUS = "authoritative";

/** The status every translated file must carry. */
export const TRANSLATION_STATUS = "translation, not legally reviewed";

/** Adds `key: text` when the text is a non-empty string; a key met twice is a data defect. */
function put(texts, key, text) {
  if (typeof text !== "string" || text === "") return;
  if (Object.hasOwn(texts, key)) throw new Error(`locale key ${key} is made twice: two items share an id`);
  texts[key] = text;
}

/** Splits `texts` into parts of at most MAX_FILE_BYTES each, in order: `name`, `name.2`, ... */
function split(name, source, texts) {
  const parts = [];
  let current = {};
  for (const [k, v] of Object.entries(texts)) {
    const next = { ...current, [k]: v };
    if (Object.keys(current).length && Buffer.byteLength(fileText(name, source, next)) > MAX_FILE_BYTES) {
      parts.push(current);
      current = { [k]: v };
    } else {
      current = next;
    }
  }
  parts.push(current);
  return parts.map((t, i) => [i === 0 ? name : `${name}.${i + 1}`, t]);
}

/** A locale file's text: its language, status, where its English comes from, and its texts. */
export function fileText(name, source, texts, language = "en", status = ENGLISH_STATUS) {
  return `${JSON.stringify({ language, status, source, texts }, null, 2)}\n`;
}

/** The English locale, as files: `[{ name, source, texts }]` in a fixed order. A file is a
 * pack's own texts, its changelog, a chapter's own texts, a commitment, a form, the scope
 * texts, the engine's messages or the page's interface; a file over MAX_FILE_BYTES is split. */
export async function englishFiles() {
  const files = [];
  const add = (name, source, texts) => {
    for (const [n, t] of split(name, source, texts)) files.push({ name: n, source, texts: t });
  };
  // Collects the texts a walk visits into the part (file) it is in.
  const collect = (source, walk) => {
    const parts = [];
    const visit = (key, holder, field) => put(parts.at(-1).texts, key, holder[field]);
    walk(visit, (name) => parts.push({ name, texts: {} }));
    for (const p of parts) add(p.name, source, p.texts);
  };
  const packDirs = readdirSync(join(root, "src/packs"), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, "src/packs", d.name, "pack.json")))
    .map((d) => d.name)
    .sort();
  for (const dir of packDirs) {
    const manifestPath = `src/packs/${dir}/pack.json`;
    const pack = read(manifestPath);
    collect(manifestPath, (visit, part) => walkPackHead(pack, visit, part));
    for (const file of pack.chapterFiles) {
      const path = `src/packs/${dir}/${file}`;
      const ch = read(path);
      collect(path, (visit, part) => walkChapter(ch, visit, part));
    }
  }
  collect("src/packs/ai-act-scope.json", (visit, part) => {
    part("scope");
    walkScope(read("src/packs/ai-act-scope.json"), visit);
  });
  add("messages", "src/messages/en.json, src/messages/report.en.json", {
    ...read("src/messages/en.json").messages,
    ...read("src/messages/report.en.json").messages,
  });
  const ui = (await import(pathToFileURL(join(root, "www/interface-en.js")).href)).INTERFACE_EN;
  const html = htmlStrings(readFileSync(join(root, "www/index.html"), "utf8"));
  for (const key of Object.keys(html)) {
    if (Object.hasOwn(ui, key)) throw new Error(`interface key ${key} is both in www/index.html and www/interface-en.js`);
  }
  add("interface", "www/index.html, www/interface-en.js", { ...html, ...ui });
  return files;
}

/**
 * The interface words of the page's HTML: the text of each element marked `data-i18n="key"`
 * (text only, no markup inside), and each attribute named by `data-i18n-attr="attr=key; ..."`.
 * In document order; a key used twice must say the same both times.
 */
export function htmlStrings(html) {
  const out = {};
  const add = (key, text) => {
    const value = text.replace(/\s+/g, " ").trim().replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"');
    if (Object.hasOwn(out, key) && out[key] !== value) throw new Error(`www/index.html: data-i18n key ${key} has two texts`);
    out[key] = value;
  };
  for (const m of html.matchAll(/<(\w+)\b([^>]*)>/g)) {
    const attrs = m[2];
    const key = /\bdata-i18n="([^"]+)"/.exec(attrs)?.[1];
    if (key) {
      const rest = html.slice(m.index + m[0].length);
      const close = rest.indexOf(`</${m[1]}>`);
      const text = rest.slice(0, close);
      if (close < 0 || /</.test(text)) throw new Error(`www/index.html: data-i18n="${key}" must hold text only`);
      add(key, text);
    }
    const named = /\bdata-i18n-attr="([^"]+)"/.exec(attrs)?.[1];
    for (const pair of named ? named.split(";") : []) {
      const [attr, k] = pair.split("=").map((x) => x.trim());
      const value = new RegExp(`\\b${attr}="([^"]*)"`).exec(attrs)?.[1];
      if (!attr || !k || value === undefined) throw new Error(`www/index.html: data-i18n-attr names ${attr}, which the element lacks`);
      add(k, value);
    }
  }
  return out;
}

/** The `{name}` placeholders of a text, sorted, as one string (for comparing two texts). */
export function placeholders(text) {
  return [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(",");
}

/** Reads every locale file of a language: `Map<name, { language, status, source, texts }>`. */
export function readLocale(language) {
  const dir = join(root, "locales", language);
  const out = new Map();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    out.set(f.slice(0, -".json".length), JSON.parse(readFileSync(join(dir, f), "utf8")));
  }
  return out;
}

/**
 * What is wrong with a language's files, against the English ones: a file or key missing (unless
 * `pending` lists it), a key or file the English does not have, another set of placeholders, a
 * status other than TRANSLATION_STATUS, a language other than its folder's; and a `pending`
 * entry that is no longer missing (the list only shrinks). `pending`: `{ files: [name],
 * keys: { name: [key] } }`. Returns the problems as sentences, none when all is well.
 */
export function problems(language, english, files, pending = {}) {
  const out = [];
  const pendingFiles = new Set(pending.files ?? []);
  const pendingKeys = pending.keys ?? {};
  const englishNames = new Set(english.map((f) => f.name));
  for (const name of [...pendingFiles, ...Object.keys(pendingKeys)]) {
    if (!englishNames.has(name)) out.push(`${language}: pending list names ${name}, which is not an English file`);
  }
  for (const name of files.keys()) {
    if (!englishNames.has(name)) out.push(`${language}/${name}.json: no English file of this name (removed or renamed?)`);
  }
  for (const en of english) {
    const file = files.get(en.name);
    if (!file) {
      if (!pendingFiles.has(en.name)) out.push(`${language}/${en.name}.json is missing`);
      continue;
    }
    if (pendingFiles.has(en.name)) out.push(`${language}/${en.name}.json exists: take it off the pending list (list its missing keys instead)`);
    const where = `${language}/${en.name}.json`;
    if (file.language !== language) out.push(`${where}: "language" is ${JSON.stringify(file.language)}, expected "${language}"`);
    if (file.status !== TRANSLATION_STATUS) out.push(`${where}: "status" is ${JSON.stringify(file.status)}, expected "${TRANSLATION_STATUS}"`);
    const texts = file.texts && typeof file.texts === "object" ? file.texts : {};
    const allowed = new Set(pendingKeys[en.name] ?? []);
    for (const [key, text] of Object.entries(en.texts)) {
      if (!Object.hasOwn(texts, key)) {
        if (!allowed.has(key)) out.push(`${where}: no text for ${key}`);
        continue;
      }
      if (allowed.has(key)) out.push(`${where}: ${key} is translated: take it off the pending list`);
      // A separator may be a space (French groups digits with a narrow no-break space); any other
      // text that is only white space is as good as missing.
      const blank = typeof texts[key] !== "string" || texts[key] === "" || (texts[key].trim() === "" && !key.endsWith("separator"));
      if (blank) out.push(`${where}: ${key} is empty`);
      else if (placeholders(texts[key]) !== placeholders(text)) {
        out.push(`${where}: ${key} has placeholders {${placeholders(texts[key])}}, the English {${placeholders(text)}}`);
      }
    }
    for (const key of Object.keys(texts)) {
      if (!Object.hasOwn(en.texts, key)) out.push(`${where}: ${key} is not a key of the English file (its item is gone or renamed)`);
    }
    for (const key of allowed) {
      if (!Object.hasOwn(en.texts, key)) out.push(`${where}: pending key ${key} is not a key of the English file`);
    }
  }
  return out;
}

/**
 * One language in one file, as the page fetches it and the renderers take it:
 * `{ language, status, texts, messages, interface, missing }`: the pack and scope texts, the
 * engine's messages and the page's interface, each by key; `missing` counts the English texts
 * it has no translation for (they are shown in English).
 */
export function bundleOf(language, english, files) {
  const out = { language, status: TRANSLATION_STATUS, texts: {}, messages: {}, interface: {}, missing: 0 };
  for (const en of english) {
    // A part split off a large file ("interface.2") belongs where its first part goes.
    const whole = en.name.replace(/\.\d+$/, "");
    const target = whole === "messages" ? out.messages : whole === "interface" ? out.interface : out.texts;
    const texts = files.get(en.name)?.texts ?? {};
    for (const key of Object.keys(en.texts)) {
      if (typeof texts[key] === "string" && texts[key] !== "") target[key] = texts[key];
      else out.missing += 1;
    }
  }
  return out;
}

async function main() {
  const check = process.argv.includes("--check");
  const files = await englishFiles();
  if (process.argv.includes("--bundle")) {
    // www/locales/<lang>.json for each shipped language: what the page fetches when the
    // language is chosen, and what the one-file checker and the package carry.
    const out = join(root, "www", "locales");
    mkdirSync(out, { recursive: true });
    for (const { code } of LANGUAGES.filter((l) => l.code !== "en")) {
      const bundle = bundleOf(code, files, readLocale(code));
      writeFileSync(join(out, `${code}.json`), `${JSON.stringify(bundle)}\n`);
      console.log(`www/locales/${code}.json: ${bundle.missing} texts missing (shown in English)`);
    }
    return;
  }
  const dir = join(root, "locales", "en");
  const wanted = new Map(files.map((f) => [`${f.name}.json`, fileText(f.name, f.source, f.texts)]));
  if (check) {
    const have = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
    const stale = [...wanted].filter(([f, text]) => !existsSync(join(dir, f)) || readFileSync(join(dir, f), "utf8") !== text).map(([f]) => f);
    const extra = have.filter((f) => !wanted.has(f));
    if (stale.length || extra.length) {
      console.error(`locales/en/ is out of date (run node scripts/locales.mjs): ${[...stale, ...extra].join(", ")}`);
      process.exit(1);
    }
    console.log(`locales/en/: ${files.length} files, up to date`);
    return;
  }
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json") && !wanted.has(f))) rmSync(join(dir, f));
  let keys = 0;
  for (const [f, text] of wanted) writeFileSync(join(dir, f), text);
  for (const f of files) keys += Object.keys(f.texts).length;
  console.log(`locales/en/: ${files.length} files, ${keys} texts`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
