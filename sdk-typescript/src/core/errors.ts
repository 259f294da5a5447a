import type { FieldError } from "../gen/models/FieldError.js";
import type { ProblemCode } from "../gen/mark/problems.js";

export type { FieldError };

/** A problem code: one of {@link ProblemCode}, or one newer than this SDK. */
type Code = ProblemCode | (string & {});

interface ErrorInit {
  readonly status?: number | undefined;
  readonly code?: Code | undefined;
  readonly detail?: string | undefined;
  readonly requestId?: string | undefined;
  readonly errors?: readonly FieldError[] | undefined;
  readonly headers?: Headers | undefined;
  readonly body?: unknown;
  readonly cause?: unknown;
}

/**
 * Every error the SDK throws. An HTTP error carries the server's problem+json document: its
 * `status`, stable `code`, `detail`, `requestId` and field `errors`, besides the response
 * `headers` and the parsed (or, if not JSON, textual) `body`. Connection and timeout errors have
 * no status. Pick a subclass with `instanceof`, or branch on `code` (a {@link ProblemCode}).
 */
export class MarkError extends Error {
  readonly status: number | undefined;
  /** The problem's stable code: compare it with {@link ProblemCode}'s constants. */
  readonly code: Code | undefined;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: readonly FieldError[];
  readonly headers: Headers | undefined;
  readonly body: unknown;

  constructor(message: string, init: ErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.headers = init.headers;
    this.body = init.body;
  }
}

/**
 * 401: no credentials, a malformed, unknown or revoked API key, or a session's access token that
 * is not valid (`invalid_token`) and that the client could not renew.
 */
export class AuthenticationError extends MarkError {}
/** 403: the credentials are valid but may not do this. */
export class PermissionError extends MarkError {}
/** 404: no such resource in the caller's account. */
export class NotFoundError extends MarkError {}
/** 409: conflicts with another request, e.g. one with the same Idempotency-Key in progress. */
export class ConflictError extends MarkError {}
/** 400 or 422: the request breaks the contract or does not fit the data; see `errors`. */
export class ValidationError extends MarkError {}
/** 5xx: something went wrong on Mark's side; quote `requestId` to support. */
export class InternalServerError extends MarkError {}

/** 429: too many requests. `retryAfter` is the wait in seconds the server asked for, if any. */
export class RateLimitError extends MarkError {
  readonly retryAfter: number | undefined;

  constructor(message: string, init: ErrorInit & { readonly retryAfter?: number | undefined }) {
    super(message, init);
    this.retryAfter = init.retryAfter;
  }
}

/** The request never got an HTTP response (DNS, refused or reset connection…). */
export class ConnectionError extends MarkError {}
/** No response within the configured timeout. */
export class TimeoutError extends ConnectionError {}
