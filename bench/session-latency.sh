#!/usr/bin/env bash
# The cost of a session's bearer token: throughput and p99 of GET /healthz, of GET
# /v1/datasets/{id} with an API key, and of the same GET with "Authorization: Bearer <access
# token>", all on one server in one run, with the ratios bearer / healthz and bearer / API key.
# The key and the session belong to one account (the key is made by the session), so the two
# GETs differ only in how the caller authenticates.
#
#   bench/session-latency.sh [seconds per run, default 15] [connections, default 64]
#
# Needs what bench/api-latency.sh needs. The last line, "result …", is for scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
# a plan so large that every call is admitted: 429s are cheap and would flatter the figures
export MARK_PLANS_FILE="${MARK_PLANS_FILE:-$PWD/bench/plans-roomy.json}"
# one token serves the whole run: it must not expire before the last measurement
export MARK_ACCESS_TOKEN_TTL_SECONDS="${MARK_ACCESS_TOKEN_TTL_SECONDS:-3600}"

DURATION="${1:-15}"
CONNECTIONS="${2:-64}"
source bench/lib/latency.sh
# the signup's token arrives in the mailbox: here, a folder of .eml files
export MARK_MAIL_OUTBOX="$DATA/outbox"

start_server
curl -sf -o /dev/null -X POST "$BASE/v1/auth/signup" -H 'Content-Type: application/json' \
  -d '{"email":"bench-'"$(now_ms)"'@example.com","password":"a long bench passphrase 42"}'
SIGNUP_TOKEN="$(cat "$MARK_MAIL_OUTBOX"/*.eml | grep -o 'mst_[A-Za-z0-9_-]*' | head -1)"
TOKEN="$(curl -sf -X POST "$BASE/v1/auth/signup/confirm" -H 'Content-Type: application/json' \
  -d '{"token":"'"$SIGNUP_TOKEN"'"}' | json_field access_token)"
KEY="$(curl -sf -X POST "$BASE/v1/api-keys" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"bench","scopes":["read"]}' | json_field secret)"
DATASET="$(curl -sf -X POST "$BASE/v1/datasets" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Orders","columns":[{"name":"region","type":"string"},{"name":"revenue","type":"number"}]}' \
  | json_field id)"

echo "warming up…"
warm_up "$BASE/healthz"
warm_up -H "X-API-Key: $KEY" "$BASE/v1/datasets/$DATASET"
warm_up -H "Authorization: Bearer $TOKEN" "$BASE/v1/datasets/$DATASET"

echo "measuring ${DURATION}s each with $CONNECTIONS connections…"
measure HEALTH "$BASE/healthz"
measure KEY -H "X-API-Key: $KEY" "$BASE/v1/datasets/$DATASET"
measure BEARER -H "Authorization: Bearer $TOKEN" "$BASE/v1/datasets/$DATASET"

echo
print_header
print_row "GET /healthz (baseline)" HEALTH
print_row "GET /v1/datasets/{id} (API key)" KEY
print_row "GET /v1/datasets/{id} (bearer token)" BEARER
echo "throughput ratio bearer / healthz: $(ratio "$BEARER_RPS" "$HEALTH_RPS")"
echo "p99 ratio        bearer / healthz: $(ratio "$BEARER_P99" "$HEALTH_P99")"
echo "throughput ratio bearer / API key: $(ratio "$BEARER_RPS" "$KEY_RPS")"
echo "p99 ratio        bearer / API key: $(ratio "$BEARER_P99" "$KEY_P99")"
echo "result health_rps=$HEALTH_RPS health_p99_ms=$HEALTH_P99 key_rps=$KEY_RPS key_p99_ms=$KEY_P99" \
  "bearer_rps=$BEARER_RPS bearer_p99_ms=$BEARER_P99"
