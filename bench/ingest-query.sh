#!/usr/bin/env bash
# Ingest and query speed through the API as ratios to raw COPY and raw SQL on the same
# database, in one run (see server/src/test/java/dev/mark/bench/IngestQueryBenchmark.java).
#
#   bench/ingest-query.sh [rows, default 1000000]
#
# Needs a JDK 21+ as JAVA_HOME. Builds what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
./mvnw -q -B -pl server -am test-compile -DskipTests
./mvnw -q -B -pl server exec:java \
  -Dexec.mainClass=dev.mark.bench.IngestQueryBenchmark \
  -Dexec.classpathScope=test \
  -Dexec.args="$ROWS" | grep -v " dev.mark.access "
