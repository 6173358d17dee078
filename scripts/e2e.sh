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

# npm ci when node_modules is missing or package-lock.json changed since the last install (same stamp
# as scripts/setup.sh uses for tests/js).
e2e_npm() {
  local stamp="$E2E_DIR/node_modules/.createimage-lock-sha256" sha
  sha="$(sha256sum "$E2E_DIR/package-lock.json" | cut -d' ' -f1)"
  if [ -d "$E2E_DIR/node_modules" ] && [ "$(cat "$stamp" 2>/dev/null || true)" = "$sha" ]; then
    say "e2e: skipped npm ci in tests/e2e (package-lock.json unchanged)"
  else
    npm ci --prefix "$E2E_DIR" --no-audit --no-fund
    echo "$sha" >"$stamp"
    say "e2e: did npm ci in tests/e2e (playwright-core, axe-core; no browser download)"
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
