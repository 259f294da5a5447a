package dev.mark.platform.ratelimit;

import java.util.Map;

/**
 * A call let through by the {@link RateLimiter}: the rate-limit headers its response carries,
 * and the way to give its units back when the call fails on the server's side (a 5xx does not
 * count against the caller's limits or quota).
 */
public final class Admission {

  /** For calls that are not rate-limited: no headers, nothing to refund. */
  public static final Admission UNLIMITED = new Admission(Map.of(), 0, () -> {});

  private final Map<String, String> headers;
  private final int units;
  private final Runnable refund;

  Admission(Map<String, String> headers, int units, Runnable refund) {
    this.headers = Map.copyOf(headers);
    this.units = units;
    this.refund = refund;
  }

  /** The units the call was charged. */
  public int units() {
    return units;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** Gives the call's units back; call it at most once, for a call that ended in a 5xx. */
  public void refund() {
    refund.run();
  }
}
