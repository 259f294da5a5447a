import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { ConnectionError, Mark } from "@mark/sdk";
import { json, scriptedFetch, type Outcome } from "./support/fake-fetch.js";

// How rows.ingest sends each kind of body the contract's media types allow (application/json,
// text/csv), and which of them a retry can send again.
const result = { inserted: 1, dataset: { id: "ds_1", name: "x", columns: [], row_count: 1, created_at: "2026-11-22T09:30:00Z", updated_at: "2026-11-22T09:30:00Z" } };

function clientOver(...outcomes: Outcome[]) {
  const fetch = scriptedFetch(...outcomes);
  const bodies: unknown[] = [];
  const duplex: unknown[] = [];
  const spy: typeof globalThis.fetch = (url, init) => {
    bodies.push(init?.body);
    duplex.push((init as { duplex?: unknown } | undefined)?.duplex);
    return fetch(url, init);
  };
  const client = new Mark({ apiKey: "mk_test_x", baseURL: "http://mark.test", fetch: spy });
  return { client, calls: fetch.calls, bodies, duplex };
}

describe("rows.ingest's bodies", () => {
  test("sends rows as JSON and CSV text as text/csv", async () => {
    const { client, calls } = clientOver(json(201, result), json(201, result));
    await client.rows.ingest("ds_1", { rows: [{ region: "EMEA" }] });
    await client.rows.ingest("ds_1", { csv: "region\nEMEA\n" });
    assert.deepEqual(calls.map((c) => [c.headers.get("content-type"), c.body]), [
      ["application/json", '{"rows":[{"region":"EMEA"}]}'],
      ["text/csv", "region\nEMEA\n"],
    ]);
  });

  test("sends a Blob as it is, and retries it with the same Idempotency-Key", async () => {
    const { client, calls, bodies } = clientOver(new TypeError("fetch failed"), json(201, result));
    const file = new Blob(["region\nEMEA\n"], { type: "application/octet-stream" });
    const got = await client.rows.ingest("ds_1", { csv: file });
    assert.equal(got.inserted, 1);
    assert.equal(calls.length, 2);
    assert.ok(bodies.every((b) => b === file));
    assert.equal(calls[0]!.headers.get("content-type"), "text/csv", "the contract's type, not the Blob's");
    assert.equal(calls[0]!.headers.get("idempotency-key"), calls[1]!.headers.get("idempotency-key"));
  });

  test("streams a ReadableStream or an async iterable once, as fetch requires (duplex: half), and never resends it", async () => {
    async function* lines() {
      yield "region\n";
      yield new TextEncoder().encode("EMEA\n");
    }
    const { client, calls, bodies, duplex } = clientOver(json(201, result), new TypeError("fetch failed"));
    await client.rows.ingest("ds_1", { csv: lines() });
    const sent = await new Response(bodies[0] as ReadableStream<Uint8Array>).text();
    assert.equal(sent, "region\nEMEA\n");
    assert.equal(duplex[0], "half");

    await assert.rejects(client.rows.ingest("ds_1", { csv: new Blob(["x"]).stream() }, { maxRetries: 5 }), ConnectionError);
    assert.equal(calls.length, 2, "the failed stream was sent once");
  });

  test("refuses a CSV body that is neither text, a Blob nor a stream, before sending it", async () => {
    const { client, calls } = clientOver();
    await assert.rejects(client.rows.ingest("ds_1", { csv: 42 as never }), /text\/csv body is a string, a Blob/);
    assert.equal(calls.length, 0);
  });
});
