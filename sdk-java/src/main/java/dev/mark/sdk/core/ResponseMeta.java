package dev.mark.sdk.core;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** What every response tells besides its body. Immutable. */
public final class ResponseMeta {
  private final int status;
  private final HttpHeaders headers;
  // parsed on first use: most callers never look
  private volatile Optional<RateLimitState> rateLimit;

  ResponseMeta(int status, HttpHeaders headers) {
    this.status = status;
    this.headers = headers;
  }

  public int status() {
    return status;
  }

  /** The {@code X-Request-Id} the server answered with: quote it to support. */
  public Optional<String> requestId() {
    return headers.firstValue("X-Request-Id");
  }

  /** Empty when the server sent no rate-limit header. */
  public Optional<RateLimitState> rateLimit() {
    Optional<RateLimitState> parsed = rateLimit;
    if (parsed == null) {
      parsed = RateLimitState.from(headers);
      rateLimit = parsed;
    }
    return parsed;
  }

  /** True when the server replayed the first response to this Idempotency-Key. */
  public boolean idempotentReplayed() {
    return headers.firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
  }

  public HttpHeaders headers() {
    return headers;
  }
}
