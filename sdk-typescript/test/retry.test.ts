import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { ConnectionError, InternalServerError, RateLimitError, TimeoutError, ValidationError } from "@mark/sdk";
import { CsrfToken } from "#internal/csrf.js";
import { MAX_SERVER_DELAY_MS, retryDelayMs } from "#internal/retry.js";
import { SessionTokens } from "#internal/session.js";
import { Transport, type TransportConfig } from "#internal/transport.js";
import { json, problem, scriptedFetch, type Outcome } from "./support/fake-fetch.js";

/** A transport over a scripted fetch that records its waits instead of sleeping. */
function transportOver(outcomes: Outcome[], overrides: Partial<TransportConfig> = {}) {
  const fetch = scriptedFetch(...outcomes);
  const waits: number[] = [];
  const transport = new Transport({
    baseURL: "http://mark.test",
    headers: {},
    authenticated: true,
    credentials: undefined,
    csrf: new CsrfToken(undefined),
    session: new SessionTokens(undefined, undefined, false),
    onSession: undefined,
    timeoutMs: 1_000,
    maxRetries: 2,
    fetch,
    sleep: async (ms) => void waits.push(ms),
    ...overrides,
  });
  return { transport, calls: fetch.calls, waits };
}

// a POST that declares Idempotency-Key in the contract, as request.ts makes it from the operation
const post = {
  method: "POST",
  path: "/v1/datasets",
  body: { content: JSON.stringify({ name: "x" }), contentType: "application/json", replayable: true },
  idempotent: true,
} as const;
const get = { method: "GET", path: "/v1/datasets" } as const;

