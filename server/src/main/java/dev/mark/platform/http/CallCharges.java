package dev.mark.platform.http;

import dev.mark.platform.contract.ContractOperation;
import dev.mark.platform.ratelimit.Admission;
import dev.mark.platform.ratelimit.CallGuard;
import dev.mark.platform.ratelimit.Charges;
import dev.mark.platform.security.Principal;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * What one authenticated call has been charged: its operation's cost, then whatever its handler
 * adds by weight. Each charge updates the rate-limit headers and {@code Mark-Cost}; a call that
 * fails on the server's side gets every unit back. Lives for one request; not thread-safe.
 */
final class CallCharges implements Charges {

  static final String COST_HEADER = "Mark-Cost";

  private final CallGuard guard;
  private final Principal caller;
  private final Context ctx;
  private final List<Admission> admissions = new ArrayList<>();
  private boolean refunded;
  private boolean priced;

  CallCharges(CallGuard guard, Principal caller, Context ctx) {
    this.guard = guard;
    this.caller = caller;
    this.ctx = ctx;
  }

  /** Charges the operation's own cost ({@code x-mark-cost}) after checking its scope. */
  void admit(ContractOperation operation) {
    add(guard.admit(caller, operation), operation.cost() > 0);
  }

  @Override
  public void charge(int units) {
    if (units > 0) {
      add(guard.charge(caller, units), true);
    }
  }

  @Override
  public long maxUnitsPerCall() {
    return guard.maxUnitsPerCall(caller);
  }

  @Override
  public int charged() {
    return units();
  }

  /** The units charged so far, and not given back. */
  int units() {
    return refunded ? 0 : admissions.stream().mapToInt(Admission::units).sum();
  }

  /** Gives every unit back, once. */
  void refund() {
    if (!refunded) {
      refunded = true;
      admissions.forEach(Admission::refund);
      if (priced) {
        ctx.header(COST_HEADER, "0");
      }
    }
  }

  private void add(Admission admission, boolean priced) {
    admissions.add(admission);
    admission.headers().forEach(ctx::header);
    if (priced) {
      this.priced = true;
      ctx.header(COST_HEADER, Integer.toString(units()));
    }
  }
}
