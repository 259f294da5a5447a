package dev.mark.platform.pagination;

import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.ids.Ids;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The {@code next_cursor} of a list, base64url-encoded so that callers treat it as opaque: the
 * last ID of a page for lists ordered by ID (time-ordered ULIDs), or the last row number for
 * the rows of a dataset.
 */
public final class Cursors {

  private Cursors() {}

  public static String encode(String lastId) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(lastId.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The last ID a cursor names.
   *
   * @throws BadRequest naming the {@code cursor} parameter when it was not made by this API for
   *     IDs with this prefix
   */
  public static String decode(String cursor, String idPrefix) {
    String id = text(cursor);
    if (Ids.isWellFormed(idPrefix, id)) {
      return id;
    }
    throw invalid();
  }

  /** The cursor after row {@code rowId} of a dataset. */
  public static String encodeRow(long rowId) {
    return encode("r" + rowId);
  }

  /**
   * The row number a row cursor names.
   *
   * @throws BadRequest naming the {@code cursor} parameter when it is not a row cursor
   */
  public static long decodeRow(String cursor) {
    String text = text(cursor);
    try {
      if (text.startsWith("r")) {
        long rowId = Long.parseLong(text.substring(1));
        if (rowId >= 0) {
          return rowId;
        }
      }
    } catch (NumberFormatException e) {
      // reported below like any other foreign cursor
    }
    throw invalid();
  }

  private static String text(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static BadRequest invalid() {
    return BadRequest.validation(List.of(new FieldIssue(FieldIssue.Location.QUERY, "/cursor",
        "invalid_cursor", "is not a next_cursor given by this API")));
  }
}
