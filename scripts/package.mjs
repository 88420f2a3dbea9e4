// Turns wasm-pack's pkg/ into the publishable npm package: exports (the module, the wasm file,
// the JSON Schemas), engines, licence, and the package README. Run by scripts/build.sh.
import { readFileSync, writeFileSync, copyFileSync, mkdirSync } from "node:fs";

const root = new URL("..", import.meta.url);
const at = (p) => new URL(p, root);
const pkg = JSON.parse(readFileSync(at("pkg/package.json"), "utf8"));

mkdirSync(at("pkg/schema"), { recursive: true });
for (const f of ["pack.schema.json", "submission.schema.json"]) copyFileSync(at(`schema/${f}`), at(`pkg/schema/${f}`));
copyFileSync(at("docs/package-README.md"), at("pkg/README.md"));
copyFileSync(at("LICENSE"), at("pkg/LICENSE"));

Object.assign(pkg, {
  license: "MIT",
  engines: { node: ">=20" },
  keywords: ["ai-act", "gpai", "code-of-practice", "compliance", "eu", "wasm"],
  exports: {
    ".": { types: "./gpai_check.d.ts", default: "./gpai_check.js" },
    "./gpai_check_bg.wasm": "./gpai_check_bg.wasm",
    "./schema/*": "./schema/*",
    "./package.json": "./package.json",
  },
  files: [...new Set([...(pkg.files ?? []), "schema", "README.md", "LICENSE"])],
});
writeFileSync(at("pkg/package.json"), JSON.stringify(pkg, null, 2) + "\n");
console.log(`[package] ${pkg.name}@${pkg.version}: ${pkg.files.join(", ")}`);
