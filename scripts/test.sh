#!/usr/bin/env bash
# Runs every test, in pyramid order, after installing what is missing (see scripts/setup.sh),
# and ends with one line counting every test: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Runs a test command, keeping its output for the closing count (pipefail keeps its exit status).
counted() { "$@" 2>&1 | tee -a "$log"; }

step "setup"
bash scripts/setup.sh browser
step "format"
cargo fmt --check
step "lint (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
step "unit, scope, engine, coverage, cross-check, golden and evaluation tests (native)"
counted cargo test
step "wasm boundary tests (Node)"
counted wasm-pack test --node
step "release build"
bash scripts/build.sh
node scripts/size-gate.mjs
step "type check of www/ and tests/js/ against the package's declarations (tsc --checkJs)"
npx tsc -p tsconfig.json
step "the built package in Node (incl. native/wasm agreement)"
cargo build --release --example digests
counted node --test tests/js/
step "the page in Chromium"
counted node --test tests/browser/
step "fuzzing smoke (cargo fuzz, 15 s per target; the long run is scripts/fuzz.sh)"
if rustup run nightly rustc --version >/dev/null 2>&1; then
  bash scripts/fuzz.sh all 15
else
  echo "WARNING: no nightly Rust on this machine, so the fuzzing smoke did not run"
fi

sum() { awk -v word="$1" -v hash="$2" '
  /^test result:/ { for (i = 2; i <= NF; i++) if ($i ~ "^" word ";?$") s += $(i - 1) }
  $1 == "#" && $2 == hash { s += $3 }
  END { print s + 0 }' "$log"; }
printf '\nAll tests passed.\n%s passed, %s failed\n' "$(sum passed pass)" "$(sum failed fail)"
