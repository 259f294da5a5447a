import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { AuthenticationError, Mark, NotFoundError, PermissionError, ValidationError } from "@mark/sdk";
import { signUp, startServerAndClient, type RunningServer } from "./support/server.js";

// The parity scenario, also run by the Java SDK (LiveParityTest): the core against the real
// server, from creating a dataset to each kind of error, and a user's token-mode session.
const PASSWORD = "plum tulip 4 anchor violet";

describe("the Mark client against a live server", () => {
  let server: RunningServer;
  let mark: Mark;

  before(async () => ({ server, mark } = await startServerAndClient()));
  after(() => server?.stop());

  const columns = [
    { name: "ordered_at", type: "timestamp" as const },
    { name: "region", type: "string" as const },
    { name: "revenue", type: "number" as const },
  ];

  test("creates a dataset whose times round-trip exactly through retrieve and list", async () => {
    const created = await mark.datasets.create({ name: "Orders", columns });
    assert.match(created.id, /^ds_/);
    assert.match(created.meta.requestId ?? "", /.+/);
    assert.equal(created.meta.status, 201);
    const fetched = await mark.datasets.retrieve(created.id);
    assert.deepEqual(fetched, created);
    assert.equal(fetched.created_at, created.created_at);
  });

  test("a POST whose response is lost is retried with its key and writes its rows once", async () => {
    const ds = await mark.datasets.create({ name: "Retried", columns });
    let lost = 0;
    // Lets the first POST reach the server and be carried out, then drops its response.
    const losingFetch: typeof fetch = async (input, init) => {
      const response = await server.fetch(input, init);
      if (init?.method === "POST" && lost++ === 0) throw new TypeError("fetch failed: socket hang up");
      return response;
    };
    const flaky = mark.withOptions({ fetch: losingFetch });
    const rows = [
      { ordered_at: "2026-11-02T09:30:00Z", region: "EMEA", revenue: 129.9 },
      { ordered_at: "2026-11-03T14:05:00Z", region: "APAC", revenue: 48 },
    ];

    const result = await flaky.rows.ingest(ds.id, { rows });

    assert.equal(lost, 2, "two attempts were sent");
    assert.equal(result.meta.idempotentReplayed, true, "the second attempt was answered from the first");
    assert.equal(result.inserted, 2);
    assert.equal((await mark.datasets.retrieve(ds.id)).row_count, 2);
    const stored = [];
    for await (const row of mark.rows.list(ds.id)) stored.push(row);
    assert.equal(stored.length, 2);
  });

  test("ingests CSV and answers a query", async () => {
    const ds = await mark.datasets.create({ name: "Query", columns });
    const csv = "ordered_at,region,revenue\n2026-11-02T09:30:00Z,EMEA,10.5\n2026-11-03T09:30:00Z,EMEA,4.5\n2026-11-04T09:30:00Z,APAC,1\n";
    assert.equal((await mark.rows.ingest(ds.id, { csv })).inserted, 3);

    const result = await mark.analytics.query(ds.id, {
      measures: [{ agg: "sum", column: "revenue" }, { agg: "count" }],
      dimensions: ["region"],
      order: [{ column: "region", direction: "asc" }],
    });

    assert.deepEqual(result.columns.map((c) => c.name), ["region", "sum_revenue", "count"]);
    assert.deepEqual(result.rows, [["APAC", 1, 1], ["EMEA", 15, 2]]);
  });

  test("walks a list across pages", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) ids.add((await mark.datasets.create({ name: `Page ${i}`, columns })).id);

    const first = await mark.datasets.list({ limit: 2 });
    assert.equal(first.data.length, 2);
    assert.equal(first.hasNextPage(), true);

    const seen: string[] = [];
    for await (const ds of mark.datasets.list({ limit: 2 })) seen.push(ds.id);
    assert.equal(new Set(seen).size, seen.length, "no dataset twice");
    for (const id of ids) assert.ok(seen.includes(id), `${id} is listed`);
  });

  test("a bad API key is an AuthenticationError", async () => {
    const stranger = mark.withOptions({ apiKey: "mk_test_not_a_real_key" });
    await assert.rejects(stranger.datasets.list(), (e) => e instanceof AuthenticationError && e.status === 401);
  });

  test("an unknown dataset is a NotFoundError with the request ID", async () => {
    await assert.rejects(mark.datasets.retrieve("ds_01JC3XG8F2SK6Y8S3M7VVQPRTE"), (e) => {
      assert.ok(e instanceof NotFoundError);
      assert.equal(e.code, "not_found");
      assert.match(e.requestId ?? "", /.+/);
      return true;
    });
  });

  test("a bad row is a ValidationError naming it, and nothing is written", async () => {
    const ds = await mark.datasets.create({ name: "Invalid", columns });
    const rows = [{ region: "EMEA", revenue: 1 }, { region: "APAC", revenue: "12,50" }];
    await assert.rejects(mark.rows.ingest(ds.id, { rows }), (e) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.status, 422);
      assert.equal(e.code, "invalid_rows");
      assert.deepEqual(e.errors.map((f) => f.pointer), ["/rows/1/revenue"]);
      return true;
    });
    assert.equal((await mark.datasets.retrieve(ds.id)).row_count, 0);
  });

  test("a user signs up, and calls as themself in either environment with the session", async () => {
    const email = `ada+${Date.now()}@example.com`;
    const pending = await mark.auth.signup({ email, password: PASSWORD });
    assert.equal(pending.meta.status, 202);
    assert.equal(pending.status, "verification_sent");
    assert.equal(pending.email, email);
    const session = await mark.auth.confirmSignup({ token: await server.signupToken(email) });
    assert.equal(session.meta.status, 201);
    assert.equal(session.mode, "token");
    const user = mark.withSession(session);

    const me = await user.auth.me();
    assert.equal(me.user.email, email);
    assert.equal(me.environment, "test");
    assert.ok(me.meta.rateLimit !== undefined, "me is rate-limited like any call");
    const ds = await user.datasets.create({ name: "Mine", columns });
    const live = user.withOptions({ environment: "live" });
    assert.equal((await live.auth.me()).environment, "live");
    const liveIds = (await live.datasets.list()).data.map((d) => d.id);
    assert.ok(!liveIds.includes(ds.id), "test data stays in test");

    const again = await mark.auth.login({ email, password: PASSWORD });
    assert.equal(again.user.id, session.user.id);
  });

  test("a refresh token works once: presenting it again ends the session", async () => {
    const first = await signUp(mark, server, { email: `grace+${Date.now()}@example.com`, password: PASSWORD });
    const second = await mark.auth.refresh({ refresh_token: first.refresh_token! });
    assert.notEqual(second.refresh_token, first.refresh_token);
    assert.equal((await mark.withSession(second).auth.me()).user.id, first.user.id);

    await assert.rejects(mark.auth.refresh({ refresh_token: first.refresh_token! }), (e) => {
      assert.ok(e instanceof AuthenticationError);
      assert.equal(e.code, "refresh_token_reused");
      return true;
    });
    await assert.rejects(mark.auth.refresh({ refresh_token: second.refresh_token! }), AuthenticationError);
  });

  test("logout ends the refresh token", async () => {
    const session = await signUp(mark, server, { email: `alan+${Date.now()}@example.com`, password: PASSWORD });
    assert.equal((await mark.auth.logout({ refresh_token: session.refresh_token! })).status, 204);
    await assert.rejects(mark.auth.refresh({ refresh_token: session.refresh_token! }), (e) => e instanceof AuthenticationError && e.code === "invalid_refresh_token");
  });

  test("a taken email is not told; a bad token, a weak password and a wrong password are typed errors", async () => {
    const email = `edsger+${Date.now()}@example.com`;
    await signUp(mark, server, { email, password: PASSWORD });
    assert.equal((await mark.auth.signup({ email, password: PASSWORD })).status, "verification_sent");
    await assert.rejects(
      mark.auth.confirmSignup({ token: "mst_not_a_token" }),
      (e) => e instanceof ValidationError && e.code === "invalid_signup_token" && e.errors[0]?.pointer === "/token",
    );
    await assert.rejects(
      mark.auth.signup({ email: `x${email}`, password: "passwordpassword" }),
      (e) => e instanceof ValidationError && e.code === "weak_password" && e.errors[0]?.pointer === "/password",
    );
    await assert.rejects(mark.auth.login({ email, password: `${PASSWORD}!` }), (e) => e instanceof AuthenticationError && e.code === "invalid_credentials");
  });

  test("an API key acts in its own environment only", async () => {
    await assert.rejects(mark.withOptions({ environment: "live" }).datasets.list(), (e) => e instanceof PermissionError && e.code === "environment_mismatch");
  });
});
