#!/usr/bin/env bash
# Mutation testing of the legal core with cargo-mutants: every small change to src/scope/ and
# src/evaluate/ (a condition negated, < turned into <=, a function returning a default...) must
# make a test fail. Not part of scripts/test.sh: on a 2-core machine the whole run takes hours.
#   bash scripts/mutants.sh [scope|evaluate|all] [extra cargo-mutants options]   (default: all)
# Results land in mutants.out/ (git-ignored): caught.txt, missed.txt, timeout.txt, unviable.txt.
# docs/testing.md records the score and why each surviving mutant is equivalent.
set -euo pipefail
cd "$(dirname "$0")/.."
part=${1:-all}
shift || true

if ! cargo mutants --version >/dev/null 2>&1; then
  echo "[mutants] installing cargo-mutants (built from source)"
  cargo install cargo-mutants --locked
fi

# Each part runs only the test targets that exercise it, so that a mutant rebuilds and runs
# less; debug info is off to shorten the links.
case "$part" in
  scope)
    files=(-f 'src/scope/*.rs')
    tests=(--test scope --test evaluate --test properties) ;;
  evaluate)
    files=(-f 'src/evaluate/*.rs')
    tests=(--lib --test evaluate --test engine --test cross_checks --test kpis --test contradictions --test properties --test markdown) ;;
  all)
    files=(-f 'src/scope/*.rs' -f 'src/evaluate/*.rs')
    tests=(--lib --test scope --test evaluate --test engine --test cross_checks --test kpis --test contradictions --test properties --test markdown) ;;
  *) echo "usage: scripts/mutants.sh [scope|evaluate|all] [cargo-mutants options]" >&2; exit 2 ;;
esac

export CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_TEST_DEBUG=0
# A fixed seed for the property tests, so that a mutant is judged by the same cases as the
# baseline (a random seed could catch a mutant in one run and miss it in the next).
export PROPERTY_SEED=${PROPERTY_SEED:-20261207}
exec cargo mutants "${files[@]}" --jobs 1 --timeout 300 --build-timeout 600 "$@" -- "${tests[@]}"
