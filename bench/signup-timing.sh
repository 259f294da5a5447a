#!/usr/bin/env bash
# Does signup's time tell whether an email is registered? Median time of POST /v1/auth/signup
# for an email that has a user and for new emails, taken in turns on one server in one run, and
# their ratio (1.00 means the time tells nothing; the password is hashed in both cases).
#
#   bench/signup-timing.sh [signups of each kind, default 40]
#
# Needs the built server (./mvnw -pl server -am package -DskipTests) and curl. The last line,
# "result …", is for scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-40}"
JAR="${BENCH_JAR:-server/target/mark-server.jar}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PORT="${BENCH_PORT:-18182}"
BASE="http://localhost:$PORT"
DATA="$(mktemp -d)"
PID=""
[ -f "$JAR" ] || { echo "no $JAR: build the server first: ./mvnw -pl server -am package -DskipTests" >&2; exit 1; }
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

PORT="$PORT" MARK_DATA_DIR="$DATA" MARK_MAIL_OUTBOX="$DATA/outbox" MARK_LOGIN_ATTEMPTS_PER_ADDRESS=100000 \
  "$JAVA" -jar "$JAR" >"$DATA/server.log" 2>&1 &
PID=$!
until curl -sf "$BASE/readyz" >/dev/null 2>&1; do
  kill -0 "$PID" 2>/dev/null || { cat "$DATA/server.log" >&2; exit 1; }
  sleep 0.05
done

PASSWORD="a long bench passphrase 42"
signup() { # email → seconds taken
  curl -s -o /dev/null -w '%{time_total}\n' -X POST "$BASE/v1/auth/signup" \
    -H 'Content-Type: application/json' -d '{"email":"'"$1"'","password":"'"$PASSWORD"'"}'
}
REGISTERED="registered@example.com"
signup "$REGISTERED" >/dev/null
TOKEN="$(cat "$DATA"/outbox/*.eml | grep -o 'mst_[A-Za-z0-9_-]*' | head -1)"
curl -sf -o /dev/null -X POST "$BASE/v1/auth/signup/confirm" -H 'Content-Type: application/json' -d '{"token":"'"$TOKEN"'"}'

echo "warming up…"
for i in $(seq 1 10); do signup "$REGISTERED" >/dev/null; signup "warm-$i@example.com" >/dev/null; done
echo "timing $ROUNDS signups of each kind, in turns…"
: >"$DATA/registered"; : >"$DATA/new"
for i in $(seq 1 "$ROUNDS"); do
  signup "$REGISTERED" >>"$DATA/registered"
  signup "new-$i@example.com" >>"$DATA/new"
done
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
REG_MS="$(awk -v s="$(median "$DATA/registered")" 'BEGIN { printf "%.1f", s * 1000 }')"
NEW_MS="$(awk -v s="$(median "$DATA/new")" 'BEGIN { printf "%.1f", s * 1000 }')"
RATIO="$(awk -v a="$REG_MS" -v b="$NEW_MS" 'BEGIN { printf "%.2f", a / b }')"
echo "median signup: registered email ${REG_MS} ms, new email ${NEW_MS} ms, ratio registered/new ${RATIO}"
echo "result registered_ms=$REG_MS new_ms=$NEW_MS ratio=$RATIO"
