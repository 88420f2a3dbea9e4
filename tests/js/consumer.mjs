// A portal engineer's project: `npm pack` of pkg/, installed offline into an empty directory, and
// the code snippets of the package README that they would copy. Shared by the Node package test
// (tests/js/package.test.mjs) and the browser one (tests/browser/package-element.test.mjs).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

export const root = new URL("../../", import.meta.url).pathname;

/**
 * Packs pkg/ and installs the tarball into a new empty project (no network: --offline).
 * Returns { dir, files (the packed paths, sorted), size (of the tarball), readme (the README
 * as installed) }.
 */
export function installPackedPackage(prefix = "gpai-consumer-") {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: join(root, "pkg"), encoding: "utf8" }));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "portal", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", join(dir, packed.filename)], { cwd: dir, stdio: "pipe" });
  return {
    dir,
    files: packed.files.map((f) => f.path).sort(),
    size: packed.size,
    readme: readFileSync(join(dir, "node_modules/gpai-check/README.md"), "utf8"),
  };
}

/**
 * The README's code blocks that follow a `<!-- snippet: name -->` marker, as { name: code }.
 * A test uses them as written; a missing or repeated name fails loudly.
 */
export function readmeSnippets(readme) {
  const snippets = {};
  for (const m of readme.matchAll(/<!-- snippet: ([\w-]+) -->\n```\w*\n([\s\S]*?)```/g)) {
    if (m[1] in snippets) throw new Error(`README: snippet "${m[1]}" appears twice`);
    snippets[m[1]] = m[2];
  }
  const markers = [...readme.matchAll(/<!-- snippet: ([\w-]+) -->/g)].length;
  if (markers !== Object.keys(snippets).length) throw new Error("README: a snippet marker is not followed directly by a code block");
  return snippets;
}
