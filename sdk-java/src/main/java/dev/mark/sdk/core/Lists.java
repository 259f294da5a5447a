package dev.mark.sdk.core;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Fetches the pages of a list operation (one whose contract takes the {@code x-mark-page-cursor}
 * parameter), each knowing how to fetch the next with the same limit.
 */
final class Lists {
  private Lists() {}

  static <T, P extends Page<T>> P page(Transport transport, Endpoint endpoint, String path, ListParams params,
      RequestOptions options, TypeReference<T> item, Function<Page.Parts<T>, P> pageOf) {
    // limit and cursor: the list convention of the contract (DESIGN.md, "Lists")
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("limit", params.limitOrNull());
    query.put("cursor", params.cursorOrNull());
    MarkResponse<ListBody<T>> response =
        transport.dispatch(endpoint, path, query, null, options, transport.listOf(item));
    ListBody<T> list = response.data();
    return pageOf.apply(new Page.Parts<>(list.data, list.hasMore, list.nextCursor, response.meta(),
        next -> page(transport, endpoint, path, params.cursor(next), options, item, pageOf)));
  }
}
