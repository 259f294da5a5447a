#!/usr/bin/env bash
# Should time columns be indexed, and how? CSV ingest rate and one-week query latency on rows
# arriving in time order and in random order, with no index, BRIN and B-tree
# (server/src/test/java/dev/mark/bench/TimeIndexBenchmark.java).
#
#   bench/time-index.sh [rows, default 1000000]
exec "$(dirname "$0")/java-bench.sh" TimeIndexBenchmark "${1:-1000000}"
