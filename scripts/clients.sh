#!/usr/bin/env bash
# The providers' official SDKs (pinned: tests/clients/requirements.txt and package-lock.json, installed by
# scripts/setup.sh) against a `createimage serve` the tests start on free loopback ports: builds the
# binary (debug), then `node --test tests/clients/`.
#
# CREATEIMAGE_BIN points at another build; CREATEIMAGE_CLIENTS_PYTHON at another Python with the SDKs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

if [ -z "${CREATEIMAGE_BIN:-}" ]; then
  cargo build --locked -p createimage-cli --bin createimage
fi
node --test tests/clients/
