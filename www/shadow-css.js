// The page's stylesheet (www/style.css) made fit for the <gpai-check> element's shadow root. Run
// at build time by scripts/element-css.mjs, which writes the result into www/element-css.js, so
// that the element carries its styles in its JavaScript and fetches no stylesheet.

/**
 * style.css for a shadow root: its `rem` lengths would follow the host page's root font size (a
 * portal with `html { font-size: 62.5% }` would shrink every margin and hint), so they become
 * `--gpai-rem` multiples; its `:root` rules become `:host` rules. Media queries keep their rem.
 * @param {string} text
 * @returns {string}
 */
export function shadowCss(text) {
  return text
    .split("\n")
    .map((line) => (/^\s*@media/.test(line) ? line : line.replace(/(^|[^\w.-])(-?(?:\d+\.?\d*|\.\d+))rem\b/g, "$1calc($2 * var(--gpai-rem))")))
    .join("\n")
    .replace(/:root\b/g, ":host");
}
