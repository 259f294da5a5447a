package dev.mark.platform.ratelimit;

import java.time.Instant;

/** Where a caller stands against its plan's monthly quota. */
public record QuotaState(String planId, long monthlyQuota, long remaining, Instant resetsAt) {

  public long used() {
    return monthlyQuota - remaining;
  }
}
