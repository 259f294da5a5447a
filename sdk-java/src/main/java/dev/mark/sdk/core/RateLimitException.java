package dev.mark.sdk.core;

import java.time.Duration;
import java.util.Optional;

/** 429: too many requests; {@link #retryAfter()} is the wait the server asked for, if any. */
public class RateLimitException extends MarkException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  RateLimitException(String message, ErrorParts problem, Duration retryAfter) {
    super(message, problem, null);
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
