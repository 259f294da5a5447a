package dev.mark.keys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** An API key as its owner sees it: everything but the secret, which is never stored. */
public record ApiKeyRecord(
    String id,
    String name,
    String environment,
    List<String> scopes,
    String hint,
    OffsetDateTime createdAt,
    Optional<OffsetDateTime> expiresAt,
    Optional<OffsetDateTime> lastUsedAt,
    Optional<OffsetDateTime> previousSecretExpiresAt) {

  public ApiKeyRecord {
    scopes = List.copyOf(scopes);
  }
}
