import { AuthenticationError, ConnectionError, MarkError, PermissionError, TimeoutError } from "../core/errors.js";
import { responseMeta, withMeta, type ResponseMeta, type WithMeta } from "../core/meta.js";
import type { RequestOptions } from "../core/options.js";
import type { Session } from "../gen/mark/models.js";
import { ProblemCode } from "../gen/mark/problems.js";
import type { EncodedBody } from "./body.js";
import type { CsrfToken } from "./csrf.js";
import { errorFromResponse } from "./error-factory.js";
import { newIdempotencyKey } from "./idempotency.js";
import { requestOf } from "./request.js";
import { isRetryableStatus, retryDelayMs } from "./retry.js";
import type { Renewal, SessionTokens } from "./session.js";
import { RENEW_SESSION, SHOW_SESSION } from "./session-operations.js";

/** The settled configuration of a client, as {@link Transport} uses it. */
export interface TransportConfig {
  readonly baseURL: string;
  /** User-Agent, environment and default headers, already merged. */
  readonly headers: Readonly<Record<string, string>>;
  /** Sent as `X-API-Key` on every operation that is not public; the bearer token is the session's. */
  readonly apiKey?: string | undefined;
  /** Whether an API key, a bearer or refresh token, or a credentials mode was configured. */
  readonly authenticated: boolean;
  readonly credentials: RequestCredentials | undefined;
  /** The cookie session's CSRF token, sent as `X-CSRF-Token` on writes once known. */
  readonly csrf: CsrfToken;
  /** The user's session: the bearer token to send, and how to renew it. */
  readonly session: SessionTokens;
  /** Told of every session started or renewed. */
  readonly onSession: ((session: Session) => void | Promise<void>) | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly fetch: typeof fetch;
  /** How to wait between attempts; tests pass one that records instead of sleeping. */
  readonly sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** One HTTP request, as request.ts makes it from an operation's traits and a call's arguments. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>> | undefined;
  readonly body?: EncodedBody | undefined;
  /** Needs no credentials, and is sent without the API key and the bearer token. */
  readonly public?: boolean;
  /** Sent once, unless the call's own `maxRetries` asks for more. */
  readonly once?: boolean;
  /** Carries one Idempotency-Key across its attempts. */
  readonly idempotent?: boolean;
}

export interface ApiResponse {
  /** The parsed JSON body; `undefined` for an empty one (204). */
  readonly body: unknown;
  readonly meta: ResponseMeta;
}

/**
 * Sends requests with the client's policy: one attempt, then up to `maxRetries` more on a
 * network error, a timeout or a retryable status, waiting as `retryDelayMs` says. An operation
 * that declares the Idempotency-Key header gets one key for all its attempts, so a retry the
 * server already acted on replays the first answer instead of acting twice. A body streamed
 * as it is read is sent once. Any other failure becomes a {@link MarkError}.
 * Safe to share; its changing parts, the CSRF token and the session's tokens, are shared with
 * the client's copies.
 */
export class Transport {
  constructor(readonly config: TransportConfig) {}

  /**
   * Sends with retries, as described above. A call that needs credentials and is refused with
   * `401` for want of a valid access token, by a client whose session can be renewed, has the
   * session refreshed (one refresh shared by every call that found the same token expired) and
   * is sent once more; if the refresh fails, its own 401 is thrown. Never for an API key, never
   * for the auth calls, never twice for one call.
   */
  async request(request: ApiRequest, options: RequestOptions = {}): Promise<ApiResponse> {
    if (!request.public && !this.config.authenticated) {
      throw new Error(NO_CREDENTIALS);
    }
    const { session } = this.config;
    const seen = session.generation;
    const sentWithoutToken = session.accessToken === undefined;
    try {
      return await this.sendRecoveringCsrf(request, options);
    } catch (e) {
      if (!this.renewsAfter(e, request, sentWithoutToken) || !replayable(request)) throw e;
      if (!(await session.renewedSince(seen, () => this.refreshSession({})))) throw e;
      return this.sendRecoveringCsrf(request, options);
    }
  }

  /** A signup's confirmation, login or refresh: sends it, keeps the CSRF token it carries, and tells `onSession`. */
  async startSession(request: ApiRequest, options: RequestOptions): Promise<WithMeta<Session>> {
    return this.keepSession(await this.request(request, options), false);
  }

  /** Refreshes this client's own session, sharing the refresh under way if there is one. */
  async renewSession(options: RequestOptions): Promise<WithMeta<Session>> {
    const renewal = await this.config.session.renew(() => this.refreshSession(options));
    if ("failure" in renewal) throw renewal.failure;
    return renewal.session;
  }

  /**
   * One refresh of this client's session. A refused refresh token (401) can never work again,
   * so it is forgotten. Only an error of `onSession` rejects: the rest is the Renewal's failure.
   */
  private async refreshSession(options: RequestOptions): Promise<Renewal> {
    const { session } = this.config;
    const refreshToken = session.cookies ? undefined : session.refreshToken;
    const body = refreshToken === undefined ? undefined : { refresh_token: refreshToken };
    let response: ApiResponse;
    try {
      response = await this.request(requestOf(RENEW_SESSION, { pathValues: [], body }), options);
    } catch (e) {
      if (!(e instanceof MarkError)) throw e;
      if (e instanceof AuthenticationError) session.end(refreshToken);
      return { failure: e };
    }
    return { session: await this.keepSession(response, true) };
  }

  /** The session a response started; with `renewing`, its tokens become this client's first. */
  private async keepSession(response: ApiResponse, renewing: boolean): Promise<WithMeta<Session>> {
    this.config.csrf.learnFrom(response.body);
    const session = withMeta(response.body as Session, response.meta);
    if (renewing) this.config.session.adopt(session);
    await this.config.onSession?.(session);
    return session;
  }

