package dev.mark.sdk.core;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.DoubleSupplier;

/** The retry policy as pure functions: what is retried, and how long to wait. */
final class RetryPolicy {
  private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);
  private static final long INITIAL_DELAY_MS = 500;
  private static final long MAX_DELAY_MS = 8_000;
  /** A server asking for a longer wait than this is not retried: the caller gets the error. */
  static final long MAX_SERVER_DELAY_MS = 60_000;

  private RetryPolicy() {}

  static boolean isRetryable(int status) {
    return RETRYABLE.contains(status);
  }

  /**
   * The wait before the next attempt after {@code retriesDone} retries, or empty when the server
   * asked for more than {@link #MAX_SERVER_DELAY_MS}. The server's word wins: Retry-After, else
   * (on a 429) the reset of its RateLimit header; otherwise exponential backoff from 0.5 s,
   * capped at 8 s, less up to 25 % of jitter so that clients spread out. {@code headers} is
   * null after a network error.
   */
  static Optional<Duration> delay(int retriesDone, int status, HttpHeaders headers, DoubleSupplier random) {
    Optional<Duration> asked = headers == null ? Optional.empty() : serverDelay(status, headers);
    if (asked.isPresent()) {
      return asked.get().toMillis() <= MAX_SERVER_DELAY_MS ? asked : Optional.empty();
    }
    long exponential = Math.min(INITIAL_DELAY_MS << Math.min(retriesDone, 20), MAX_DELAY_MS);
    return Optional.of(Duration.ofMillis(Math.round(exponential * (1 - 0.25 * random.getAsDouble()))));
  }

  private static Optional<Duration> serverDelay(int status, HttpHeaders headers) {
    Optional<Duration> retryAfter = retryAfter(headers);
    if (retryAfter.isPresent() || status != 429) {
      return retryAfter;
    }
    OptionalLong reset = RateLimitState.from(headers).map(RateLimitState::resetSeconds).orElse(OptionalLong.empty());
    return reset.isPresent() ? Optional.of(Duration.ofSeconds(reset.getAsLong())) : Optional.empty();
  }

  /** Retry-After as a duration: it may be a number of seconds or an HTTP date. */
  static Optional<Duration> retryAfter(HttpHeaders headers) {
    String value = headers.firstValue("Retry-After").map(String::trim).orElse("");
    if (value.matches("\\d+")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }
}
