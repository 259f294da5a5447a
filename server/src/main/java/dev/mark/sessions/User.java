package dev.mark.sessions;

import java.time.OffsetDateTime;

/** A user as the API shows it. */
public record User(String id, String email, String accountId, String planId, OffsetDateTime createdAt) {}
