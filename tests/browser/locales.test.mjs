// The page in each language: it follows the browser's language, says `lang` on the document,
// fetches the language's one file from the checker's own files (with nothing of the answers in
// the request), keeps the choice of the switcher per browser, and passes axe; a walk of the main
// screens in a pseudo-language finds no interface string that did not come from the catalogue,
// except those listed in interface-pending.json (which only shrinks), and what it skips as
// citations is citations; and a walk in German and in French shows no interface text of the
// catalogue in English.
// Run: node --test tests/browser/locales.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { startHarness, openPage, gotoReady, eventually, AXE_PATH, violations } from "./harness.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const root = new URL("../../", import.meta.url);
const pending = JSON.parse(readFileSync(new URL("./interface-pending.json", import.meta.url), "utf8"));

/** Loads an example by the controls' ids (their labels are in the language shown). */
async function loadExample(page, file) {
  await page.locator("#example-select").selectOption(file);
  await page.locator("#example-load").click();
  await eventually(async () => assert.equal(await page.locator("main").getAttribute("data-report"), "current"), 10000);
}

for (const code of ["de", "fr"]) {
  test(`${code}: the browser's language is followed, lang is set, the file is fetched without answers, axe passes`, async () => {
    const { context, page, requests } = await openPage(harness, { locale: `${code}-${code.toUpperCase()}`, bypassCSP: true });
    try {
      await page.addInitScript({ path: AXE_PATH });
      await gotoReady(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), code);
      const fetched = requests.filter((u) => u.includes("/locales/"));
      assert.ok(fetched.length >= 1, "the language's file is fetched");
      for (const u of fetched) assert.equal(new URL(u).pathname, `/www/locales/${code}.json`, "only the language's file, with no query");
      assert.equal(await page.locator("#language-select").inputValue(), code);
      assert.match(await page.locator("#language-status").textContent(), /not legally reviewed|rechtlich|juridique/);
      // The pack's disclaimer in the footer is the language's (translated in locales/<code>/).
      const disclaimer = await page.locator("#disclaimer").textContent();
      assert.match(disclaimer, code === "de" ? /keine Rechtsberatung/ : /pas un conseil juridique/);
      assert.deepEqual(await violations(page), [], "the empty page");
      await loadExample(page, "frontier-systemic-risk.json");
      assert.deepEqual(await violations(page), [], "the results of an example");
    } finally {
      await context.close();
    }
  });
}

