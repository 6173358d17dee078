#!/usr/bin/env bash
# Load measurement of `createimage serve` on loopback (not a test): starts the release server on a
# free 127.0.0.1 port, sends signed CreateImage requests for each provider from the load example,
# prints requests/s and latency percentiles, stops the server by its PID.
#
#   scripts/load.sh [REQUESTS] [CONNECTIONS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

REQUESTS="${1:-100000}"
CONNECTIONS="${2:-64}"
cargo build --release --locked -p createimage-cli --bin createimage --example load

out="$(mktemp)"
target/release/createimage serve --addr 127.0.0.1:0 --dist "$(mktemp -d)" >"$out" 2>/dev/null &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 100); do
  host="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out" | head -n 1 | sed 's#http://##')" || true
  [ -n "$host" ] && break
  sleep 0.1
done
[ -n "$host" ] || { echo "error: the server did not start" >&2; exit 1; }
say "server pid $pid on $host; $REQUESTS requests per provider over $CONNECTIONS connections"
for provider in zenlayer aliyun jdcloud tencent; do
  CREATEIMAGE_LOG=warn target/release/examples/load "$host" --requests "$REQUESTS" --connections "$CONNECTIONS" --provider "$provider"
done
