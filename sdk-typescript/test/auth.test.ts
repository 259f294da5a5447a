import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { AuthenticationError, ConnectionError, InternalServerError, Mark, PermissionError, RateLimitError, type ClientOptions } from "@mark/sdk";
import { json, problem, scriptedFetch, type Outcome } from "./support/fake-fetch.js";

function clientOver(outcomes: Outcome[], options: ClientOptions = {}) {
  const fetch = scriptedFetch(...outcomes);
  const client = new Mark({ baseURL: "http://mark.test", fetch, ...options });
  return { client, calls: fetch.calls };
}

const user = { id: "usr_1", email: "ada@example.com", account_id: "acct_1", plan: "free", created_at: "2026-11-22T09:30:00.123456Z" };
const expiries = { access_token_expires_at: "2026-11-22T09:45:00Z", refresh_token_expires_at: "2026-12-22T09:30:00Z" };
const tokenSession = { user, mode: "token", token_type: "Bearer", access_token: "jwt_1", refresh_token: "mrt_1", ...expiries };
const cookieSession = (csrf: string) => ({ user, mode: "cookie", token_type: "Bearer", csrf_token: csrf, ...expiries });
const dataset = { id: "ds_1", name: "x", columns: [], row_count: 0, created_at: "2026-11-22T09:30:00Z", updated_at: "2026-11-22T09:30:00Z" };
const body = (call: { body: string | undefined }) => (call.body === undefined ? undefined : JSON.parse(call.body));

describe("token-mode sessions", () => {
  test("log in with the server's client, then call as the user with withSession", async () => {
    const { client, calls } = clientOver([json(200, tokenSession, { "x-request-id": "req_1" }), json(200, dataset)], { apiKey: "mk_test_server" });
    const session = await client.auth.login({ email: "ada@example.com", password: "correct horse battery" });
    assert.equal(session.meta.requestId, "req_1");
    assert.equal(session.user.created_at, "2026-11-22T09:30:00.123456Z");
    assert.deepEqual(body(calls[0]!), { email: "ada@example.com", password: "correct horse battery", session: "token" });

    await client.withSession(session).datasets.retrieve("ds_1");
    assert.equal(calls[1]!.headers.get("authorization"), "Bearer jwt_1");
    assert.equal(calls[1]!.headers.get("x-api-key"), null, "the session replaces the API key");
  });

  test("a signup's confirmation, login and refresh are sent once, without an Idempotency-Key", async () => {
    const { client, calls } = clientOver([new TypeError("fetch failed"), problem(503, "unavailable"), problem(502, "bad_gateway")]);
    await assert.rejects(client.auth.confirmSignup({ token: "mst_1" }), ConnectionError);
    await assert.rejects(client.auth.login({ email: "a@example.com", password: "p" }), InternalServerError);
    await assert.rejects(client.auth.refresh({ refresh_token: "mrt_1" }), InternalServerError);
    assert.equal(calls.length, 3);
    assert.ok(calls.every((c) => c.headers.get("idempotency-key") === null));
  });

  test("a call's own maxRetries may retry a login", async () => {
    const { client, calls } = clientOver([problem(503, "unavailable", { "retry-after": "0" }), json(200, tokenSession)]);
    await client.auth.login({ email: "a@example.com", password: "p" }, { maxRetries: 1 });
    assert.equal(calls.length, 2);
  });

  test("wrong credentials and a throttled login are typed errors", async () => {
    const { client } = clientOver([problem(401, "invalid_credentials"), problem(429, "login_throttled", { "retry-after": "900" })]);
    await assert.rejects(client.auth.login({ email: "a@example.com", password: "p" }), (e) => e instanceof AuthenticationError && e.code === "invalid_credentials");
    await assert.rejects(client.auth.login({ email: "a@example.com", password: "p" }), (e) => e instanceof RateLimitError && e.retryAfter === 900);
  });

  test("refresh and logout send the refresh token; logout is retried like any call", async () => {
    const { client, calls } = clientOver([json(200, tokenSession), problem(503, "unavailable", { "retry-after": "0" }), new Response(null, { status: 204 })]);
    await client.auth.refresh({ refresh_token: "mrt_1" });
    const meta = await client.auth.logout({ refresh_token: "mrt_2" });
    assert.equal(meta.status, 204);
    assert.deepEqual(calls.map((c) => [new URL(c.url).pathname, body(c)]), [
      ["/v1/auth/refresh", { refresh_token: "mrt_1" }],
      ["/v1/auth/logout", { refresh_token: "mrt_2" }],
      ["/v1/auth/logout", { refresh_token: "mrt_2" }],
    ]);
  });

  test("withSession refuses a cookie-mode session", () => {
    const { client } = clientOver([]);
    assert.throws(() => client.withSession(cookieSession("c") as never), /cookie-mode session/);
  });
});

