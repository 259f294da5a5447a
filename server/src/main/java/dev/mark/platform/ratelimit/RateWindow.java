package dev.mark.platform.ratelimit;

import java.time.Duration;

/**
 * A rate: {@code limit} units per {@code window}, refilled continuously (a token bucket of
 * capacity {@code limit}).
 */
public record RateWindow(long limit, Duration window) {

  public RateWindow {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a rate needs a positive limit and window, got "
          + limit + " per " + window);
    }
  }
}
