package dev.mark.usage;

import dev.mark.platform.db.Transactions;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import dev.mark.platform.ratelimit.PlanDirectory;
import dev.mark.platform.ratelimit.PlanLimits;
import dev.mark.platform.ratelimit.RateLimiter;
import dev.mark.platform.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Usage metering: writes the counts the {@link UsageMeter} keeps in memory ({@link #flush()},
 * every flush interval and at shutdown), and reports them per key and period with the quota.
 */
public final class UsageService {

  private static final Duration MAX_RANGE = Duration.ofDays(92);

  private final Transactions transactions;
  private final UsageMeter meter;
  private final RateLimiter limiter;
  private final PlanDirectory plans;
  private final Clock clock;
  private final UsageRepository repository = new UsageRepository();

  public UsageService(Transactions transactions, UsageMeter meter, RateLimiter limiter,
      PlanDirectory plans, Clock clock) {
    this.transactions = transactions;
    this.meter = meter;
    this.limiter = limiter;
    this.plans = plans;
    this.clock = clock;
  }

  /**
   * Writes the counts recorded since the last flush, in one transaction. If the write fails,
   * the counts go back to the meter for the next flush.
   */
  public void flush() {
    Map<UsageMeter.Slot, UsageCounts> counts = meter.drain();
    if (counts.isEmpty()) {
      return;
    }
    try {
      transactions.inTransaction(tx -> {
        repository.add(tx, counts);
        return null;
      });
    } catch (RuntimeException e) {
      meter.restore(counts);
      throw e;
    }
  }

  /**
   * The usage of the caller's account and environment in [from, to).
   *
   * @throws Unprocessable when {@code to} is not after {@code from}, or the range is longer than
   *     92 days
   */
  public UsageReport report(Principal caller, Optional<Instant> from, Optional<Instant> to,
      UsageReport.Granularity granularity) {
    Instant end = to.orElseGet(clock::instant);
    Instant start = from.orElse(end.minus(Duration.ofDays(1)));
    if (!end.isAfter(start)) {
      throw new Unprocessable(ProblemCode.INVALID_RANGE, "The range is empty.",
          List.of(new FieldIssue(FieldIssue.Location.QUERY, "/to", "not_after_from",
              "must be after from")));
    }
    if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
      throw new Unprocessable(ProblemCode.INVALID_RANGE, "The range may span at most 92 days.",
          List.of(new FieldIssue(FieldIssue.Location.QUERY, "/from", "range_too_long",
              "must be at most 92 days before to")));
    }
    List<UsageRepository.HourRow> hours = repository.hours(transactions.reads(),
        caller.accountId(), caller.environment(), start.truncatedTo(ChronoUnit.HOURS), end);
    PlanLimits limits = plans.limitsOf(caller.planId());
    return new UsageReport(granularity, start, end, group(hours, granularity),
        limiter.quota(caller.keyId(), limits), limiter.quota(caller.accountId(), limits));
  }

  private static List<PeriodUsage> group(List<UsageRepository.HourRow> hours,
      UsageReport.Granularity granularity) {
    ChronoUnit unit = granularity == UsageReport.Granularity.DAY ? ChronoUnit.DAYS : ChronoUnit.HOURS;
    record Period(String keyId, Instant start) {}
    Map<Period, UsageCounts> grouped = new LinkedHashMap<>();
    for (UsageRepository.HourRow row : hours) {
      grouped.merge(new Period(row.keyId(), row.hour().truncatedTo(unit)), row.counts(),
          UsageCounts::plus);
    }
    List<PeriodUsage> periods = new ArrayList<>();
    grouped.forEach((period, c) -> periods.add(new PeriodUsage(period.keyId(), period.start(),
        c.successes(), c.clientErrors(), c.rateLimited(), c.serverErrors(), c.units())));
    return periods;
  }
}