describe("cookie-mode sessions", () => {
  const browser: ClientOptions = { credentials: "include" };

  test("log in in cookie mode, keep the CSRF token and send it on writes only", async () => {
    const { client, calls } = clientOver([json(200, cookieSession("csrf_1")), json(200, dataset), json(201, dataset), new Response(null, { status: 204 })], browser);
    await client.auth.login({ email: "a@example.com", password: "p" });
    assert.equal(body(calls[0]!).session, "cookie");
    assert.equal(client.auth.csrfToken, "csrf_1");

    await client.datasets.retrieve("ds_1");
    await client.datasets.create({ name: "x", columns: [] });
    await client.datasets.delete("ds_1");
    assert.deepEqual(calls.slice(1).map((c) => c.headers.get("x-csrf-token")), [null, "csrf_1", "csrf_1"]);
  });

  test("learns the token from me and refresh, shares it with derived clients, forgets it at logout", async () => {
    const me = { user, environment: "live", csrf_token: "csrf_me" };
    const { client, calls } = clientOver([json(200, me), json(200, cookieSession("csrf_2")), new Response(null, { status: 204 })], browser);
    const live = client.withOptions({ environment: "live" });

    assert.equal((await live.auth.me()).environment, "live");
    assert.equal(client.auth.csrfToken, "csrf_me", "a token learnt by a derived client serves its parent");
    await client.auth.refresh();
    assert.equal(live.auth.csrfToken, "csrf_2");
    assert.equal(calls[1]!.body, undefined, "a cookie refresh sends no body");
    assert.equal(calls[1]!.headers.get("x-csrf-token"), "csrf_me");
    await live.auth.logout();
    assert.equal(client.auth.csrfToken, undefined);
  });

  test("a token given as an option or set explicitly is sent; withOptions({ csrfToken }) starts its own", async () => {
    const { client, calls } = clientOver([json(201, dataset), json(201, dataset), json(201, dataset)], { ...browser, csrfToken: "given" });
    const other = client.withOptions({ csrfToken: "other" });
    await client.datasets.create({ name: "x", columns: [] });
    await other.datasets.create({ name: "x", columns: [] });
    client.auth.setCsrfToken("set");
    await client.datasets.create({ name: "x", columns: [] });
    assert.deepEqual(calls.map((c) => c.headers.get("x-csrf-token")), ["given", "other", "set"]);
  });

  test("a write refused for its CSRF token asks me for the current one and is sent once more", async () => {
    const me = { user, environment: "test", csrf_token: "csrf_now" };
    const { client, calls } = clientOver([problem(403, "csrf_failed"), json(200, me), json(201, dataset)], browser);
    const created = await client.datasets.create({ name: "x", columns: [] });
    assert.equal(created.id, "ds_1");
    assert.deepEqual(calls.map((c) => [c.method, new URL(c.url).pathname, c.headers.get("x-csrf-token")]), [
      ["POST", "/v1/datasets", null],
      ["GET", "/v1/me", null],
      ["POST", "/v1/datasets", "csrf_now"],
    ]);
  });

  test("when me knows no newer token, the csrf_failed error is the caller's", async () => {
    const me = { user, environment: "test", csrf_token: "stale" };
    const { client, calls } = clientOver([problem(403, "csrf_failed"), json(200, me)], { ...browser, csrfToken: "stale" });
    await assert.rejects(client.datasets.create({ name: "x", columns: [] }), (e) => e instanceof PermissionError && e.code === "csrf_failed");
    assert.equal(calls.length, 2);
  });
});
