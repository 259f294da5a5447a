import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";

import {
  AuthenticationError,
  ConflictError,
  InternalServerError,
  Mark,
  MarkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
  type ClientOptions,
} from "@mark/sdk";
import { json, problem, scriptedFetch, type Outcome } from "./support/fake-fetch.js";

function clientOver(outcomes: Outcome[], options: ClientOptions = {}) {
  const fetch = scriptedFetch(...outcomes);
  const client = new Mark({ apiKey: "mk_test_x", baseURL: "http://mark.test", maxRetries: 0, fetch, ...options });
  return { client, calls: fetch.calls };
}

const dataset = {
  id: "ds_01JC3XG8F2SK6Y8S3M7VVQPRTE",
  name: "Orders",
  columns: [],
  row_count: 0,
  created_at: "2026-11-22T09:30:00.123456Z",
  updated_at: "2026-11-22T09:30:00Z",
};

describe("the error factory", () => {
  const cases: [number, new (...args: never[]) => MarkError][] = [
    [400, ValidationError],
    [401, AuthenticationError],
    [403, PermissionError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, ValidationError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ];
  for (const [status, type] of cases) {
    test(`maps ${status} to ${type.name}, carrying the problem+json`, async () => {
      const { client } = clientOver([problem(status, "some_code", {}, { detail: "why" })]);
      await assert.rejects(client.datasets.retrieve("ds_x"), (e) => {
        assert.ok(e instanceof type, `got ${String(e)}`);
        assert.ok(e instanceof MarkError);
        assert.equal(e.name, type.name);
        assert.equal(e.status, status);
        assert.equal(e.code, "some_code");
        assert.equal(e.detail, "why");
        assert.equal(e.requestId, "req_test");
        assert.equal(e.headers?.get("content-type"), "application/problem+json");
        assert.equal((e.body as { title: string }).title, "some_code");
        return true;
      });
    });
  }

  test("maps a status with no class of its own (413) to the base MarkError", async () => {
    const { client } = clientOver([problem(413, "payload_too_large")]);
    await assert.rejects(client.datasets.retrieve("ds_x"), (e) => e instanceof MarkError && e.constructor === MarkError);
  });

  test("keeps a body that is not JSON as text, and the request ID from the header", async () => {
    const proxyPage = new Response("<html>Bad gateway</html>", { status: 502, headers: { "x-request-id": "req_p" } });
    const { client } = clientOver([proxyPage]);
    await assert.rejects(client.datasets.retrieve("ds_x"), (e) => {
      assert.ok(e instanceof InternalServerError);
      assert.equal(e.body, "<html>Bad gateway</html>");
      assert.equal(e.requestId, "req_p");
      assert.equal(e.code, undefined);
      return true;
    });
  });
});

describe("response metadata", () => {
  test("exposes the request ID and the draft RateLimit headers, without changing the body", async () => {
    const headers = { "x-request-id": "req_1", ratelimit: '"burst";r=42;t=7', "ratelimit-policy": '"burst";q=100;w=60' };
    const { client } = clientOver([json(200, dataset, headers)]);
    const got = await client.datasets.retrieve(dataset.id);
    assert.equal(got.meta.requestId, "req_1");
    assert.deepEqual(got.meta.rateLimit, { limit: 100, remaining: 42, resetSeconds: 7 });
    assert.deepEqual(JSON.parse(JSON.stringify(got)), dataset);
  });

  test("falls back on X-RateLimit-*, and says undefined when there is none", async () => {
    const legacy = { "x-ratelimit-limit": "10", "x-ratelimit-remaining": "9", "x-ratelimit-reset": "1" };
    const { client } = clientOver([json(200, dataset, legacy), json(200, dataset)]);
    assert.deepEqual((await client.datasets.retrieve("a")).meta.rateLimit, { limit: 10, remaining: 9, resetSeconds: 1 });
    assert.equal((await client.datasets.retrieve("a")).meta.rateLimit, undefined);
  });

  test("keeps times as the exact strings the server sent", async () => {
    const { client, calls } = clientOver([json(200, dataset), json(200, { columns: [], rows: [], row_count: 0 })]);
    const got = await client.datasets.retrieve(dataset.id);
    assert.equal(got.created_at, "2026-11-22T09:30:00.123456Z");
    await client.analytics.query(dataset.id, {
      measures: [{ agg: "count" }],
      time_bucket: { column: "t", granularity: "day", from: got.created_at, to: new Date("2026-11-23T00:00:00Z") },
    });
    const sent = JSON.parse(calls[1]!.body!).time_bucket;
    assert.equal(sent.from, "2026-11-22T09:30:00.123456Z");
    assert.equal(sent.to, "2026-11-23T00:00:00.000Z");
  });
});

describe("configuration", () => {
  test("sends the API key, and a User-Agent naming the SDK and the package's version", async () => {
    const { version } = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
    const { client, calls } = clientOver([json(200, dataset)]);
    await client.datasets.retrieve("ds_x");
    assert.equal(calls[0]!.headers.get("x-api-key"), "mk_test_x");
    assert.match(calls[0]!.headers.get("user-agent")!, new RegExp(`^mark-sdk-typescript/${version} node/v\\d+`));
  });

  test("sends a bearer token, default headers, and the credentials mode for cookies", async () => {
    const fake = scriptedFetch(json(200, dataset));
    let credentials: RequestCredentials | undefined;
    const spy: typeof globalThis.fetch = (url, init) => ((credentials = init?.credentials), fake(url, init));
    const client = new Mark({ bearerToken: "jwt", credentials: "include", defaultHeaders: { "X-Team": "a" }, baseURL: "http://mark.test", fetch: spy });
    await client.datasets.retrieve("ds_x");
    assert.equal(fake.calls[0]!.headers.get("authorization"), "Bearer jwt");
    assert.equal(fake.calls[0]!.headers.get("x-team"), "a");
    assert.equal(fake.calls[0]!.headers.get("x-api-key"), null);
    assert.equal(credentials, "include");
  });

  test("reads MARK_API_KEY and MARK_BASE_URL when not given", async () => {
    const saved = { ...process.env };
    process.env.MARK_API_KEY = "mk_test_env";
    process.env.MARK_BASE_URL = "http://env.test";
    try {
      const fetch = scriptedFetch(json(200, dataset));
      await new Mark({ fetch }).datasets.retrieve("ds_x");
      assert.equal(fetch.calls[0]!.headers.get("x-api-key"), "mk_test_env");
      assert.equal(fetch.calls[0]!.url, "http://env.test/v1/datasets/ds_x");
    } finally {
      process.env = saved;
    }
  });

  test("fails at construction on a bad option, naming it", () => {
    assert.throws(() => new Mark({ apiKey: "k", maxRetries: -1 }), /maxRetries/);
    assert.throws(() => new Mark({ apiKey: "k", timeout: 0 }), /timeout/);
    assert.throws(() => new Mark({ apiKey: "k", baseURL: "api.mark.dev" }), /baseURL/);
    assert.throws(() => new Mark({ apiKey: "k", environment: "prod" as "live" }), /environment must be "test" or "live"/);
  });

  test("without credentials, a call that needs them fails before sending anything", async () => {
    const saved = process.env.MARK_API_KEY;
    delete process.env.MARK_API_KEY;
    try {
      const fetch = scriptedFetch();
      const anonymous = new Mark({ baseURL: "http://mark.test", fetch });
      await assert.rejects(anonymous.datasets.retrieve("ds_x"), /no credentials/);
      await assert.rejects(anonymous.auth.me(), /no credentials/);
      assert.equal(fetch.calls.length, 0);
    } finally {
      if (saved !== undefined) process.env.MARK_API_KEY = saved;
    }
  });

  test("sends Mark-Environment only when an environment is chosen", async () => {
    const { client, calls } = clientOver([json(200, dataset), json(200, dataset)]);
    await client.datasets.retrieve("a");
    await client.withOptions({ environment: "live" }).datasets.retrieve("a");
    assert.deepEqual(calls.map((c) => c.headers.get("mark-environment")), [null, "live"]);
  });

  test("a bearer token or a credentials mode keeps MARK_API_KEY out", async () => {
    const saved = { ...process.env };
    process.env.MARK_API_KEY = "mk_test_server";
    try {
      const fetch = scriptedFetch(json(200, dataset), json(200, dataset));
      await new Mark({ bearerToken: "jwt", baseURL: "http://mark.test", fetch }).datasets.retrieve("a");
      await new Mark({ credentials: "include", baseURL: "http://mark.test", fetch }).datasets.retrieve("a");
      assert.deepEqual(fetch.calls.map((c) => c.headers.get("x-api-key")), [null, null]);
    } finally {
      process.env = saved;
    }
  });

  test("withOptions derives a new client and leaves the first unchanged", async () => {
    const { client, calls } = clientOver([json(200, dataset), json(200, dataset)]);
    const other = client.withOptions({ apiKey: "mk_test_other" });
    assert.notEqual(other, client);
    await other.datasets.retrieve("a");
    await client.datasets.retrieve("a");
    assert.deepEqual(calls.map((c) => c.headers.get("x-api-key")), ["mk_test_other", "mk_test_x"]);
    assert.ok(Object.isFrozen(client.options));
  });

  test("escapes the dataset ID into its path", async () => {
    const { client, calls } = clientOver([json(200, dataset)]);
    await client.datasets.retrieve("../keys?x");
    assert.equal(calls[0]!.url, "http://mark.test/v1/datasets/..%2Fkeys%3Fx");
  });
});

describe("pagination", () => {
  const page = (ids: string[], next: string | null) =>
    json(200, { data: ids.map((id) => ({ ...dataset, id })), has_more: next !== null, next_cursor: next });

  test("walks every page lazily, passing each next cursor", async () => {
    const { client, calls } = clientOver([page(["a", "b"], "c1"), page(["c"], "c2"), page([], null)]);
    const ids: string[] = [];
    for await (const ds of client.datasets.list({ limit: 2 })) {
      ids.push(ds.id);
      if (ids.length === 1) assert.equal(calls.length, 1, "the second page waits until it is needed");
    }
    assert.deepEqual(ids, ["a", "b", "c"]);
    assert.deepEqual(calls.map((c) => new URL(c.url).search), ["?limit=2", "?limit=2&cursor=c1", "?limit=2&cursor=c2"]);
  });

  test("sends nothing until the list is awaited or iterated, and fetches the first page once", async () => {
    const { client, calls } = clientOver([page(["a"], null)]);
    const list = client.datasets.list();
    assert.equal(calls.length, 0);
    assert.ok(list instanceof Promise);
    await list;
    await list;
    assert.equal(calls.length, 1);
  });

  test("awaited, a list is one page with its cursor and metadata", async () => {
    const { client, calls } = clientOver([page(["a"], "c1")]);
    const first = await client.datasets.list();
    assert.deepEqual(first.data.map((d) => d.id), ["a"]);
    assert.equal(first.hasNextPage(), true);
    assert.equal(first.nextCursor, "c1");
    assert.equal(calls.length, 1);
  });
});
