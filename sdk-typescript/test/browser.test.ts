import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";

import { runPage, serveSdk, skipWithoutChromium } from "./support/browser.js";
import { startServer, type RunningServer } from "./support/server.js";

// The SDK as a browser loads it: the ESM build, unbundled, in headless Chromium, without
// `process`. The page and the SDK come from a small origin that forwards /v1 to the live server,
// so that this page is same-origin with its API; cross-origin.test.ts covers CORS and cookies.
describe("the SDK in a browser", { skip: skipWithoutChromium() }, () => {
  let mark: RunningServer;
  let origin: Server;
  const seen: { userAgent: string | undefined; idempotencyKey: string | undefined }[] = [];

  before(async () => {
    mark = await startServer();
    origin = createServer((req, res) => void serve(req, res, mark, seen).catch((e) => fail(res, e)));
    await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
  });
  after(async () => {
    origin?.close();
    await mark?.stop();
  });

  test("creates, ingests, queries and types a 404, sending no User-Agent of its own", async () => {
    const { port } = origin.address() as AddressInfo;
    const result = await runPage(`http://127.0.0.1:${port}/?key=${encodeURIComponent(mark.apiKey)}`);

    assert.deepEqual(result, { created: true, inserted: 2, rows: [["APAC", 1], ["EMEA", 1]], notFound: true, listed: true });
    const keys = seen.flatMap((s) => (s.idempotencyKey === undefined ? [] : [s.idempotencyKey]));
    // the operations that declare Idempotency-Key in the contract (create, ingest) send one;
    // the query, a read sent as POST, declares none and sends none
    assert.equal(keys.length, 2, "create and ingest each carried an Idempotency-Key");
    assert.equal(new Set(keys).size, 2, "a key of its own");
    assert.ok(seen.every((s) => !s.userAgent?.includes("mark-sdk")), "the browser's own User-Agent only");
  });
});

const PAGE = `<!doctype html><meta charset="utf-8"><pre id="result">pending</pre>
<script type="module">
import { Mark, NotFoundError } from "/sdk/index.js";
const out = {};
try {
  const mark = new Mark({ apiKey: new URL(location.href).searchParams.get("key"), baseURL: location.origin });
  const ds = await mark.datasets.create({ name: "Browser", columns: [{ name: "region", type: "string" }] });
  out.created = ds.id.startsWith("ds_");
  out.inserted = (await mark.rows.ingest(ds.id, { rows: [{ region: "EMEA" }, { region: "APAC" }] })).inserted;
  const result = await mark.analytics.query(ds.id, {
    measures: [{ agg: "count" }], dimensions: ["region"], order: [{ column: "region", direction: "asc" }] });
  out.rows = result.rows;
  try { await mark.datasets.retrieve("ds_01JC3XG8F2SK6Y8S3M7VVQPRTE"); } catch (e) { out.notFound = e instanceof NotFoundError; }
  const ids = [];
  for await (const d of mark.datasets.list({ limit: 1 })) ids.push(d.id);
  out.listed = ids.includes(ds.id);
} catch (e) { out.error = String(e); }
document.getElementById("result").textContent = JSON.stringify(out);
</script>`;

async function serve(req: IncomingMessage, res: ServerResponse, mark: RunningServer, seen: unknown[]): Promise<void> {
  const url = new URL(req.url ?? "/", "http://origin");
  if (url.pathname === "/") {
    res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
  } else if (await serveSdk(url.pathname, res)) {
    return;
  } else if (url.pathname.startsWith("/v1/")) {
    (seen as object[]).push({ userAgent: header(req, "user-agent"), idempotencyKey: header(req, "idempotency-key") });
    const body = req.method === "GET" || req.method === "DELETE" ? undefined : await readBody(req);
    const headers = Object.fromEntries(
      ["content-type", "x-api-key", "idempotency-key", "accept"].flatMap((h) => (req.headers[h] ? [[h, String(req.headers[h])]] : [])),
    );
    // through the server's checked fetch: what the page's SDK receives is held to the contract
    const answer = await mark.fetch(mark.baseUrl + url.pathname + url.search, { method: req.method!, headers, body });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  } else {
    res.writeHead(404).end();
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The request body as text: the page sends JSON only. */
async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function fail(res: ServerResponse, e: unknown): void {
  res.writeHead(500, { "content-type": "text/plain" }).end(String(e));
}
