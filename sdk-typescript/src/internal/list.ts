import { Page, PagePromise } from "../core/pagination.js";
import type { RequestOptions } from "../core/options.js";
import type { ListParams } from "../core/types.js";
import type { Transport } from "./transport.js";

interface ListBody<T> {
  readonly data: T[];
  readonly has_more: boolean;
  readonly next_cursor: string | null;
}

/** A lazy list of the `{data, has_more, next_cursor}` pages a GET on `path` answers. */
export function listPages<T>(
  transport: Transport,
  path: string,
  params: ListParams,
  options: RequestOptions | undefined,
): PagePromise<T> {
  const fetchPage = async (cursor: string | undefined): Promise<Page<T>> => {
    const query = { limit: params.limit, cursor: cursor ?? params.cursor };
    const { body, meta } = await transport.request({ method: "GET", path, query }, options);
    const list = body as ListBody<T>;
    return new Page(list.data, list.has_more, list.next_cursor, meta, fetchPage);
  };
  return new PagePromise(fetchPage);
}
