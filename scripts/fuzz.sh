#!/usr/bin/env bash
# Fuzzes the engine with cargo-fuzz (libFuzzer, nightly Rust).
#   bash scripts/fuzz.sh [submission|scope|pack|all] [seconds per target]   (default: all 60)
# Seeds come from the shipped examples, the bad-input corpus and the built-in pack; the working
# corpus and any crash land in fuzz/corpus/ and fuzz/artifacts/ (git-ignored). A crash makes
# this exit non-zero and names the input: turn it into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=${1:-all}
seconds=${2:-60}
[ "$targets" = all ] && targets="submission scope pack"

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "[fuzz] nightly Rust is not installed: cargo fuzz needs it" >&2
  exit 3
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

seed() {
  local dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  case "$1" in
    submission)
      cp www/examples/*.json tests/fixtures/cross-checks.json "$dir"/ 2>/dev/null || true
      for f in tests/bad-input/*; do
        case "$f" in *expected.json) ;; *) cp "$f" "$dir/bad-$(basename "$f")" ;; esac
      done ;;
    scope)
      for f in www/examples/*.json; do
        python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])).get("profile",{})))' "$f" \
          > "$dir/$(basename "$f")" 2>/dev/null || true
      done ;;
    pack)
      cp target/*/build/gpai-check-*/out/pack-*.json "$dir"/ 2>/dev/null || true ;;
  esac
}

for t in $targets; do
  seed "$t"
  max_len=65536
  [ "$t" = pack ] && max_len=1048576
  echo "[fuzz] $t for ${seconds}s"
  log="fuzz/corpus/$t.log"
  status=0
  cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- -max_total_time="$seconds" -max_len="$max_len" \
    -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|stat::new_units_added)|^(#[0-9]+ +DONE)|SUMMARY|panicked" "$log" || true
  if [ "$status" -ne 0 ] || compgen -G "fuzz/artifacts/$t/*" >/dev/null; then
    tail -n 30 "$log" >&2
    echo "[fuzz] $t failed (exit $status); inputs: $(ls fuzz/artifacts/$t/ 2>/dev/null)" >&2
    exit 1
  fi
done
echo "[fuzz] no failures"
