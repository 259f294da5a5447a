#!/usr/bin/env bash
# The cost of rate limiting: runs bench/api-latency.sh once per rate-limit backend — in-memory,
# PostgreSQL (the server's embedded PostgreSQL) and, when redis-server is installed, Redis (a
# redis-server started here on a free loopback port, without persistence) — each time measuring
# an authenticated, rate-limited GET /v1/datasets/{id} against GET /healthz on the same server.
# The key's plan (bench/plans-roomy.json) is so large that every call is admitted and charged:
# this measures the limiter, not 429s.
#
#   bench/rate-limit.sh [seconds per run, default 15] [connections, default 64]
#
# Needs what bench/api-latency.sh needs; redis-server (apt-get install redis-server) is optional.
set -euo pipefail
cd "$(dirname "$0")/.."

export MARK_PLANS_FILE="$PWD/bench/plans-roomy.json"
# each run chooses its backend; a Redis URL from the caller would be refused by the others
unset MARK_REDIS_URL

REDIS_PID=""
REDIS_DIR=""
cleanup() {
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true
  [ -n "$REDIS_DIR" ] && rm -rf "$REDIS_DIR"
}
trap cleanup EXIT

run() {
  local backend="$1"
  shift
  echo "== MARK_RATE_LIMIT_BACKEND=$backend" >&2
  local out
  out="$(MARK_RATE_LIMIT_BACKEND="$backend" bench/api-latency.sh "$@")"
  echo "$out" >&2
  awk '/^result / {print}' <<<"$out"
}

free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  exit 1
}

# sets MARK_REDIS_URL (not in a subshell: cleanup needs REDIS_PID)
start_redis() {
  local port
  port="$(free_port)"
  REDIS_DIR="$(mktemp -d)"
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$REDIS_DIR" \
    --daemonize no --loglevel warning >"$REDIS_DIR/redis.log" 2>&1 &
  REDIS_PID=$!
  until [ "$( (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'PING\r\n' >&3 && head -c 5 <&3) 2>/dev/null)" = "+PONG" ]; do
    kill -0 "$REDIS_PID" 2>/dev/null || { cat "$REDIS_DIR/redis.log" >&2; exit 1; }
    sleep 0.05
  done
  export MARK_REDIS_URL="redis://127.0.0.1:$port"
}

field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {print a / b}'; }

declare -A RESULT
BACKENDS=(memory postgres)
RESULT[memory]="$(run memory "$@")"
RESULT[postgres]="$(run postgres "$@")"
if command -v redis-server >/dev/null; then
  start_redis
  RESULT[redis]="$(run redis "$@")"
  BACKENDS+=(redis)
  unset MARK_REDIS_URL
else
  echo "redis-server is not installed: no Redis run (apt-get install redis-server)" >&2
fi

echo
printf '%-10s %14s %14s %16s %16s\n' backend "healthz rps" "GET rps" "GET/healthz rps" "GET/healthz p99"
for name in "${BACKENDS[@]}"; do
  line="${RESULT[$name]}"
  printf '%-10s %14.0f %14.0f %16.2f %16.2f\n' "$name" \
    "$(field health_rps "$line")" "$(field get_rps "$line")" \
    "$(ratio "$(field get_rps "$line")" "$(field health_rps "$line")")" \
    "$(ratio "$(field get_p99_ms "$line")" "$(field health_p99_ms "$line")")"
done
for name in "${BACKENDS[@]}"; do
  [ "$name" = memory ] && continue
  printf '%s / memory, GET requests/s: %.2f\n' "$name" \
    "$(ratio "$(field get_rps "${RESULT[$name]}")" "$(field get_rps "${RESULT[memory]}")")"
done
