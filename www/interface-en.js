// The page's interface words in English that the page's scripts write: the catalogue that
// www/catalogue.js reads (English is built in; another language's words come in its file,
// fetched when chosen). Keys name where the words are used; {name} is a parameter. The words of
// www/index.html itself stay in the HTML, marked with data-i18n="key" (one copy of the English):
// scripts/locales.mjs puts both into locales/en/interface.json for translators.
export const INTERFACE_EN = {
  "language.label": "Language",
  "language.status": "This language: {status}. The English text is authoritative.",
  "language.status.authoritative": "authoritative",
  "language.status.translation": "translation, not legally reviewed",
  "language.english-original": "English original",
  "language.load-failed": "The {language} texts could not be loaded ({reason}); the page stays in English.",
  "mark.our-reading": "our reading",
  "mark.our-reading.title": "The tool's interpretation, not the text of the law",
  "mark.unconfirmed": "unconfirmed",
  "mark.unconfirmed.title": "Could not be checked against the official text of the Code",
  "kpi.comparator.at-most": "at most",
  "kpi.comparator.at-least": "at least",
  "kpi.comparator.less-than": "less than",
  "kpi.comparator.more-than": "more than",
  "kpi.comparator.exactly": "exactly",
};
