#!/usr/bin/env bash
# Set up and run the product. For now: build the console with Trunk (release, offline) and serve it on
# http://127.0.0.1:${PORT:-8080}/ with `trunk serve`, which also rebuilds when a source file changes.
# Later this becomes `createimage serve` (console + emulator + relay).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/setup.sh"
say "serving the console on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops)"
exec trunk serve --release --offline --address 127.0.0.1 --port "${PORT:-8080}"
