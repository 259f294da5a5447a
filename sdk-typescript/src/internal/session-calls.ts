import { withMeta, type ResponseMeta, type WithMeta } from "../core/meta.js";
import type { RequestOptions } from "../core/options.js";
import type { SessionMode } from "../gen/mark/models.js";
import type { Call, Operation } from "./operation.js";
import { requestOf } from "./request.js";
import type { Transport } from "./transport.js";

/** The body of a session's start: the contract's `session` field picks token or cookie mode. */
interface StartBody {
  readonly session?: SessionMode;
}

/** The body of a renewal or an end: the refresh token of the session concerned, if not the client's own. */
interface RefreshBody {
  readonly refresh_token?: string;
}

/**
 * A call of an operation with a session trait (`x-mark-session` in the contract), which keeps the
 * client's session as the trait says:
 * - `start` (confirmSignup, login): token mode by default, cookie mode on a client with credentials;
 *   the session goes to `onSession`, and its CSRF token is kept;
 * - `renew` (refresh): with no refresh token, or the client's own, renews the client's own
 *   session, sharing a renewal under way; else trades the given token like a start;
 * - `end` (logout): ends the given session, else the client's own, which it no longer renews,
 *   and forgets the CSRF token;
 * - `show` (me): keeps the CSRF token the answer carries.
 * Start and renew are sent once, never retried on their own (see request.ts).
 */
export async function sessionCall(
  transport: Transport,
  operation: Operation,
  call: Call,
  options: RequestOptions = {},
): Promise<WithMeta<unknown> | ResponseMeta> {
  switch (operation.session) {
    case "start":
      return start(transport, operation, call, options);
    case "renew":
      return renew(transport, operation, call, options);
    case "end":
      return end(transport, operation, call, options);
    case "show":
      return show(transport, operation, call, options);
    default:
      throw new Error(`Mark: ${operation.id} has no session trait`);
  }
}

function start(transport: Transport, operation: Operation, call: Call, options: RequestOptions) {
  const body = (call.body ?? {}) as StartBody;
  const { credentials } = transport.config;
  const mode: SessionMode = credentials !== undefined && credentials !== "omit" ? "cookie" : "token";
  return transport.startSession(requestOf(operation, { ...call, body: { ...body, session: body.session ?? mode } }), options);
}

function renew(transport: Transport, operation: Operation, call: Call, options: RequestOptions) {
  const body = (call.body ?? {}) as RefreshBody;
  const { session } = transport.config;
  const own = body.refresh_token === undefined || body.refresh_token === session.refreshToken;
  if (own && session.renewable) return transport.renewSession(options);
  const given = body.refresh_token === undefined ? undefined : body;
  return transport.startSession(requestOf(operation, { ...call, body: given }), options);
}

async function end(transport: Transport, operation: Operation, call: Call, options: RequestOptions) {
  const body = (call.body ?? {}) as RefreshBody;
  const { session, csrf } = transport.config;
  const refreshToken = body.refresh_token ?? session.refreshToken;
  session.end(refreshToken);
  const given = refreshToken === undefined ? undefined : { ...body, refresh_token: refreshToken };
  const { meta } = await transport.request(requestOf(operation, { ...call, body: given }), options);
  csrf.value = undefined;
  return meta;
}

async function show(transport: Transport, operation: Operation, call: Call, options: RequestOptions) {
  const response = await transport.request(requestOf(operation, call), options);
  transport.config.csrf.learnFrom(response.body);
  return withMeta(response.body as object, response.meta);
}
