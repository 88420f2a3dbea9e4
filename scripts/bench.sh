#!/usr/bin/env bash
# The benchmark command: builds the release package and the native benchmark, then prints size,
# cold start, evaluation speed (browser and native), growth and memory (scripts/bench.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh browser >/dev/null
bash scripts/build.sh >/dev/null
cargo build --release --example bench 2>/dev/null
node scripts/bench.mjs
