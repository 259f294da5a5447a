#!/usr/bin/env bash
# SDK overhead per call: each SDK's get of a dataset against a raw fetch / raw HttpClient
# (plus JSON parse) of the same GET /v1/datasets/{id}, on one fresh server, in one run.
# Target: a ratio ≤ 1.1.
#
#   bench/sdk-overhead.sh [rounds, default 20] [calls per round, default 200]
#
# Needs: curl, Node.js 20+, a JDK 21+ as JAVA_HOME or on PATH. Builds what it runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# a plan so large that every call is admitted: a 429 would end the run
export MARK_PLANS_FILE="${MARK_PLANS_FILE:-$PWD/bench/plans-roomy.json}"

ROUNDS="${1:-20}"
PER_ROUND="${2:-200}"
JAR=server/target/mark-server.jar
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
DATA="$(mktemp -d)"
LOG="$DATA/server.log"
PID=""

cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

echo "building the server and both SDKs…"
./mvnw -q -B -pl server,sdk-java,sdk-typescript -am package -DskipTests >/dev/null

PORT=0 MARK_DATA_DIR="$DATA" "$JAVA" -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
until grep -q '^Mark API listening on' "$LOG"; do
  kill -0 "$PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.1
done
BASE="$(sed -nE 's/^Mark API listening on (http:[^ ]+).*/\1/p' "$LOG")"
KEY="$(grep -o 'mk_test_[A-Za-z0-9_]*' "$LOG" | head -1)"
DATASET="$(curl -sf -X POST "$BASE/v1/datasets" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
  -d '{"name":"Orders","columns":[{"name":"region","type":"string"},{"name":"revenue","type":"number"}]}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')"

node bench/sdk-overhead.mjs "$BASE" "$KEY" "$DATASET" "$ROUNDS" "$PER_ROUND"
./mvnw -q -B -o -pl sdk-java exec:java \
  -Dexec.mainClass=dev.mark.sdk.bench.SdkOverheadBench \
  -Dexec.classpathScope=test \
  -Dexec.args="$BASE $KEY $DATASET $ROUNDS $PER_ROUND"
