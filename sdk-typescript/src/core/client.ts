import { CsrfToken } from "../internal/csrf.js";
import { nodeVersion, readEnv } from "../internal/env.js";
import { sleep, Transport } from "../internal/transport.js";
import { SDK_VERSION } from "../internal/version.js";
import { Analytics } from "./analytics.js";
import { Auth } from "./auth.js";
import { Datasets } from "./datasets.js";
import type { ClientOptions } from "./options.js";
import { Rows } from "./rows.js";
import type { Session } from "./types.js";

const DEFAULT_BASE_URL = "https://api.mark.dev";
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const ENVIRONMENTS: ReadonlySet<string> = new Set(["test", "live"]);

// The CSRF holder a client derived by withOptions inherits from its parent, keyed by the
// options object passed to its constructor: a hand-over that adds nothing to the public API.
const inheritedCsrf = new WeakMap<ClientOptions, CsrfToken>();

/**
 * The Mark API client. Build one and share it: its options are checked here, once, so that a
 * bad value fails at start-up with a message that names it, and never change; {@link withOptions}
 * derives a copy. The one thing a client learns as it goes is a cookie session's CSRF token
 * (see {@link Auth}), which it shares with the copies derived from it.
 *
 * Every call retries network errors, timeouts, 408, 429, 500, 502, 503 and 504 (up to
 * `maxRetries`), and throws a {@link MarkError} subclass for anything else that is not a success.
 */
export class Mark {
  readonly datasets: Datasets;
  readonly rows: Rows;
  readonly analytics: Analytics;
  /** Sign-up, log-in and the session of a person using Mark (rather than an API key). */
  readonly auth: Auth;
  /** The options as given (before defaults and the environment), for {@link withOptions}. */
  readonly options: Readonly<ClientOptions>;
  readonly #csrf: CsrfToken;

  constructor(options: ClientOptions = {}) {
    this.options = Object.freeze({ ...options });
    this.#csrf = inheritedCsrf.get(options) ?? new CsrfToken(options.csrfToken);
    const transport = new Transport(settle(this.options, this.#csrf));
    this.datasets = new Datasets(transport);
    this.rows = new Rows(transport);
    this.analytics = new Analytics(transport);
    this.auth = new Auth(transport);
  }

  /**
   * A new client with these options over this one's; this one is unchanged. The two share the
   * cookie session's CSRF token, unless `overrides` sets `csrfToken`.
   */
  withOptions(overrides: ClientOptions): Mark {
    const merged: ClientOptions = { ...this.options, ...overrides };
    if (!("csrfToken" in overrides)) inheritedCsrf.set(merged, this.#csrf);
    return new Mark(merged);
  }

  /**
   * A client that acts as the user of a token-mode session (from `auth.signup`, `auth.login` or
   * `auth.refresh`): its `access_token` as the bearer token, in place of any API key. Throws for
   * a cookie-mode session, whose tokens are cookies that only the browser holds.
   */
  withSession(session: Pick<Session, "access_token">): Mark {
    if (session.access_token === undefined) {
      throw new Error("Mark: this session has no access_token: a cookie-mode session is used with credentials: 'include'.");
    }
    return this.withOptions({ apiKey: undefined, bearerToken: session.access_token });
  }
}

function settle(options: ClientOptions, csrf: CsrfToken) {
  const { bearerToken, credentials, environment } = options;
  // MARK_API_KEY is the fallback for a client given no credentials at all: a user's client must
  // not pick up the server's key and act as its account.
  const noCredentials = bearerToken === undefined && credentials === undefined;
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
  if (apiKey !== undefined) headers["X-API-Key"] = apiKey;
  if (bearerToken !== undefined) headers["Authorization"] = `Bearer ${bearerToken}`;
  if (environment !== undefined) headers["Mark-Environment"] = environment;

  return {
    baseURL,
    headers,
    authenticated: (apiKey ?? bearerToken ?? credentials) !== undefined,
    credentials,
    csrf,
    timeoutMs,
    maxRetries,
    // a bare `fetch` called as a method of another object throws "Illegal invocation" in browsers
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init)),
    sleep,
  };
}
