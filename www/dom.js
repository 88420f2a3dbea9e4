// Building DOM without HTML strings: every text the page shows, including whatever a provider
// typed, goes in through textContent, so it is always text and never markup.

/**
 * Creates an element. `attrs` sets properties for known keys (className, hidden, checked, value,
 * textContent...) and attributes otherwise; `on*` keys are event listeners. Children are nodes,
 * strings (made into text nodes), or arrays of either; null, undefined and false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key in PROPERTIES) {
      el[PROPERTIES[key]] = value;
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

const PROPERTIES = {
  className: "className",
  hidden: "hidden",
  checked: "checked",
  value: "value",
  text: "textContent",
  htmlFor: "htmlFor",
};

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function setChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** Sets textContent only when it changes, so aria-live regions do not repeat themselves. */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** Shows or hides an element with the `hidden` attribute, touching the DOM only on change. */
export function show(el, visible) {
  if (el.hidden === visible) el.hidden = !visible;
}

/** Adds ids to an element's aria-describedby list (deduplicated, order kept). */
export function describedBy(el, ...ids) {
  const list = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  for (const id of ids) if (id && !list.includes(id)) list.push(id);
  if (list.length) el.setAttribute("aria-describedby", list.join(" "));
}

/** A DOM id made only of safe characters from a data id such as "T-1.2" or "c_policy_exists". */
export function domId(prefix, id) {
  return `${prefix}-${String(id).replace(/[^A-Za-z0-9_-]/g, "_")}`;
}
