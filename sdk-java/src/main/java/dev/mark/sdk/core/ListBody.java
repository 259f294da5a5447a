package dev.mark.sdk.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The wire shape of every list: {@code {data, has_more, next_cursor}}. */
final class ListBody<T> {
  final List<T> data;
  final boolean hasMore;
  final String nextCursor;

  @JsonCreator
  ListBody(@JsonProperty("data") List<T> data, @JsonProperty("has_more") boolean hasMore,
      @JsonProperty("next_cursor") String nextCursor) {
    this.data = data == null ? List.of() : data;
    this.hasMore = hasMore;
    this.nextCursor = nextCursor;
  }
}
