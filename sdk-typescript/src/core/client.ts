import { CsrfToken } from "../internal/csrf.js";
import { nodeVersion, readEnv } from "../internal/env.js";
import { SessionTokens } from "../internal/session.js";
import { sleep, Transport } from "../internal/transport.js";
import { SDK_VERSION } from "../internal/version.js";
import { MarkResources } from "../gen/mark/resources.js";
import type { Session } from "../gen/mark/models.js";
import type { ClientOptions } from "./options.js";

const DEFAULT_BASE_URL = "https://api.mark.dev";
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const ENVIRONMENTS: ReadonlySet<string> = new Set(["test", "live"]);

// What a client derived by withOptions inherits from its parent, keyed by the options object
// passed to its constructor: a hand-over that adds nothing to the public API.
interface Inherited {
  readonly csrf: CsrfToken | undefined;
  readonly session: SessionTokens | undefined;
}
const inherited = new WeakMap<ClientOptions, Inherited>();

/** The options that say whose session a client acts in: changing one starts another session. */
const SESSION_OPTIONS = ["apiKey", "bearerToken", "refreshToken", "credentials"] as const;

/**
 * The Mark API client. Build one and share it: its options are checked here, once, so that a
 * bad value fails at start-up with a message that names it, and never change; {@link withOptions}
 * derives a copy. What a client learns as it goes, it shares with the copies derived from it:
 * a cookie session's CSRF token, and a user's session as it renews it.
 *
 * Its resources are generated from the contract (see {@link MarkResources}): one per tag,
 * `mark.<tag in camelCase>`, with one method per operation, named by its `x-mark-sdk-method`.
 *
 * Every call retries network errors, timeouts, 408, 429, 500, 502, 503 and 504 (up to
 * `maxRetries`), and throws a {@link MarkError} subclass for anything else that is not a success.
 * A client with a user's session (a refresh token, or a browser's cookies) refreshes it when a
 * call finds the access token expired, and sends that call again.
 */
export class Mark extends MarkResources {
  /** The options as given (before defaults and the environment), for {@link withOptions}. */
  readonly options: Readonly<ClientOptions>;
  readonly #csrf: CsrfToken;
  readonly #session: SessionTokens;

  constructor(options: ClientOptions = {}) {
    const frozen = Object.freeze({ ...options });
    const csrf = inherited.get(options)?.csrf ?? new CsrfToken(options.csrfToken);
    const session = inherited.get(options)?.session ?? sessionOf(frozen);
    super(new Transport(settle(frozen, csrf, session)));
    this.options = frozen;
    this.#csrf = csrf;
    this.#session = session;
  }

  /**
   * A new client with these options over this one's; this one is unchanged. The two share the
   * cookie session's CSRF token, unless `overrides` sets `csrfToken`, and the user's session,
   * renewals included, unless `overrides` sets `apiKey`, `bearerToken`, `refreshToken` or
   * `credentials`.
   */
  withOptions(overrides: ClientOptions): Mark {
    const merged: ClientOptions = { ...this.options, ...overrides };
    inherited.set(merged, {
      csrf: "csrfToken" in overrides ? undefined : this.#csrf,
      session: SESSION_OPTIONS.some((name) => name in overrides) ? undefined : this.#session,
    });
    return new Mark(merged);
  }

  /**
   * A client that acts as the user of a token-mode session (from `auth.confirmSignup`, `auth.login` or
   * `auth.refresh`): its `access_token` as the bearer token, in place of any API key, and its
   * `refresh_token` to renew it when it expires. Throws for a cookie-mode session, whose tokens
   * are cookies that only the browser holds.
   */
  withSession(session: Pick<Session, "access_token" | "refresh_token">): Mark {
    if (session.access_token === undefined) {
      throw new Error("Mark: this session has no access_token: a cookie-mode session is used with credentials: 'include'.");
    }
    return this.withOptions({ apiKey: undefined, bearerToken: session.access_token, refreshToken: session.refresh_token });
  }
}

/**
 * The session a client starts with: a token-mode one from its bearer and refresh tokens, or a
 * browser's cookie session. An API key's client never renews anything.
 */
function sessionOf(options: ClientOptions): SessionTokens {
  const { apiKey, bearerToken, credentials } = options;
  const refreshToken = apiKey === undefined ? options.refreshToken : undefined;
  const cookies = apiKey === undefined && bearerToken === undefined && refreshToken === undefined
    && credentials !== undefined && credentials !== "omit";
  return new SessionTokens(bearerToken, refreshToken, cookies);
}

function settle(options: ClientOptions, csrf: CsrfToken, session: SessionTokens) {
  const { bearerToken, credentials, environment, refreshToken } = options;
  // MARK_API_KEY is the fallback for a client given no credentials at all: a user's client must
  // not pick up the server's key and act as its account.
  const noCredentials = bearerToken === undefined && refreshToken === undefined && credentials === undefined;
  const apiKey = options.apiKey ?? (noCredentials ? readEnv("MARK_API_KEY") : undefined);
  const baseURL = options.baseURL ?? readEnv("MARK_BASE_URL") ?? DEFAULT_BASE_URL;
  if (!URL.canParse(baseURL)) throw new Error(`Mark: baseURL is not an absolute URL: ${baseURL}`);
  const timeoutMs = options.timeout ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new Error(`Mark: timeout must be a positive number of milliseconds, got ${timeoutMs}`);
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new Error(`Mark: maxRetries must be a whole number ≥ 0, got ${maxRetries}`);
  }
  if (environment !== undefined && !ENVIRONMENTS.has(environment)) {
    throw new Error(`Mark: environment must be "test" or "live", got ${JSON.stringify(environment)}`);
  }
  const fetchFn = options.fetch ?? globalThis.fetch;
  if (typeof fetchFn !== "function") throw new Error("Mark: no global fetch here; pass options.fetch.");

  const headers: Record<string, string> = { ...options.defaultHeaders };
  const node = nodeVersion();
  // Browsers refuse to let a page set User-Agent, and it would cost a CORS preflight header.
  if (node !== undefined) headers["User-Agent"] = `mark-sdk-typescript/${SDK_VERSION} ${node}`;
  if (environment !== undefined) headers["Mark-Environment"] = environment;

  return {
    baseURL,
    headers,
    apiKey,
    authenticated: (apiKey ?? bearerToken ?? refreshToken ?? credentials) !== undefined,
    credentials,
    csrf,
    session,
    onSession: options.onSession,
    timeoutMs,
    maxRetries,
    // a bare `fetch` called as a method of another object throws "Illegal invocation" in browsers
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init)),
    sleep,
  };
}
