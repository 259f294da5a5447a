#!/usr/bin/env bash
# Ingest and query speed through the API as ratios to raw COPY and raw SQL on the same
# database, in one run (server/src/test/java/dev/mark/bench/IngestQueryBenchmark.java).
#
#   bench/ingest-query.sh [rows, default 1000000]
exec "$(dirname "$0")/java-bench.sh" IngestQueryBenchmark "${1:-1000000}"
