import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";

import { runPage, serveSdk, skipWithoutChromium } from "./support/browser.js";
import { startServer, type RunningServer } from "./support/server.js";

// Issue 5: Mark's web app on one origin calling the API on another, with a cookie session, as a
// browser really does it. The app is http://localhost:A (the server's MARK_CORS_ORIGINS), the API
// http://localhost:B, and a stranger http://localhost:C. All three are one site (localhost), so
// the SameSite=Strict cookies go along, and Chromium takes Secure cookies from http://localhost:
// what keeps the stranger out is CORS, the Origin check and the CSRF token, not the cookies.
describe("a cookie session from another origin, in a browser", { skip: skipWithoutChromium() }, () => {
  let api: RunningServer;
  let app: Server;
  let stranger: Server;

  before(async () => {
    [app, stranger] = [createServer(servePages), createServer(servePages)];
    await Promise.all([app, stranger].map((s) => new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve))));
    api = await startServer({
      MARK_CORS_ORIGINS: origin(app),
      // every test signs in from 127.0.0.1
      MARK_LOGIN_ATTEMPTS_PER_ADDRESS: "10000",
    });
    mailboxOf = api;
  });
  after(async () => {
    app?.close();
    stranger?.close();
    await api?.stop();
  });

  test("signs up, writes with the CSRF token, reads the exposed headers, and a stranger reads nothing", async () => {
    const page = `${origin(app)}/app?api=${encodeURIComponent(api.baseUrl)}&stranger=${encodeURIComponent(origin(stranger))}`;
    const result = (await runPage(page)) as Record<string, unknown>;

    assert.equal(result.error, undefined, `the page failed: ${String(result.error)}`);
    assert.deepEqual(result, {
      session: { mode: "cookie", tokensInBody: false, csrfKept: true },
      created: true,
      createdMeta: { status: 201, requestId: true, rateLimit: true },
      readBack: { same: true, requestId: true, limit: "number", remaining: "number", resetSeconds: "number" },
      writeWithoutCsrf: [403, "csrf_failed"],
      reloadedClientWrites: 1,
      refreshAfterReload: { csrfRecovered: true },
      refreshed: { mode: "cookie", csrfKept: true },
      live: { environment: "live", datasets: 0 },
      stranger: { rawRead: "TypeError", sdkRead: "ConnectionError", sdkWrite: "ConnectionError", sdkLogin: "ConnectionError" },
      datasetsAfterStranger: 1,
      afterLogout: "AuthenticationError",
      loggedInAgain: true,
    });
  });
});

