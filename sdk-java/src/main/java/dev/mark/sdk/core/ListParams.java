package dev.mark.sdk.core;

/** Where a list starts and how many items a page holds; immutable. */
public final class ListParams {
  /** The first page, at the server's default size. */
  public static final ListParams FIRST_PAGE = new ListParams(null, null);

  private final Integer limit;
  private final String cursor;

  private ListParams(Integer limit, String cursor) {
    this.limit = limit;
    this.cursor = cursor;
  }

  /** Pages of {@code limit} items (the server's maximum applies). */
  public static ListParams limit(int limit) {
    return new ListParams(limit, null);
  }

  /** Resumes at a cursor from an earlier page. */
  public ListParams cursor(String cursor) {
    return new ListParams(limit, cursor);
  }

  Integer limitOrNull() {
    return limit;
  }

  String cursorOrNull() {
    return cursor;
  }
}
