package dev.mark.sdk.core;

import java.net.http.HttpHeaders;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The rate-limit state a response reported, from the IETF draft headers ({@code RateLimit},
 * {@code RateLimit-Policy}) or, when absent, {@code X-RateLimit-*}. Immutable.
 */
public final class RateLimitState {
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private final OptionalLong limit;
  private final OptionalLong remaining;
  private final OptionalLong resetSeconds;

  private RateLimitState(OptionalLong limit, OptionalLong remaining, OptionalLong resetSeconds) {
    this.limit = limit;
    this.remaining = remaining;
    this.resetSeconds = resetSeconds;
  }

  /** Requests allowed per window. */
  public OptionalLong limit() {
    return limit;
  }

  /** Requests left in the current window. */
  public OptionalLong remaining() {
    return remaining;
  }

  /** Seconds until the window resets. */
  public OptionalLong resetSeconds() {
    return resetSeconds;
  }

  /** Empty when the response had no rate-limit header at all. */
  static Optional<RateLimitState> from(HttpHeaders headers) {
    Map<String, Long> current = params(headers.firstValue("RateLimit").orElse(null));
    Map<String, Long> policy = params(headers.firstValue("RateLimit-Policy").orElse(null));
    RateLimitState state = new RateLimitState(
        either(policy.get("q"), headers, "X-RateLimit-Limit"),
        either(current.get("r"), headers, "X-RateLimit-Remaining"),
        either(current.get("t"), headers, "X-RateLimit-Reset"));
    boolean known = state.limit.isPresent() || state.remaining.isPresent() || state.resetSeconds.isPresent();
    return known ? Optional.of(state) : Optional.empty();
  }

  @Override
  public String toString() {
    return "RateLimitState{limit=" + limit + ", remaining=" + remaining + ", resetSeconds=" + resetSeconds + "}";
  }

  private static OptionalLong either(Long draft, HttpHeaders headers, String legacy) {
    if (draft != null) {
      return OptionalLong.of(draft);
    }
    String value = headers.firstValue(legacy).map(String::trim).orElse("");
    return DIGITS.matcher(value).matches() ? OptionalLong.of(Long.parseLong(value)) : OptionalLong.empty();
  }

  /** The integer parameters of the first item of a structured-field list, e.g. {@code "burst";r=42;t=1}. */
  private static Map<String, Long> params(String value) {
    Map<String, Long> params = new HashMap<>();
    if (value == null) {
      return params;
    }
    String[] parts = value.split(",", 2)[0].split(";");
    for (int i = 1; i < parts.length; i++) {
      String[] pair = parts[i].split("=", 2);
      if (pair.length == 2 && DIGITS.matcher(pair[1].trim()).matches()) {
        params.put(pair[0].trim(), Long.parseLong(pair[1].trim()));
      }
    }
    return params;
  }
}
