package dev.mark.platform.ratelimit;

import dev.mark.platform.security.Principal;

/**
 * The rate-limit step of every authenticated operation: charges the operation's cost (its
 * {@code x-mark-cost} in the contract) to the calling key under the limits of its plan.
 */
public final class CallGuard {

  private final RateLimiter limiter;
  private final PlanDirectory plans;

  public CallGuard(RateLimiter limiter, PlanDirectory plans) {
    this.limiter = limiter;
    this.plans = plans;
  }

  /**
   * @throws dev.mark.platform.errors.TooManyRequests when the caller's plan allows no more now
   */
  public Admission admit(Principal caller, int cost) {
    if (cost == 0) {
      return Admission.UNLIMITED;
    }
    return limiter.admit(caller.keyId(), plans.limitsOf(caller.planId()), cost);
  }
}
