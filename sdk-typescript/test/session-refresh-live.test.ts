import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";

import { AuthenticationError, Mark, type Session } from "@mark/sdk";
import { signUp, startServer, type RunningServer } from "./support/server.js";

// Automatic refresh against a server whose access tokens last 4 seconds (so that a resend lands
// well inside the new token's life, even on a slow machine): each test waits for its session's
// token to expire, then calls. Also run by the Java SDK (LiveSessionRefreshTest).
const PASSWORD = "plum tulip 4 anchor violet";

describe("automatic refresh against a live server", () => {
  let server: RunningServer;
  let mark: Mark;

  before(async () => {
    server = await startServer({ MARK_ACCESS_TOKEN_TTL_SECONDS: "4" });
    mark = new Mark({ apiKey: server.apiKey, baseURL: server.baseUrl, fetch: server.fetch });
  });
  after(() => server?.stop());

  /** A new user's session, and a client acting in it whose onSession fills `heard`. */
  async function newUser(name: string) {
    const session = await signUp(mark, server, { email: `${name}+${Date.now()}@example.com`, password: PASSWORD });
    const heard: Session[] = [];
    const client = mark.withOptions({ onSession: (s) => void heard.push(s) }).withSession(session);
    return { session, client, heard };
  }

  /** Waits until the session's access token has expired: JWT times are whole seconds, so 1 s more. */
  async function expiryOf(session: Session): Promise<void> {
    await sleep(Math.max(0, Date.parse(session.access_token_expires_at) + 1_100 - Date.now()));
  }

  test("a call with an expired access token refreshes the session and goes through; onSession gets the new tokens", async () => {
    const { session, client, heard } = await newUser("ada");
    await expiryOf(session);

    const me = await client.auth.me();

    assert.equal(me.user.id, session.user.id);
    assert.equal(heard.length, 1);
    assert.notEqual(heard[0]!.refresh_token, session.refresh_token);
    const fromStore = new Mark({ baseURL: server.baseUrl, fetch: server.fetch, bearerToken: heard[0]!.access_token, refreshToken: heard[0]!.refresh_token });
    assert.equal((await fromStore.auth.me()).user.id, session.user.id, "the tokens handed to onSession act as the user");
  });

  test("calls that all find the access token expired share one refresh, and the session goes on", async () => {
    const { session, client, heard } = await newUser("grace");
    const live = client.withOptions({ environment: "live" });
    await expiryOf(session);

    const calls = [client.auth.me(), live.datasets.list(), client.datasets.list(), live.auth.me(), client.auth.me()];
    const results = await Promise.all(calls);

    assert.equal(results.length, 5);
    assert.equal(heard.length, 1, "one refresh for the five calls");
    // Had a second refresh presented the spent token, the server would have ended the session.
    const renewed = await client.auth.refresh();
    assert.equal(renewed.user.id, session.user.id);
    assert.equal(heard.length, 2);
  });

  test("when the session has ended, the caller gets its own invalid_token, not the refresh's error", async () => {
    const { session, client, heard } = await newUser("alan");
    await mark.auth.logout({ refresh_token: session.refresh_token! });
    await expiryOf(session);

    await assert.rejects(client.auth.me(), (e) => e instanceof AuthenticationError && e.code === "invalid_token");
    assert.equal(heard.length, 0);
  });

  test("a client with an API key never refreshes, even given a session's tokens", async () => {
    const { session } = await newUser("edsger");
    await expiryOf(session);
    const paths: string[] = [];
    const recording: typeof fetch = (input, init) => {
      paths.push(new URL(String(input)).pathname);
      return server.fetch(input, init);
    };
    const keyed = mark.withOptions({ fetch: recording, bearerToken: session.access_token, refreshToken: session.refresh_token });

    await assert.rejects(keyed.auth.me(), (e) => e instanceof AuthenticationError && e.code === "invalid_token");
    assert.deepEqual(paths, ["/v1/me"]);
  });
});
