import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { ColumnType, Configuration, DatasetsApi, ResponseError } from "@mark/sdk/generated";
import { startServer, type RunningServer } from "./support/server.js";

// The generated client against the real server: the contract as users of the package see it.
describe("the generated datasets client", () => {
  let server: RunningServer;
  let datasets: DatasetsApi;

  before(async () => {
    server = await startServer();
    datasets = new DatasetsApi(new Configuration({ basePath: server.baseUrl, fetchApi: server.fetch, apiKey: server.apiKey }));
  });
  after(() => server?.stop());

  test("creates, lists, fetches and deletes a dataset, which is then not found", async () => {
    const created = await datasets.createDataset({
      createDatasetRequest: {
        name: "Orders",
        columns: [
          { name: "region", type: ColumnType.String },
          { name: "revenue", type: ColumnType.Number },
        ],
      },
    });
    assert.match(created.id, /^ds_/);
    // the server states every column's defaults, so `required` comes back explicit; the
    // notes nobody gave (description, unit, favorable) are absent, which the model reads as undefined
    assert.deepEqual(JSON.parse(JSON.stringify(created.columns)), [
      { name: "region", type: "string", required: false },
      { name: "revenue", type: "number", required: false },
    ]);
    assert.equal(created.row_count, 0);

    const page = await datasets.listDatasets({});
    assert.ok(page.data.some((d) => d.id === created.id), "the new dataset is listed");

    const fetched = await datasets.getDataset({ datasetId: created.id });
    assert.deepEqual(fetched, created);

    await datasets.deleteDataset({ datasetId: created.id });

    const problem = await problemOf(datasets.getDataset({ datasetId: created.id }));
    assert.equal(problem.status, 404);
    assert.equal(problem.body.code, "not_found");
  });

  test("rejects a malformed API key with 401", async () => {
    const badKey = new DatasetsApi(new Configuration({ basePath: server.baseUrl, fetchApi: server.fetch, apiKey: "not-a-key" }));

    const problem = await problemOf(badKey.listDatasets({}));
    assert.equal(problem.status, 401);
    // The spec fixes the status, not which 401 code (the server says invalid_api_key).
    assert.equal(typeof problem.body.code, "string");
  });
});

/** Awaits a call that must fail with an HTTP error, and returns its problem+json document. */
async function problemOf(call: Promise<unknown>): Promise<{ status: number; body: { code?: unknown } }> {
  const error = await call.then(
    () => assert.fail("expected the call to fail"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ResponseError, `expected a ResponseError, got ${String(error)}`);
  const { status, headers } = error.response;
  assert.match(headers.get("content-type") ?? "", /^application\/problem\+json/);
  return { status, body: await error.response.json() };
}
