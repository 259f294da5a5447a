import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { after, before, describe, test } from "node:test";

import { AuthenticationError, Mark, NotFoundError, ProblemCode } from "@mark/sdk";
import { startServerAndClient, type RunningServer } from "./support/server.js";

// The operations that had no method before the resources were generated, and the ways of
// sending rows, against the real server.
describe("the generated resources against a live server", () => {
  let server: RunningServer;
  let mark: Mark;

  before(async () => ({ server, mark } = await startServerAndClient()));
  after(() => server?.stop());

  test("creates an API key whose secret works, gets it, and lists every key across pages", async () => {
    const created = await mark.apiKeys.create({ name: "Nightly import", scopes: ["read"] });
    assert.equal(created.meta.status, 201);
    assert.match(created.meta.requestId ?? "", /.+/);
    assert.match(created.secret, /^mk_test_/);
    assert.deepEqual(created.key.scopes, ["read"]);
    const asKey = mark.withOptions({ apiKey: created.secret });
    assert.equal((await asKey.datasets.list()).meta.status, 200);

    const fetched = await mark.apiKeys.get(created.key.id);
    assert.deepEqual(fetched, created.key);
    assert.ok(fetched.meta.rateLimit !== undefined, "a key's call is rate-limited like any other");

    const other = await mark.apiKeys.create({ name: "Another", scopes: ["read", "write"] });
    const first = await mark.apiKeys.list({ limit: 1 });
    assert.equal(first.data.length, 1);
    assert.equal(first.hasNextPage(), true);
    assert.match(first.meta.requestId ?? "", /.+/);
    const ids: string[] = [];
    for await (const key of mark.apiKeys.list({ limit: 1 })) ids.push(key.id);
    assert.equal(new Set(ids).size, ids.length, "no key twice");
    for (const id of [created.key.id, other.key.id]) assert.ok(ids.includes(id), `${id} is listed`);
    assert.ok(ids.length >= 3, "the development key too");
  });

  test("rolls a key: the new secret works, and the old one ends with no grace period", async () => {
    const created = await mark.apiKeys.create({ name: "Rolled", scopes: ["read"] });
    const rolled = await mark.apiKeys.roll(created.key.id, { grace_period_seconds: 0 });
    assert.equal(rolled.meta.status, 200);
    assert.equal(rolled.key.id, created.key.id);
    assert.notEqual(rolled.secret, created.secret);
    assert.equal((await mark.withOptions({ apiKey: rolled.secret }).datasets.list()).meta.status, 200);
    await assert.rejects(
      mark.withOptions({ apiKey: created.secret }).datasets.list(),
      (e) => e instanceof AuthenticationError && e.code === ProblemCode.InvalidApiKey,
    );
  });

  test("revokes a key: its secret stops working and it is no longer found", async () => {
    const created = await mark.apiKeys.create({ name: "Revoked", scopes: ["read"] });
    const meta = await mark.apiKeys.revoke(created.key.id);
    assert.equal(meta.status, 204);
    assert.match(meta.requestId ?? "", /.+/);
    await assert.rejects(mark.apiKeys.get(created.key.id), (e) => e instanceof NotFoundError && e.code === ProblemCode.NotFound);
    await assert.rejects(mark.withOptions({ apiKey: created.secret }).datasets.list(), AuthenticationError);
  });

  test("lists the plans and probes the health without credentials", async () => {
    const anonymous = new Mark({ baseURL: server.baseUrl, fetch: server.fetch, apiKey: undefined, defaultHeaders: {} });
    const plans = await anonymous.plans.list();
    assert.equal(plans.meta.status, 200);
    assert.ok(plans.data.some((p) => p.id === "free" && p.monthly_quota > 0), "the free plan is listed");

    const live = await anonymous.health.liveness();
    assert.equal(live.status, "ok");
    assert.match(live.meta.requestId ?? "", /.+/);
    const ready = await anonymous.health.readiness();
    assert.deepEqual({ ...ready }, { status: "ok", database: "ok", rate_limiter: "ok" });
    assert.equal(ready.meta.status, 200);
  });

  test("reports usage with the quota, for a range given as a Date or a string", async () => {
    await mark.datasets.list();
    const to = new Date(Date.now() + 3_600_000);
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const usage = await mark.usage.get({ granularity: "day", from, to });
    assert.equal(usage.meta.status, 200);
    assert.ok(usage.meta.rateLimit !== undefined);
    assert.equal(usage.granularity, "day");
    assert.equal(typeof usage.from, "string", "times stay the strings the server sent");
    assert.ok(usage.quota.monthly_quota > 0);
    assert.ok(usage.quota.used >= 1, "this call's own key has used its quota");
  });

  const columns = [
    { name: "region", type: "string" as const },
    { name: "revenue", type: "number" as const },
  ];
  const csv = "region,revenue\nEMEA,10.5\nAPAC,4\n";

  test("ingests CSV as a Blob, a ReadableStream and a Node stream", async () => {
    const ds = await mark.datasets.create({ name: "Streams", columns });
    const blob = await mark.rows.ingest(ds.id, { csv: new Blob([csv], { type: "text/csv" }) });
    assert.equal(blob.inserted, 2);
    const web = await mark.rows.ingest(ds.id, { csv: new Blob([csv]).stream() });
    assert.equal(web.inserted, 2);
    const node = await mark.rows.ingest(ds.id, { csv: Readable.from([Buffer.from("region,revenue\n"), Buffer.from("AMER,1\n")]) });
    assert.equal(node.inserted, 1);
    assert.equal(node.dataset.row_count, 5);
    assert.match(node.meta.requestId ?? "", /.+/);
  });
});