function origin(server: Server): string {
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

/** The API server whose outbox the pages read their signup token from. */
let mailboxOf: RunningServer | undefined;

function servePages(req: IncomingMessage, res: ServerResponse): void {
  const { pathname } = new URL(req.url ?? "/", "http://origin");
  // the mailbox, as the person at the page reads it: the signup token of the newest message to an email
  if (pathname === "/mail") {
    const email = new URL(req.url ?? "/", "http://origin").searchParams.get("email") ?? "";
    return void (mailboxOf?.signupToken(email) ?? Promise.reject(new Error("no server yet"))).then(
      (token) => res.writeHead(200, { "content-type": "text/plain" }).end(token),
      (e) => res.writeHead(404).end(String(e)),
    );
  }
  const page = pathname === "/app" ? APP_PAGE : pathname === "/stranger" ? STRANGER_PAGE : undefined;
  if (page !== undefined) return void res.writeHead(200, { "content-type": "text/html" }).end(page);
  serveSdk(pathname, res).then(
    (served) => served || res.writeHead(404).end(),
    (e) => res.writeHead(500).end(String(e)),
  );
}

// Mark's web app: everything through the SDK but one bare fetch that leaves out the CSRF token.
const APP_PAGE = `<!doctype html><meta charset="utf-8"><pre id="result">pending</pre>
<script type="module">
import { Mark, AuthenticationError } from "/sdk/index.js";
const params = new URL(location.href).searchParams;
const api = params.get("api");
const stranger = params.get("stranger");
const out = {};
try {
  const mark = new Mark({ baseURL: api, credentials: "include" });
  const email = "ada+" + Date.now() + "@example.com";
  const password = "plum tulip 4 anchor violet";
  await mark.auth.signup({ email, password });
  const token = await (await fetch("/mail?email=" + encodeURIComponent(email))).text();
  const session = await mark.auth.confirmSignup({ token });
  out.session = {
    mode: session.mode,
    tokensInBody: session.access_token !== undefined || session.refresh_token !== undefined,
    csrfKept: typeof session.csrf_token === "string" && mark.auth.csrfToken === session.csrf_token,
  };

  const ds = await mark.datasets.create({ name: "Cross-origin", columns: [{ name: "region", type: "string" }] });
  out.created = ds.id.startsWith("ds_");
  out.createdMeta = { status: ds.meta.status, requestId: /^req_/.test(ds.meta.requestId ?? ""), rateLimit: ds.meta.rateLimit !== undefined };
  const back = await mark.datasets.retrieve(ds.id);
  const limits = back.meta.rateLimit ?? {};
  out.readBack = {
    same: back.id === ds.id && back.name === "Cross-origin",
    requestId: /^req_/.test(back.meta.requestId ?? ""),
    limit: typeof limits.limit, remaining: typeof limits.remaining, resetSeconds: typeof limits.resetSeconds,
  };

  const bare = await fetch(api + "/v1/datasets", {
    method: "POST", credentials: "include", headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "No CSRF", columns: [] }),
  });
  out.writeWithoutCsrf = [bare.status, (await bare.json()).code];

  // a reloaded page: a new client that knows no CSRF token yet learns it from /v1/me
  const reloaded = new Mark({ baseURL: api, credentials: "include" });
  out.reloadedClientWrites = (await reloaded.rows.ingest(ds.id, { rows: [{ region: "EMEA" }] })).inserted;

  // a page reloaded after the access cookie expired knows no CSRF token: its Origin lets it refresh
  const coldStart = new Mark({ baseURL: api, credentials: "include" });
  const recovered = await coldStart.auth.refresh();
  out.refreshAfterReload = { csrfRecovered: recovered.csrf_token === mark.auth.csrfToken && coldStart.auth.csrfToken === recovered.csrf_token };

  const refreshed = await mark.auth.refresh();
  out.refreshed = { mode: refreshed.mode, csrfKept: mark.auth.csrfToken === refreshed.csrf_token };

  const live = mark.withOptions({ environment: "live" });
  out.live = { environment: (await live.auth.me()).environment, datasets: (await live.datasets.list()).data.length };

  out.stranger = await new Promise((resolve) => {
    addEventListener("message", (e) => { if (e.origin === stranger) resolve(e.data); });
    const frame = document.createElement("iframe");
    frame.src = stranger + "/stranger?api=" + encodeURIComponent(api);
    document.body.append(frame);
  });
  out.datasetsAfterStranger = (await mark.datasets.list()).data.length;

  await mark.auth.logout();
  try { await mark.auth.me(); out.afterLogout = "still logged in"; } catch (e) { out.afterLogout = e.constructor.name; }
  await mark.auth.login({ email, password });
  out.loggedInAgain = (await mark.auth.me()).user.email === email;
} catch (e) {
  out.error = String(e) + (e.code ? " (" + e.code + ")" : "");
}
document.getElementById("result").textContent = JSON.stringify(out);
</script>`;

// Another origin of the same site, in a frame of the app, so that the browser holds the session
// cookies: it may send requests with them, but reads no answer and gets no write through.
const STRANGER_PAGE = `<!doctype html><meta charset="utf-8">
<script type="module">
import { Mark } from "/sdk/index.js";
const api = new URL(location.href).searchParams.get("api");
const out = {};
const nameOf = (e) => e.constructor.name;
try { await fetch(api + "/v1/me", { credentials: "include" }); out.rawRead = "read"; } catch (e) { out.rawRead = nameOf(e); }
// a form-like POST needs no preflight; the server refuses its Origin, and its answer is opaque
await fetch(api + "/v1/datasets", { method: "POST", mode: "no-cors", credentials: "include",
  headers: { "content-type": "text/plain" }, body: JSON.stringify({ name: "Stranger's", columns: [] }) }).catch(() => {});
const mark = new Mark({ baseURL: api, credentials: "include", maxRetries: 0 });
try { await mark.auth.me(); out.sdkRead = "read"; } catch (e) { out.sdkRead = nameOf(e); }
try { await mark.datasets.create({ name: "Stranger's", columns: [] }); out.sdkWrite = "written"; } catch (e) { out.sdkWrite = nameOf(e); }
try { await mark.auth.login({ email: "x@example.com", password: "whatever it is" }); out.sdkLogin = "logged in"; } catch (e) { out.sdkLogin = nameOf(e); }
parent.postMessage(out, "*");
</script>`;