  /**
   * Whether `error` says that the call went without a valid access token, and a refresh could
   * give it one. A cookie expires with its access token, so an expired cookie session (or a
   * token-mode client given only a refresh token) sends none: `unauthorized`, not `invalid_token`.
   */
  private renewsAfter(error: unknown, request: ApiRequest, sentWithoutToken: boolean): boolean {
    if (request.public || !(error instanceof AuthenticationError) || !this.config.session.renewable) {
      return false;
    }
    return error.code === ProblemCode.InvalidToken || (error.code === ProblemCode.Unauthorized && sentWithoutToken);
  }

  /**
   * A write refused with `403 csrf_failed` (a cookie session whose token this client does not
   * know yet, e.g. after a page reload, or knows an old one of) asks `GET /v1/me` for the current
   * token and, if it is a new one, is sent once more: the server refused it before acting, so
   * this cannot act twice.
   */
  private async sendRecoveringCsrf(request: ApiRequest, options: RequestOptions): Promise<ApiResponse> {
    try {
      return await this.send(request, options);
    } catch (e) {
      const csrfFailed = e instanceof PermissionError && e.code === ProblemCode.CsrfFailed && request.path !== SHOW_SESSION.path;
      if (!csrfFailed || !replayable(request) || !(await this.relearnCsrf(options))) throw e;
      return this.send(request, options);
    }
  }

  /** Whether `GET /v1/me` answered with a CSRF token other than the one just refused. */
  private async relearnCsrf(options: RequestOptions): Promise<boolean> {
    const refused = this.config.csrf.value;
    try {
      this.config.csrf.learnFrom((await this.send(requestOf(SHOW_SESSION, { pathValues: [] }), options)).body);
    } catch {
      return false; // the caller gets the error of the call they made
    }
    return this.config.csrf.value !== refused;
  }

  private async send(request: ApiRequest, options: RequestOptions): Promise<ApiResponse> {
    const url = this.url(request);
    const init = this.init(request, options);
    const defaultRetries = request.once ? 0 : this.config.maxRetries;
    // a stream is read as it is sent: there is nothing to send a second time
    const maxRetries = replayable(request) ? options.maxRetries ?? defaultRetries : 0;
    const timeoutMs = options.timeout ?? this.config.timeoutMs;
    for (let retriesDone = 0; ; retriesDone++) {
      const outcome = await this.attempt(url, init, timeoutMs, options.signal);
      const lastChance = retriesDone >= maxRetries;
      if (!(outcome instanceof MarkError)) {
        const { status, headers, text } = outcome;
        if (status < 300) {
          return { body: text === "" ? undefined : JSON.parse(text), meta: responseMeta(status, headers) };
        }
        const delay = retryDelayMs(retriesDone, status, headers);
        if (lastChance || !isRetryableStatus(status) || delay === undefined) {
          throw errorFromResponse(status, headers, text);
        }
        await this.config.sleep(delay, options.signal);
      } else {
        if (lastChance) throw outcome;
        await this.config.sleep(retryDelayMs(retriesDone, undefined, undefined)!, options.signal);
      }
    }
  }

  private url(request: ApiRequest): string {
    const url = new URL(this.config.baseURL.replace(/\/+$/, "") + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  private init(request: ApiRequest, options: RequestOptions): RequestInit {
    const headers: Record<string, string> = { Accept: "application/json", ...this.config.headers };
    if (!request.public) {
      const { apiKey } = this.config;
      const { accessToken } = this.config.session;
      if (apiKey !== undefined) headers["X-API-Key"] = apiKey;
      if (accessToken !== undefined) headers["Authorization"] = `Bearer ${accessToken}`;
    }
    if (request.body !== undefined) headers["Content-Type"] = request.body.contentType;
    if (request.idempotent) headers["Idempotency-Key"] = options.idempotencyKey ?? newIdempotencyKey();
    const csrf = this.config.csrf.value;
    if (request.method !== "GET" && csrf !== undefined) headers["X-CSRF-Token"] = csrf;
    Object.assign(headers, options.headers);
    const init: RequestInit & { duplex?: "half" } = { method: request.method, headers };
    if (request.body !== undefined) {
      init.body = request.body.content;
      // fetch sends a stream only when told that the response may start before it ends
      if (!request.body.replayable) init.duplex = "half";
    }
    if (this.config.credentials !== undefined) init.credentials = this.config.credentials;
    return init;
  }

  /**
   * One attempt: the response (of any status) read in full, or the MarkError a failed exchange
   * becomes. The timeout covers the body too, so a server that stalls mid-body is a timeout.
   */
  private async attempt(
    url: string,
    init: RequestInit,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<RawResponse | MarkError> {
    signal?.throwIfAborted();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const cancel = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", cancel, { once: true });
    try {
      const response = await this.config.fetch(url, { ...init, signal: controller.signal });
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (cause) {
      if (signal?.aborted) throw signal.reason; // the caller's cancellation is never retried
      if (controller.signal.aborted) {
        return new TimeoutError(`No response within ${timeoutMs} ms`, { cause });
      }
      return new ConnectionError(`Connection error: ${describe(cause)}`, { cause });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", cancel);
    }
  }
}

/** Whether the request can be sent again: not with a stream body, which was read as it went. */
function replayable(request: ApiRequest): boolean {
  return request.body === undefined || request.body.replayable;
}

export const NO_CREDENTIALS =
  "Mark: no credentials. Pass apiKey (or set MARK_API_KEY), bearerToken (and refreshToken), or credentials: 'include' for the browser cookie session.";

interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // undici hides the socket error in `cause`: "fetch failed" alone says nothing
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  return cause.message + inner;
}

/** Waits `ms`, or rejects at once with the signal's reason when the caller cancels. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
