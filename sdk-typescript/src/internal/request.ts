import { encodeBody } from "./body.js";
import type { Call, Operation } from "./operation.js";
import type { ApiRequest } from "./transport.js";

/** The header that makes a POST's retries safe, when the operation declares it. */
const IDEMPOTENCY_KEY = "Idempotency-Key";

/** The HTTP request of one call: its path filled in and escaped, its query, its encoded body. */
export function requestOf(operation: Operation, call: Call): ApiRequest {
  return {
    method: operation.method,
    path: pathOf(operation, call.pathValues),
    query: queryOf(operation, call.params),
    body: call.body === undefined ? undefined : encodeBody(operation, call.body),
    public: operation.public,
    // a session's start or renewal is not repeated blindly: the server keeps no Idempotency-Key
    // for them (they are public), so a signup's confirmation retried after a lost response would
    // present a spent one-time token, and a refresh a spent refresh token, which ends the
    // whole session (`401 refresh_token_reused`)
    once: operation.session === "start" || operation.session === "renew",
    idempotent: operation.headerParams.includes(IDEMPOTENCY_KEY),
  };
}

/** The path with each `{name}` replaced by its value, escaped so that no input reaches another route. */
function pathOf(operation: Operation, values: readonly string[]): string {
  if (operation.pathParams.length === 0) return operation.path;
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[operation.pathParams.indexOf(name)];
    if (value === undefined) throw new TypeError(`Mark: ${operation.id} needs ${name}`);
    return encodeURIComponent(value);
  });
}

/** The operation's own query parameters out of `params`; a Date is sent as RFC 3339. */
function queryOf(operation: Operation, params: object | undefined): Record<string, string | undefined> | undefined {
  if (params === undefined || operation.queryParams.length === 0) return undefined;
  const query: Record<string, string | undefined> = {};
  for (const name of operation.queryParams) {
    const value: unknown = (params as Record<string, unknown>)[name];
    if (value !== undefined && value !== null) query[name] = value instanceof Date ? value.toISOString() : String(value);
  }
  return query;
}