describe("the retry loop", () => {
  for (const status of [408, 429, 500, 502, 503, 504]) {
    test(`retries a ${status} and returns the success that follows`, async () => {
      const { transport, calls } = transportOver([problem(status, "x"), json(200, { ok: true })]);
      const response = await transport.request(get);
      assert.deepEqual(response.body, { ok: true });
      assert.equal(calls.length, 2);
    });
  }

  for (const status of [400, 401, 403, 404, 409, 413, 422]) {
    test(`never retries a ${status}`, async () => {
      const { transport, calls } = transportOver([problem(status, "x")]);
      await assert.rejects(transport.request(post), (e: { status?: number }) => e.status === status);
      assert.equal(calls.length, 1);
    });
  }

  test("keeps one generated Idempotency-Key across all the attempts of a POST", async () => {
    const { transport, calls } = transportOver([new TypeError("fetch failed"), problem(503, "unavailable"), json(201, {})]);
    await transport.request(post);
    const keys = calls.map((c) => c.headers.get("idempotency-key"));
    assert.equal(keys.length, 3);
    assert.match(keys[0]!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(new Set(keys).size, 1);
  });

  test("gives each POST call its own key, and uses the caller's when given", async () => {
    const { transport, calls } = transportOver([json(201, {}), json(201, {}), json(201, {})]);
    await transport.request(post);
    await transport.request(post);
    await transport.request(post, { idempotencyKey: "mine" });
    const keys = calls.map((c) => c.headers.get("idempotency-key"));
    assert.notEqual(keys[0], keys[1]);
    assert.equal(keys[2], "mine");
  });

  test("sends no Idempotency-Key on a GET", async () => {
    const { transport, calls } = transportOver([json(200, {})]);
    await transport.request(get);
    assert.equal(calls[0]!.headers.get("idempotency-key"), null);
  });

  test("waits as long as Retry-After says", async () => {
    const { transport, waits } = transportOver([problem(429, "rate_limited", { "retry-after": "3" }), json(200, {})]);
    await transport.request(get);
    assert.deepEqual(waits, [3_000]);
  });

  test("on a 429 without Retry-After, waits for the RateLimit reset", async () => {
    const limited = problem(429, "rate_limited", { ratelimit: '"burst";r=0;t=2', "ratelimit-policy": '"burst";q=10;w=1' });
    const { transport, waits } = transportOver([limited, json(200, {})]);
    await transport.request(get);
    assert.deepEqual(waits, [2_000]);
  });

  test("backs off exponentially with jitter between network errors", async () => {
    const down = () => new TypeError("fetch failed");
    const { transport, waits } = transportOver([down(), down(), down(), json(200, {})], { maxRetries: 3 });
    await transport.request(get);
    assert.equal(waits.length, 3);
    waits.forEach((ms, i) => {
      const full = 500 * 2 ** i;
      assert.ok(ms > full * 0.75 - 1 && ms <= full, `wait ${i} was ${ms} ms, expected 75–100 % of ${full}`);
    });
  });

  test("throws the last error, typed, once the retries are used up", async () => {
    const { transport, calls } = transportOver([problem(503, "a"), problem(503, "b"), problem(503, "unavailable")]);
    await assert.rejects(transport.request(get), (e) => e instanceof InternalServerError && e.code === "unavailable");
    assert.equal(calls.length, 3);
  });

  test("a 429 that outlasts the retries is a RateLimitError with its retryAfter", async () => {
    const limited = () => problem(429, "rate_limited", { "retry-after": "1" });
    const { transport } = transportOver([limited()], { maxRetries: 0 });
    await assert.rejects(transport.request(get), (e) => e instanceof RateLimitError && e.retryAfter === 1);
  });

  test("does not wait for a server that asks for more than a minute", async () => {
    const { transport, calls } = transportOver([problem(503, "unavailable", { "retry-after": "3600" })]);
    await assert.rejects(transport.request(get), InternalServerError);
    assert.equal(calls.length, 1);
  });

  test("a connection that keeps failing ends in a ConnectionError with its cause", async () => {
    const refused = () => Object.assign(new TypeError("fetch failed"), { cause: new Error("connect ECONNREFUSED") });
    const { transport } = transportOver([refused(), refused(), refused()]);
    await assert.rejects(transport.request(get), (e) => e instanceof ConnectionError && /ECONNREFUSED/.test(e.message));
  });

  test("a response slower than the timeout is a TimeoutError, retried like a network error", async () => {
    const hanging: typeof globalThis.fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    const { transport, waits } = transportOver([], { fetch: hanging, timeoutMs: 20, maxRetries: 1 });
    await assert.rejects(transport.request(get), TimeoutError);
    assert.equal(waits.length, 1);
  });

  test("a body that stalls after the headers is a TimeoutError too", async () => {
    // like undici, the body stream fails when the request's signal aborts
    const stalling: typeof globalThis.fetch = async (_url, init) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode("{"));
            init?.signal?.addEventListener("abort", () => controller.error(new Error("aborted")));
          },
        }),
        { status: 200 },
      );
    const { transport } = transportOver([], { fetch: stalling, timeoutMs: 20, maxRetries: 0 });
    await assert.rejects(transport.request(get), TimeoutError);
  });

  test("the caller's cancellation is thrown as is and never retried", async () => {
    const controller = new AbortController();
    controller.abort(new Error("user gave up"));
    const { transport, calls } = transportOver([json(200, {})]);
    await assert.rejects(transport.request(get, { signal: controller.signal }), /user gave up/);
    assert.equal(calls.length, 0);
  });

  test("maxRetries per call overrides the client's", async () => {
    const { transport, calls } = transportOver([problem(500, "internal_error")]);
    await assert.rejects(transport.request(get, { maxRetries: 0 }), InternalServerError);
    assert.equal(calls.length, 1);
  });
});

describe("retryDelayMs", () => {
  test("caps the exponential backoff at 8 s", () => {
    assert.equal(retryDelayMs(10, 503, new Headers(), () => 0), 8_000);
    assert.equal(retryDelayMs(0, 503, new Headers(), () => 0), 500);
    assert.equal(retryDelayMs(1, 503, new Headers(), () => 1), 750);
  });

  test("reads Retry-After as an HTTP date too", () => {
    const inTwoSeconds = new Date(Date.now() + 2_000).toUTCString();
    const ms = retryDelayMs(0, 503, new Headers({ "retry-after": inTwoSeconds }))!;
    assert.ok(ms > 0 && ms <= 2_000, `waited ${ms} ms`);
  });

  test("refuses a server delay beyond the cap", () => {
    const seconds = String(MAX_SERVER_DELAY_MS / 1000 + 1);
    assert.equal(retryDelayMs(0, 429, new Headers({ "retry-after": seconds })), undefined);
  });
});

test("a 422 carries the field errors of its problem+json", async () => {
  const errors = [{ location: "body", pointer: "/rows/0/revenue", code: "type", message: "must be a number" }];
  const { transport } = transportOver([problem(422, "invalid_rows", {}, { detail: "1 value", errors })]);
  await assert.rejects(transport.request(post), (e) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.detail, "1 value");
    assert.deepEqual(e.errors, errors);
    return true;
  });
});
