#!/usr/bin/env bash
# Explain speed as a ratio to the two plain period aggregates of the same measure, in one run:
# a sum and a ratio over 5 dimensions (50,000 leaves), against the two period queries through
# the API, the same aggregates in SQL over JDBC, and in psql with \timing where psql is found
# (PSQL=…, /usr/bin/psql or /usr/lib/postgresql/*/bin/psql).
# Targets: explain ≤ 2× the two period aggregates, and under 2 s.
# (server/src/test/java/dev/mark/bench/ExplainBenchmark.java)
#
#   bench/explain.sh [rows, default 1000000]
exec "$(dirname "$0")/java-bench.sh" ExplainBenchmark "${1:-1000000}"
