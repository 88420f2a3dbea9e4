// The locales: every text a person reads, keyed by a stable id, in files translators can share.
//   node scripts/locales.mjs           writes locales/en/*.json from the sources (deterministic:
//                                      the same sources give the same bytes; re-run after any
//                                      change to a pack, the scope texts, the engine's messages
//                                      or the page's interface catalogue)
//   node scripts/locales.mjs --check   exits 1 when locales/en/ differs from what the sources give
//
// The sources: the pack (src/packs/<pack>/pack.json and its chapter files), the scope texts
// (src/packs/ai-act-scope.json), the engine's messages (src/messages/en.json) and the page's
// interface catalogue (www/interface-en.js). A key is the item's kind, its id and the field,
// joined by ":" (`measure:SS-1.1:title`, `question:c_crawls_web:option:yes`); an array index is
// used only where the item has no id (a Form section). src/locale.rs walks the pack with the
// same keys, and tests/locales.rs holds the two to the same result.
// locales/README.md describes the format for translators.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
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

/** The texts of a question: its text, help, unit and option labels. */
function questionTexts(texts, q) {
  put(texts, `question:${q.id}:text`, q.text);
  put(texts, `question:${q.id}:help`, q.help);
  put(texts, `question:${q.id}:unit`, q.unit);
  for (const o of q.options ?? []) put(texts, `question:${q.id}:option:${o.id}`, o.label);
}

/** The texts of a measure: title, summary, requirements (text, note, KPIs) and questions. */
function measureTexts(texts, m) {
  put(texts, `measure:${m.id}:title`, m.title);
  put(texts, `measure:${m.id}:summary`, m.summary);
  for (const r of m.requirements ?? []) {
    put(texts, `requirement:${r.id}:text`, r.text);
    put(texts, `requirement:${r.id}:note`, r.note);
    for (const k of r.kpis ?? []) {
      put(texts, `kpi:${k.id}:metric`, k.metric);
      put(texts, `kpi:${k.id}:unit`, k.unit);
      put(texts, `kpi:${k.id}:anchor`, k.anchor);
    }
  }
  for (const q of m.questions ?? []) questionTexts(texts, q);
}

/** The texts of a commitment and its measures. */
function commitmentTexts(c) {
  const texts = {};
  put(texts, `commitment:${c.id}:title`, c.title);
  put(texts, `commitment:${c.id}:summary`, c.summary);
  for (const m of c.measures ?? []) measureTexts(texts, m);
  return texts;
}

/** A chapter's own texts: title, summary, notes, SME simplifications, its reason to apply by
 * signature and its cross-checks (the commitments and the form have files of their own). */
function chapterTexts(ch) {
  const texts = {};
  put(texts, `chapter:${ch.id}:title`, ch.title);
  put(texts, `chapter:${ch.id}:summary`, ch.summary);
  put(texts, `chapter:${ch.id}:also-applies`, ch.alsoAppliesReason?.text);
  for (const n of ch.notes ?? []) put(texts, `note:${n.id}:text`, n.text);
  for (const s of ch.simplifications ?? []) put(texts, `simplification:${s.id}:text`, s.text);
  for (const x of ch.crossChecks ?? []) {
    put(texts, `cross-check:${x.id}:title`, x.title);
    put(texts, `cross-check:${x.id}:message`, x.message);
  }
  return texts;
}

/** A documentation form's texts: title, recipients, rules, sections (by position: they have no
 * id) and fields (label, note). A field's parts are questions, in their measure's file. */
function formTexts(f) {
  const texts = {};
  put(texts, `form:${f.id}:title`, f.title);
  for (const r of f.recipients ?? []) {
    put(texts, `form:${f.id}:recipient:${r.id}:label`, r.label);
    put(texts, `form:${f.id}:recipient:${r.id}:delivery`, r.delivery);
  }
  for (const r of f.rules ?? []) put(texts, `form-rule:${r.id}:text`, r.text);
  (f.sections ?? []).forEach((s, i) => put(texts, `form:${f.id}:section:${i}`, s));
  for (const x of f.fields ?? []) {
    put(texts, `form-field:${x.id}:label`, x.label);
    put(texts, `form-field:${x.id}:note`, x.note);
  }
  return texts;
}

/** The pack's own texts: title, publisher, disclaimer and the law it encodes. */
function packTexts(p) {
  const texts = {};
  put(texts, `pack:${p.id}:title`, p.title);
  put(texts, `pack:${p.id}:publisher`, p.publisher);
  put(texts, `pack:${p.id}:disclaimer`, p.disclaimer);
  for (const l of p.law ?? []) {
    put(texts, `law:${l.id}:title`, l.title);
    put(texts, `law:${l.id}:note`, l.note);
  }
  return texts;
}

/** The changelog: each release's summary and each change's reason. */
function changelogTexts(p) {
  const texts = {};
  for (const r of p.changelog ?? []) {
    put(texts, `release:${r.version}:summary`, r.summary);
    for (const c of r.changes ?? []) put(texts, `change:${c.id}:reason`, c.reason);
  }
  return texts;
}

/** The scope decision's texts: what they rest on, the profile questions, the obligations and
 * every reason, note and option. Legal citations (`source`, `article`) stay as they are. */
function scopeTexts(s) {
  const texts = {};
  put(texts, "scope:as-of", s.asOf);
  for (const i of s.inputs ?? []) {
    put(texts, `input:${i.id}:label`, i.label);
    put(texts, `input:${i.id}:help`, i.help);
    put(texts, `input:${i.id}:unit`, i.unit);
  }
  for (const o of s.obligations ?? []) put(texts, `obligation:${o.id}:title`, o.title);
  for (const r of s.reasons ?? []) put(texts, `reason:${r.id}:text`, r.text);
  return texts;
}

/** Splits `texts` into parts of at most MAX_FILE_BYTES each, in order: `name`, `name.2`, ... */
function split(name, source, texts) {
  const parts = [];
  let current = {};
  for (const [k, v] of Object.entries(texts)) {
    const next = { ...current, [k]: v };
    if (Object.keys(current).length && fileText(name, source, next).length > MAX_FILE_BYTES) {
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
  const packDirs = readdirSync(join(root, "src/packs"), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, "src/packs", d.name, "pack.json")))
    .map((d) => d.name)
    .sort();
  for (const dir of packDirs) {
    const manifestPath = `src/packs/${dir}/pack.json`;
    const pack = read(manifestPath);
    add(`pack.${pack.id}`, manifestPath, packTexts(pack));
    add(`changelog.${pack.id}`, manifestPath, changelogTexts(pack));
    for (const file of pack.chapterFiles) {
      const path = `src/packs/${dir}/${file}`;
      const ch = read(path);
      add(`chapter.${ch.id}`, path, chapterTexts(ch));
      for (const c of ch.commitments ?? []) add(`commitment.${c.id}`, path, commitmentTexts(c));
      if (ch.form) add(`form.${ch.form.id}`, path, formTexts(ch.form));
    }
  }
  add("scope", "src/packs/ai-act-scope.json", scopeTexts(read("src/packs/ai-act-scope.json")));
  add("messages", "src/messages/en.json", read("src/messages/en.json").messages);
  const ui = (await import(pathToFileURL(join(root, "www/interface-en.js")).href)).default;
  add("interface", "www/interface-en.js", ui);
  return files;
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

async function main() {
  const check = process.argv.includes("--check");
  const files = await englishFiles();
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
