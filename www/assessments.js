// The list of assessments (one per model): open, rename, duplicate, delete. Each item is built
// once and then only updated, so focus stays where it is while the list changes around it.
import { h, setText, show } from "./dom.js";
import { formatLocalTime } from "./wording.js";
import { titleOf } from "./title.js";
import { t, tc } from "./catalogue.js";

/** The name an assessment is shown with. */
export function displayTitle(title) {
  return title?.trim() ? title.trim() : t("assessments.untitled");
}

/**
 * Builds the list into `list` (a <ul>). `actions` = { open(id), rename(id, title), duplicate(id),
 * remove(id), downloadDamaged(id) }. Returns { render(entries, openId), focus(id, what) } where an
 * entry is { id, title, damaged, profileCount, answerCount, unmatchedCount, mode, updatedAt }.
 */
export function buildAssessmentList(list, actions) {
  const items = new Map();

  function build(entry) {
    const base = `assessment-${entry.id}`;
    const name = h("span", { className: "assessment-name", id: `${base}-name`, tabindex: "-1" });
    const openMark = h("span", { className: "assessment-open-mark", hidden: true }, t("assessments.open-now"));
    const meta = h("p", { className: "assessment-meta hint", id: `${base}-meta` });
    const hiddenName = () => h("span", { className: "visually-hidden" });
    const labels = { open: hiddenName(), rename: hiddenName(), duplicate: hiddenName(), remove: hiddenName(), download: hiddenName() };
    const openButton = h("button", { type: "button", className: "assessment-open", onclick: () => actions.open(entry.id) }, t("assessments.open"), labels.open);
    const renameButton = h("button", { type: "button", onclick: () => startRename() }, t("assessments.rename"), labels.rename);
    const duplicateButton = h("button", { type: "button", onclick: () => actions.duplicate(entry.id) }, t("assessments.duplicate"), labels.duplicate);
    const downloadButton = h("button", { type: "button", onclick: () => actions.downloadDamaged(entry.id) }, t("assessments.download-as-stored"), labels.download);
    const removeButton = h("button", { type: "button", className: "danger", onclick: () => actions.remove(entry.id) }, t("assessments.delete"), labels.remove);
    const buttons = h("div", { className: "assessment-actions" }, openButton, renameButton, duplicateButton, downloadButton, removeButton);

    const input = h("input", { type: "text", id: `${base}-rename`, autocomplete: "off", "aria-labelledby": `${base}-rename-label ${base}-name` });
    const save = h("button", { type: "button", onclick: () => finishRename(true) }, t("assessments.save-name"));
    const cancel = h("button", { type: "button", onclick: () => finishRename(false) }, t("assessments.cancel"));
    const renameBox = h(
      "div",
      { className: "assessment-rename", hidden: true },
      h("label", { htmlFor: input.id, id: `${base}-rename-label` }, t("assessments.new-name-for")),
      " ",
      input,
      h("span", { className: "row" }, save, cancel),
    );
    // The engine's title limit, counted as it counts (maxlength would count UTF-16 code units).
    input.addEventListener("input", () => titleOf(input));
    input.addEventListener("keydown", (event) => {
      if (event.isComposing) return; // Enter that ends an input-method composition
      if (event.key === "Enter") {
        event.preventDefault();
        finishRename(true);
      } else if (event.key === "Escape") {
        event.preventDefault();
        finishRename(false);
      }
    });

    const li = h("li", { className: "assessment", dataset: { id: entry.id } }, h("div", { className: "assessment-main" }, name, " ", openMark, meta), renameBox, buttons);
    const item = { li, name, openMark, meta, labels, openButton, renameButton, duplicateButton, downloadButton, removeButton, buttons, renameBox, input, renaming: false, entry };

    function startRename() {
      item.renaming = true;
      input.value = item.entry.title;
      show(renameBox, true);
      show(buttons, false);
      input.focus();
      input.select();
    }
    function finishRename(keep) {
      if (!item.renaming) return;
      item.renaming = false;
      show(renameBox, false);
      show(buttons, true);
      renameButton.focus();
      if (keep && input.value !== item.entry.title) actions.rename(item.entry.id, input.value);
    }
    return item;
  }

  function update(item, entry, isOpen) {
    item.entry = entry;
    const title = entry.damaged ? t("assessments.unreadable") : displayTitle(entry.title);
    setText(item.name, title);
    item.name.classList.toggle("untitled", !entry.damaged && !entry.title?.trim());
    for (const label of Object.values(item.labels)) setText(label, t("assessments.quoted-name", { title }));
    show(item.openMark, isOpen);
    item.li.classList.toggle("is-open", isOpen);
    if (isOpen) item.li.setAttribute("aria-current", "true");
    else item.li.removeAttribute("aria-current");
    show(item.openButton, !isOpen && !entry.damaged);
    show(item.renameButton, !entry.damaged);
    show(item.duplicateButton, !entry.damaged);
    show(item.downloadButton, Boolean(entry.damaged));
    setText(item.meta, metaText(entry));
  }

  return {
    render(entries, openId) {
      const ids = new Set(entries.map((e) => e.id));
      for (const [id, item] of items) {
        if (!ids.has(id)) {
          item.li.remove();
          items.delete(id);
        }
      }
      entries.forEach((entry, position) => {
        let item = items.get(entry.id);
        if (!item) {
          item = build(entry);
          items.set(entry.id, item);
        }
        update(item, entry, entry.id === openId);
        // Move only what is out of place: moving a node takes focus away from it.
        if (list.children[position] !== item.li) list.insertBefore(item.li, list.children[position] ?? null);
      });
    },
    /** Focuses an item's name (what = "name") or one of its buttons ("rename", "open"...). */
    focus(id, what = "name") {
      const item = items.get(id);
      const target = { name: item?.name, rename: item?.renameButton, open: item?.openButton, duplicate: item?.duplicateButton }[what];
      target?.focus();
    },
  };
}

function metaText(entry) {
  if (entry.damaged) return t("assessments.unreadable-hint");
  const parts = [tc("assessments.profile-answers", entry.profileCount), tc("assessments.code-answers", entry.answerCount)];
  if (entry.unmatchedCount) parts.push(t("assessments.kept-from-another-version", { count: entry.unmatchedCount }));
  if (entry.mode === "short") parts.push(t("assessments.short-mode"));
  if (entry.updatedAt) parts.push(t("assessments.changed", { time: formatLocalTime(new Date(entry.updatedAt)) }));
  return t("assessments.meta", { parts: parts.join(" · ") });
}
