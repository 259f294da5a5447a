#!/usr/bin/env bash
# Throughput and p99 of an authenticated GET /v1/datasets/{id} as a ratio to GET /healthz on the
# same server in the same run; cold start to ready (embedded database already initialised); and
# the server's resident memory after the load.
#
#   bench/api-latency.sh [seconds per run, default 15] [connections, default 64]
#
# Needs: wrk and curl; the server built (./mvnw -pl server -am package -DskipTests); a JDK 21+
# as JAVA_HOME or on PATH. The server inherits the environment (e.g. MARK_RATE_LIMIT_BACKEND,
# MARK_PLANS_FILE: bench/rate-limit.sh runs this script once per rate-limit backend). The last
# line, "result …", is for scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
# a plan so large that every call is admitted: 429s are cheap and would flatter the figures
export MARK_PLANS_FILE="${MARK_PLANS_FILE:-$PWD/bench/plans-roomy.json}"

DURATION="${1:-15}"
CONNECTIONS="${2:-64}"
JAR=server/target/mark-server.jar
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PORT="${BENCH_PORT:-18181}"
BASE="http://localhost:$PORT"
DATA="$(mktemp -d)"
LOG="$DATA/server.log"
PID=""

[ -f "$JAR" ] || { echo "build the server first: ./mvnw -pl server -am package -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

start_server() {
  PORT="$PORT" MARK_DATA_DIR="$DATA" "$JAVA" -jar "$JAR" >"$LOG" 2>&1 &
  PID=$!
  until curl -sf "$BASE/readyz" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 0.05
  done
}

stop_server() {
  kill "$PID" && wait "$PID" 2>/dev/null || true
  PID=""
}

# wrk's requests/s and p99 (in ms) for one URL
measure() {
  local out rps p99
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  if grep -q "Non-2xx" <<<"$out"; then
    echo "some responses were not 2xx; the figures would not measure the endpoint:" >&2
    grep "Non-2xx" <<<"$out" >&2
    exit 1
  fi
  echo "$rps $(to_ms "$p99")"
}

to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
  }'
}

echo "first start (creates the embedded database)…"
start_server
KEY="$(grep -o 'mk_test_[A-Za-z0-9]*' "$LOG" | head -1)"
DATASET="$(curl -sf -X POST "$BASE/v1/datasets" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
  -d '{"name":"Orders","columns":[{"name":"region","type":"string"},{"name":"revenue","type":"number"}]}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')"
stop_server

START="$(now_ms)"
start_server
COLD_START_MS=$(( $(now_ms) - START ))

echo "warming up…"
wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/healthz" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "X-API-Key: $KEY" "$BASE/v1/datasets/$DATASET" >/dev/null

echo "measuring ${DURATION}s each with $CONNECTIONS connections…"
read -r HEALTH_RPS HEALTH_P99 <<<"$(measure "$BASE/healthz")"
read -r GET_RPS GET_P99 <<<"$(measure -H "X-API-Key: $KEY" "$BASE/v1/datasets/$DATASET")"
RSS_MB="$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")"

echo
printf '%-34s %12s %10s\n' "endpoint" "requests/s" "p99 ms"
printf '%-34s %12.0f %10.2f\n' "GET /healthz (baseline)" "$HEALTH_RPS" "$HEALTH_P99"
printf '%-34s %12.0f %10.2f\n' "GET /v1/datasets/{id} (API key)" "$GET_RPS" "$GET_P99"
printf 'throughput ratio (dataset / healthz): %.2f\n' "$(awk -v a="$GET_RPS" -v b="$HEALTH_RPS" 'BEGIN {print a / b}')"
printf 'p99 ratio (dataset / healthz):        %.2f\n' "$(awk -v a="$GET_P99" -v b="$HEALTH_P99" 'BEGIN {print a / b}')"
echo "cold start to ready (database initialised): ${COLD_START_MS} ms"
echo "server resident memory after the load:     ${RSS_MB} MB"
echo "result health_rps=$HEALTH_RPS health_p99_ms=$HEALTH_P99 get_rps=$GET_RPS get_p99_ms=$GET_P99"
