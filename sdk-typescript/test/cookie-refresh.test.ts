import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";

import { runPage, serveSdk, skipWithoutChromium } from "./support/browser.js";
import { startServer, type RunningServer } from "./support/server.js";

// A browser's cookie session renewing itself: Mark's web app on one origin, the API on another
// whose access tokens (and so access cookies) last 4 seconds.
describe("a cookie session that expires, in a browser", { skip: skipWithoutChromium() }, () => {
  let api: RunningServer;
  let app: Server;

  before(async () => {
    app = createServer(servePage);
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    api = await startServer({
      MARK_CORS_ORIGINS: appOrigin(),
      MARK_ACCESS_TOKEN_TTL_SECONDS: "4",
      MARK_LOGIN_ATTEMPTS_PER_ADDRESS: "10000",
      // no grace for a refresh cookie sent twice: a page that refreshed twice would end its session
      MARK_REFRESH_REUSE_GRACE_SECONDS: "0",
    });
    mailboxOf = api;
  });
  after(async () => {
    app?.close();
    await api?.stop();
  });

  test("calls made after the access cookie expired share one refresh, writes included, and the session goes on", async () => {
    const result = (await runPage(`${appOrigin()}/app?api=${encodeURIComponent(api.baseUrl)}`)) as Record<string, unknown>;

    assert.equal(result.error, undefined, `the page failed: ${String(result.error)}`);
    assert.deepEqual(result, {
      afterExpiry: { created: true, listed: true, me: true, refreshes: 1 },
      refreshedByHand: { mode: "cookie", csrfKept: true },
    });
  });

  function appOrigin(): string {
    return `http://localhost:${(app.address() as AddressInfo).port}`;
  }
});

/** The API server whose outbox the page reads its signup token from. */
let mailboxOf: RunningServer | undefined;

function servePage(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://origin");
  const pathname = url.pathname;
  // the mailbox, as the person at the page reads it: the signup token of the newest message to an email
  if (pathname === "/mail") {
    const email = new URL(req.url ?? "/", "http://origin").searchParams.get("email") ?? "";
    return void (mailboxOf?.signupToken(email) ?? Promise.reject(new Error("no server yet"))).then(
      (token) => res.writeHead(200, { "content-type": "text/plain" }).end(token),
      (e) => res.writeHead(404).end(String(e)),
    );
  }
  if (url.pathname === "/app") return void res.writeHead(200, { "content-type": "text/html" }).end(APP_PAGE);
  // Real time for the page to wait in: headless Chromium runs its timers on virtual time, but
  // holds it while a fetch is pending.
  if (url.pathname === "/wait") {
    return void setTimeout(() => res.writeHead(204).end(), Number(url.searchParams.get("ms")));
  }
  serveSdk(url.pathname, res).then(
    (served) => served || res.writeHead(404).end(),
    (e) => res.writeHead(500).end(String(e)),
  );
}

const APP_PAGE = `<!doctype html><meta charset="utf-8"><pre id="result">pending</pre>
<script type="module">
import { Mark } from "/sdk/index.js";
const api = new URL(location.href).searchParams.get("api");
const out = {};
try {
  const sessions = [];
  const mark = new Mark({ baseURL: api, credentials: "include", onSession: (s) => { sessions.push(s); } });
  const email = "ada+" + Date.now() + "@example.com";
  await mark.auth.signup({ email, password: "plum tulip 4 anchor violet" });
  const token = await (await fetch("/mail?email=" + encodeURIComponent(email))).text();
  const session = await mark.auth.confirmSignup({ token });
  // the token lasts 4 s (whole seconds); the page's clock runs on virtual time, so no arithmetic
  await fetch("/wait?ms=5100");

  const columns = [{ name: "region", type: "string" }];
  const [created, list, me, again] = await Promise.all([
    mark.datasets.create({ name: "After expiry", columns }), mark.datasets.list(), mark.auth.me(), mark.datasets.list(),
  ]);
  out.afterExpiry = {
    created: created.id.startsWith("ds_"),
    listed: Array.isArray(list.data) && Array.isArray(again.data),
    me: me.user.id === session.user.id,
    refreshes: sessions.length - 1,
  };

  const refreshed = await mark.auth.refresh();
  out.refreshedByHand = { mode: refreshed.mode, csrfKept: mark.auth.csrfToken === refreshed.csrf_token };
} catch (e) {
  out.error = String(e) + (e.code ? " (" + e.code + ")" : "");
}
document.getElementById("result").textContent = JSON.stringify(out);
</script>`;
