import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import type { ExplainResult, Mark, Suggestion } from "@mark/sdk";
import { startServerAndClient, type RunningServer } from "./support/server.js";

// Why revenue dropped, asked from TypeScript against the real server (LiveExplainTest asks the
// same from Java): one planted cause, EMEA's web revenue falling to 40 % in November while
// every other leaf moves by a few euros; the explain's typed fields, its chart and narrative,
// and every suggested next question sent back through the SDK as it came.
const REGIONS = ["EMEA", "APAC", "AMER", "LATAM"];
const CHANNELS = ["web", "store", "partner"];
const DEVICES = ["mobile", "desktop", "tablet"];
const VEGA_LITE_V6 = "https://vega.github.io/schema/vega-lite/v6.json";
const DATASET_PATH = /^\/v1\/datasets\/([^/]+)\/(query|explain)$/;

/** One order per region × channel × device and month: 36 leaves a month. */
function rows(): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const month of [10, 11]) {
    REGIONS.forEach((region, r) =>
      CHANNELS.forEach((channel, c) =>
        DEVICES.forEach((device, d) => {
          let revenue = 1000 + 100 * r + 70 * c + 40 * d + ((month * 13 + r * 7 + c * 5 + d * 3) % 9) * 4;
          if (month === 11 && region === "EMEA" && channel === "web") revenue *= 0.4;
          out.push({ ordered_at: `2026-${month}-10T12:00:00Z`, region, channel, device, revenue });
        }),
      ),
    );
  }
  return out;
}

describe("explain and charts against a live server", () => {
  let server: RunningServer;
  let mark: Mark;
  let datasetId: string;
  let why: ExplainResult;

  before(async () => {
    ({ server, mark } = await startServerAndClient());
    const dataset = await mark.datasets.create({
      name: "Planted cause",
      columns: [
        { name: "ordered_at", type: "timestamp" },
        { name: "region", type: "string" },
        { name: "channel", type: "string" },
        { name: "device", type: "string" },
        { name: "revenue", type: "number", unit: "EUR", favorable: "up" },
      ],
    });
    datasetId = dataset.id;
    await mark.rows.ingest(datasetId, { rows: rows() });
    why = await mark.analytics.explain(datasetId, {
      measure: { agg: "sum", column: "revenue" },
      baseline: { from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z" },
      current: { from: "2026-11-01T00:00:00Z", to: new Date("2026-12-01T00:00:00Z") },
      include: ["chart", "narrative"],
    });
  });
  after(() => server?.stop());

  test("finds the planted combination as the first root cause", () => {
    assert.ok(why.change !== null && why.change < 0);
    const [first] = why.root_causes;
    assert.ok(first, "a root cause");
    assert.deepEqual(first.elements, { region: "EMEA", channel: "web" });
    assert.ok(first.share_of_change !== null && first.share_of_change > 0.9);
    assert.ok(first.score >= 0 && first.score <= 1);
  });

  test("splits the change over each dimension's segments exactly", () => {
    assert.equal(why.additive, true);
    assert.deepEqual(why.dimensions.map((d) => d.dimension).sort(), ["channel", "device", "region"]);
    const change = why.change ?? Number.NaN;
    for (const dimension of why.dimensions) {
      const sum = dimension.segments.reduce((total, s) => total + s.contribution, 0);
      assert.ok(Math.abs(sum - change) <= Math.abs(change) * 1e-9, `${dimension.dimension}: ${sum} ≠ ${change}`);
      assert.equal(dimension.residual, 0);
    }
    const region = why.dimensions.find((d) => d.dimension === "region");
    assert.equal(region?.segments[0]?.value, "EMEA", "largest contribution first");
  });

  test("draws the contributions as a Vega-Lite v6 waterfall", () => {
    const chart = why.chart;
    assert.ok(chart);
    assert.equal(chart.type, "waterfall");
    assert.ok(chart.reason.length > 0);
    assert.ok(chart.alternatives.some((a) => a.type === "kpi"));
    assert.equal(chart.spec["$schema"], VEGA_LITE_V6);
    const steps = chart.spec["data"].values as Array<{ step: string }>;
    assert.equal(steps[0]?.step, "Baseline");
    assert.equal(steps.at(-1)?.step, "Current");
    assert.ok(steps.some((s) => s.step === "EMEA"));
  });

  test("tells the story in words, in euros, as bad news", () => {
    const narrative = why.narrative;
    assert.ok(narrative);
    assert.match(narrative.headline, /^Revenue fell .*€.*EMEA web.*bad news\.$/);
    assert.ok(narrative.statements.length >= 1 && narrative.statements.length <= 5);
    const [top] = narrative.statements;
    assert.equal(top?.kind, "top_detractor", "a 4 % drop, 99 % of it in one segment: the segment comes first");
    assert.deepEqual(top?.values["segment"], { region: "EMEA", channel: "web" });
    assert.match(top?.text ?? "", /^EMEA web accounts for −€/);
    const change = narrative.statements.find((s) => s.kind === "period_change");
    assert.equal(change?.values["change"], why.change);
  });

  test("sends every suggestion back through the SDK as it came", async () => {
    const suggestions: Suggestion[] = why.narrative?.suggestions ?? [];
    assert.ok(suggestions.some((s) => s.request.operation === "explainDataset"));
    for (const { text, request } of suggestions) {
      const [, id, verb] = DATASET_PATH.exec(request.path) ?? [];
      assert.equal(id, datasetId, request.path);
      assert.equal(request.dataset_id, datasetId);
      assert.equal(verb, request.operation === "explainDataset" ? "explain" : "query");
      // the body comes typed, under the name of the operation that takes it, and only there
      assert.equal(request.operation === "explainDataset" ? request.query : request.explain, undefined);
      const answer = request.explain
        ? await mark.analytics.explain(request.dataset_id, request.explain)
        : await mark.analytics.query(request.dataset_id, request.query ?? assert.fail(text));
      assert.equal(answer.meta.status, 200);
      assert.ok(answer.narrative?.headline, text);
    }
  });

  test("answers a query by region with its bar chart, and the type asked for", async () => {
    const byRegion = await mark.analytics.query(datasetId, {
      measures: [{ agg: "sum", column: "revenue" }],
      dimensions: ["region"],
      include: ["chart"],
    });
    assert.ok(byRegion.chart);
    assert.ok(["bar", "horizontal_bar"].includes(byRegion.chart.type), byRegion.chart.type);
    assert.equal(byRegion.chart.spec["$schema"], VEGA_LITE_V6);
    assert.equal(byRegion.narrative, undefined, "only what include asks for");

    const table = await mark.analytics.query(datasetId, {
      measures: [{ agg: "sum", column: "revenue" }],
      dimensions: ["region"],
      chart: { type: "table" },
    });
    assert.equal(table.chart?.type, "table");
  });
});
