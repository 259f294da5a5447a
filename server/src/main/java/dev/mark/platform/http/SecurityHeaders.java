package dev.mark.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The headers every response carries, whatever answers it (an operation, the docs, a problem,
 * Jetty itself): {@code X-Content-Type-Options: nosniff}, so that no browser reads a JSON or
 * problem body as HTML or script, and, when {@code MARK_HSTS} is set for a deployment behind
 * TLS, {@code Strict-Transport-Security}. Immutable.
 */
public final class SecurityHeaders {

  /** What authenticated responses add, so that no cache keeps a caller's data or a secret. */
  static final String CACHE_CONTROL = "Cache-Control";
  static final String NO_STORE = "no-store";

  private final Map<String, String> headers;

  /** @param hstsMaxAgeSeconds the {@code max-age} of HSTS; empty: no HSTS header */
  public SecurityHeaders(OptionalLong hstsMaxAgeSeconds) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("X-Content-Type-Options", "nosniff");
    hstsMaxAgeSeconds.ifPresent(seconds ->
        all.put("Strict-Transport-Security", "max-age=" + seconds + "; includeSubDomains"));
    this.headers = Map.copyOf(all);
  }

  /** Name and value of each header. */
  public Map<String, String> all() {
    return headers;
  }
}
