#!/usr/bin/env bash
# Builds everything and serves the checker with the built-in final-Code pack.
#   bash scripts/start.sh [port]     (default 8080) -> http://127.0.0.1:8080/www/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs "${1:-8080}"
