import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { AuthenticationError, Mark, type ClientOptions, type Session } from "@mark/sdk";
import { json, problem, scriptedFetch, type Outcome, type RecordedCall } from "./support/fake-fetch.js";

// Automatic refresh over a scripted network: when it happens, what it sends, and when it must not.
// session-refresh-live.test.ts runs it against a server whose access tokens expire in seconds.

const user = { id: "usr_1", email: "ada@example.com", account_id: "acct_1", plan: "free", created_at: "2026-11-22T09:30:00Z" };
const expiries = { access_token_expires_at: "2026-11-22T09:45:00Z", refresh_token_expires_at: "2026-12-22T09:30:00Z" };
const tokens = (n: number) => ({ user, mode: "token", token_type: "Bearer", access_token: `jwt_${n}`, refresh_token: `mrt_${n}`, ...expiries });
const cookieSession = (csrf: string) => ({ user, mode: "cookie", token_type: "Bearer", csrf_token: csrf, ...expiries });
const dataset = { id: "ds_1", name: "x", columns: [], row_count: 0, created_at: "2026-11-22T09:30:00Z", updated_at: "2026-11-22T09:30:00Z" };

const pathOf = (call: RecordedCall) => new URL(call.url).pathname;
const bearerOf = (call: RecordedCall) => call.headers.get("authorization");
const bodyOf = (call: RecordedCall) => (call.body === undefined ? undefined : JSON.parse(call.body));

/** A client in the token-mode session `tokens(1)`, and the sessions its onSession heard of. */
function userOver(outcomes: Outcome[], options: ClientOptions = {}) {
  const fetch = scriptedFetch(...outcomes);
  const heard: Session[] = [];
  const server = new Mark({ baseURL: "http://mark.test", fetch, onSession: (s) => void heard.push(s), ...options });
  return { client: server.withSession(tokens(1) as Session), calls: fetch.calls, heard };
}

