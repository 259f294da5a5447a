#!/usr/bin/env bash
# Renders a few of the charts the server's tests produce to PNG, to look at them: a line over
# Paris months (through the HTTP API), bars by region with units, grouped bars, a heatmap, a kpi,
# an explain's waterfall, the largest categories plus Other, and the other kinds asked for.
#
#   bench/render-charts.sh             # runs the chart tests first, then renders
#   SKIP_TESTS=1 bench/render-charts.sh  # renders server/target/charts as the last run left it
#
# Writes server/target/chart-pngs/*.png (SVG by vega in Node, PNG by @resvg/resvg-js, both from
# server/src/test/charts/package-lock.json). Needs node and npm; a JDK 21+ for the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SKIP_TESTS:-}" ]; then
  ./mvnw -B -q -o -pl server -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest='ChartChooserTest,ChartSpecTest,ExplainChartsTest,QueryChartTest'
fi

cd server/src/test/charts
[ -d node_modules/@resvg/resvg-js ] || npm ci --prefer-offline --no-audit --no-fund
node render-png.mjs ../../../target/charts ../../../target/chart-pngs \
  http-line-paris-months spec-bar-regions-eur query-grouped_bar query-heatmap query-kpi explain-kpi \
  explain-waterfall spec-top-n-other query-stacked query-scatter query-histogram query-pie query-boxplot \
  query-table spec-line spec-percent explain-horizontal explain-grouped query-area query-line query-bar
