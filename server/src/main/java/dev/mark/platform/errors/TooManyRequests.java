package dev.mark.platform.errors;

import java.util.List;
import java.util.Map;

/**
 * The caller's plan allows no more units now: {@code rate_limited} (a burst or sustained
 * limit; retry soon) or {@code quota_exceeded} (the monthly quota; retry next month).
 *
 * @see #headers() the rate-limit headers the 429 carries, {@code Retry-After} included
 */
public final class TooManyRequests extends ApiException {

  private final Map<String, String> headers;

  public TooManyRequests(String code, String detail, Map<String, String> headers) {
    super(code, detail, List.of());
    this.headers = Map.copyOf(headers);
  }

  public Map<String, String> headers() {
    return headers;
  }
}