describe("automatic refresh of a token-mode session", () => {
  test("a call refused with invalid_token refreshes once, is sent again with the new token, and onSession hears of it", async () => {
    const { client, calls, heard } = userOver([problem(401, "invalid_token"), json(200, tokens(2)), json(200, dataset), json(200, dataset)]);

    assert.equal((await client.datasets.retrieve("ds_1")).id, "ds_1");
    await client.datasets.retrieve("ds_1");

    assert.deepEqual(calls.map((c) => [c.method, pathOf(c), bearerOf(c)]), [
      ["GET", "/v1/datasets/ds_1", "Bearer jwt_1"],
      ["POST", "/v1/auth/refresh", null], // public in the contract (security: []): no credentials
      ["GET", "/v1/datasets/ds_1", "Bearer jwt_2"],
      ["GET", "/v1/datasets/ds_1", "Bearer jwt_2"],
    ]);
    assert.deepEqual(bodyOf(calls[1]!), { refresh_token: "mrt_1" });
    assert.equal(calls[1]!.headers.get("idempotency-key"), null);
    assert.deepEqual(heard.map((s) => s.refresh_token), ["mrt_2"]);
  });

  test("calls that find the token expired together share one refresh", async () => {
    const calls: RecordedCall[] = [];
    // answers by what is asked, since concurrent calls arrive in no set order
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const call = { url: String(input), method: init?.method ?? "GET", headers: new Headers(init?.headers), body: init?.body as string | undefined };
      calls.push(call);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (pathOf(call) === "/v1/auth/refresh") return json(200, tokens(2));
      return bearerOf(call) === "Bearer jwt_2" ? json(200, dataset) : problem(401, "invalid_token");
    };
    const heard: Session[] = [];
    const client = new Mark({ baseURL: "http://mark.test", fetch, onSession: (s) => void heard.push(s) }).withSession(tokens(1) as Session);
    const live = client.withOptions({ environment: "live" });

    const results = await Promise.all([client, live, client, live, client].map((c) => c.datasets.retrieve("ds_1")));

    assert.equal(results.length, 5);
    assert.equal(calls.filter((c) => pathOf(c) === "/v1/auth/refresh").length, 1, "one refresh for all five");
    assert.equal(calls.filter((c) => bearerOf(c) === "Bearer jwt_2").length, 5);
    assert.equal(heard.length, 1);
  });

  test("when the refresh is refused, the caller gets its own 401, and the dead refresh token is not tried again", async () => {
    const { client, calls, heard } = userOver([problem(401, "invalid_token"), problem(401, "refresh_token_reused"), problem(401, "invalid_token")]);

    await assert.rejects(client.datasets.retrieve("ds_1"), (e) => e instanceof AuthenticationError && e.code === "invalid_token");
    await assert.rejects(client.datasets.retrieve("ds_1"), (e) => e instanceof AuthenticationError && e.code === "invalid_token");

    assert.deepEqual(calls.map(pathOf), ["/v1/datasets/ds_1", "/v1/auth/refresh", "/v1/datasets/ds_1"]);
    assert.equal(heard.length, 0);
  });

  test("a refresh that fails otherwise is not retried, and a later call may refresh again", async () => {
    const { client, calls } = userOver([
      problem(401, "invalid_token"), problem(503, "unavailable", { "retry-after": "0" }),
      problem(401, "invalid_token"), json(200, tokens(2)), json(200, dataset),
    ]);

    await assert.rejects(client.datasets.retrieve("ds_1"), (e) => e instanceof AuthenticationError && e.code === "invalid_token");
    await client.datasets.retrieve("ds_1");

    assert.deepEqual(calls.map(pathOf), ["/v1/datasets/ds_1", "/v1/auth/refresh", "/v1/datasets/ds_1", "/v1/auth/refresh", "/v1/datasets/ds_1"]);
    assert.deepEqual(bodyOf(calls[3]!), { refresh_token: "mrt_1" });
  });

  test("a call sent again after a refresh is not refreshed for a second time", async () => {
    const { client, calls } = userOver([problem(401, "invalid_token"), json(200, tokens(2)), problem(401, "invalid_token")]);
    await assert.rejects(client.datasets.retrieve("ds_1"), (e) => e instanceof AuthenticationError && e.code === "invalid_token");
    assert.equal(calls.length, 3);
  });

  test("an API key's client, a bearer token alone, and the auth calls never refresh", async () => {
    const fetch = scriptedFetch(problem(401, "invalid_token"), problem(401, "invalid_token"), problem(401, "invalid_credentials"));
    const keyed = new Mark({ baseURL: "http://mark.test", fetch, apiKey: "mk_test_x", bearerToken: "jwt_1", refreshToken: "mrt_1" });
    const bearerOnly = new Mark({ baseURL: "http://mark.test", fetch, bearerToken: "jwt_1" });

    await assert.rejects(keyed.datasets.retrieve("ds_1"), AuthenticationError);
    await assert.rejects(bearerOnly.datasets.retrieve("ds_1"), AuthenticationError);
    const asUser = keyed.withSession(tokens(1) as Session);
    await assert.rejects(asUser.auth.login({ email: "a@example.com", password: "p" }), (e) => e instanceof AuthenticationError && e.code === "invalid_credentials");

    assert.equal(fetch.calls.length, 3, "no refresh was sent");
  });

  test("a client derived with withOptions shares the session its parent renewed", async () => {
    const { client, calls } = userOver([problem(401, "invalid_token"), json(200, tokens(2)), json(200, dataset), json(200, dataset)]);
    const live = client.withOptions({ environment: "live" });
    await client.datasets.retrieve("ds_1");
    await live.datasets.retrieve("ds_1");
    assert.equal(bearerOf(calls[3]!), "Bearer jwt_2");
  });

  test("a client given only a refresh token gets an access token with its first call", async () => {
    const fetch = scriptedFetch(problem(401, "unauthorized"), json(200, tokens(2)), json(200, dataset));
    const client = new Mark({ baseURL: "http://mark.test", fetch, refreshToken: "mrt_1" });
    await client.datasets.retrieve("ds_1");
    assert.deepEqual(fetch.calls.map((c) => [pathOf(c), bearerOf(c)]), [
      ["/v1/datasets/ds_1", null],
      ["/v1/auth/refresh", null],
      ["/v1/datasets/ds_1", "Bearer jwt_2"],
    ]);
  });

  test("auth.refresh and auth.logout without a token act on the client's own session", async () => {
    const { client, calls, heard } = userOver([json(200, tokens(2)), json(200, dataset), new Response(null, { status: 204 }), problem(401, "invalid_token")]);

    await client.auth.refresh();
    await client.datasets.retrieve("ds_1");
    await client.auth.logout();
    await assert.rejects(client.datasets.retrieve("ds_1"), AuthenticationError);

    assert.deepEqual(calls.map((c) => [pathOf(c), bodyOf(c) ?? bearerOf(c)]), [
      ["/v1/auth/refresh", { refresh_token: "mrt_1" }],
      ["/v1/datasets/ds_1", "Bearer jwt_2"],
      ["/v1/auth/logout", { refresh_token: "mrt_2" }],
      ["/v1/datasets/ds_1", "Bearer jwt_2"],
    ]);
    assert.deepEqual(heard.map((s) => s.access_token), ["jwt_2"]);
  });

  test("onSession hears of a signup's confirmation, login and refresh made by hand, and its error is the caller's", async () => {
    const fetch = scriptedFetch(json(201, tokens(1)), json(200, tokens(2)), json(200, tokens(3)), json(200, tokens(4)));
    const heard: string[] = [];
    const mark = new Mark({ baseURL: "http://mark.test", fetch, apiKey: "mk_test_x", onSession: (s) => void heard.push(s.refresh_token!) });

    await mark.auth.confirmSignup({ token: "mst_1" });
    await mark.auth.login({ email: "a@example.com", password: "p".repeat(12) });
    await mark.auth.refresh({ refresh_token: "mrt_2" });
    const failing = mark.withOptions({ onSession: () => Promise.reject(new Error("store is down")) });
    await assert.rejects(failing.auth.login({ email: "a@example.com", password: "p".repeat(12) }), /store is down/);

    assert.deepEqual(heard, ["mrt_1", "mrt_2", "mrt_3"]);
  });
});

