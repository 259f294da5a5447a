package dev.mark.usage;

import java.time.Instant;

/** What one key did in one period (an hour or a day, UTC). */
public record PeriodUsage(String keyId, Instant periodStart, long successes, long clientErrors,
    long rateLimited, long serverErrors, long units) {}
