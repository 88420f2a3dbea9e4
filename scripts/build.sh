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
node_modules/.bin/wasm-opt -Oz -ocimfs 20 --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/gpai_check_bg.wasm -o pkg/gpai_check_bg.wasm
# The DOCX export chunk (www/docx-export.js with the docx library), loaded on the first DOCX export.
node scripts/docx-chunk.mjs
node scripts/package.mjs
# The page's script: www/app.js and every module it imports, in one file (www/app.bundle.js).
node scripts/bundle.mjs
# The one-file checker (wasm and pack inlined) that the page offers for download.
node scripts/single-file.mjs
# Brotli and gzip copies of the files the page serves, in precompressed/ (see docs/deploying.md).
node scripts/precompress.mjs
printf '[build] pkg/gpai_check_bg.wasm: %s bytes, %s gzip\n' \
  "$(wc -c < pkg/gpai_check_bg.wasm)" "$(gzip -9 -c pkg/gpai_check_bg.wasm | wc -c)"
