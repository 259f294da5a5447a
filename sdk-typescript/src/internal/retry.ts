import { rateLimitState } from "../core/meta.js";

// The retry policy, as pure functions: which outcomes are retried and how long to wait.
// The loop that applies it is in transport.ts.

/** Statuses worth another attempt: timeouts, rate limits and transient server failures. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A server asking for a longer wait than this is not retried: the caller gets the error. */
export const MAX_SERVER_DELAY_MS = 60_000;

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * How long to wait before the next attempt, after `retriesDone` retries, or `undefined` if the
 * server asked to wait longer than {@link MAX_SERVER_DELAY_MS}. The server's word wins:
 * `Retry-After`, else (on a 429) the reset of its `RateLimit` header; otherwise exponential
 * backoff from 0.5 s, capped at 8 s, less up to 25 % of jitter so that clients spread out.
 */
export function retryDelayMs(
  retriesDone: number,
  status: number | undefined,
  headers: Headers | undefined,
  random: () => number = Math.random,
): number | undefined {
  const serverSeconds =
    headers === undefined
      ? undefined
      : retryAfterSeconds(headers) ?? (status === 429 ? rateLimitState(headers)?.resetSeconds : undefined);
  if (serverSeconds !== undefined) {
    const ms = serverSeconds * 1000;
    return ms <= MAX_SERVER_DELAY_MS ? ms : undefined;
  }
  const exponential = Math.min(INITIAL_DELAY_MS * 2 ** retriesDone, MAX_DELAY_MS);
  return exponential * (1 - 0.25 * random());
}

/** `Retry-After` in seconds (it may be a number of seconds or an HTTP date), if present. */
export function retryAfterSeconds(headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (value === undefined || value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}
