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

  /** The HTTP status of every {@code TooManyRequests}; its codes are those of this status. */
  public static final int STATUS = 429;

  private final Map<String, String> headers;

  public TooManyRequests(ProblemCode code, String detail, Map<String, String> headers) {
    super(STATUS, code, detail, List.of());
    this.headers = Map.copyOf(headers);
  }

  /** Refused before any work: nothing is charged. */
  @Override
  public boolean charged() {
    return false;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