test("the switcher keeps the choice in this browser; English needs no request", async () => {
  const { context, page, requests } = await openPage(harness, { locale: "en-GB" });
  try {
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    assert.deepEqual(requests.filter((u) => u.includes("/locales/")), [], "English is built in");
    await Promise.all([page.waitForEvent("load"), page.locator("#language-select").selectOption("fr")]);
    await page.waitForSelector("main[data-state=ready]", { timeout: 15000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
    assert.equal(await page.evaluate(() => localStorage.getItem("gpai-check:v1:language")), "fr");
    await gotoReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fr", "kept after a reload");
  } finally {
    await context.close();
  }
});

/** Every English text (locales/en/) as a mark ⟦ ⟧ keeping its placeholders, served as the German
 * file: any text shown without the mark did not come from a catalogue. */
function pseudoLocale() {
  const mark = (text) => `⟦${(text.match(/\{\w+\}/g) ?? []).join("⟦⟧")}⟧`;
  const locale = { language: "de", status: "translation, not legally reviewed", interface: {}, messages: {}, texts: {}, missing: 0 };
  const dir = new URL("locales/en/", root);
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const whole = f.replace(/(\.\d+)?\.json$/, "");
    const target = whole === "interface" ? locale.interface : whole === "messages" ? locale.messages : locale.texts;
    for (const [k, v] of Object.entries(JSON.parse(readFileSync(new URL(f, dir), "utf8")).texts)) target[k] = mark(v);
  }
  return locale;
}

/** The visible texts of the page that carry no mark: candidates for strings outside the catalogue. */
async function unmarkedTexts(page) {
  return page.evaluate(() => {
    const out = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest("script, style, code, [hidden], [aria-hidden=true], .print-only, #print-document")) continue;
      // Citations (ids and article references) are the same in every language by design
      // (docs/locales.md): the page marks them translate="no" and data-citation.
      if (el.closest("[data-citation][translate=no]")) continue;
      if (!el.checkVisibility?.()) continue;
      const text = node.textContent.replace(/\s+/g, " ").trim();
      // What the person typed, ids, numbers, digests and versions are not interface words.
      if (!/[A-Za-z]{3}/.test(text) || text.includes("⟦") || text.includes("⟧")) continue;
      if (/^[A-Z]{1,5}(-[\w.]+)+$/.test(text) || /^sha256:/.test(text)) continue;
      // Legal citations stay as they are in every language (locales/README.md).
      if (/^\(?(Art|Annex|Guidelines|Directive|Recital)\b/.test(text)) continue;
      // Figures, dates and counts vary: a string is compared with its digits as #. A date alone
      // ("2. August 2027", written by Intl) is a value, not an interface string.
      const shape = text.replace(/\d+/g, "#");
      if (/^#\.? [\p{L}.]+ #$/u.test(shape)) continue;
      out.add(shape);
    }
    return [...out].sort();
  });
}

/**
 * The guided layout's own texts, in a page opened with it: the profile's guide and its button
 * (both ways), the status bar on a chapter (the fines countdown, "Still missing", each place's
 * progress), the foot's previous and next, and Review; then the same with an example loaded.
 */
async function guidedTexts(page) {
  const seen = new Set(await unmarkedTexts(page));
  const add = async () => {
    for (const t of await unmarkedTexts(page)) seen.add(t);
  };
  const visit = async () => {
    const all = page.locator("#profile-all");
    if (await all.isVisible()) {
      await all.click();
      await add();
      await all.click();
      await add();
    }
    const links = page.locator("#places-nav a");
    for (const i of [1, (await links.count()) - 1]) {
      await links.nth(i).click();
      await add();
    }
    await links.first().click();
    await add();
  };
  await visit();
  await loadExample(page, "frontier-systemic-risk.json");
  await add();
  await visit();
  return seen;
}

test("a walk of the main screens shows no interface string that did not come from a catalogue (except those listed as pending)", async () => {
  const { context, page } = await openPage(harness, { locale: "de-DE" });
  try {
    const locale = pseudoLocale();
    await context.route("**/www/locales/de.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(locale) }));
    await gotoReady(page);
    const seen = new Set(await unmarkedTexts(page));
    // Beside a translated question, the English original, one click away and marked as English.
    const original = page.locator("#profile details.english-original").first();
    await original.locator("summary").click();
    assert.equal(await original.locator("[lang=en]").count(), 1);
    assert.match(await original.locator("[lang=en]").textContent(), /[a-z]{4}/);
    await original.locator("summary").click();
    await loadExample(page, "frontier-systemic-risk.json");
    await page.locator("#documents > summary").click();
    for (const t of await unmarkedTexts(page)) seen.add(t);
    // The guided layout: its profile guide, the status bar on a chapter, Review.
    const guided = await openPage(harness, { locale: "de-DE", layout: "guided" });
    try {
      await guided.context.route("**/www/locales/de.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(locale) }));
      await gotoReady(guided.page);
      for (const t of await guidedTexts(guided.page)) seen.add(t);
    } finally {
      await guided.context.close();
    }
    // The examples' own texts (names, descriptions, answers) are the provider's words.
    const examples = ["frontier-systemic-risk.json", "index.json"]
      .map((f) => readFileSync(new URL(`www/examples/${f}`, root), "utf8"))
      .join("\n")
      .replace(/\d+/g, "#");
    const outside = [...seen].filter((t) => !examples.includes(t) && !pending.strings.includes(t));
    if (process.env.SHOW_OUTSIDE) console.log(JSON.stringify(outside));
    assert.deepEqual(outside, [], "interface strings not from the catalogue (put them in www/interface-en.js and use t())");
    // What the walk skips as citations is citations only: ids and references, no sentence.
    const citations = await page.evaluate(() => [...document.querySelectorAll("[data-citation][translate=no]")].map((el) => el.textContent));
    assert.ok(citations.length > 50, "the sources are marked as citations");
    const reference = /^(Art|Annex|Recital|recital|Guidelines|para|Code|Commission|Directive|Regulation|Template|template|training-content template|header|section|Form|Model Documentation Form|AI Act|AI Office template|[A-Z]{1,5}-[\w.-]+)\b/;
    const notCitations = citations.filter((c) => !c.replace(/^\(|\)$/g, "").split("; ").every((part) => reference.test(part)));
    assert.deepEqual(notCitations, [], "elements marked as citations that hold other words");
    const gone = pending.strings.filter((t) => !seen.has(t));
    assert.deepEqual(gone, [], "strings listed as pending that are no longer shown: take them off tests/browser/interface-pending.json");
  } finally {
    await context.close();
  }
});

test("<gpai-check lang=de> loads German from beside the element, says lang inside, and hands over German documents", async () => {
  const { context, page, requests } = await openPage(harness, { locale: "en-GB" });
  try {
    await page.goto(`${harness.origin}/www/examples/portal.html`);
    await page.waitForFunction(() => customElements.get("gpai-check") && document.querySelector("#checker"), null, { timeout: 15000 });
    await page.evaluate(() => document.querySelector("#checker").ready);
    await page.evaluate(() => document.querySelector("#checker").setAttribute("lang", "de"));
    await eventually(async () => {
      const lang = await page.evaluate(() => document.querySelector("#checker").shadowRoot.querySelector(".gpai-root").lang);
      assert.equal(lang, "de");
    }, 10000);
    assert.ok(requests.some((u) => new URL(u).pathname === "/www/locales/de.json"), "the German file beside the element");
    // The documents' labels are German too ("document.language"); the status stays as the file says it.
    const language = await page.evaluate(() => document.querySelector("#checker").documents()[0].header.find(([label]) => label === "Sprache"));
    assert.deepEqual(language, ["Sprache", "de (translation, not legally reviewed)"]);
    await eventually(async () => {
      const text = await page.evaluate(() => document.querySelector("#checker").shadowRoot.textContent);
      assert.match(text, /keine Rechtsberatung/, "the pack's disclaimer in German");
    });
    // The element's own words come from the catalogue: its headings, its places, its status bar.
    const root = page.locator("#checker .gpai-root");
    const words = (await root.innerText()).replace(/\s+/g, " ");
    for (const german of ["Ihr Modell und Ihre Organisation", "Regelpaket", "Bericht herunterladen"]) assert.ok(words.includes(german), `the element shows “${german}”`);
    for (const english of ["Your model and your organisation", "Rule pack", "Download report", "answered", "in scope", "Engine version"]) assert.ok(!words.includes(english), `no English “${english}” in the element`);
    // The DOCX files are German as the page's are: the locale goes to documentDocx.
    const docx = await page.evaluate(async () => (await document.querySelector("#checker").documentsDocx()).length);
    assert.ok(docx > 0);
  } finally {
    await context.close();
  }
});

/** The English interface texts (locales/en/interface.json) that `code` translates differently,
 * as the walk compares them: digits as #, each placeholder as a wildcard. */
function untranslatedPatterns(code) {
  // interface.json and the parts split off it (interface.2.json, ...).
  const read = (lang) =>
    Object.assign(
      {},
      ...readdirSync(new URL(`locales/${lang}/`, root))
        .filter((f) => /^interface(\.\d+)?\.json$/.test(f))
        .map((f) => JSON.parse(readFileSync(new URL(`locales/${lang}/${f}`, root), "utf8")).texts),
    );
  const [en, other] = [read("en"), read(code)];
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return Object.entries(en)
    // A template of mostly placeholders ("{first} and {second}") would match any sentence.
    .filter(([key, text]) => other[key] !== text && (text.replace(/\{\w+\}/g, "").match(/[A-Za-z]{3,}/g) ?? []).length >= 2)
    .map(([key, text]) => {
      const shape = text.replace(/\s+/g, " ").trim().replace(/\d+/g, "#");
      return { key, re: new RegExp(`^${shape.split(/\{\w+\}/).map(escape).join(".+")}$`) };
    });
}

for (const code of ["de", "fr"]) {
  test(`${code}: a walk of the main screens in the language shows no interface text left in English (except app.js's pending ones)`, async () => {
    const { context, page } = await openPage(harness, { locale: `${code}-${code.toUpperCase()}` });
    try {
      await gotoReady(page);
      const seen = new Set(await unmarkedTexts(page));
      await loadExample(page, "frontier-systemic-risk.json");
      await page.locator("#documents > summary").click();
      for (const t of await unmarkedTexts(page)) seen.add(t);
      const guided = await openPage(harness, { locale: `${code}-${code.toUpperCase()}`, layout: "guided" });
      try {
        await gotoReady(guided.page);
        for (const t of await guidedTexts(guided.page)) seen.add(t);
      } finally {
        await guided.context.close();
      }
      assert.ok([...seen].length > 50, "the walk saw the page");
      const patterns = untranslatedPatterns(code);
      const english = [...seen]
        .filter((text) => !pending.strings.includes(text))
        .flatMap((text) => patterns.filter((p) => p.re.test(text)).map((p) => `${p.key}: ${text}`));
      assert.deepEqual(english, [], `interface texts shown in English in ${code}`);
    } finally {
      await context.close();
    }
  });
}
