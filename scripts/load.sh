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

source scripts/lib/serve.sh
start_serve
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null' EXIT
say "server pid $pid on $host; $REQUESTS requests per provider over $CONNECTIONS connections"
for provider in zenlayer aliyun jdcloud tencent; do
  CREATEIMAGE_LOG=warn target/release/examples/load "$host" --requests "$REQUESTS" --connections "$CONNECTIONS" --provider "$provider"
done
