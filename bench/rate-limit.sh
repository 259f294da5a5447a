#!/usr/bin/env bash
# The cost of rate limiting: runs bench/api-latency.sh once with the in-memory backend and once
# with the PostgreSQL backend (the server's embedded PostgreSQL), each time measuring an
# authenticated, rate-limited GET /v1/datasets/{id} against GET /healthz on the same server.
# The key's plan (bench/plans-roomy.json) is so large that every call is admitted and charged:
# this measures the limiter, not 429s.
#
#   bench/rate-limit.sh [seconds per run, default 15] [connections, default 64]
#
# Needs what bench/api-latency.sh needs.
set -euo pipefail
cd "$(dirname "$0")/.."

export MARK_PLANS_FILE="$PWD/bench/plans-roomy.json"

run() {
  local backend="$1"
  shift
  echo "== MARK_RATE_LIMIT_BACKEND=$backend" >&2
  local out
  out="$(MARK_RATE_LIMIT_BACKEND="$backend" bench/api-latency.sh "$@")"
  echo "$out" >&2
  awk '/^result / {print}' <<<"$out"
}

field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }

MEMORY="$(run memory "$@")"
POSTGRES="$(run postgres "$@")"

echo
printf '%-10s %14s %14s %16s %16s\n' backend "healthz rps" "GET rps" "GET/healthz rps" "GET/healthz p99"
for name in memory postgres; do
  line="$MEMORY"; [ "$name" = postgres ] && line="$POSTGRES"
  printf '%-10s %14.0f %14.0f %16.2f %16.2f\n' "$name" \
    "$(field health_rps "$line")" "$(field get_rps "$line")" \
    "$(awk -v a="$(field get_rps "$line")" -v b="$(field health_rps "$line")" 'BEGIN {print a / b}')" \
    "$(awk -v a="$(field get_p99_ms "$line")" -v b="$(field health_p99_ms "$line")" 'BEGIN {print a / b}')"
done
printf 'postgres / memory, GET requests/s: %.2f\n' \
  "$(awk -v a="$(field get_rps "$POSTGRES")" -v b="$(field get_rps "$MEMORY")" 'BEGIN {print a / b}')"
