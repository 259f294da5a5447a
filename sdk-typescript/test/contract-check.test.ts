import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Mark, NotFoundError } from "@mark/sdk";

import { contractCheckedFetch } from "./support/contract.js";
import { json, problem, scriptedFetch } from "./support/fake-fetch.js";

// The fetch every live test sends through lets what the contract allows reach the SDK and fails
// on what it does not, whatever the SDK makes of it (it keeps the failure for the server's stop).

const dataset = {
  id: "ds_1", name: "Orders", columns: [], row_count: 0,
  created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z",
};

function clientOver(...responses: Response[]) {
  const checked = contractCheckedFetch(scriptedFetch(...responses));
  return { mark: new Mark({ apiKey: "mk_test_x", baseURL: "http://mark.test", fetch: checked, maxRetries: 0 }), checked };
}

describe("the contract check of the live tests' fetch", () => {
  test("a response that fits the contract reaches the SDK", async () => {
    const { mark, checked } = clientOver(json(200, dataset), problem(404, "not_found"));
    assert.equal((await mark.datasets.retrieve("ds_1")).id, "ds_1");
    await assert.rejects(mark.datasets.retrieve("ds_2"), NotFoundError);
    assert.deepEqual(checked.violations, []);
  });

  test("a field the contract does not declare fails", async () => {
    const { mark, checked } = clientOver(json(200, { ...dataset, colour: "red" }));
    await assert.rejects(mark.datasets.retrieve("ds_1"));
    assert.equal(checked.violations.length, 1);
    assert.match(checked.violations[0]!, /getDataset .*colour/s);
  });

  test("a missing required field, an undeclared status and an undeclared media type fail", async () => {
    const { id: _, ...withoutId } = dataset;
    const { mark, checked } = clientOver(
      json(200, withoutId),
      problem(418, "teapot"),
      new Response("<h1>Not found</h1>", { status: 404, headers: { "content-type": "text/html" } }),
    );
    for (let i = 0; i < 3; i++) await assert.rejects(mark.datasets.retrieve("ds_1"));
    assert.equal(checked.violations.length, 3);
    assert.match(checked.violations[0]!, /id/);
    assert.match(checked.violations[1]!, /418, a status its contract does not declare/);
    assert.match(checked.violations[2]!, /text\/html/);
  });

  test("a null where the contract allows one passes, and where it does not fails", async () => {
    const page = (cursor: unknown) => json(200, { data: [], has_more: false, next_cursor: cursor });
    const { mark, checked } = clientOver(page(null), page(42));
    await mark.datasets.list().catch(() => undefined);
    await mark.datasets.list().catch(() => undefined);
    assert.equal(checked.violations.length, 1, checked.violations.join("\n"));
    assert.match(checked.violations[0]!, /next_cursor/);
  });
});
