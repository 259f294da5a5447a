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
source bench/lib/latency.sh

echo "first start (creates the embedded database)…"
start_server
KEY="$(development_key)"
DATASET="$(curl -sf -X POST "$BASE/v1/datasets" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
  -d '{"name":"Orders","columns":[{"name":"region","type":"string"},{"name":"revenue","type":"number"}]}' \
  | json_field id)"
stop_server

START="$(now_ms)"
start_server
COLD_START_MS=$(( $(now_ms) - START ))

echo "warming up…"
warm_up "$BASE/healthz"
warm_up -H "X-API-Key: $KEY" "$BASE/v1/datasets/$DATASET"

echo "measuring ${DURATION}s each with $CONNECTIONS connections…"
measure HEALTH "$BASE/healthz"
measure GET -H "X-API-Key: $KEY" "$BASE/v1/datasets/$DATASET"
RSS_MB="$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")"

echo
print_header
print_row "GET /healthz (baseline)" HEALTH
print_row "GET /v1/datasets/{id} (API key)" GET
echo "throughput ratio (dataset / healthz): $(ratio "$GET_RPS" "$HEALTH_RPS")"
echo "p99 ratio (dataset / healthz):        $(ratio "$GET_P99" "$HEALTH_P99")"
echo "cold start to ready (database initialised): ${COLD_START_MS} ms"
echo "server resident memory after the load:     ${RSS_MB} MB"
echo "result health_rps=$HEALTH_RPS health_p99_ms=$HEALTH_P99 get_rps=$GET_RPS get_p99_ms=$GET_P99"
