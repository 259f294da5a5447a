package dev.mark.sdk.core;

import com.fasterxml.jackson.databind.JavaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fetches the pages of a GET list, each knowing how to fetch the next. */
final class Lists {
  private Lists() {}

  static <T> Page<T> page(Transport transport, String path, Integer limit, String cursor,
      RequestOptions options, JavaType itemType) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("limit", limit);
    query.put("cursor", cursor);
    MarkResponse<ListBody<T>> response =
        transport.send("GET", path, query, null, options, transport.listOf(itemType));
    ListBody<T> list = response.data();
    return new Page<>(list.data, list.hasMore, list.nextCursor, response.meta(),
        next -> page(transport, path, limit, next, options, itemType));
  }
}
