// The page's interface words in English: the catalogue that www/catalogue.js reads (English is
// built in; another language is locales/<lang>/interface.json, fetched when chosen). Keys name
// where the words are used; {name} is a parameter. scripts/locales.mjs copies this file to
// locales/en/interface.json for translators, and tests/js/locales.test.mjs keeps every
// language's catalogue to the same keys and placeholders.
export const INTERFACE_EN = {
  "page.title": "gpai-check: check a GPAI model against the EU Code of Practice",
  "page.skip-link": "Skip to the questions",
  "page.tagline": "Check a general-purpose AI model against the EU General-Purpose AI Code of Practice and the AI Act obligations behind it.",
  "page.privacy": "Everything runs in this browser. Nothing you type is sent anywhere; your answers are kept only in this browser’s local storage, and in the files and links you choose to make.",
  "page.loading": "Loading the checker…",
  "language.label": "Language",
  "language.status": "This language: {status}. The English text is authoritative.",
  "language.status.authoritative": "authoritative",
  "language.status.translation": "translation, not legally reviewed",
  "language.show-english": "Show the English text beside the translation",
  "language.english-original": "English original",
  "language.loading": "Loading the {language} texts…",
  "language.load-failed": "The {language} texts could not be loaded ({reason}); the page stays in English.",
  "language.missing": "{count} texts of this language are missing; they are shown in English.",
  "assessments.title": "Your assessments",
  "assessments.lead": "One assessment per model. Each one is saved in this browser as you type; the open one is shown below.",
  "assessments.new": "New assessment",
  "assessments.import": "Import answers…",
  "profile.title": "Your model and your organisation",
  "profile.lead": "These answers decide which AI Act obligations apply to you and which chapters of the Code matter. Leave a question unanswered if you do not know; the check then uses the stated default.",
  "scope.title": "What the AI Act asks of you",
  "cross-checks.title": "Consistency checks",
  "findings.title": "Answers to check",
  "report.download-json": "Download report (JSON)",
  "report.download-markdown": "Download report (Markdown)",
  "report.print": "Print report",
  "footer.engine-version": "Engine version",
  "footer.rule-pack": "Rule pack",
  "footer.pack-version": "Pack version",
  "footer.assessment-date": "Assessment date",
};
