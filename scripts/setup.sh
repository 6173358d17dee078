#!/usr/bin/env bash
# Install or check everything the build and the tests need. Idempotent: each step compares the exact
# `--version` output (or dpkg status, or `cargo install --list`) and skips what is already there, so a
# second run takes seconds.
#
# Needs: rustup + cargo, node 20 + npm, python3 (venv, pip), and apt-get (Debian) for Chromium. Network:
# crates.io, npm, PyPI, Debian.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

DID=()
SKIPPED=()
did() { say "did:     $*"; DID+=("$*"); }
skipped() { say "skipped: $*"; SKIPPED+=("$*"); }

# Run as root directly, otherwise through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

step_rust_target() {
  if rustup target list --installed | grep -qx "$WASM_TARGET"; then
    skipped "rust target $WASM_TARGET (installed)"
  else
    rustup target add "$WASM_TARGET"
    did "rustup target add $WASM_TARGET"
  fi
}

step_rust_components() {
  local missing=()
  local c
  for c in rustfmt clippy; do
    rustup component list --installed | grep -q "^$c" || missing+=("$c")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    skipped "rust components rustfmt clippy (installed)"
  else
    rustup component add "${missing[@]}"
    did "rustup component add ${missing[*]}"
  fi
}

step_lockfile() {
  if [ -f Cargo.lock ]; then
    skipped "Cargo.lock (present)"
  else
    cargo generate-lockfile
    did "cargo generate-lockfile"
  fi
}

step_fetch() {
  # Quick when everything is in ~/.cargo/registry already; fails if Cargo.lock is out of date.
  cargo fetch --locked --quiet
  say "checked: cargo fetch --locked (dependencies in the local registry)"
}

step_trunk() {
  local want="trunk $TRUNK_VERSION"
  if [ "$(trunk --version 2>/dev/null || true)" = "$want" ]; then
    skipped "$want (installed)"
  else
    cargo install trunk --version "$TRUNK_VERSION" --locked
    did "cargo install trunk --version $TRUNK_VERSION --locked"
  fi
}

step_wasm_bindgen() {
  local version
  version="$(wasm_bindgen_version)"
  if [ -z "$version" ]; then
    echo "error: no wasm-bindgen in Cargo.lock" >&2
    return 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $version" ] &&
    [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" = "wasm-bindgen-test-runner $version" ]; then
    skipped "wasm-bindgen-cli $version (installed)"
  else
    # Not --locked: the CLI's own lock pins a webpki-roots version crates.io no longer has.
    cargo install wasm-bindgen-cli --version "$version"
    did "cargo install wasm-bindgen-cli --version $version"
  fi
}

step_wasm_split() {
  # wasm-split-cli: scripts/lib/split.mjs cuts the console's wasm with it, between cargo and wasm-bindgen.
  local want="wasm_split_cli_support v$WASM_SPLIT_VERSION:"
  if cargo install --list | grep -qxF "$want"; then
    skipped "wasm-split-cli $WASM_SPLIT_VERSION (installed)"
  else
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
    did "cargo install wasm_split_cli_support --version $WASM_SPLIT_VERSION --features build-binary --locked"
  fi
}

step_apt() {
  local missing=()
  local p
  for p in "${APT_PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    skipped "apt ${APT_PACKAGES[*]} (installed)"
  else
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    did "apt-get install ${missing[*]}"
  fi
}

step_build_tools() {
  # tools/: wasm-opt (npm binaryen, never Debian's) and terser, at the versions its lock pins.
  local want="wasm-opt version $BINARYEN_VERSION (version_$BINARYEN_VERSION)"
  local bin="$REPO_ROOT/tools/node_modules/.bin/wasm-opt" outcome
  outcome="$(npm_ci_if_lock_changed "$REPO_ROOT/tools")"
  if [ "$("$bin" --version 2>/dev/null || true)" != "$want" ]; then
    echo "error: $bin --version is not \"$want\"; check tools/package.json" >&2
    return 1
  fi
  if [ "$outcome" = did ]; then
    did "npm ci in tools (binaryen@$BINARYEN_VERSION, terser)"
  else
    skipped "npm ci in tools (package-lock.json unchanged)"
  fi
}

# The JS package's consumer tests (tests/js): npm ci when node_modules is missing or the lock changed.
step_js_tests() {
  local outcome
  outcome="$(npm_ci_if_lock_changed "$REPO_ROOT/tests/js")"
  if [ "$outcome" = did ]; then
    did "npm ci in tests/js (typescript, ajv, playwright-core; no browser download)"
  else
    skipped "npm ci in tests/js (package-lock.json unchanged)"
  fi
}

# The providers' official SDKs for the real-clients tests (tests/clients): a virtual environment with
# exactly the pinned Python packages (made anew when requirements.txt changes), and the Node SDK's lock.
step_clients() {
  local dir="$REPO_ROOT/tests/clients" venv="$REPO_ROOT/tests/clients/.venv" sha outcome
  local stamp="$venv/.createimage-requirements-sha256"
  sha="$(sha256sum "$dir/requirements.txt" | cut -d' ' -f1)"
  if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null || true)" = "$sha" ]; then
    skipped "python SDKs in tests/clients/.venv (requirements.txt unchanged)"
  else
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$dir/requirements.txt"
    echo "$sha" >"$stamp"
    did "python3 -m venv tests/clients/.venv; pip install --no-deps -r tests/clients/requirements.txt"
  fi
  outcome="$(npm_ci_if_lock_changed "$dir")"
  if [ "$outcome" = did ]; then
    did "npm ci in tests/clients (@alicloud/pop-core)"
  else
    skipped "npm ci in tests/clients (package-lock.json unchanged)"
  fi
}

start=$SECONDS
step_rust_target
step_rust_components
step_lockfile
step_fetch
step_trunk
step_wasm_bindgen
step_wasm_split
step_apt
step_build_tools
step_js_tests
step_clients
say "setup: ${#DID[@]} done, ${#SKIPPED[@]} skipped in $((SECONDS - start))s"
