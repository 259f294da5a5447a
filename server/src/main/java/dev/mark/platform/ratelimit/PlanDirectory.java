package dev.mark.platform.ratelimit;

/** The limits of each plan by its ID, from the plans configuration. Thread-safe. */
@FunctionalInterface
public interface PlanDirectory {

  /** The limits of {@code planId}; an unknown ID gets the default plan's. */
  PlanLimits limitsOf(String planId);
}
