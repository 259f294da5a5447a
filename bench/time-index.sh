#!/usr/bin/env bash
# Should time columns be indexed, and how? CSV ingest rate and one-week query latency on rows
# arriving in time order and in random order, with no index, BRIN and B-tree
# (see server/src/test/java/dev/mark/bench/TimeIndexBenchmark.java).
#
#   bench/time-index.sh [rows, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
./mvnw -q -B -pl server -am test-compile -DskipTests
./mvnw -q -B -pl server exec:java \
  -Dexec.mainClass=dev.mark.bench.TimeIndexBenchmark \
  -Dexec.classpathScope=test \
  -Dexec.args="$ROWS" | grep -v " dev.mark.access "
