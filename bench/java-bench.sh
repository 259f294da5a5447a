#!/usr/bin/env bash
# Runs one of the Java benchmarks in server/src/test/java/dev/mark/bench against a fresh
# embedded server, quietly.
#
#   bench/java-bench.sh <class in dev.mark.bench> [args…]
set -euo pipefail
cd "$(dirname "$0")/.."
MAIN="dev.mark.bench.$1"
shift
# The server's test classpath is resolved in the reactor (-am): the build's own modules, such
# as build-tools, are never installed in ~/.m2, so `exec:java -pl server` alone cannot find them.
CLASSPATH_FILE="$(mktemp)"
trap 'rm -f "$CLASSPATH_FILE"' EXIT
./mvnw -q -B -pl server -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test
"${JAVA_HOME:+$JAVA_HOME/bin/}java" \
  -cp "server/target/test-classes:server/target/classes:$(cat "$CLASSPATH_FILE")" \
  "$MAIN" "$@" | grep -v " dev.mark.access "
