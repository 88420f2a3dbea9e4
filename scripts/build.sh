#!/usr/bin/env bash
# Builds the release wasm package into pkg/ and shrinks it with wasm-opt (npm binaryen).
set -euo pipefail
cd "$(dirname "$0")/.."
wasm-pack build --release --target web --out-name gpai_check
# Feature flags: rustc's default wasm features, which wasm-opt must accept to keep the module valid.
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/gpai_check_bg.wasm -o pkg/gpai_check_bg.wasm
node scripts/package.mjs
# The one-file checker (wasm and pack inlined) that the page offers for download.
node scripts/single-file.mjs
printf '[build] pkg/gpai_check_bg.wasm: %s bytes, %s gzip\n' \
  "$(wc -c < pkg/gpai_check_bg.wasm)" "$(gzip -9 -c pkg/gpai_check_bg.wasm | wc -c)"
