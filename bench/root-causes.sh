#!/usr/bin/env bash
# The root-cause search's accuracy and speed on planted cases: F1 (overall and per category),
# precision, recall and time per case on 1,000 generated explains, then the time on full-lattice
# cases of ~45,000 leaves (5 dimensions × 9 values). No server, no database.
#
#   bench/root-causes.sh [cases=1000] [seed=20261203|random] [large cases=10]
set -euo pipefail
cd "$(dirname "$0")/.."
CLASSPATH_FILE="$(mktemp)"
trap 'rm -f "$CLASSPATH_FILE"' EXIT
./mvnw -q -B -pl server -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test
"${JAVA_HOME:+$JAVA_HOME/bin/}java" \
  -cp "server/target/test-classes:server/target/classes:$(cat "$CLASSPATH_FILE")" \
  dev.mark.analytics.explain.search.RootCauseBenchmark "$@"
