#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader of outside bytes (cargo-fuzz, libFuzzer; targets in fuzz/).
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]   run one target or each in turn, SECONDS each (default 20)
#   scripts/fuzz.sh cmin [TARGET|all]        minimise fuzz/corpus/TARGET with what runs have found
#   scripts/fuzz.sh list                     the targets
#
# FUZZ_RUNS=N stops a target after N executions instead (SECONDS still caps it). FUZZ_NICE=19 runs the
# fuzzers at that nice level (a shared machine). Installs what it needs first, each step skipped when
# already there at the pinned version: a nightly toolchain through rustup and cargo-fuzz from crates.io.
#
# A run reads fuzz/corpus/TARGET and writes what it finds to target/fuzz-work/TARGET (never to the
# committed corpus), so a short CI run only checks that nothing found before comes back. A crash is
# saved to fuzz/artifacts/TARGET/ and fails the script; every crash becomes a regression test in the
# ordinary suite before its fix.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

# The nightly libFuzzer builds with, and the cargo-fuzz that drives it.
FUZZ_TOOLCHAIN="nightly-2026-05-19"
CARGO_FUZZ_VERSION="0.13.2"
# No AddressSanitizer: the workspace forbids unsafe code, so the sanitizer would only slow the runs
# down; debug assertions (-a) make integer overflow a finding.
FUZZ_FLAGS=(-s none -a)
WORK="$REPO_ROOT/target/fuzz-work"

install() {
  if rustup toolchain list | grep -q "^$FUZZ_TOOLCHAIN"; then
    say "skipped: rust toolchain $FUZZ_TOOLCHAIN (installed)"
  else
    rustup toolchain install "$FUZZ_TOOLCHAIN" --profile minimal
    say "did:     rustup toolchain install $FUZZ_TOOLCHAIN"
  fi
  if [ "$(cargo fuzz --version 2>/dev/null || true)" = "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    say "skipped: cargo-fuzz $CARGO_FUZZ_VERSION (installed)"
  else
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
    say "did:     cargo install cargo-fuzz --version $CARGO_FUZZ_VERSION --locked"
  fi
}

fuzz() {
  (cd "$REPO_ROOT/fuzz" && nice -n "${FUZZ_NICE:-0}" cargo "+$FUZZ_TOOLCHAIN" fuzz "$@")
}

# cargo-fuzz has no --locked: a fetch with it first fails when fuzz/Cargo.lock is out of date.
build() {
  (cd "$REPO_ROOT/fuzz" && cargo "+$FUZZ_TOOLCHAIN" fetch --locked --quiet)
  fuzz build "${FUZZ_FLAGS[@]}"
}

targets() {
  fuzz list
}

# One target for SECONDS (or FUZZ_RUNS executions); prints its figures on one line.
run_target() {
  local target=$1 seconds=$2 log
  mkdir -p "$WORK/$target" "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log="$WORK/$target.log"
  local runs=()
  [ -n "${FUZZ_RUNS:-}" ] && runs=("-runs=$FUZZ_RUNS")
  local start=$SECONDS rc=0
  fuzz run "${FUZZ_FLAGS[@]}" "$target" "$WORK/$target" "$REPO_ROOT/fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$REPO_ROOT/fuzz/artifacts/$target/" \
    "${runs[@]}" >"$log" 2>&1 || rc=$?
  local execs cov
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  cov="$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)"
  say "$(printf '%-18s %4ss  %10s executions  %s' "$target" "$((SECONDS - start))" "${execs:-?}" "${cov:-no coverage line}")"
  if [ "$rc" -ne 0 ]; then
    tail -40 "$log" >&2
    echo "error: $target failed (exit $rc); log: $log; inputs: fuzz/artifacts/$target/" >&2
    return "$rc"
  fi
}

cmin_target() {
  local target=$1
  mkdir -p "$WORK/$target"
  # Everything found so far into the committed corpus, then the smallest set with the same edges covered.
  # Without hit counts (-use_counters=0) that is a few hundred small files instead of thousands; a
  # run finds the counts again from them in seconds.
  cp -n "$WORK/$target"/* "fuzz/corpus/$target/" 2>/dev/null || true
  fuzz cmin "${FUZZ_FLAGS[@]}" "$target" "$REPO_ROOT/fuzz/corpus/$target" -- -use_counters=0 >"$WORK/$target.cmin.log" 2>&1
  say "$(printf '%-18s corpus: %4s files, %7s bytes, %s' "$target" "$(find "fuzz/corpus/$target" -type f | wc -l)" "$(cat "fuzz/corpus/$target"/* | wc -c)" "$(grep -o '[0-9]* new coverage edges' "$WORK/$target.cmin.log" | tail -1)")"
}

case "${1:-all}" in
  list)
    install >&2
    targets
    ;;
  cmin)
    install
    build
    if [ "${2:-all}" = all ]; then set -- cmin $(targets); fi
    for t in "${@:2}"; do cmin_target "$t"; done
    ;;
  *)
    install
    build
    seconds="${2:-20}"
    if [ "${1:-all}" = all ]; then selected=($(targets)); else selected=("$1"); fi
    for t in "${selected[@]}"; do run_target "$t" "$seconds"; done
    ;;
esac
