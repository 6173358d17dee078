#!/usr/bin/env bash
# The one command that sets up and runs every test. Stops at the first failing stage and exits non-zero.
#
#   scripts/test.sh                 every stage, in order
#   scripts/test.sh fmt clippy      only the named stages (setup is not implied)
#
# To add a stage: write a `stage_<name>` function and add <name> to STAGES.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

STAGES=(setup fmt clippy native clients trunk wasm_validator wasm_console js e2e fuzz)

stage_setup() {
  "$REPO_ROOT/scripts/setup.sh"
}

stage_fmt() {
  cargo fmt --all -- --check
  # The fuzz crate is not a workspace member.
  rustfmt --edition 2024 --check fuzz/fuzz_targets/*.rs fuzz/examples/*.rs
}

stage_clippy() {
  cargo clippy --workspace --all-targets --locked -- -D warnings
  # The JS package's wasm-bindgen facade (validator-js/) for wasm32, as its two modules.
  cargo clippy -p createimage-validator-js --target "$WASM_TARGET" --locked -- -D warnings
  cargo clippy -p createimage-validator-js --no-default-features --target "$WASM_TARGET" --locked -- -D warnings
  # The console as Trunk builds it: for wasm32, with the chunk loaded on first use (src/lazy.rs).
  cargo clippy -p createimage-console --features split --target "$WASM_TARGET" --locked -- -D warnings
}

# The validator and the CLI natively. The console is left out: compiling Leptos natively is slow and it is
# tested in the browser below.
stage_native() {
  cargo test --workspace --exclude createimage-console --locked
}

# The providers' official SDKs (Python and Node, pinned) against a running `createimage serve`.
stage_clients() {
  "$REPO_ROOT/scripts/clients.sh"
}

# The release build of the console. Offline: a missing or wrong wasm-bindgen/wasm-opt fails instead of
# being downloaded.
stage_trunk() {
  trunk build --release --offline
  # The main module and the chunk loaded on first use.
  local wasm found=0
  for wasm in dist/*.wasm; do
    [ -f "$wasm" ] || continue
    found=1
    say "$wasm: $(wc -c <"$wasm") bytes, $(gzip -9c "$wasm" | wc -c) gzipped"
  done
  [ "$found" = 1 ] || { echo "error: no .wasm in dist/" >&2; return 1; }
}

# wasm-bindgen-test in headless Chromium (the test binaries say `run_in_browser`). --lib --tests keeps the
# benches (criterion, native only) out of the wasm build.
wasm_test() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    WASM_BINDGEN_USE_BROWSER=1 \
    cargo test --locked --target "$WASM_TARGET" "$@"
}

stage_wasm_validator() {
  wasm_test -p createimage-validator --lib --tests
  # The npm package's declarations against the Rust types (validator-js/tests/).
  wasm_test -p createimage-validator-js --tests
}

# --lib only: the console's main.rs has no tests, and a runner line saying so would end the log.
stage_wasm_console() {
  wasm_test -p createimage-console --lib
}

# The npm package (scripts/build-js.sh) from a clean consumer (tests/js): the packed tarball installed,
# the Rust rule tests' cases exported as data and run through it, parity with the CLI, tsc --strict, the
# size budget, and Playwright in Chromium. The bench (tests/js/bench.mjs) is not a test.
stage_js() {
  "$REPO_ROOT/scripts/build-js.sh"
  cargo build -p createimage-cli --locked
  local cases="$REPO_ROOT/target/js-cases"
  rm -rf "$cases"
  # The rule tests (validator/tests/all/rules_*.rs), writing their cases as JSON; their own result
  # lines are counted by the native stage.
  CREATEIMAGE_EXPORT_CASES="$cases" cargo test -q -p createimage-validator --locked --test all rules_ >/dev/null
  (
    cd tests/js
    # npm ci again whenever the lock changed (a new consumer library), not only when node_modules is missing.
    npm_ci_if_lock_changed "$REPO_ROOT/tests/js" >/dev/null
    # The tarball, not a path into the source tree; --no-save keeps package.json and the lock as committed.
    rm -rf node_modules/createimage-validator
    npm install --no-save --no-audit --no-fund "$(ls "$REPO_ROOT"/pkg/createimage-validator-*.tgz)"
    local wasm
    for wasm in createimage_validator_bg.wasm validate_bg.wasm; do
      cmp "node_modules/createimage-validator/web/$wasm" "$REPO_ROOT/pkg/createimage-validator/web/$wasm"
    done
    CREATEIMAGE_CASES="$cases" CREATEIMAGE_BIN="$REPO_ROOT/target/debug/createimage" node --test test/
  )
}

# The console end to end (scripts/e2e.sh): release console and `createimage` built, tests/e2e's npm
# packages installed if needed, then Playwright (Debian's Chromium) and axe-core against a spawned
# `createimage serve`. Screenshots in target/e2e-screenshots/.
stage_e2e() {
  "$REPO_ROOT/scripts/e2e.sh"
}

# Every fuzz target (fuzz/) for 20 s from the committed corpus, so that nothing found before comes back.
# Installs the nightly toolchain and cargo-fuzz it needs (scripts/fuzz.sh).
stage_fuzz() {
  "$REPO_ROOT/scripts/fuzz.sh" all "${FUZZ_SECONDS:-20}"
}

# --- runner -------------------------------------------------------------------------------------------

RESULTS=()
CURRENT=""
CURRENT_START=0
ALL_START=$SECONDS

# Every stage's output also goes to this log, so the summary can add up the test runners' results.
TEST_LOG="$(mktemp)"

run_stage() {
  local name=$1
  CURRENT=$name
  CURRENT_START=$SECONDS
  say "==> $name"
  "stage_$name" > >(tee -a "$TEST_LOG") 2>&1
  local took=$((SECONDS - CURRENT_START))
  RESULTS+=("$(printf 'ok     %5ss  %s' "$took" "$name")")
  say "<== $name ok (${took}s)"
  CURRENT=""
}

summary() {
  local rc=$?
  if [ -n "$CURRENT" ]; then
    RESULTS+=("$(printf 'FAILED %5ss  %s' "$((SECONDS - CURRENT_START))" "$CURRENT")")
  fi
  echo
  echo "---- summary ----"
  local r
  for r in "${RESULTS[@]}"; do echo "$r"; done
  # cargo's "test result: ok. N passed; M failed; …" lines (Rust, wasm-bindgen-test), added up;
  local counts
  # node --test's closing "# pass N" / "# fail N" (stage js) are added too.
  counts="$(awk '/^test result:/ { gsub(/;/, ""); p += $4; f += $6 } /^# pass [0-9]+$/ { p += $3 } /^# fail [0-9]+$/ { f += $3 } END { printf "%d passed, %d failed", p, f }' "$TEST_LOG")"
  rm -f "$TEST_LOG"
  if [ "$rc" -eq 0 ]; then
    echo "all ${#RESULTS[@]} stages passed in $((SECONDS - ALL_START))s"
  else
    echo "FAILED (exit $rc) after $((SECONDS - ALL_START))s"
  fi
  echo "tests: $counts"
}

selected=("$@")
if [ ${#selected[@]} -eq 0 ]; then selected=("${STAGES[@]}"); fi
for s in "${selected[@]}"; do
  declare -F "stage_$s" >/dev/null || { echo "unknown stage: $s (stages: ${STAGES[*]})" >&2; exit 2; }
done

trap summary EXIT
for s in "${selected[@]}"; do run_stage "$s"; done
