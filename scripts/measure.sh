#!/usr/bin/env bash
# Measures the console (not a test; asserts nothing): bytes of the first load (raw, gzip -9, on the
# wire), time to interactive, keystroke-to-message latency p50/p95 over 200 keystrokes, with the goals
# (≤ 250 KB gzip, ≤ 4 ms p95) beside them. Builds and installs as scripts/e2e.sh does.
#
#   scripts/measure.sh [--runs N] [--keystrokes N] [--json]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/e2e.sh" --prepare
node tests/e2e/measure.mjs "$@"
