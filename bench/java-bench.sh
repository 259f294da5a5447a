#!/usr/bin/env bash
# Runs one of the Java benchmarks in server/src/test/java/dev/mark/bench against a fresh
# embedded server, quietly.
#
#   bench/java-bench.sh <class in dev.mark.bench> [args…]
set -euo pipefail
cd "$(dirname "$0")/.."
MAIN="dev.mark.bench.$1"
shift
./mvnw -q -B -pl server -am test-compile -DskipTests
./mvnw -q -B -pl server exec:java \
  -Dexec.mainClass="$MAIN" \
  -Dexec.classpathScope=test \
  -Dexec.args="$*" | grep -v " dev.mark.access "
