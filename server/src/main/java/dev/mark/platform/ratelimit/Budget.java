package dev.mark.platform.ratelimit;

/**
 * One budget a call draws from: the owner whose bucket is charged (an API key's ID, an
 * account's ID) and the limits it is held to.
 *
 * @param whose how a refusal names the owner, e.g. {@code " for this account"}; empty for none
 */
public record Budget(String owner, String whose, PlanLimits limits) {}
