package dev.mark.platform.http;

import dev.mark.platform.ids.Ids;
import java.util.regex.Pattern;

/** The ID of a request: the caller's {@code X-Request-Id} if well formed, else a new one. */
final class RequestIds {

  static final String HEADER = "X-Request-Id";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private RequestIds() {}

  static String of(String sent) {
    return sent != null && WELL_FORMED.matcher(sent).matches() ? sent : Ids.next("req");
  }
}
