// The languages the checker speaks: English is built in and authoritative; each other one is
// locales/<code>/ (translated by people, "translation, not legally reviewed"), bundled into
// www/locales/<code>.json by scripts/locales.mjs and fetched when chosen. A language is named in
// itself, as language pickers do, so that a reader finds their own whatever the page shows.
export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "de", name: "Deutsch" },
  { code: "fr", name: "Français" },
];
