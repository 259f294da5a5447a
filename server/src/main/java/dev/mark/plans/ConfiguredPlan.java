package dev.mark.plans;

import dev.mark.platform.ratelimit.PlanLimits;

/**
 * A plan of the plans configuration: its ID, its name for people, its limits (of each key, and
 * of the account as a whole), its caps on what an account creates, and how many analytics
 * operations one account may run at once.
 */
public record ConfiguredPlan(String id, String name, PlanLimits limits, PlanCaps caps, int maxConcurrentQueries) {}
