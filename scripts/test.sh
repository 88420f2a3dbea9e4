#!/usr/bin/env bash
# Runs every test, in pyramid order, after installing what is missing (see scripts/setup.sh).
#
# Every step runs, whatever failed before it; the command then prints what failed and ends with
# one line that counts what really happened:
#   tests: N passed, N failed, N skipped, N ignored; checks: N passed, N failed, N skipped
# Tests are counted from each runner's own summary (libtest's "test result:" lines, Node's TAP
# summary); checks are the steps that are not tests (format, lint, builds, size gate, type check, fuzzing
# smoke). It exits non-zero when a test or a check failed, when a runner reports fewer tests
# than it should (see MINIMUM below: a runner that silently runs nothing is a failure), and,
# under CI, when anything was skipped or ignored. UPDATE_GOLDEN is refused: the test command
# checks the goldens, it never rewrites them. docs/testing.md explains each rule.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -n "${UPDATE_GOLDEN+set}" ]; then
  echo "UPDATE_GOLDEN is set: refused. The test command checks the goldens; to rewrite them after an" >&2
  echo "intended change run 'UPDATE_GOLDEN=1 cargo test --test evaluate' and review the diff." >&2
  exit 2
fi

# The fewest tests each runner must report (passed, failed, skipped and ignored together). Raise
# a figure when tests are added; lower it only when tests are removed on purpose.
declare -A MINIMUM=(
  [rust]=200
  [wasm]=11
  [js]=84
  [browser]=107
  [engines]=9
)

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
declare -A count=([passed]=0 [failed]=0 [skipped]=0 [ignored]=0)
declare -A check=([passed]=0 [failed]=0 [skipped]=0)
failures=()

step() { printf '\n== %s\n' "$*"; }

# A check: a command that passes or fails as a whole.
checked() {
  local name=$1
  shift
  if "$@"; then
    check[passed]=$((check[passed] + 1))
  else
    check[failed]=$((check[failed] + 1))
    failures+=("check: $name")
  fi
}

# A check that cannot run here: a failure under CI, a skip elsewhere.
cannot_run() {
  local name=$1 why=$2
  if [ -n "${CI:-}" ]; then
    echo "FAILED (CI): $name cannot run: $why"
    check[failed]=$((check[failed] + 1))
    failures+=("check: $name (cannot run: $why)")
  else
    echo "SKIPPED: $name: $why"
    check[skipped]=$((check[skipped] + 1))
  fi
}

# Sums libtest's "test result:" lines (cargo test, wasm-bindgen-test-runner) or Node's TAP
# summary ("# pass N"; a cancelled test counts as failed, a todo as skipped) in a log.
tally() {
  awk '
    /^test result:/ {
      for (i = 2; i <= NF; i++) {
        w = $i; sub(/[;,.]$/, "", w)
        if (w == "passed" || w == "failed" || w == "ignored") n[w] += $(i - 1)
      }
    }
    /^# (pass|fail|cancelled|skipped|todo) [0-9]+$/ {
      k = $2 == "pass" ? "passed" : ($2 == "fail" || $2 == "cancelled") ? "failed" : "skipped"
      n[k] += $3
    }
    END { printf "%d %d %d %d\n", n["passed"], n["failed"], n["skipped"], n["ignored"] }' "$1"
}

# A test runner: its tests are counted, its exit status and its count must agree, and it must
# report at least its minimum.
counted() {
  local name=$1
  shift
  local log="$logs/$name.log" status passed failed skipped ignored
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  read -r passed failed skipped ignored < <(tally "$log")
  count[passed]=$((count[passed] + passed))
  count[failed]=$((count[failed] + failed))
  count[skipped]=$((count[skipped] + skipped))
  count[ignored]=$((count[ignored] + ignored))
  local total=$((passed + failed + skipped + ignored))
  echo "[$name] $passed passed, $failed failed, $skipped skipped, $ignored ignored (exit $status)"
  if [ "$failed" -gt 0 ]; then
    failures+=("$name: $failed failed")
  elif [ "$status" -ne 0 ]; then
    # A build error or a crash outside any test: no test says failed, the runner does.
    count[failed]=$((count[failed] + 1))
    failures+=("$name: exited with $status and no failed test (a build error or a crash; see its output)")
  fi
  if [ "$total" -lt "${MINIMUM[$name]}" ]; then
    failures+=("$name: $total tests reported, fewer than the minimum ${MINIMUM[$name]}")
  fi
  if [ -n "${CI:-}" ] && [ $((skipped + ignored)) -gt 0 ]; then
    failures+=("$name: $((skipped + ignored)) skipped or ignored under CI")
  fi
}

step "setup"
checked setup bash scripts/setup.sh browser

step "format"
checked format cargo fmt --check

step "lint (native and wasm32)"
checked "lint (native)" cargo clippy --all-targets -- -D warnings
checked "lint (wasm32)" cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
checked "lint (wasm32, the page's first-visit engine)" cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features evaluation -- -D warnings
checked "lint (wasm32, the first-screen engine)" cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings

step "unit, scope, engine, coverage, cross-check, property, golden and evaluation tests (native)"
# The comparisons with the research reference (tests/coverage.rs, tests/scope.rs) are ignored
# tests: they need ../shared/reference, beside the repository (CI puts it there). They run when
# it is there, and always under CI, where a missing reference fails them.
reference_args=()
if [ -d ../shared/reference ] || [ -n "${CI:-}" ]; then
  reference_args=(-- --include-ignored)
else
  echo "../shared/reference is not beside the repository: the comparisons with it are reported as ignored"
fi
rm -f target/tmp/properties-exercised-*.txt
counted rust cargo test "${reference_args[@]}"
# How often each property invariant was reached in this run, and the run's seed.
cat target/tmp/properties-exercised-*.txt 2>/dev/null

step "wasm boundary tests (Node)"
counted wasm wasm-pack test --node

step "release build"
checked "release build" bash scripts/build.sh
checked "size gate" node scripts/size-gate.mjs

step "type check of www/ and tests/js/ against the package's declarations (tsc --checkJs)"
checked "type check" npx tsc -p tsconfig.json

step "the built package in Node (incl. native/wasm agreement)"
checked "native side of the agreement test" cargo build --release --example digests
# The reporter is named: Node 23 and later print another format by default, which the count
# would not see.
counted js node --test --test-reporter=tap tests/js/

step "the page in Chromium"
counted browser node --test --test-reporter=tap tests/browser/

step "the smoke in three engines through WebDriver: Chromium, Firefox, WebKit"
counted engines node --test --test-reporter=tap tests/engines/

step "fuzzing smoke (cargo fuzz, 15 s per target; the long run is scripts/fuzz.sh)"
if rustup run nightly rustc --version >/dev/null 2>&1; then
  checked "fuzzing smoke" bash scripts/fuzz.sh all 15
else
  cannot_run "fuzzing smoke" "no nightly Rust on this machine"
fi

printf '\n'
if [ ${#failures[@]} -gt 0 ]; then
  echo "FAILED:"
  printf '  %s\n' "${failures[@]}"
else
  echo "Every test and check passed."
fi
printf 'tests: %d passed, %d failed, %d skipped, %d ignored; checks: %d passed, %d failed, %d skipped\n' \
  "${count[passed]}" "${count[failed]}" "${count[skipped]}" "${count[ignored]}" \
  "${check[passed]}" "${check[failed]}" "${check[skipped]}"
[ ${#failures[@]} -eq 0 ]
