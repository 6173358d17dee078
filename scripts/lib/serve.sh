# shellcheck shell=bash
# Sourced by the measurement scripts: start_serve runs target/release/createimage serve on a free
# 127.0.0.1 port in the background and sets $pid and $host (HOST:PORT); the caller stops it by $pid.
start_serve() {
  local out
  out="$(mktemp)"
  target/release/createimage serve --addr 127.0.0.1:0 --dist "$(mktemp -d)" >"$out" 2>/dev/null &
  pid=$!
  host=""
  for _ in $(seq 100); do
    host="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out" | head -n 1 | sed 's#http://##')" || true
    if [ -n "$host" ]; then
      rm -f "$out"
      return 0
    fi
    sleep 0.1
  done
  echo "error: the server did not start" >&2
  exit 1
}
