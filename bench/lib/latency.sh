# Shared by the latency benches (bench/api-latency.sh, bench/session-latency.sh): runs the built
# server on a scratch data folder that is removed on exit, and measures URLs with wrk. Source it
# from the repository root after setting DURATION and CONNECTIONS.

# BENCH_JAR: another build to compare (its lib/ folder beside it)
JAR="${BENCH_JAR:-server/target/mark-server.jar}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PORT="${BENCH_PORT:-18181}"
BASE="http://localhost:$PORT"
DATA="$(mktemp -d)"
LOG="$DATA/server.log"
PID=""

[ -f "$JAR" ] || { echo "no $JAR: build the server first: ./mvnw -pl server -am package -DskipTests" >&2; exit 1; }
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

# The development account's API key, which the server prints on its first start.
development_key() {
  grep -o 'mk_test_[A-Za-z0-9]*' "$LOG" | head -1
}

# The string value of a top-level "name" in a JSON object (IDs, tokens and keys: no escapes).
json_field() {
  sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"
}

warm_up() {
  wrk -t2 -c"$CONNECTIONS" -d5s "$@" >/dev/null
}

# measure NAME wrk-arguments…: sets NAME_RPS (requests/s) and NAME_P99 (ms). Runs in this shell,
# not in $(…), so that refusing the figures when a response was not 2xx ends the whole script.
measure() {
  local name="$1" out
  shift
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@")"
  if grep -q "Non-2xx" <<<"$out"; then
    echo "some responses to $name were not 2xx; the figures would not measure the endpoint:" >&2
    grep "Non-2xx" <<<"$out" >&2
    exit 1
  fi
  printf -v "${name}_RPS" '%s' "$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  printf -v "${name}_P99" '%s' "$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
}

to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
  }'
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'
}

print_header() {
  printf '%-38s %12s %10s\n' "endpoint" "requests/s" "p99 ms"
}

# print_row LABEL NAME: one line of the table, from NAME_RPS and NAME_P99
print_row() {
  local rps="${2}_RPS" p99="${2}_P99"
  printf '%-38s %12.0f %10.2f\n' "$1" "${!rps}" "${!p99}"
}
