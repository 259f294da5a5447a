import { nodeVersion, readEnv } from "../internal/env.js";
import { sleep, Transport } from "../internal/transport.js";
import { SDK_VERSION } from "../internal/version.js";
import { Analytics } from "./analytics.js";
import { Datasets } from "./datasets.js";
import type { ClientOptions } from "./options.js";
import { Rows } from "./rows.js";

const DEFAULT_BASE_URL = "https://api.mark.dev";
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;

/**
 * The Mark API client. Build one and share it: it holds no per-call state and is never
 * changed; {@link withOptions} derives a copy. Options are checked here, once, so that a bad
 * value fails at start-up with a message that names it.
 *
 * Every call retries network errors, timeouts, 408, 429, 500, 502, 503 and 504 (up to
 * `maxRetries`), and throws a {@link MarkError} subclass for anything else that is not a success.
 */
export class Mark {
  readonly datasets: Datasets;
  readonly rows: Rows;
  readonly analytics: Analytics;
  /** The options as given (before defaults and the environment), for {@link withOptions}. */
  readonly options: Readonly<ClientOptions>;

  constructor(options: ClientOptions = {}) {
    this.options = Object.freeze({ ...options });
    const transport = new Transport(settle(this.options));
    this.datasets = new Datasets(transport);
    this.rows = new Rows(transport);
    this.analytics = new Analytics(transport);
  }

  /** A new client with these options over this one's; this one is unchanged. */
  withOptions(overrides: ClientOptions): Mark {
    return new Mark({ ...this.options, ...overrides });
  }
}

function settle(options: ClientOptions) {
  const apiKey = options.apiKey ?? readEnv("MARK_API_KEY");
  const { bearerToken, credentials } = options;
  if (apiKey === undefined && bearerToken === undefined && credentials === undefined) {
    throw new Error(
      "Mark: no credentials. Pass apiKey (or set MARK_API_KEY), bearerToken, or credentials: 'include' for the browser cookie session.",
    );
  }
  const baseURL = options.baseURL ?? readEnv("MARK_BASE_URL") ?? DEFAULT_BASE_URL;
  if (!URL.canParse(baseURL)) throw new Error(`Mark: baseURL is not an absolute URL: ${baseURL}`);
  const timeoutMs = options.timeout ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new Error(`Mark: timeout must be a positive number of milliseconds, got ${timeoutMs}`);
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new Error(`Mark: maxRetries must be a whole number ≥ 0, got ${maxRetries}`);
  }
  const fetchFn = options.fetch ?? globalThis.fetch;
  if (typeof fetchFn !== "function") throw new Error("Mark: no global fetch here; pass options.fetch.");

  const headers: Record<string, string> = { ...options.defaultHeaders };
  const node = nodeVersion();
  // Browsers refuse to let a page set User-Agent, and it would cost a CORS preflight header.
  if (node !== undefined) headers["User-Agent"] = `mark-sdk-typescript/${SDK_VERSION} ${node}`;
  if (apiKey !== undefined) headers["X-API-Key"] = apiKey;
  if (bearerToken !== undefined) headers["Authorization"] = `Bearer ${bearerToken}`;

  return {
    baseURL,
    headers,
    credentials,
    timeoutMs,
    maxRetries,
    // a bare `fetch` called as a method of another object throws "Illegal invocation" in browsers
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init)),
    sleep,
  };
}
