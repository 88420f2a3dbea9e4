// The page's places: "Your model" (the profile and the scope decision), one per chapter of the
// Code, and "Review" (what is still missing, the consistency checks, the answers to check). In the
// guided layout one place is on screen at a time and a bar that stays in view names them with
// their progress; "Everything on one page" shows them all, one after the other, as before.
// Which layout a person chose is kept per browser (not per assessment: it is how they like to
// work, not part of an assessment). Printing always shows every place (style.css).
import { h, setChildren, setText, show } from "./dom.js";
import { t } from "./catalogue.js";

/** localStorage key of the layout preference ("guided" or "all"). */
export const LAYOUT_KEY = "gpai-check:v1:layout";

// Opened from disk, the checker leaves the browser's storage alone (every file:// page shares
// one; see docs/browser-app.md): the choice lasts as long as the page.
const FROM_DISK = globalThis.location?.protocol === "file:";

export function readLayout() {
  if (FROM_DISK) return "guided";
  try {
    return localStorage.getItem(LAYOUT_KEY) === "all" ? "all" : "guided";
  } catch {
    return "guided";
  }
}

function writeLayout(layout) {
  if (FROM_DISK) return;
  try {
    localStorage.setItem(LAYOUT_KEY, layout);
  } catch {
    // Storage off: the choice lasts as long as the page.
  }
}

/**
 * Wires the places of `main`. Every element of a place carries `data-place="<id>"`; `places` is
 * the ordered list `{ id, title, heading }` (heading: the id of the element a link to the place
 * goes to). `onChange(id)` is called after the place on screen changed. `root` is where links
 * and their targets live (the page's document, or the <gpai-check> element's shadow root);
 * `layout` the layout to start with and `keepLayout` where a change of it is kept (the page's
 * preference in this browser by default; the element keeps nothing). Without `layoutSwitch`,
 * the layout changes only by `setLayout`.
 */
export function buildPlaces({
  main,
  nav,
  layoutSwitch = null,
  places,
  onChange = (/** @type {string} */ _id) => {},
  root = main.ownerDocument,
  layout: initialLayout = readLayout(),
  keepLayout = writeLayout,
}) {
  let current = places[0].id;
  let layout = initialLayout;
  const items = new Map();
  const list = h("ol", { className: "places-list", id: "places-list" });
  // On a phone the list folds behind one button naming the place on screen (style.css), so that
  // the bar stays a few lines high.
  const toggleText = h("span");
  const toggle = h("button", { type: "button", className: "places-toggle", "aria-expanded": "false", "aria-controls": "places-list" }, toggleText);
  const fold = (open) => {
    toggle.setAttribute("aria-expanded", String(open));
    if (open) nav.dataset.open = "";
    else delete nav.dataset.open;
  };
  toggle.addEventListener("click", () => fold(toggle.getAttribute("aria-expanded") !== "true"));
  for (const place of places) {
    const progress = h("span", { className: "place-progress" });
    const link = h("a", { href: `#${place.heading}`, className: "place-link", dataset: { placeLink: place.id } }, h("span", { className: "place-title" }, place.title), " ", progress);
    items.set(place.id, { link, progress });
    list.append(h("li", {}, link));
  }
  setChildren(nav, toggle, list);
  const toggleLabel = () => {
    const place = places.find((p) => p.id === current);
    const progress = items.get(current).progress.textContent;
    const title = progress ? t("places.toggle.progress", { title: place.title, progress }) : place.title;
    setText(toggleText, layout === "guided" ? t("places.toggle", { title }) : t("places.toggle.all"));
  };

  function apply() {
    main.dataset.layout = layout;
    main.dataset.place = current;
    for (const el of main.querySelectorAll("[data-place]")) el.classList.toggle("place-current", el.dataset.place === current);
    for (const [id, { link }] of items) {
      if (layout === "guided" && id === current) link.setAttribute("aria-current", "location");
      else link.removeAttribute("aria-current");
    }
    if (layoutSwitch) layoutSwitch.checked = layout === "all";
    toggleLabel();
  }

  /** The place that holds element `el`, or null. */
  function placeOf(el) {
    return el?.closest?.("[data-place]")?.dataset.place ?? null;
  }

  function go(id) {
    fold(false);
    if (!items.has(id) || id === current) return false;
    current = id;
    apply();
    onChange(id);
    return true;
  }

  // A link to anything inside a place (the nav, "Still missing", a reason's "answer this") first
  // puts that place on screen, so that the browser can scroll to its target and focus it.
  root.addEventListener(
    "click",
    (event) => {
      const link = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest?.('a[href^="#"]'));
      if (!link) return;
      const target = root.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      const id = link.dataset.placeLink ?? placeOf(target);
      if (id) go(id);
    },
    true,
  );
  layoutSwitch?.addEventListener("change", () => {
    layout = layoutSwitch.checked ? "all" : "guided";
    keepLayout(layout);
    apply();
    onChange(current);
  });
  apply();

  return {
    get current() {
      return current;
    },
    get layout() {
      return layout;
    },
    /** Puts the place holding `el` on screen (a link opened from outside, a focus moved by code). */
    reveal(el) {
      const id = placeOf(el);
      if (id) go(id);
    },
    go,
    /** Shows "guided" (one place at a time) or "all" (every place); keeps nothing. */
    setLayout(next) {
      if (next === layout) return;
      layout = next;
      apply();
      onChange(current);
    },
    /** Sets each place's progress text (`{ id: { text, state } }`; state: a badge class suffix). */
    progress(byId) {
      for (const [id, { progress, link }] of items) {
        const p = byId[id] ?? { text: "", state: "" };
        setText(progress, p.text);
        link.dataset.state = p.state ?? "";
        show(progress, Boolean(p.text));
      }
      toggleLabel();
    },
    /** The place after (1) or before (-1) the current one, or null. */
    neighbour(step) {
      const i = places.findIndex((p) => p.id === current) + step;
      return places[i] ?? null;
    },
  };
}
