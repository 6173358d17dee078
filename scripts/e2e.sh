#!/usr/bin/env bash
# End-to-end tests of the browser console: builds the console (Trunk, release, offline) and the release
# `createimage` binary, installs tests/e2e's pinned npm packages when node_modules is missing or the lock
# changed, then runs `node --test tests/e2e/`: one `createimage serve` on a free loopback port and one
# headless Debian Chromium (playwright-core, no browser download) for the whole suite.
#
#   scripts/e2e.sh              build, install, test
#   scripts/e2e.sh --prepare    build and install only (scripts/measure.sh uses it)
#
# CREATEIMAGE_E2E_NO_BUILD=1 skips the two builds (use what is in dist/ and target/release/).
# Screenshots (each provider's form, en and zh; failures) go to target/e2e-screenshots/ (git-ignored).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

E2E_DIR="$REPO_ROOT/tests/e2e"

e2e_build() {
  if [ "${CREATEIMAGE_E2E_NO_BUILD:-}" = 1 ]; then
    say "e2e: CREATEIMAGE_E2E_NO_BUILD=1, using dist/ and target/release/createimage as they are"
    return
  fi
  say "e2e: trunk build --release --offline"
  trunk build --release --offline
  say "e2e: cargo build --release -p createimage-cli --bin createimage"
  cargo build --release --locked -p createimage-cli --bin createimage
}

# npm ci when node_modules is missing or package-lock.json changed (scripts/env.sh).
e2e_npm() {
  local outcome
  outcome="$(npm_ci_if_lock_changed "$E2E_DIR")"
  if [ "$outcome" = did ]; then
    say "e2e: did npm ci in tests/e2e (playwright-core, axe-core; no browser download)"
  else
    say "e2e: skipped npm ci in tests/e2e (package-lock.json unchanged)"
  fi
}

e2e_check_browser() {
  local chromium="${CHROMIUM:-/usr/bin/chromium}"
  [ -x "$chromium" ] || { echo "error: $chromium is missing: scripts/setup.sh installs Debian's chromium" >&2; return 1; }
}

e2e_build
e2e_npm
e2e_check_browser
[ "${1:-}" = "--prepare" ] && exit 0
node --test tests/e2e/
