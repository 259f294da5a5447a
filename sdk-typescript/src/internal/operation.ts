import { withMeta, type ResponseMeta, type WithMeta } from "../core/meta.js";
import type { RequestOptions } from "../core/options.js";
import type { PagePromise } from "../core/pagination.js";
import { listPages } from "./list.js";
import { sessionCall } from "./session-calls.js";
import { requestOf } from "./request.js";
import type { Transport } from "./transport.js";

/** What an operation does to the caller's session (`x-mark-session` in the contract). */
export type SessionTrait = "start" | "renew" | "end" | "show";

/**
 * One operation of the contract, as `src/gen/mark/operations.ts` describes it. Each trait comes
 * from openapi.yaml, and the core acts on it here and in the transport:
 * - `public` (`security: []`): needs no credentials and sends none, so a client without any
 *   may call it and an API key or a user's token never goes where it is not asked for;
 * - `headerParams` with `Idempotency-Key`: a POST safe to retry, so all its attempts carry one key;
 * - `pageCursor` (the query parameter marked `x-mark-page-cursor`): answers one page of the
 *   `{data, has_more, next_cursor}` envelope, and the method returns a lazy list of pages;
 * - `session` (`x-mark-session`): see session-calls.ts;
 * - `contentTypes`: the media types its body may be sent in (see body.ts).
 */
export interface Operation {
  readonly id: string;
  readonly method: string;
  /** The path template, e.g. `/v1/datasets/{dataset_id}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly headerParams: readonly string[];
  readonly contentTypes: readonly string[];
  readonly public: boolean;
  /** Whether a success has a body (false for a 204). */
  readonly returns: boolean;
  readonly pageCursor?: string;
  readonly session?: SessionTrait;
}

/** The arguments of one call of an operation, as the generated method passes them. */
export interface Call {
  /** The path parameters' values, in the order of `Operation.pathParams`. */
  readonly pathValues: readonly string[];
  readonly body?: unknown;
  readonly params?: object | undefined;
}

/** Sends one call of `operation` as its traits say (see {@link Operation}). */
export function invoke(
  transport: Transport,
  operation: Operation,
  call: Call,
  options: RequestOptions | undefined,
): Promise<WithMeta<unknown> | ResponseMeta> | PagePromise<unknown> {
  if (operation.pageCursor !== undefined) return listPages(transport, operation, call, options);
  if (operation.session !== undefined) return sessionCall(transport, operation, call, options);
  return plainCall(transport, operation, call, options);
}

/** The body of the answer with its meta, or the meta alone (204); a bad argument rejects, never throws. */
async function plainCall(
  transport: Transport,
  operation: Operation,
  call: Call,
  options: RequestOptions | undefined,
): Promise<WithMeta<unknown> | ResponseMeta> {
  const { body, meta } = await transport.request(requestOf(operation, call), options);
  return operation.returns ? withMeta(body as object, meta) : meta;
}
