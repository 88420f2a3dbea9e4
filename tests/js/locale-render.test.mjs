// The package's renderers in a language: reportMarkdown(input, { locale }) and
// documents(input, { locale }) take the file a language ships as (pkg/locales/<code>.json, made
// by scripts/locales.mjs), say its status in every header, keep English where it has no text, and
// refuse a locale that is not one with an error naming the field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initSync, reportMarkdown, documents, isGpaiInputError } from "../../pkg/gpai_check.js";

const root = new URL("../../", import.meta.url).pathname;
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });

const submission = JSON.parse(readFileSync(join(root, "www/examples/frontier-systemic-risk.json"), "utf8"));
const german = JSON.parse(readFileSync(join(root, "pkg/locales/de.json"), "utf8"));
const french = JSON.parse(readFileSync(join(root, "pkg/locales/fr.json"), "utf8"));

test("the package ships each language as one file with its status", () => {
  for (const [code, locale] of [["de", german], ["fr", french]]) {
    assert.equal(locale.language, code);
    assert.equal(locale.status, "translation, not legally reviewed");
  }
});

test("a report in German says its status, uses the German words it has and English for the rest", () => {
  const md = reportMarkdown(submission, { locale: german });
  assert.match(md, /`translation, not legally reviewed`/);
  assert.match(md, /keine Rechtsberatung/, "the pack's disclaimer, translated");
  assert.match(md, /Erfüllt|Teilweise erfüllt|Nicht erfüllt/, "the engine's status words, translated");
  const english = reportMarkdown(submission);
  assert.match(english, /Language: English \(`authoritative`\)/);
  assert.notEqual(md, english);
  assert.equal(reportMarkdown(submission, {}), english, "no locale: English");
});

test("a report in French uses the French messages", () => {
  const md = reportMarkdown(submission, { locale: french });
  assert.match(md, /Respecté|Partiellement respecté|Non respecté/);
  assert.match(md, /pas un conseil juridique/);
});

test("documents in a language name the language and its status in their header", () => {
  const docs = documents(submission, { locale: german });
  // The Form for each of its three recipients, then the public training-content summary.
  assert.deepEqual(docs.map((d) => d.recipient), ["AIO", "NCA", "DP", "public"]);
  for (const d of docs) {
    // The label is German ("document.language"); the status is the file's own, as it says it.
    const language = d.header.find(([label]) => label === "Sprache");
    assert.deepEqual(language, ["Sprache", "de (translation, not legally reviewed)"], d.id);
  }
  const english = documents(submission);
  assert.deepEqual(english[0].header.find(([label]) => label === "Language"), ["Language", "en (authoritative)"]);
});

test("a locale that is not one is refused with the field named, and the answers are not touched", () => {
  /** @type {[any, string][]} */
  const cases = [
    [{ language: "de" }, "locale.status"],
    [{ language: "German", status: "x" }, "locale.language"],
    [{ language: "de", status: "x", texts: { "measure:T-1.1:title": 3 } }, "locale.texts.measure:T-1.1:title"],
    [{ language: "de", status: "x", messages: [] }, "locale.messages"],
  ];
  for (const [locale, path] of cases) {
    const before = structuredClone(submission);
    assert.throws(
      () => reportMarkdown(submission, { locale }),
      (e) => isGpaiInputError(e) && e.path === path,
      `${JSON.stringify(locale)} should name ${path}`,
    );
    assert.throws(() => documents(submission, { locale }), (e) => isGpaiInputError(e) && e.path === path);
    assert.deepEqual(submission, before);
  }
});
