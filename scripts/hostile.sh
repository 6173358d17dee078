#!/usr/bin/env bash
# Hostile-traffic figures for `createimage serve` on loopback (not a test; the tests are
# cli/tests/all/hostile.rs): memory after N correctly signed requests with a 500 KB nonce, memory and
# the wait of an ordinary request while C connections never finish their headers, and how long a
# SIGTERM takes with a slow client connected. Starts the release server on a free 127.0.0.1 port
# and stops it by its PID.
#
#   scripts/hostile.sh [NONCE_REQUESTS] [SLOW_CONNECTIONS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

REQUESTS="${1:-300}"
CONNECTIONS="${2:-2000}"
cargo build --release --locked -p createimage-cli --bin createimage --example hostile

source scripts/lib/serve.sh
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null' EXIT

start_serve
say "big nonces (server pid $pid on $host)"
target/release/examples/hostile "$host" "$pid" nonces "$REQUESTS"
kill "$pid"; wait "$pid" 2>/dev/null || true

start_serve
say "slow connections (server pid $pid on $host)"
target/release/examples/hostile "$host" "$pid" slow "$CONNECTIONS" 15
kill "$pid"; wait "$pid" 2>/dev/null || true

start_serve
say "SIGTERM with a client halfway through a request body (server pid $pid on $host)"
exec 3<>"/dev/tcp/${host%:*}/${host##*:}"
printf 'POST /v2/index.php HTTP/1.1\r\nHost: %s\r\nContent-Length: 1000\r\n\r\nab' "$host" >&3
sleep 0.5
began=$(date +%s.%N)
kill -TERM "$pid"
wait "$pid" && code=0 || code=$?
ended=$(date +%s.%N)
exec 3>&-
pid=""
awk -v c="$code" -v a="$began" -v b="$ended" 'BEGIN { printf "exited with status %s after %.2f s\n", c, b - a }'
