package dev.mark.platform.idempotency;

/** An Idempotency-Key as one account uses it in one environment: keys of others never clash. */
public record IdempotencyScope(String accountId, String environment, String key) {}
