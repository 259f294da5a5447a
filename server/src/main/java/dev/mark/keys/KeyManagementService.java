package dev.mark.keys;

import dev.mark.platform.db.Transactions;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.NotFound;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import dev.mark.platform.pagination.Cursors;
import dev.mark.platform.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The lifecycle of an account's keys, driven by a caller with the {@code manage} scope: create,
 * list, get, revoke, roll. A caller manages the keys of its own account and environment only,
 * so a {@code test} key cannot mint a {@code live} one; a key of another account does not exist
 * as far as the caller can tell (404, never 403).
 */
public final class KeyManagementService {

  private static final String PREFIX = "key";

  private final Transactions transactions;
  private final ApiKeyService keys;
  private final ApiKeyRepository repository = new ApiKeyRepository();
  private final Clock clock;

  public KeyManagementService(Transactions transactions, ApiKeyService keys, Clock clock) {
    this.transactions = transactions;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Creates a key in the caller's environment.
   *
   * @throws Unprocessable when {@code expiresAt} is not in the future
   */
  public IssuedKey create(Principal caller, String name, List<String> scopes,
      Optional<OffsetDateTime> expiresAt) {
    if (expiresAt.isPresent() && !expiresAt.get().toInstant().isAfter(clock.instant())) {
      throw new Unprocessable(ProblemCode.INVALID_EXPIRY, "A key cannot be created already expired.",
          List.of(FieldIssue.body("/expires_at", "past", "must be in the future")));
    }
    return transactions.inTransaction(tx -> keys.issue(tx, caller.accountId(),
        caller.environment(), name, scopes,
        expiresAt.map(at -> at.withOffsetSameInstant(ZoneOffset.UTC))));
  }

  /** One page of the caller's keys, newest first. */
  public ApiKeyPage list(Principal caller, int limit, Optional<String> cursor) {
    Optional<String> before = cursor.map(c -> Cursors.decode(c, PREFIX));
    List<ApiKeyRecord> rows = repository.page(transactions.reads(), caller.accountId(),
        caller.environment(), before, limit + 1);
    if (rows.size() <= limit) {
      return new ApiKeyPage(rows, Optional.empty());
    }
    List<ApiKeyRecord> page = rows.subList(0, limit);
    return new ApiKeyPage(page, Optional.of(Cursors.encode(page.getLast().id())));
  }

  /** @throws NotFound when the caller has no such key */
  public ApiKeyRecord get(Principal caller, String keyId) {
    return repository.find(transactions.reads(), caller.accountId(), caller.environment(), keyId)
        .orElseThrow(() -> notFound(keyId));
  }

  /**
   * Revokes a key: at once on this node, within the key cache's lifetime on the others.
   *
   * @throws NotFound when the caller has no such key
   */
  public void revoke(Principal caller, String keyId) {
    boolean revoked = transactions.inTransaction(tx ->
        repository.revoke(tx, caller.accountId(), caller.environment(), keyId));
    keys.forget(keyId);
    if (!revoked) {
      throw notFound(keyId);
    }
  }

  /**
   * Gives a key a new secret; the old one keeps working for {@code grace}.
   *
   * @throws NotFound when the caller has no such key
   */
  public IssuedKey roll(Principal caller, String keyId, Duration grace) {
    String secret = keys.newSecret(caller.environment());
    Optional<OffsetDateTime> previousUntil = grace.isZero()
        ? Optional.empty()
        : Optional.of(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).plus(grace));
    ApiKeyRecord rolled = transactions.inTransaction(tx -> {
      if (!repository.roll(tx, caller.accountId(), caller.environment(), keyId,
          ApiKeyService.sha256(secret), ApiKeyFormat.hint(secret), previousUntil)) {
        throw notFound(keyId);
      }
      return repository.find(tx, caller.accountId(), caller.environment(), keyId).orElseThrow();
    });
    keys.forget(keyId);
    return new IssuedKey(rolled, secret);
  }

  private static NotFound notFound(String keyId) {
    return new NotFound(ProblemCode.NOT_FOUND, "There is no API key " + keyId + ".");
  }
}
