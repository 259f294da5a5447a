import type { Session } from "../gen/mark/models.js";

/**
 * How a {@link Mark} client is configured. Every field is optional: `apiKey` falls back to
 * `MARK_API_KEY` (unless `bearerToken`, `refreshToken` or `credentials` is given) and `baseURL`
 * to `MARK_BASE_URL` where a `process` exists (Node.js). A client with none of `apiKey`,
 * `bearerToken`, `refreshToken` or `credentials` can only sign up, log in, refresh and log out:
 * any other call throws before sending anything.
 */
export interface ClientOptions {
  /** A Mark API key (`mk_live_…`, `mk_test_…`), sent as `X-API-Key`. */
  readonly apiKey?: string | undefined;
  /** A user's access token (JWT), sent as `Authorization: Bearer …`. */
  readonly bearerToken?: string | undefined;
  /**
   * The refresh token of the token-mode session `bearerToken` belongs to. With it the client
   * renews the session on its own when the access token expires (or from the start, if there is
   * no `bearerToken`): see `onSession` to keep the new tokens. Ignored next to an `apiKey`.
   */
  readonly refreshToken?: string | undefined;
  /**
   * Called with every session that a signup's confirmation, login or refresh starts, by hand or when the client
   * renews its session on its own, before the call that waited for it goes on: the place to
   * store a token-mode session's new tokens, since each refresh token works once. If it throws,
   * the calls that waited for it throw that, though the client keeps the new tokens.
   */
  readonly onSession?: ((session: Session) => void | Promise<void>) | undefined;
  /**
   * fetch's credentials mode. `'include'` is the browser cookie mode of Mark's web app: the
   * session cookies go with every call across origins, and the client renews the session with
   * the refresh cookie when the access cookie has expired.
   */
  readonly credentials?: RequestCredentials | undefined;
  /**
   * The environment a session (bearer token or cookies) acts in, sent as `Mark-Environment`;
   * the server's default, `test`, when absent. An API key acts in its own environment only, and
   * naming another one is a `403 environment_mismatch`.
   */
  readonly environment?: "test" | "live" | undefined;
  /**
   * The cookie session's CSRF token, echoed as `X-CSRF-Token` on every write. Rarely needed:
   * the client learns it from `auth.confirmSignup`, `auth.login`, `auth.refresh` and `auth.me`, and
   * from `GET /v1/me` on its own when a write is refused with `403 csrf_failed`.
   */
  readonly csrfToken?: string | undefined;
  /** Defaults to `https://api.mark.dev`. */
  readonly baseURL?: string | undefined;
  /** Milliseconds to wait for each attempt's response; defaults to 60 000. */
  readonly timeout?: number | undefined;
  /** Retries after the first attempt (network errors, 408, 429, 5xx); defaults to 2. */
  readonly maxRetries?: number | undefined;
  /** Headers sent with every request (they do not override the SDK's own). */
  readonly defaultHeaders?: Readonly<Record<string, string>> | undefined;
  /** A fetch to use instead of the global one (Next.js's, a test double, a proxy agent…). */
  readonly fetch?: typeof fetch | undefined;
}

/** Per-call overrides; every operation takes them as its last argument. */
export interface RequestOptions {
  readonly timeout?: number | undefined;
  /** Retries after the first attempt; ignored for a body streamed as it is read, sent once. */
  readonly maxRetries?: number | undefined;
  /**
   * For an operation that takes an Idempotency-Key in the contract: the key to send instead of a
   * generated one, e.g. to retry across processes, or to send a streamed body again.
   */
  readonly idempotencyKey?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Cancels the call, including any wait between retries. */
  readonly signal?: AbortSignal | undefined;
}
