// The element's manifest (www/custom-elements.json, shipped as the package's custom-elements.json)
// against the element itself: its observed attributes, the members of its class, the exports of
// its module, the events it dispatches, the custom properties and parts its styles use, and its
// declarations (element.d.ts). A member, event or attribute added to the element and not to the
// manifest (or the other way round) fails here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { root } from "./consumer.mjs";

const manifest = JSON.parse(readFileSync(`${root}www/custom-elements.json`, "utf8"));
const source = readFileSync(`${root}www/gpai-check-element.js`, "utf8");
const declarations = readFileSync(`${root}www/gpai-check-element.d.ts`, "utf8");
const elementModule = manifest.modules.find((m) => m.path === "embed/gpai-check-element.js");
const element = elementModule.declarations.find((d) => d.customElement);

// The element's module in Node: the two browser globals its top level touches, and nothing else.
const defined = [];
Object.assign(globalThis, {
  HTMLElement: class {},
  customElements: { get: () => undefined, define: (/** @type {string} */ name, /** @type {Function} */ constructor) => defined.push([name, constructor]) },
});
const module = await import("../../www/gpai-check-element.js");
/** @type {any} the class, read as plain JavaScript */
const GpaiCheckElement = module.GpaiCheckElement;

const sorted = (list) => [...list].sort();

test("the manifest names the tag, the class and the module the package ships", () => {
  assert.equal(manifest.schemaVersion, "2.1.0");
  assert.deepEqual(defined.map(([name, constructor]) => [name, constructor.name]), [[element.tagName, element.name]]);
  const definition = elementModule.exports.find((e) => e.kind === "custom-element-definition");
  assert.deepEqual(definition, { kind: "custom-element-definition", name: "gpai-check", declaration: { name: "GpaiCheckElement", module: "embed/gpai-check-element.js" } });
  const entry = manifest.modules.find((m) => m.path === "element.js");
  assert.deepEqual(entry.exports, [{ kind: "js", name: "*", declaration: { name: "*", module: "embed/gpai-check-element.js" } }]);
});

test("the manifest's attributes are the element's observed attributes", () => {
  assert.deepEqual(sorted(element.attributes.map((a) => a.name)), sorted(GpaiCheckElement.observedAttributes));
});

test("the manifest's members are the element's public members, with their kind and whether they can be set", () => {
  const lifecycle = new Set(["constructor", "connectedCallback", "attributeChangedCallback"]);
  const real = Object.getOwnPropertyNames(GpaiCheckElement.prototype)
    .filter((name) => !lifecycle.has(name))
    .map((name) => {
      const d = Object.getOwnPropertyDescriptor(GpaiCheckElement.prototype, name);
      return typeof d.value === "function" ? { name, kind: "method" } : { name, kind: "field", readonly: !d.set };
    });
  const listed = element.members.map((m) => (m.kind === "method" ? { name: m.name, kind: "method" } : { name: m.name, kind: "field", readonly: m.readonly === true }));
  const byName = (a, b) => a.name.localeCompare(b.name);
  assert.deepEqual(listed.sort(byName), real.sort(byName));
  // Each member is declared in element.d.ts too.
  for (const { name } of real) assert.match(declarations, new RegExp(`^\\s+(?:readonly |get |set )?${name}\\b`, "m"), `element.d.ts declares ${name}`);
});

test("the manifest's functions and exports are the module's exports", () => {
  const functions = elementModule.declarations.filter((d) => d.kind === "function").map((d) => d.name);
  assert.deepEqual(sorted(functions), sorted(Object.keys(module).filter((k) => typeof module[k] === "function" && k !== "GpaiCheckElement")));
  assert.deepEqual(sorted(elementModule.exports.filter((e) => e.kind === "js").map((e) => e.name)), sorted(Object.keys(module)));
  for (const name of functions) assert.match(declarations, new RegExp(`^export function ${name}\\(`, "m"), `element.d.ts declares ${name}()`);
});

test("the manifest's events are the events the element dispatches and element.d.ts types", () => {
  const dispatched = new Set([...source.matchAll(/#emit\("([\w-]+)"/g)].map((m) => m[1]));
  const typed = [...declarations.matchAll(/^\s+"(gpai-[\w-]+)": CustomEvent<(\w+)>;/gm)].map((m) => ({ name: m[1], type: { text: `CustomEvent<${m[2]}>` } }));
  assert.deepEqual(sorted(element.events.map((e) => e.name)), sorted(dispatched));
  assert.deepEqual(
    element.events.map((e) => ({ name: e.name, type: e.type })).sort((a, b) => a.name.localeCompare(b.name)),
    typed.sort((a, b) => a.name.localeCompare(b.name)),
  );
});

test("the manifest's CSS custom properties and parts are those the element's styles read", () => {
  const read = new Set([...source.matchAll(/var\((--gpai-[\w-]+)/g)].map((m) => m[1]).filter((name) => name !== "--gpai-rem"));
  assert.deepEqual(sorted(element.cssProperties.map((p) => p.name)), sorted(read));
  const parts = new Set([...source.matchAll(/\bpart: "([\w-]+)"/g)].map((m) => m[1]));
  assert.deepEqual(sorted(element.cssParts.map((p) => p.name)), sorted(parts));
});
