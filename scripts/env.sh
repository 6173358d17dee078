# shellcheck shell=bash
# Sourced by the other scripts: where the repository is, and which tools the build uses.
#
# The project-local wasm-opt (npm binaryen, pinned in tools/package.json) goes first on PATH so a system
# wasm-opt can never be picked up: Debian's binaryen 108 silently breaks wasm-bindgen 0.2.130 output.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
export PATH="$REPO_ROOT/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Versions the scripts install and check (exact `--version` output is compared).
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132" # keep in step with tools/package.json (scripts/lib/split.mjs reads it there)
# wasm-split-cli; its split format must match the wasm_split_helpers that Cargo.lock pins for Leptos.
WASM_SPLIT_VERSION="0.2.4"
WASM_TARGET="wasm32-unknown-unknown"
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk)

# Headless Chromium for wasm-bindgen-test and screenshots.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

# The wasm-bindgen version recorded in Cargo.lock (empty if there is no lock yet).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$REPO_ROOT/Cargo.lock" 2>/dev/null
}

# Print a timestamped line; used for the "did / skipped" reports.
say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# npm ci in DIR when its node_modules is missing or package-lock.json changed since the last install
# (a sha256 stamp inside node_modules). Prints `did` or `skipped`; a failed npm ci fails the call (and
# writes no stamp), also where errexit is off.
npm_ci_if_lock_changed() {
  local dir=$1 stamp="$1/node_modules/.createimage-lock-sha256" sha
  sha="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ -d "$dir/node_modules" ] && [ "$(cat "$stamp" 2>/dev/null || true)" = "$sha" ]; then
    echo skipped
    return 0
  fi
  npm ci --prefix "$dir" --no-audit --no-fund >&2 || return 1
  echo "$sha" >"$stamp" || return 1
  echo did
}
