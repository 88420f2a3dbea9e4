// The <gpai-check> element's screen: the same parts, ids and classes as the page's index.html
// (the status bar with the places, the notices, "Your model" with the profile and the decision,
// the chapters, the review), built inside the element's shadow root for the check
// (www/check-controller.js) to render into, plus the element's own toolbar and footer. The
// words are the page's: its interface keys where the language has them, else the English of
// index.html. The page's own parts (assessments, files, print) are not here.
import { h } from "./dom.js";
import { currentLocale, t } from "./catalogue.js";

/**
 * Builds the element's body: returns the refs the check renders into (see createCheck), with
 * `main` the body itself, `stillMissingAfter` where the still-missing panel goes, and the
 * element's own `assessmentDate`, `reportDigest`, `downloadJson`, `downloadMd`.
 * @param {{ packData: any, engineVersion: string, onTitle: (input: HTMLInputElement) => void, onDownload: (kind: "json" | "md") => void }} options
 * @returns {Record<string, any>}
 */
export function buildElementBody({ packData, engineVersion, onTitle, onDownload }) {
  const ui = {};
  const el = (name, tag, attrs = {}, ...children) => (ui[name] = h(tag, attrs, ...children));
  // The page's interface words where the language has them (the page's keys, www/index.html),
  // else the English the page's HTML carries.
  const word = (key, english) => currentLocale()?.interface?.[key] ?? english;

  const titleInput = el("title", "input", { type: "text", id: "assessment-title", autocomplete: "off", "aria-describedby": "assessment-title-hint" });
  titleInput.addEventListener("input", () => onTitle(titleInput));
  const statusBar = el(
    "statusBar",
    "div",
    { className: "status-bar", role: "region", "aria-label": word("page.status-bar.aria-label", "Where you stand") },
    el("summary", "p", { className: "summary", id: "summary", "aria-live": "polite" }),
    h("p", { className: "status-extra" }, el("statusDeadline", "span", { id: "status-deadline" }), " ", el("statusMissing", "a", { id: "status-missing", href: "#still-missing-title", hidden: true })),
    el("placesNav", "nav", { className: "places-nav", id: "places-nav", "aria-label": word("page.places-nav.aria-label", "Parts of the check") }),
  );
  const notice = (name, title, titleKey) =>
    el(
      name,
      "div",
      { className: "notice", id: name, role: "group", "aria-labelledby": `${name}-title`, hidden: true },
      h("h2", { id: `${name}-title`, className: "notice-title" }, word(titleKey, title)),
      el(`${name}Text`, "p", {}),
      el(`${name}List`, "ul", { className: `${name}-list` }),
    );
  const kept = notice("kept", "Saved values the check cannot use", "page.kept-title");
  const unmatched = notice("unmatched", "Answers kept from another pack version", "page.unmatched-title");
  const jumpLinks = el(
    "jumpLinks",
    "p",
    { className: "jump-links", id: "jump-links", hidden: true },
    el("jumpCrossChecks", "a", { href: "#cross-checks-title", hidden: true }, word("page.jump-cross-checks", "Go to the consistency checks")),
    " ",
    el("jumpFindings", "a", { href: "#findings-title", hidden: true }, word("page.jump-findings", "Go to the answers to check")),
  );
  const profileFields = el("profileFields", "div", { id: "profile-fields" });
  const profile = h(
    "section",
    { className: "gpai-profile", id: "profile", "aria-labelledby": "profile-title" },
    h("h2", { id: "profile-title" }, word("page.profile-title", "Your model and your organisation")),
    h("p", { className: "lead" }, word("page.p.these-answers-decide-which-ai", "These answers decide which AI Act obligations apply and which chapters of the Code matter. Leave a question unanswered if you do not know; the check then uses the stated default.")),
    h(
      "div",
      { className: "field" },
      h("label", { htmlFor: "assessment-title" }, word("page.label-assessment-title", "Name of this assessment")),
      titleInput,
      h("p", { className: "hint", id: "assessment-title-hint" }, word("page.assessment-title-hint", "Usually the model’s name. It appears in the report.")),
    ),
    el("profileGuide", "p", { className: "profile-guide", id: "profile-guide", hidden: true }),
    profileFields,
    h("p", { className: "row" }, el("profileAll", "button", { type: "button", id: "profile-all", "aria-controls": "profile-fields", "aria-expanded": "false", hidden: true })),
  );
  const scope = h(
    "section",
    { className: "gpai-scope", id: "scope", "aria-labelledby": "scope-title" },
    h("h2", { id: "scope-title" }, word("page.scope-title", "What the AI Act asks of you")),
    el("scopeNext", "p", { className: "scope-next", id: "scope-next", hidden: true }),
    el("scopeResult", "div", { id: "scope-result" }),
  );
  const modelPlace = h("div", { className: "model-place", dataset: { place: "model" } }, profile, scope);
  el("shortInfo", "div", { className: "short-mode-info", id: "short-mode-info", hidden: true });
  const chapters = el("chapters", "div", { className: "gpai-chapters", id: "chapters" });
  const crossChecks = h(
    "section",
    { className: "cross-checks", id: "cross-checks", dataset: { place: "review" }, "aria-labelledby": "cross-checks-title" },
    h("h2", { id: "cross-checks-title" }, word("page.cross-checks-title", "Consistency checks")),
    h("p", { className: "lead" }, word("page.p.these-checks-compare-answers-that", "These checks compare answers that describe the same fact in two places: the profile, the Model Documentation Form, the Copyright chapter and the summary of training content. A check runs once both sides are answered.")),
    el("crossCounts", "p", { className: "cross-checks-counts" }),
    el("crossList", "ul", { className: "cross-checks-list", hidden: true }),
    el(
      "crossPassedBox",
      "details",
      { className: "cross-checks-passed", hidden: true },
      el("crossPassedSummary", "summary", {}, word("page.cross-checks-passed-summary", "Show the checks that passed")),
      el("crossPassed", "ul", {}),
    ),
  );
  const findings = el(
    "findings",
    "section",
    { className: "findings", id: "findings", dataset: { place: "review" }, "aria-labelledby": "findings-title", hidden: true },
    h("h2", { id: "findings-title" }, word("page.findings-title", "Answers to check")),
    el("findingsList", "ul", {}),
  );
  el("placeSteps", "nav", { className: "place-steps", id: "place-steps", "aria-label": word("page.place-steps.aria-label", "Previous and next part") });
  const toolbar = h(
    "div",
    { className: "gpai-toolbar", role: "group", "aria-label": word("page.report-tools-title", "Report") },
    el("downloadJson", "button", { type: "button", disabled: true, onClick: () => onDownload("json") }, word("page.download-json", "Download report (JSON)")),
    el("downloadMd", "button", { type: "button", disabled: true, onClick: () => onDownload("md") }, word("page.download-md", "Download report (Markdown)")),
  );
  const footer = h(
    "footer",
    { className: "gpai-footer" },
    h("p", {}, packData.disclaimer),
    h(
      "dl",
      { className: "versions" },
      h("div", {}, h("dt", {}, word("page.dt.engine-version", "Engine version")), h("dd", {}, engineVersion)),
      h("div", {}, h("dt", {}, word("page.dt.rule-pack", "Rule pack")), h("dd", {}, t("element.pack", { title: packData.title, id: packData.id, version: packData.version }))),
      h("div", {}, h("dt", {}, word("page.dt.pack-digest", "Pack digest")), h("dd", {}, h("code", {}, packData.digest))),
      h("div", {}, h("dt", {}, word("page.dt.assessment-date", "Assessment date")), h("dd", {}, el("assessmentDate", "span", {}))),
      h("div", {}, h("dt", {}, word("page.dt.report-digest", "Report digest")), h("dd", {}, el("reportDigest", "code", {}))),
    ),
  );
  // A new body for each pack or language: the places of an earlier build still listen on the
  // shadow root, and act only on their own, detached, body.
  ui.main = h("div", { className: "gpai-body" }, statusBar, ui.shortInfo, kept, unmatched, jumpLinks, modelPlace, chapters, crossChecks, findings, ui.placeSteps, toolbar, footer);
  ui.stillMissingAfter = jumpLinks;
  return ui;
}
