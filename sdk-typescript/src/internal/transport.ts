import { AuthenticationError, ConnectionError, MarkError, PermissionError, TimeoutError } from "../core/errors.js";
import { responseMeta, withMeta, type ResponseMeta, type WithMeta } from "../core/meta.js";
import type { RequestOptions } from "../core/options.js";
import type { Session } from "../core/types.js";
import { CSRF_FAILED, type CsrfToken } from "./csrf.js";
import { errorFromResponse } from "./error-factory.js";
import { newIdempotencyKey } from "./idempotency.js";
import { ME_PATH, REFRESH_PATH } from "./paths.js";
import { isRetryableStatus, retryDelayMs } from "./retry.js";
import type { Renewal, SessionTokens } from "./session.js";

/** The settled configuration of a client, as {@link Transport} uses it. */
export interface TransportConfig {
  readonly baseURL: string;
  /** API key, User-Agent and default headers, already merged; the bearer token is the session's. */
  readonly headers: Readonly<Record<string, string>>;
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

export interface ApiRequest {
  readonly method: "GET" | "POST" | "DELETE";
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: { readonly json: unknown } | { readonly text: string; readonly contentType: string };
  /**
   * `"public"`: an operation that needs no credentials (log out). `"public-once"`: one that also
   * must not be repeated blindly, because the server keeps no Idempotency-Key for it (sign up,
   * log in, refresh): it is sent once, unless the call's own `maxRetries` asks for more.
   * Neither carries an Idempotency-Key, which the server honours on authenticated calls only.
   */
  readonly access?: "public" | "public-once";
}

export interface ApiResponse {
  /** The parsed JSON body; `undefined` for an empty one (204). */
  readonly body: unknown;
  readonly meta: ResponseMeta;
}

/**
 * Sends requests with the client's policy: one attempt, then up to `maxRetries` more on a
 * network error, a timeout or a retryable status, waiting as `retryDelayMs` says. A POST gets
 * one Idempotency-Key for all its attempts, so a retry the server already acted on replays the
 * first answer instead of acting twice. Any other failure becomes a {@link MarkError}.
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
    if (request.access === undefined && !this.config.authenticated) {
      throw new Error(NO_CREDENTIALS);
    }
    const { session } = this.config;
    const seen = session.generation;
    const sentWithoutToken = session.accessToken === undefined;
    try {
      return await this.sendRecoveringCsrf(request, options);
    } catch (e) {
      if (!this.renewsAfter(e, request, sentWithoutToken)) throw e;
      if (!(await session.renewedSince(seen, () => this.refreshSession({})))) throw e;
      return this.sendRecoveringCsrf(request, options);
    }
  }

  /** Signup, login or refresh: sends it, keeps the CSRF token it carries, and tells `onSession`. */
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
    const body = refreshToken === undefined ? {} : { body: { json: { refresh_token: refreshToken } } };
    let response: ApiResponse;
    try {
      response = await this.request({ method: "POST", path: REFRESH_PATH, access: "public-once", ...body }, options);
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
    if (request.access !== undefined || !(error instanceof AuthenticationError) || !this.config.session.renewable) {
      return false;
    }
    return error.code === INVALID_TOKEN || (error.code === UNAUTHORIZED && sentWithoutToken);
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
      const csrfFailed = e instanceof PermissionError && e.code === CSRF_FAILED && request.path !== ME_PATH;
      if (!csrfFailed || !(await this.relearnCsrf(options))) throw e;
      return this.send(request, options);
    }
  }

  /** Whether `GET /v1/me` answered with a CSRF token other than the one just refused. */
  private async relearnCsrf(options: RequestOptions): Promise<boolean> {
    const refused = this.config.csrf.value;
    try {
      this.config.csrf.learnFrom((await this.send({ method: "GET", path: ME_PATH }, options)).body);
    } catch {
      return false; // the caller gets the error of the call they made
    }
    return this.config.csrf.value !== refused;
  }

  private async send(request: ApiRequest, options: RequestOptions): Promise<ApiResponse> {
    const url = this.url(request);
    const init = this.init(request, options);
    const defaultRetries = request.access === "public-once" ? 0 : this.config.maxRetries;
    const maxRetries = options.maxRetries ?? defaultRetries;
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
    const accessToken = this.config.session.accessToken;
    if (accessToken !== undefined) headers["Authorization"] = `Bearer ${accessToken}`;
    let body: string | undefined;
    if (request.body !== undefined) {
      const isJson = "json" in request.body;
      body = isJson ? JSON.stringify(request.body.json) : request.body.text;
      headers["Content-Type"] = isJson ? "application/json" : request.body.contentType;
    }
    if (request.method === "POST" && request.access === undefined) {
      headers["Idempotency-Key"] = options.idempotencyKey ?? newIdempotencyKey();
    }
    const csrf = this.config.csrf.value;
    if (request.method !== "GET" && csrf !== undefined) headers["X-CSRF-Token"] = csrf;
    Object.assign(headers, options.headers);
    const init: RequestInit = { method: request.method, headers };
    if (body !== undefined) init.body = body;
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

/** The 401 codes of a call without a valid access token: an expired, ended or bad one, or none. */
const INVALID_TOKEN = "invalid_token";
const UNAUTHORIZED = "unauthorized";

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