describe("automatic refresh of a cookie session", () => {
  test("a call whose access cookie has expired refreshes with the refresh cookie and goes again with the new CSRF token", async () => {
    const fetch = scriptedFetch(problem(401, "unauthorized"), json(200, cookieSession("csrf_2")), json(201, dataset));
    const mark = new Mark({ baseURL: "http://mark.test", fetch, credentials: "include", csrfToken: "csrf_1" });

    await mark.datasets.create({ name: "x", columns: [] });

    assert.deepEqual(fetch.calls.map((c) => [c.method, pathOf(c), c.body === undefined, c.headers.get("x-csrf-token")]), [
      ["POST", "/v1/datasets", false, "csrf_1"],
      ["POST", "/v1/auth/refresh", true, "csrf_1"],
      ["POST", "/v1/datasets", false, "csrf_2"],
    ]);
    assert.equal(mark.auth.csrfToken, "csrf_2");
  });

  test("with no session to refresh, the caller gets its own 401", async () => {
    const fetch = scriptedFetch(problem(401, "unauthorized"), problem(401, "invalid_refresh_token"));
    const mark = new Mark({ baseURL: "http://mark.test", fetch, credentials: "include" });
    await assert.rejects(mark.auth.me(), (e) => e instanceof AuthenticationError && e.code === "unauthorized");
    assert.equal(fetch.calls.length, 2);
  });
});
