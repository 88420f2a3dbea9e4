// The law the rule pack encodes, with the dates of the texts, and the later texts it names as not
// encoded yet (pack.law): shown in the page's footer, as the Markdown report shows it in its head.
import { h, setChildren } from "./dom.js";
import { formatDate } from "./wording.js";
import { t } from "./catalogue.js";

/** Fills `el` with the pack's list of texts: encoded ones with their dates, then the others. */
export function renderLaw(el, pack) {
  const law = pack.law ?? [];
  const encoded = law.filter((l) => l.encoded);
  const notYet = law.filter((l) => !l.encoded);
  setChildren(
    el,
    h("ul", { className: "law-list" }, encoded.map((l) => h("li", { title: l.note }, l.date ? t("law.dated", { title: l.title, date: formatDate(l.date) }) : l.title))),
    notYet.length
      ? [
          h("p", { className: "hint" }, t("law.not-encoded")),
          h("ul", { className: "law-list" }, notYet.map((l) => h("li", { title: l.note }, l.title))),
        ]
      : null,
  );
}
