import { invoke, type Operation, type SessionTrait } from "../internal/operation.js";
import type { Transport } from "../internal/transport.js";
import type { ResponseMeta, WithMeta } from "./meta.js";
import type { RequestOptions } from "./options.js";
import type { PagePromise } from "./pagination.js";

/**
 * What a generated method answers for an operation `Op` whose response body is `Body`: a lazy
 * list of pages for an operation with the contract's page cursor (`x-mark-page-cursor`), else
 * the body with its {@link ResponseMeta}.
 */
export type Answer<Op, Body> = Op extends { readonly pageCursor: string }
  ? PagePromise<ItemOf<Body>>
  : Promise<WithMeta<Body>>;

/** The item type of a list envelope `{ data: T[], has_more, next_cursor }`. */
export type ItemOf<List> = List extends { readonly data: ReadonlyArray<infer T> } ? T : never;

/**
 * The base of every resource class generated from the contract (`mark.datasets`, …): each of
 * its methods names an operation of `src/gen/mark/operations.ts` and hands over its arguments;
 * the core does the rest, as the operation's traits say. Immutable and safe to share.
 */
export abstract class APIResource {
  /** The client's transport, shared by all its resources. */
  protected readonly _transport: Transport;

  constructor(transport: Transport) {
    this._transport = transport;
  }

  /**
   * Sends `operation` with its path parameters' values (in the contract's order), its body and
   * its query parameters; answers as {@link Answer} says, typed by the generated method.
   */
  protected _call<R>(
    operation: Operation,
    pathValues: readonly string[],
    body: unknown,
    params: object | undefined,
    options: RequestOptions | undefined,
  ): R {
    return invoke(this._transport, operation, { pathValues, body, params }, options) as R;
  }
}

/**
 * The base of a resource with operations that start, renew, end or show the caller's session
 * (`x-mark-session`): it also holds the cookie session's CSRF token.
 */
export abstract class SessionResource extends APIResource {
  /** The CSRF token this client sends on writes, if it knows one. */
  get csrfToken(): string | undefined {
    return this._transport.config.csrf.value;
  }

  /** Sets the CSRF token to send on writes (shared with the clients derived by `withOptions`). */
  setCsrfToken(token: string | undefined): void {
    this._transport.config.csrf.value = token;
  }
}

/**
 * The base class of a generated resource, from the session traits of its operations (in any
 * order, repeated): {@link SessionResource} if there is any, else {@link APIResource}.
 */
export function resourceBase<const Traits extends readonly SessionTrait[]>(
  traits: Traits,
): Traits extends readonly [] ? typeof APIResource : typeof SessionResource {
  return (traits.length === 0 ? APIResource : SessionResource) as never;
}
