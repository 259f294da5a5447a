package dev.mark.usage;

import dev.mark.platform.ratelimit.QuotaState;
import java.time.Instant;
import java.util.List;

/**
 * Usage of an account's keys over a range, and the monthly quota of the calling key and of its
 * account (which every key of the account draws from).
 */
public record UsageReport(Granularity granularity, Instant from, Instant to,
    List<PeriodUsage> periods, QuotaState quota, QuotaState accountQuota) {

  /** The length of a period. */
  public enum Granularity { HOUR, DAY }
}
