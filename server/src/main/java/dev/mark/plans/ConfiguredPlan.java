package dev.mark.plans;

import dev.mark.platform.ratelimit.PlanLimits;

/**
 * A plan of the plans configuration: its ID, its name for people, its rate limits, and how many
 * analytics operations one account may run at once.
 */
public record ConfiguredPlan(String id, String name, PlanLimits limits, int maxConcurrentQueries) {}
