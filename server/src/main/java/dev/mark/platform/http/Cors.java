package dev.mark.platform.http;

import dev.mark.platform.security.OriginPolicy;
import io.javalin.config.JavalinConfig;
import java.util.List;

/**
 * Cross-origin access for browsers, through Javalin's CORS plugin: only the origins of
 * {@code MARK_CORS_ORIGINS}, with credentials (the session cookies), and with the response headers
 * an SDK reads exposed to scripts. Without configured origins, no CORS header is sent at all, so
 * browsers keep other sites' scripts out; servers and scripts outside browsers are not affected.
 */
public final class Cors {

  /** What scripts of an allowed origin may read of a response, beyond the CORS-safelisted. */
  static final List<String> EXPOSED_HEADERS = List.of("X-Request-Id", "Location",
      "Idempotent-Replayed", "Retry-After", "RateLimit-Policy", "RateLimit", "X-RateLimit-Limit",
      "X-RateLimit-Remaining", "X-RateLimit-Reset");

  private Cors() {}

  public static void install(JavalinConfig config, OriginPolicy origins) {
    if (origins.allowedOrigins().isEmpty()) {
      return;
    }
    config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
      origins.allowedOrigins().forEach(rule::allowHost);
      rule.allowCredentials = true;
      rule.maxAge = 600;
      EXPOSED_HEADERS.forEach(rule::exposeHeader);
    }));
  }
}
