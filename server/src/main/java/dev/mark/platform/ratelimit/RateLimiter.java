package dev.mark.platform.ratelimit;

import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.ServiceUnavailable;
import dev.mark.platform.errors.TooManyRequests;
import dev.mark.platform.security.Sha256;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges calls against their caller's plan: one Bucket4j bucket per (owner, plan and its
 * limits, calendar month in UTC), where a call may draw from several owners' budgets at once
 * (its account's and its key's, see {@link CallGuard}). A bucket has three bandwidths — burst
 * and sustained (refilled continuously) and the monthly quota (refilled 32 days after the
 * bucket is made, so never within its month: next month is a new bucket; the late refill is
 * what lets a store see an old bucket as full again and forget it). A call passes only if every
 * bandwidth has its cost, and then takes it from all three atomically. Thread-safe.
 */
public final class RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
  private static final String BURST = "burst";
  private static final String SUSTAINED = "sustained";
  private static final String MONTHLY = "monthly";
  /** Past this many callers, the memo of their buckets starts over (costs work, never correctness). */
  private static final int MAX_REMEMBERED_CALLERS = 100_000;

  /**
   * What a caller's calls need again and again, derived from its plan's limits and the month:
   * the bucket's key and the {@code RateLimit-Policy} header.
   */
  private record CallerBucket(PlanLimits limits, YearMonth month, long key, String policyHeader) {}

  private final BucketStore store;
  private final Clock clock;
  // derived once per caller, not per call: bucketKey hashes the toString() of records, and the
  // policy header formats large numbers, each a few microseconds
  private final Map<String, CallerBucket> callerBuckets = new ConcurrentHashMap<>();

  public RateLimiter(BucketStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Takes {@code cost} units from {@code caller}'s buckets.
   *
   * @param caller who is charged, e.g. an API key's ID
   * @throws TooManyRequests when a limit or the quota does not have {@code cost} units left
   * @throws ServiceUnavailable when the bucket store does not answer
   */
  public Admission admit(String caller, PlanLimits limits, int cost) {
    return admit(List.of(new Budget(caller, "", limits)), cost);
  }

  /**
   * Takes {@code cost} units from each budget, in order, or from none: when one refuses, those
   * already charged get their units back. The headers show, for each policy, the least left in
   * any budget. Each budget is charged atomically, the set is not: two calls racing for the last
   * units may both be refused for an instant, never both admitted past a budget.
   *
   * @param budgets at least one; the first should be the one most likely to refuse (the widest
   *     owner, e.g. the account), so that a refusal costs no refund
   * @throws TooManyRequests when a budget does not have {@code cost} units left
   * @throws ServiceUnavailable when the bucket store does not answer
   */
  public Admission admit(List<Budget> budgets, int cost) {
    Instant now = clock.instant();
    YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
    long secondsToNextMonth = Math.max(1,
        Duration.between(now, startOfNextMonth(month)).toSeconds());
    long[] least = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    List<Runnable> refunds = new ArrayList<>(budgets.size());
    String policyHeader = null;
    for (Budget budget : budgets) {
      PlanLimits limits = budget.limits();
      CallerBucket callerBucket = callerBucket(budget.owner(), limits, month);
      policyHeader = policyHeader == null ? callerBucket.policyHeader() : policyHeader;
      long key = callerBucket.key();
      Supplier<BucketConfiguration> configuration = () -> configuration(limits);
      VerboseResult<ConsumptionProbe> result;
      try {
        result = store.withBucket(key, configuration,
            bucket -> bucket.asVerbose().tryConsumeAndReturnRemaining(cost));
      } catch (RuntimeException e) {
        // the call is not carried out (503): what earlier budgets took goes back
        refunds.forEach(Runnable::run);
        throw e;
      }
      long[] available = result.getDiagnostics().getAvailableTokensPerEachBandwidth();
      for (int i = 0; i < least.length; i++) {
        least[i] = Math.min(least[i], available[i]);
      }
      if (!result.getValue().isConsumed()) {
        refunds.forEach(Runnable::run);
        throw rejection(budget, cost, available[2], result.getValue(), secondsToNextMonth,
            headers(budgets.getFirst().limits(), month, least, secondsToNextMonth, policyHeader));
      }
      refunds.add(() -> refund(key, configuration, cost));
    }
    return new Admission(
        headers(budgets.getFirst().limits(), month, least, secondsToNextMonth, policyHeader),
        cost, () -> refunds.forEach(Runnable::run));
  }

  private static Map<String, String> headers(PlanLimits limits, YearMonth month, long[] available,
      long secondsToNextMonth, String policyHeader) {
    List<RateLimitHeaders.PolicyState> policies = List.of(
        state(BURST, limits.burst(), available[0]),
        state(SUSTAINED, limits.sustained(), available[1]),
        new RateLimitHeaders.PolicyState(MONTHLY, limits.monthlyQuota(),
            monthSeconds(month), Math.max(0, available[2]), secondsToNextMonth));
    return RateLimitHeaders.of(policies, policyHeader);
  }

  /**
   * What is left of {@code caller}'s monthly quota, without charging anything.
   *
   * @throws ServiceUnavailable when the bucket store does not answer
   */
  public QuotaState quota(String caller, PlanLimits limits) {
    Instant now = clock.instant();
    YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
    long[] available = store.withBucket(bucketKey(caller, limits, month),
        () -> configuration(limits),
        bucket -> bucket.asVerbose().getAvailableTokens().getDiagnostics()
            .getAvailableTokensPerEachBandwidth());
    return new QuotaState(limits.planId(), limits.monthlyQuota(), Math.max(0, available[2]),
        startOfNextMonth(month));
  }

  /** Gives back what a call that failed on the server's side was charged, if the store answers. */
  private void refund(long key, Supplier<BucketConfiguration> configuration, int cost) {
    try {
      store.withBucket(key, configuration, bucket -> {
        bucket.addTokens(cost);
        return null;
      });
    } catch (ServiceUnavailable e) {
      log.warn("{} units charged to a call that failed were not given back: the bucket store "
          + "does not answer", cost);
    }
  }

  private CallerBucket callerBucket(String caller, PlanLimits limits, YearMonth month) {
    CallerBucket known = callerBuckets.get(caller);
    if (known != null && (known.limits() == limits || known.limits().equals(limits))
        && known.month().equals(month)) {
      return known;
    }
    if (callerBuckets.size() >= MAX_REMEMBERED_CALLERS) {
      callerBuckets.clear();
    }
    // q and w only: what the policies allow, not what is left
    String policyHeader = RateLimitHeaders.policy(List.of(
        state(BURST, limits.burst(), limits.burst().limit()),
        state(SUSTAINED, limits.sustained(), limits.sustained().limit()),
        new RateLimitHeaders.PolicyState(MONTHLY, limits.monthlyQuota(), monthSeconds(month), 0, 0)));
    CallerBucket derived = new CallerBucket(limits, month, bucketKey(caller, limits, month), policyHeader);
    callerBuckets.put(caller, derived);
    return derived;
  }

  private static Instant startOfNextMonth(YearMonth month) {
    return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static TooManyRequests rejection(Budget budget, int cost, long quotaLeft,
      ConsumptionProbe probe, long secondsToNextMonth, Map<String, String> headers) {
    String plan = budget.limits().planId() + budget.whose();
    Map<String, String> withRetry = new LinkedHashMap<>(headers);
    if (quotaLeft < cost) {
      withRetry.put("Retry-After", Long.toString(secondsToNextMonth));
      return new TooManyRequests(ProblemCode.QUOTA_EXCEEDED, "The monthly quota of the plan "
          + plan + " is used up; it renews at the start of next month (UTC).", withRetry);
    }
    long retryAfter = Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
    withRetry.put("Retry-After", Long.toString(retryAfter));
    return new TooManyRequests(ProblemCode.RATE_LIMITED, "The rate limit of the plan " + plan
        + " is reached; retry in " + retryAfter + (retryAfter == 1 ? " second." : " seconds."),
        withRetry);
  }

  private static RateLimitHeaders.PolicyState state(String name, RateWindow rate, long available) {
    long remaining = Math.max(0, available);
    long windowNanos = rate.window().toNanos();
    // a continuously refilled bucket is full again once the missing units have dripped back
    long nanosToFull = (long) ((double) (rate.limit() - remaining) / rate.limit() * windowNanos);
    return new RateLimitHeaders.PolicyState(
        name, rate.limit(), rate.window().toSeconds(), remaining, ceilSeconds(nanosToFull));
  }

  private static BucketConfiguration configuration(PlanLimits limits) {
    List<Bandwidth> bandwidths = new ArrayList<>();
    bandwidths.add(greedy(BURST, limits.burst()));
    bandwidths.add(greedy(SUSTAINED, limits.sustained()));
    bandwidths.add(Bandwidth.builder()
        .capacity(limits.monthlyQuota())
        .refillIntervally(limits.monthlyQuota(), Duration.ofDays(32))
        .id(MONTHLY)
        .build());
    var builder = BucketConfiguration.builder();
    bandwidths.forEach(builder::addLimit);
    return builder.build();
  }

  private static Bandwidth greedy(String id, RateWindow rate) {
    return Bandwidth.builder()
        .capacity(rate.limit())
        .refillGreedy(rate.limit(), rate.window())
        .id(id)
        .build();
  }

  private static long monthSeconds(YearMonth month) {
    return Duration.ofDays(month.lengthOfMonth()).toSeconds();
  }

  private static long ceilSeconds(long nanos) {
    return (nanos + 999_999_999L) / 1_000_000_000L;
  }

  /**
   * A 64-bit key for the PostgreSQL backends, which need numeric keys (bucket4j #400). It covers
   * the plan's limits, not only its ID: a stored bucket keeps the configuration it was created
   * with, so changed limits must start a new bucket (whose count starts from zero).
   */
  static long bucketKey(String caller, PlanLimits limits, YearMonth month) {
    return Sha256.first64Bits(caller + "|" + limits + "|" + month);
  }

}
