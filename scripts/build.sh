#!/usr/bin/env bash
# Builds the release wasm package into pkg/ and shrinks it with wasm-opt (npm binaryen).
set -euo pipefail
cd "$(dirname "$0")/.."
wasm-pack build --release --target web --out-name gpai_check
# Feature flags: rustc's default wasm features, which wasm-opt must accept to keep the module valid.
# -ocimfs 20: a function with one caller is inlined into it only when it is tiny. Unlimited (the
# default), the serde-derived readers merge into a few huge functions: about 40 KB more gzip,
# and the pack's parse runs as one call in V8's baseline code, which swaps in optimised code
# only between calls (the page's first evaluation 11 to 27 ms later). See README, Figures.
shrink() {
  node_modules/.bin/wasm-opt -Oz -ocimfs 20 --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$1" -o "$1"
}
shrink pkg/gpai_check_bg.wasm
# Each shipped language in one file (www/locales/<lang>.json), fetched by the page when chosen,
# carried by the package (locales/) and inlined in the one-file checker.
node scripts/locales.mjs --bundle
# The DOCX export chunk (www/docx-export.js with the docx library), loaded on the first DOCX export.
node scripts/docx-chunk.mjs
node scripts/package.mjs
# The page's first-visit engine: the same crate without the export-only entry points (the
# "exports" feature: Markdown, OSCAL, bundles, verify, documents, sealing, the answers-file
# reader), which the linker then leaves out. The page loads pkg/gpai_check_bg.wasm, the whole
# engine, as its second module in idle time once it is ready (www/exports.js). Built into
# www/engine/ (git-ignored), which the page serves; the npm package is not changed by it.
wasm-pack build --release --target web --no-pack --out-dir target/page-engine --out-name gpai_check_page -- --no-default-features --features evaluation
rm -rf www/engine && mkdir -p www/engine
cp -r target/page-engine/gpai_check_page.js target/page-engine/gpai_check_page_bg.wasm target/page-engine/snippets www/engine/
shrink www/engine/gpai_check_page_bg.wasm
# The first-screen engine: the scope decision alone (no "evaluation" feature: no pack, no
# evaluate), 82 KB gzip against the page engine's 241 KB. Made for the page's two-phase start
# (the profile questions and the scope verdict with it; the pack and the evaluation from the
# whole engine in idle time; docs/performance.md), which www/app.js does not make yet: until it
# does, nothing loads this module and it is built so that its size is measured.
wasm-pack build --release --target web --no-pack --out-dir target/first-screen-engine --out-name gpai_check_first_screen -- --no-default-features
cp target/first-screen-engine/gpai_check_first_screen.js target/first-screen-engine/gpai_check_first_screen.d.ts target/first-screen-engine/gpai_check_first_screen_bg.wasm www/engine/
shrink www/engine/gpai_check_first_screen_bg.wasm
# The page's script: www/app.js and every module it imports, in one file (www/app.bundle.js).
node scripts/bundle.mjs
# The one-file checker (wasm and pack inlined) that the page offers for download.
node scripts/single-file.mjs
# Brotli and gzip copies of the files the page serves, in precompressed/ (see docs/deploying.md).
node scripts/precompress.mjs
for wasm in pkg/gpai_check_bg.wasm www/engine/gpai_check_page_bg.wasm www/engine/gpai_check_first_screen_bg.wasm; do
  printf '[build] %s: %s bytes, %s gzip\n' "$wasm" "$(wc -c < "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
done
