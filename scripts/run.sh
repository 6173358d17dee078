#!/usr/bin/env bash
# Set up and run the product: build the console (Trunk, release, offline) and the `createimage`
# binary, then start `createimage serve` on http://127.0.0.1:${PORT:-8080}/: the console, the
# built-in emulator of the four providers' CreateImage APIs (sandbox keys are printed on start),
# and the relay to the real provider hosts. Extra arguments go to `createimage serve`
# (e.g. `scripts/run.sh --state state.json`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/setup.sh"
say "building the console (trunk build --release --offline)"
trunk build --release --offline
say "building createimage (cargo build --release)"
cargo build --release --locked -p createimage-cli --bin createimage
exec target/release/createimage serve --addr "127.0.0.1:${PORT:-8080}" --dist dist "$@"
