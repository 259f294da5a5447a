#!/usr/bin/env bash
# The gzip JSON bomb of issue 11 against a real server process: median time to the 413 against
# a bare route and a small valid ingest (ratios in the same run), and the server's heap before,
# during four bombs at once, and after (server/src/test/java/dev/mark/bench/JsonBombBenchmark.java).
#
#   bench/json-bomb.sh [rounds, default 20]
exec "$(dirname "$0")/java-bench.sh" JsonBombBenchmark "${1:-20}"
