#!/usr/bin/env bash
# Issue 11, finding 4: another tenant's p50/p99 for GET /v1/datasets/{id}/rows while one account
# floods the server with heavy queries, against the same reads without the flood in the same run
# (server/src/test/java/dev/mark/bench/HeavyFloodBenchmark.java). Target: p99 < 100 ms.
#
#   bench/heavy-flood.sh [seconds per run, default 20] [flooding connections, default 32] [rows, default 1000]
exec "$(dirname "$0")/java-bench.sh" HeavyFloodBenchmark "${1:-20}" "${2:-32}" "${3:-1000}"
