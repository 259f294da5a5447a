package dev.mark.plans;

import dev.mark.platform.ratelimit.PlanLimits;

/** A plan of the plans configuration: its ID, its name for people, and its limits. */
public record ConfiguredPlan(String id, String name, PlanLimits limits) {}
