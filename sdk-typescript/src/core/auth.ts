import type { ApiRequest, Transport } from "../internal/transport.js";
import { ME_PATH, REFRESH_PATH } from "../internal/paths.js";
import { withMeta, type ResponseMeta, type WithMeta } from "./meta.js";
import type { RequestOptions } from "./options.js";
import type { LoginRequest, Me, RefreshRequest, Session, SessionMode, SignupRequest } from "./types.js";

/**
 * `client.auth`: accounts and sessions of people using Mark, as its web app does, rather than
 * an API key. None of these calls needs credentials but `me`.
 *
 * A session comes in one of two modes. In token mode (the default; for servers and scripts) the
 * Session carries `access_token` and `refresh_token`: call as the user with
 * `client.withSession(session)`. In cookie mode (the default on a client with `credentials`; for
 * browsers) the tokens are HttpOnly cookies and the Session carries a `csrf_token`, which this
 * client keeps and sends as `X-CSRF-Token` on every write from then on.
 *
 * A client that holds a session (from `withSession`, the `refreshToken` option, or a cookie
 * session) renews it on its own: a call refused for an expired access token is sent again after
 * one refresh, which calls made at the same time share. Every session signup, login or refresh
 * starts, by hand or on its own, goes to the client's `onSession`.
 *
 * Signup, login and refresh are sent once, never retried on their own: the server keeps no
 * Idempotency-Key for them, so a signup retried after a lost response would fail with
 * `409 email_taken`, and a refresh retried after a lost response would present a used refresh
 * token, which ends the session (`401 refresh_token_reused`). Pass `maxRetries` to a call to
 * accept that risk. Logout is retried like other calls: it answers 204 however often it is sent.
 */
export class Auth {
  constructor(private readonly transport: Transport) {}

  /** Creates a user with an account of its own, and starts a session. */
  async signup(body: SignupRequest, options?: RequestOptions): Promise<WithMeta<Session>> {
    return this.startSession("/v1/auth/signup", { ...body, session: body.session ?? this.defaultMode() }, options);
  }

  /** Starts a session; a wrong email or password is an {@link AuthenticationError} `invalid_credentials`. */
  async login(body: LoginRequest, options?: RequestOptions): Promise<WithMeta<Session>> {
    return this.startSession("/v1/auth/login", { ...body, session: body.session ?? this.defaultMode() }, options);
  }

  /**
   * Trades a refresh token for new tokens; each refresh token works once. With no
   * `refresh_token`, or this client's own, it renews this client's session: its refresh token in
   * token mode, the browser's refresh cookie in cookie mode. It then shares any refresh under way,
   * and the client calls with the new tokens from then on.
   */
  async refresh(body: RefreshRequest = {}, options: RequestOptions = {}): Promise<WithMeta<Session>> {
    const { session } = this.transport.config;
    const own = body.refresh_token === undefined || body.refresh_token === session.refreshToken;
    if (own && session.renewable) return this.transport.renewSession(options);
    return this.startSession(REFRESH_PATH, body.refresh_token === undefined ? undefined : body, options);
  }

  /**
   * Ends the session of a refresh token (`{ refresh_token }` in token mode, nothing in cookie
   * mode, where it also clears the cookies) and forgets the CSRF token. With no `refresh_token`,
   * a token-mode client ends its own session, which it no longer renews. Answers whether or
   * not the session was still going. An access token already issued works until it expires.
   */
  async logout(body: RefreshRequest = {}, options?: RequestOptions): Promise<ResponseMeta> {
    const { session } = this.transport.config;
    const refreshToken = body.refresh_token ?? session.refreshToken;
    session.end(refreshToken);
    const payload = refreshToken === undefined ? {} : { body: { json: { refresh_token: refreshToken } } };
    const { meta } = await this.transport.request({ method: "POST", path: "/v1/auth/logout", access: "public", ...payload }, options);
    this.transport.config.csrf.value = undefined;
    return meta;
  }

  /** The session's user and environment, and in cookie mode its CSRF token, which is kept. */
  async me(options?: RequestOptions): Promise<WithMeta<Me>> {
    const response = await this.transport.request({ method: "GET", path: ME_PATH }, options);
    this.transport.config.csrf.learnFrom(response.body);
    return withMeta(response.body as Me, response.meta);
  }

  /** The CSRF token this client sends on writes, if it knows one. */
  get csrfToken(): string | undefined {
    return this.transport.config.csrf.value;
  }

  /** Sets the CSRF token to send on writes (shared with the clients derived by `withOptions`). */
  setCsrfToken(token: string | undefined): void {
    this.transport.config.csrf.value = token;
  }

  private async startSession(path: string, json: object | undefined, options: RequestOptions = {}): Promise<WithMeta<Session>> {
    const request: ApiRequest = { method: "POST", path, access: "public-once", ...(json === undefined ? {} : { body: { json } }) };
    return this.transport.startSession(request, options);
  }

  /** Cookies where the client sends credentials (a browser), else tokens in the body. */
  private defaultMode(): SessionMode {
    const { credentials } = this.transport.config;
    return credentials !== undefined && credentials !== "omit" ? "cookie" : "token";
  }
}
