package dev.mark.keys;

import dev.mark.plans.PlanCatalog;
import dev.mark.platform.db.AccountQuotaLock;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.errors.Conflict;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.Forbidden;
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
 * as far as the caller can tell (404, never 403). A key may create or roll only keys whose
 * scopes it holds itself, so a {@code manage}-only key cannot mint a {@code write} one; a
 * logged-in user may grant any. An account holds at most its plan's {@code max_api_keys}
 * active keys.
 */
public final class KeyManagementService {

  private static final String PREFIX = "key";

  private final Transactions transactions;
  private final ApiKeyService keys;
  private final ApiKeyRepository repository = new ApiKeyRepository();
  private final PlanCatalog plans;
  private final Clock clock;

  public KeyManagementService(Transactions transactions, ApiKeyService keys, PlanCatalog plans,
      Clock clock) {
    this.transactions = transactions;
    this.keys = keys;
    this.plans = plans;
    this.clock = clock;
  }

  /**
   * Creates a key in the caller's environment.
   *
   * @throws Forbidden {@code scope_not_held} when a key asks for a scope it lacks
   * @throws Unprocessable when {@code expiresAt} is not in the future
   * @throws Conflict {@code api_key_limit_reached} when the account has its plan's keys already
   */
  public IssuedKey create(Principal caller, String name, List<String> scopes,
      Optional<OffsetDateTime> expiresAt) {
    requireHeld(caller, scopes);
    if (expiresAt.isPresent() && !expiresAt.get().toInstant().isAfter(clock.instant())) {
      throw new Unprocessable(ProblemCode.INVALID_EXPIRY, "A key cannot be created already expired.",
          List.of(FieldIssue.body("/expires_at", "past", "must be in the future")));
    }
    int cap = plans.capsOf(caller.planId()).maxApiKeys();
    return transactions.inTransaction(tx -> {
      AccountQuotaLock.hold(tx, caller.accountId());
      if (repository.countActive(tx, caller.accountId()) >= cap) {
        throw new Conflict(ProblemCode.API_KEY_LIMIT_REACHED, "The account has " + cap
            + " active API keys, as many as its plan allows; revoke one to create another.");
      }
      return keys.issue(tx, caller.accountId(), caller.environment(), name, scopes,
          expiresAt.map(at -> at.withOffsetSameInstant(ZoneOffset.UTC)));
    });
  }

  /**
   * A key grants no more than it holds; a session (a logged-in user of the account) holds
   * every power over its keys.
   */
  private static void requireHeld(Principal caller, List<String> scopes) {
    if (caller.user().isPresent()) {
      return;
    }
    List<String> missing = scopes.stream().filter(s -> !caller.scopes().contains(s)).toList();
    if (!missing.isEmpty()) {
      throw new Forbidden(ProblemCode.SCOPE_NOT_HELD, "This key does not hold the scopes "
          + String.join(", ", missing) + ", so it cannot grant them.",
          List.of(FieldIssue.body("/scopes", "scope_not_held",
              "may name only scopes the calling key holds: " + String.join(", ",
                  caller.scopes().stream().sorted().toList()))));
    }
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
   * @throws Forbidden {@code scope_not_held} when a key would roll one with scopes it lacks
   */
  public IssuedKey roll(Principal caller, String keyId, Duration grace) {
    requireHeld(caller, get(caller, keyId).scopes());
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
