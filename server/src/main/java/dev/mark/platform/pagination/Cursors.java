package dev.mark.platform.pagination;

import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.ids.Ids;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The {@code next_cursor} of a list: the last ID of a page, base64url-encoded so that callers
 * treat it as opaque. Lists are ordered by ID (time-ordered ULIDs), newest first.
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
    try {
      String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (Ids.isWellFormed(idPrefix, id)) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // not base64url: reported below like any other foreign cursor
    }
    throw BadRequest.validation(List.of(new FieldIssue(FieldIssue.Location.QUERY, "/cursor",
        "invalid_cursor", "is not a next_cursor given by this API")));
  }
}
