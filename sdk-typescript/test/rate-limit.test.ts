import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";

import { Mark, RateLimitError } from "@mark/sdk";
import { startServer, type RunningServer } from "./support/server.js";

// 429s from the real server (the parity scenario's last error), on a plan that allows a burst
// of 3 calls a second. Also run by the Java SDK (LiveRateLimitTest).
describe("the Mark client against a rate-limited live server", () => {
  let server: RunningServer;

  before(async () => {
    const plans = fileURLToPath(new URL("../../test/fixtures/plans-tiny.json", import.meta.url));
    server = await startServer({ MARK_PLANS_FILE: plans });
  });
  after(() => server?.stop());

  test("without retries, a call over the limit is a RateLimitError with the wait the server asked", async () => {
    const mark = new Mark({ apiKey: server.apiKey, baseURL: server.baseUrl, fetch: server.fetch, maxRetries: 0 });
    let limited: unknown;
    for (let i = 0; i < 10 && limited === undefined; i++) {
      try {
        const page = await mark.datasets.list({ limit: 1 });
        assert.equal(page.meta.rateLimit?.limit, 3);
      } catch (error) {
        limited = error;
      }
    }
    assert.ok(limited instanceof RateLimitError, `expected a RateLimitError, got ${String(limited)}`);
    assert.equal(limited.status, 429);
    assert.equal(limited.code, "rate_limited");
    assert.ok((limited.retryAfter ?? 0) >= 1, "Retry-After is at least a second");
    assert.match(limited.requestId ?? "", /.+/);
  });

  test("with retries, calls over the limit wait as asked and all succeed", async () => {
    const mark = new Mark({ apiKey: server.apiKey, baseURL: server.baseUrl, fetch: server.fetch, maxRetries: 3 });
    for (let i = 0; i < 8; i++) {
      const page = await mark.datasets.list({ limit: 1 });
      assert.equal(page.meta.status, 200);
    }
  });
});
