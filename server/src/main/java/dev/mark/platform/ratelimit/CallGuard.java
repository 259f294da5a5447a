package dev.mark.platform.ratelimit;

import dev.mark.platform.contract.ContractOperation;
import dev.mark.platform.errors.Forbidden;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.security.Principal;
import java.util.List;

/**
 * What an authenticated call must pass before its handler runs: the key needs the operation's
 * scope ({@code x-mark-scope} in the contract), then the operation's cost ({@code x-mark-cost})
 * is charged under the limits of its plan twice: to the caller's account, whose one budget every
 * key of the account draws from (so more keys never mean more units), and to the key itself
 * (the per-key limits the product promises; a marketplace user has an account of its own, so it
 * is limited per user). Once answered, the call is metered.
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
   * Charges {@code units} to the caller, the way an operation's cost is: to the account's budget
   * and the key's, both under the plan's limits; also for the part of an operation's price that
   * depends on what it is asked ({@link Charges}).
   *
   * @throws dev.mark.platform.errors.TooManyRequests when the caller's plan allows no more now
   */
  public Admission charge(Principal caller, int units) {
    PlanLimits limits = plans.limitsOf(caller.planId());
    // the account first: it is the budget that runs out first, and a refusal there refunds nothing
    return limiter.admit(List.of(
        new Budget(caller.accountId(), " for this account", limits),
        new Budget(caller.keyId(), " for this key", limits)), units);
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
