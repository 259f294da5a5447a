package dev.mark.usage;

import dev.mark.platform.ratelimit.QuotaState;
import java.time.Instant;
import java.util.List;

/** Usage of an account's keys over a range, and the calling key's monthly quota. */
public record UsageReport(Granularity granularity, Instant from, Instant to,
    List<PeriodUsage> periods, QuotaState quota) {

  /** The length of a period. */
  public enum Granularity { HOUR, DAY }
}
