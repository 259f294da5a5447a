import type { RequestOptions } from "../core/options.js";
import { Page, PagePromise } from "../core/pagination.js";
import type { Call, Operation } from "./operation.js";
import { requestOf } from "./request.js";
import type { Transport } from "./transport.js";

interface ListBody<T> {
  readonly data: T[];
  readonly has_more: boolean;
  readonly next_cursor: string | null;
}

/**
 * A lazy list of the `{data, has_more, next_cursor}` pages a paginated operation answers: the
 * first page as called, each next one with its cursor in the operation's cursor parameter.
 */
export function listPages<T>(
  transport: Transport,
  operation: Operation,
  call: Call,
  options: RequestOptions | undefined,
): PagePromise<T> {
  const cursorName = operation.pageCursor!; // only paginated operations come here
  const fetchPage = async (cursor: string | undefined): Promise<Page<T>> => {
    const params = cursor === undefined ? call.params : { ...call.params, [cursorName]: cursor };
    const { body, meta } = await transport.request(requestOf(operation, { ...call, params }), options);
    const list = body as ListBody<T>;
    return new Page(list.data, list.has_more, list.next_cursor, meta, fetchPage);
  };
  return new PagePromise(fetchPage);
}
