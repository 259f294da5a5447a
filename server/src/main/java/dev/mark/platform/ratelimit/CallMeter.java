package dev.mark.platform.ratelimit;

import dev.mark.platform.security.Principal;

/** Counts every call of an authenticated caller once it is answered. Thread-safe, and cheap. */
@FunctionalInterface
public interface CallMeter {

  /**
   * @param status the HTTP status of the answer
   * @param units the units the call was charged (0 when refused, not rate-limited or refunded)
   */
  void record(Principal caller, int status, int units);
}
