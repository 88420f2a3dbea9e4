// The locales are complete or visibly not: every text a person reads (the pack's, the scope
// decision's, the engine's messages and the page's interface) has an entry in each shipped
// language, no language keeps an entry for an id that is gone, and placeholders match. While the
// translations are being written, tests/js/locales-pending.json lists what may still be missing,
// and nothing else may be.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { englishFiles, fileText, problems, readLocale, bundleOf, placeholders, TRANSLATION_STATUS, MAX_FILE_BYTES } from "../../scripts/locales.mjs";
import { LANGUAGES } from "../../www/languages.js";
import { localisedPack } from "../../www/locale-keys.js";

const english = await englishFiles();
const pending = JSON.parse(readFileSync(new URL("./locales-pending.json", import.meta.url), "utf8"));
const translated = LANGUAGES.map((l) => l.code).filter((c) => c !== "en");

test("locales/en/ is what the sources give (run node scripts/locales.mjs after changing a text)", () => {
  const onDisk = readLocale("en");
  assert.deepEqual([...onDisk.keys()].sort(), english.map((f) => f.name).sort());
  for (const f of english) {
    const text = readFileSync(new URL(`../../locales/en/${f.name}.json`, import.meta.url), "utf8");
    assert.equal(text, fileText(f.name, f.source, f.texts), `locales/en/${f.name}.json is out of date`);
    assert.ok(Buffer.byteLength(text) <= MAX_FILE_BYTES, `locales/en/${f.name}.json is over ${MAX_FILE_BYTES} bytes`);
  }
});

test("the extraction covers every item a reader sees: measures, questions, options, Form fields, reasons, messages", () => {
  const all = Object.assign({}, ...english.map((f) => f.texts));
  const pack = JSON.parse(readFileSync(new URL("../../src/packs/gpai-cop-final/transparency.json", import.meta.url), "utf8"));
  const measure = pack.commitments[0].measures[0];
  assert.equal(all[`measure:${measure.id}:title`], measure.title);
  const choice = pack.commitments.flatMap((c) => c.measures).flatMap((m) => m.questions).find((q) => q.options?.length);
  assert.equal(all[`question:${choice.id}:option:${choice.options[0].id}`], choice.options[0].label);
  assert.equal(all[`form-field:${pack.form.fields[0].id}:label`], pack.form.fields[0].label);
  const scope = JSON.parse(readFileSync(new URL("../../src/packs/ai-act-scope.json", import.meta.url), "utf8"));
  for (const r of scope.reasons) assert.equal(all[`reason:${r.id}:text`], r.text);
  const file = (name) => JSON.parse(readFileSync(new URL(`../../src/messages/${name}`, import.meta.url), "utf8")).messages;
  assert.deepEqual(english.find((f) => f.name === "messages").texts, { ...file("en.json"), ...file("report.en.json") });
});

for (const language of translated) {
  test(`${language}: every English text has a translation, or is listed as pending; no stale key; same placeholders`, () => {
    const found = problems(language, english, readLocale(language), pending[language]);
    assert.deepEqual(found, [], `\n${found.join("\n")}`);
  });
}

test("the completeness check fails on a missing key, a stale key, a changed placeholder and a wrong status", () => {
  const en = [{ name: "messages", source: "x", texts: { "a.one": "{count} item", "a.two": "two" } }];
  const good = new Map([["messages", { language: "de", status: TRANSLATION_STATUS, texts: { "a.one": "{count} Punkt", "a.two": "zwei" } }]]);
  assert.deepEqual(problems("de", en, good), []);
  const bad = new Map([["messages", { language: "de", status: "authoritative", texts: { "a.one": "{anzahl} Punkt", "a.gone": "weg" } }]]);
  const found = problems("de", en, bad).join("\n");
  assert.match(found, /"status" is "authoritative"/);
  assert.match(found, /a\.one has placeholders \{anzahl\}, the English \{count\}/);
  assert.match(found, /no text for a\.two/);
  assert.match(found, /a\.gone is not a key of the English file/);
  // A pending key allows exactly that key; a pending entry that is translated must go.
  assert.deepEqual(problems("de", en, new Map([["messages", { ...good.get("messages"), texts: { "a.one": "{count} Punkt" } }]]), { keys: { messages: ["a.two"] } }), []);
  assert.match(problems("de", en, good, { keys: { messages: ["a.two"] } }).join("\n"), /a\.two is translated: take it off the pending list/);
  assert.match(problems("de", en, new Map(), {}).join("\n"), /de\/messages\.json is missing/);
  assert.deepEqual(problems("de", en, new Map(), { files: ["messages"] }), []);
});

test("placeholders compare by name and count, not by position", () => {
  assert.equal(placeholders("{status}: of {count} items, {groups}."), placeholders("{status} : sur {count} éléments, {groups}."));
  assert.notEqual(placeholders("{count}"), placeholders("{count} {count}"));
});

test("a language's bundle holds its translations by kind and counts what it lacks", () => {
  const b = bundleOf("de", english, readLocale("de"));
  assert.equal(b.status, TRANSLATION_STATUS);
  assert.equal(b.messages["status.met"], "Erfüllt");
  assert.match(b.texts["pack:gpai-cop-final:disclaimer"], /keine Rechtsberatung/);
  const total = english.reduce((n, f) => n + Object.keys(f.texts).length, 0);
  assert.equal(b.missing, total - Object.keys(b.texts).length - Object.keys(b.messages).length - Object.keys(b.interface).length);
});

test("the page's pack takes a language's texts by the same keys, and a Form field keeps its section", () => {
  const pack = {
    id: "p", title: "Pack", law: [], changelog: [],
    chapters: [{ id: "T", title: "Transparency", summary: "s", commitments: [{ id: "T-1", title: "Docs", summary: "", measures: [{ id: "T-1.1", title: "Keep docs", summary: "", requirements: [], questions: [{ id: "q", text: "Do you?", options: [{ id: "a", label: "Always" }] }] }] }],
      form: { id: "MDF", title: "Form", recipients: [], rules: [], sections: ["General"], fields: [{ id: "F-1", section: "General", label: "Name" }] } }],
  };
  const de = localisedPack(pack, { "measure:T-1.1:title": "Dokumentation führen", "question:q:option:a": "Immer", "form:MDF:section:0": "Allgemeines" });
  const m = de.chapters[0].commitments[0].measures[0];
  assert.equal(m.title, "Dokumentation führen");
  assert.equal(m.questions[0].options[0].label, "Immer");
  assert.equal(m.questions[0].text, "Do you?", "an untranslated text stays English");
  assert.equal(de.chapters[0].form.fields[0].section, "Allgemeines");
  assert.equal(pack.chapters[0].commitments[0].measures[0].title, "Keep docs", "the English pack is not changed");
});
