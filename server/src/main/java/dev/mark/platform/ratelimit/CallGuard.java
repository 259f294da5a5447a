package dev.mark.platform.ratelimit;

import dev.mark.platform.contract.ContractOperation;
import dev.mark.platform.errors.Forbidden;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.security.Principal;

/**
 * What an authenticated call must pass before its handler runs: the key needs the operation's
 * scope ({@code x-mark-scope} in the contract), then the operation's cost ({@code x-mark-cost})
 * is charged to the key under the limits of its plan. Once answered, the call is metered.
 */
public final class CallGuard {

  private final RateLimiter limiter;
  private final PlanDirectory plans;
  private final CallMeter meter;

  public CallGuard(RateLimiter limiter, PlanDirectory plans, CallMeter meter) {
    this.limiter = limiter;
    this.plans = plans;
    this.meter = meter;
  }

  /**
   * @throws Forbidden when the caller lacks the operation's scope (nothing is charged)
   * @throws dev.mark.platform.errors.TooManyRequests when the caller's plan allows no more now
   */
  public Admission admit(Principal caller, ContractOperation operation) {
    operation.scope().ifPresent(scope -> {
      if (!caller.scopes().contains(scope)) {
        throw new Forbidden(ProblemCode.INSUFFICIENT_SCOPE,
            "This operation needs a key with the " + scope + " scope.");
      }
    });
    if (operation.cost() == 0) {
      return Admission.UNLIMITED;
    }
    return charge(caller, operation.cost());
  }

  /**
   * Charges {@code units} to the caller, the way an operation's cost is: for the part of an
   * operation's price that depends on what it is asked ({@link Charges}).
   *
   * @throws dev.mark.platform.errors.TooManyRequests when the caller's plan allows no more now
   */
  public Admission charge(Principal caller, int units) {
    return limiter.admit(caller.keyId(), plans.limitsOf(caller.planId()), units);
  }

  /** The most units one call of {@code caller} can be charged: its plan's smallest rate limit. */
  public long maxUnitsPerCall(Principal caller) {
    PlanLimits limits = plans.limitsOf(caller.planId());
    return Math.min(limits.burst().limit(), limits.sustained().limit());
  }

  /** Meters an answered call; {@code units} is what it was charged in the end. */
  public void answered(Principal caller, int status, int units) {
    meter.record(caller, status, units);
  }
}
