package dev.mark.platform.ratelimit;

/**
 * What a plan allows one caller: a burst rate, a sustained rate and a quota per calendar month
 * (UTC), all in units (an operation costs its {@code x-mark-cost} in units).
 *
 * @param planId the plan's ID, e.g. {@code free}. The ID and the limits are part of a bucket's
 *     identity: a change of plan, or of a plan's limits, starts from a fresh bucket
 */
public record PlanLimits(String planId, RateWindow burst, RateWindow sustained, long monthlyQuota) {

  public PlanLimits {
    if (monthlyQuota < 1) {
      throw new IllegalArgumentException("the monthly quota of " + planId + " must be positive");
    }
  }
}
