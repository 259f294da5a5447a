import {
  AuthenticationError,
  ConflictError,
  InternalServerError,
  MarkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
  type FieldError,
} from "../core/errors.js";
import { retryAfterSeconds } from "./retry.js";

/**
 * The one place that turns an HTTP error response into a {@link MarkError}: the subclass by
 * status, the fields from the problem+json body. A body that is not JSON is kept as text.
 */
export function errorFromResponse(status: number, headers: Headers, text: string): MarkError {
  const body = parseJson(text);
  const problem = isObject(body) ? body : {};
  const init = {
    status,
    code: stringOrUndefined(problem.code),
    detail: stringOrUndefined(problem.detail),
    requestId: stringOrUndefined(problem.request_id) ?? headers.get("x-request-id") ?? undefined,
    errors: Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [],
    headers,
    body,
  };
  const message = `${status} ${init.code ?? "error"}: ${init.detail ?? stringOrUndefined(problem.title) ?? text}`;
  if (status === 400 || status === 422) return new ValidationError(message, init);
  if (status === 401) return new AuthenticationError(message, init);
  if (status === 403) return new PermissionError(message, init);
  if (status === 404) return new NotFoundError(message, init);
  if (status === 409) return new ConflictError(message, init);
  if (status === 429) return new RateLimitError(message, { ...init, retryAfter: retryAfterSeconds(headers) });
  if (status >= 500) return new InternalServerError(message, init);
  return new MarkError(message, init);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
