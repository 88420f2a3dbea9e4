#!/usr/bin/env bash
# Runs every test, in pyramid order, after installing what is missing (see scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "setup"
bash scripts/setup.sh browser
step "format"
cargo fmt --check
step "lint (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
step "unit, scope, golden and evaluation tests (native)"
cargo test
step "wasm boundary tests (Node)"
wasm-pack test --node
step "release build"
bash scripts/build.sh
step "the built package in Node"
node --test tests/js/
step "the page in Chromium"
node --test tests/browser/
printf '\nAll tests passed.\n'
