/**
 * The rate-limit state the server reported on a response, read from the IETF draft headers
 * (`RateLimit`, `RateLimit-Policy`) or, when those are absent, from `X-RateLimit-*`.
 * A field the server did not send is `undefined`.
 */
export interface RateLimitState {
  /** Requests allowed per window (`RateLimit-Policy` q, or `X-RateLimit-Limit`). */
  readonly limit?: number;
  /** Requests left in the current window (`RateLimit` r, or `X-RateLimit-Remaining`). */
  readonly remaining?: number;
  /** Seconds until the window resets (`RateLimit` t, or `X-RateLimit-Reset`). */
  readonly resetSeconds?: number;
}

/** What every response tells besides its body. */
export interface ResponseMeta {
  readonly status: number;
  /** The `X-Request-Id` the server answered with: quote it to support. */
  readonly requestId: string | undefined;
  /** `undefined` when the server sent no rate-limit header at all. */
  readonly rateLimit: RateLimitState | undefined;
  /** True when the server replayed the first response to this Idempotency-Key. */
  readonly idempotentReplayed: boolean;
  readonly headers: Headers;
}

/** A response body with its {@link ResponseMeta} attached as the non-enumerable `meta`. */
export type WithMeta<T> = T & { readonly meta: ResponseMeta };

/** Reads the metadata of a response. */
export function responseMeta(status: number, headers: Headers): ResponseMeta {
  return {
    status,
    requestId: headers.get("x-request-id") ?? undefined,
    rateLimit: rateLimitState(headers),
    idempotentReplayed: headers.get("idempotent-replayed") === "true",
    headers,
  };
}

/**
 * Attaches `meta` without making it enumerable, so that the body still serialises, spreads and
 * compares as exactly what the server sent.
 */
export function withMeta<T extends object>(body: T, meta: ResponseMeta): WithMeta<T> {
  return Object.defineProperty(body, "meta", { value: meta, enumerable: false }) as WithMeta<T>;
}

/** The rate-limit headers of a response, or `undefined` when it has none. */
export function rateLimitState(headers: Headers): RateLimitState | undefined {
  // The draft's structured fields: `"burst";r=42;t=1` and `"burst";q=100;w=1`.
  const current = structuredParams(headers.get("ratelimit"));
  const policy = structuredParams(headers.get("ratelimit-policy"));
  const state: RateLimitState = {
    limit: policy.q ?? integer(headers.get("x-ratelimit-limit")),
    remaining: current.r ?? integer(headers.get("x-ratelimit-remaining")),
    resetSeconds: current.t ?? integer(headers.get("x-ratelimit-reset")),
  };
  const known = Object.values(state).some((v) => v !== undefined);
  return known ? state : undefined;
}

/** The integer parameters of the first item of a structured-field list. */
function structuredParams(value: string | null): Record<string, number | undefined> {
  if (value === null) return {};
  const firstItem = value.split(",")[0] ?? "";
  const params: Record<string, number | undefined> = {};
  for (const part of firstItem.split(";").slice(1)) {
    const [key, raw] = part.split("=", 2);
    if (key !== undefined && raw !== undefined) params[key.trim()] = integer(raw);
  }
  return params;
}

function integer(value: string | null | undefined): number | undefined {
  if (value == null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
