package dev.mark.keys;

import static dev.mark.db.Tables.ACCOUNTS;
import static dev.mark.db.Tables.API_KEYS;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.when;

import dev.mark.platform.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Queries on API keys. Keys are found by the SHA-256 of the whole secret (the current one, or
 * the previous one while its grace period lasts); no secret is stored. A revoked key is gone
 * for every query but the audit trail of its row.
 */
final class ApiKeyRepository {

  /** Keys opened by a secret; the other kind, {@code session}, counts a session's calls. */
  private static final String KIND_SECRET = "secret";

  /** A new key's row. */
  record NewKey(String id, String accountId, String environment, String name, List<String> scopes,
      byte[] secretHash, String hint, Optional<OffsetDateTime> expiresAt) {}

  void insert(DSLContext dsl, NewKey key) {
    insert(dsl, key, KIND_SECRET);
  }

  /** Inserts the key of a session: like a secret key, but never listed nor opened by a secret. */
  void insertSessionKey(DSLContext dsl, NewKey key) {
    insert(dsl, key, "session");
  }

  private void insert(DSLContext dsl, NewKey key, String kind) {
    dsl.insertInto(API_KEYS)
        .set(API_KEYS.KIND, kind)
        .set(API_KEYS.ID, key.id())
        .set(API_KEYS.ACCOUNT_ID, key.accountId())
        .set(API_KEYS.ENVIRONMENT, key.environment())
        .set(API_KEYS.NAME, key.name())
        .set(API_KEYS.SCOPES, key.scopes().toArray(String[]::new))
        .set(API_KEYS.SECRET_HASH, key.secretHash())
        .set(API_KEYS.HINT, key.hint())
        .set(API_KEYS.EXPIRES_AT, key.expiresAt().orElse(null))
        .execute();
  }

  /** Whom a secret authenticates, if it belongs to a key that is neither revoked nor expired. */
  Optional<VerifiedKey> findActive(DSLContext dsl, byte[] secretHash) {
    var viaPrevious = API_KEYS.PREVIOUS_SECRET_HASH.eq(secretHash);
    return dsl.select(API_KEYS.ACCOUNT_ID, API_KEYS.ID, API_KEYS.ENVIRONMENT, ACCOUNTS.PLAN_ID,
            API_KEYS.SCOPES, API_KEYS.EXPIRES_AT,
            when(viaPrevious, API_KEYS.PREVIOUS_SECRET_EXPIRES_AT).as("secret_expires_at"))
        .from(API_KEYS)
        .join(ACCOUNTS).on(ACCOUNTS.ID.eq(API_KEYS.ACCOUNT_ID))
        .where(API_KEYS.KIND.eq(KIND_SECRET))
        .and(API_KEYS.SECRET_HASH.eq(secretHash)
            .or(viaPrevious.and(API_KEYS.PREVIOUS_SECRET_EXPIRES_AT.gt(currentOffsetDateTime()))))
        .and(API_KEYS.REVOKED_AT.isNull())
        .and(API_KEYS.EXPIRES_AT.isNull().or(API_KEYS.EXPIRES_AT.gt(currentOffsetDateTime())))
        .fetchOptional(r -> new VerifiedKey(
            new Principal(r.value1(), r.value2(), r.value3(), r.value4(),
                Set.copyOf(Arrays.asList(r.value5()))),
            earliest(r.value6(), r.value7())));
  }

  /** The account's keys that a secret opens, in both environments, neither revoked nor expired. */
  int countActive(DSLContext dsl, String accountId) {
    return dsl.fetchCount(API_KEYS, API_KEYS.ACCOUNT_ID.eq(accountId)
        .and(API_KEYS.KIND.eq(KIND_SECRET))
        .and(API_KEYS.REVOKED_AT.isNull())
        .and(API_KEYS.EXPIRES_AT.isNull().or(API_KEYS.EXPIRES_AT.gt(currentOffsetDateTime()))));
  }

  Optional<ApiKeyRecord> find(DSLContext dsl, String accountId, String environment, String id) {
    return dsl.selectFrom(API_KEYS)
        .where(owned(accountId, environment))
        .and(API_KEYS.ID.eq(id))
        .fetchOptional(ApiKeyRepository::toRecord);
  }

  /** Up to {@code limit} keys, newest first, older than {@code beforeId} if given. */
  List<ApiKeyRecord> page(DSLContext dsl, String accountId, String environment,
      Optional<String> beforeId, int limit) {
    return dsl.selectFrom(API_KEYS)
        .where(owned(accountId, environment))
        .and(beforeId.map(API_KEYS.ID::lt).orElse(noCondition()))
        .orderBy(API_KEYS.ID.desc())
        .limit(limit)
        .fetch(ApiKeyRepository::toRecord);
  }

  /** Revokes a key; false when the owner has no such key (or it was revoked already). */
  boolean revoke(DSLContext dsl, String accountId, String environment, String id) {
    return dsl.update(API_KEYS)
        .set(API_KEYS.REVOKED_AT, currentOffsetDateTime())
        .where(owned(accountId, environment))
        .and(API_KEYS.ID.eq(id))
        .execute() == 1;
  }

  /**
   * Makes {@code newHash} the key's secret; the current one becomes the previous secret until
   * {@code previousUntil} (or stops at once when it is empty). False when there is no such key.
   */
  boolean roll(DSLContext dsl, String accountId, String environment, String id, byte[] newHash,
      String newHint, Optional<OffsetDateTime> previousUntil) {
    return dsl.update(API_KEYS)
        .set(API_KEYS.PREVIOUS_SECRET_HASH, previousUntil.isPresent() ? API_KEYS.SECRET_HASH : null)
        .set(API_KEYS.PREVIOUS_SECRET_EXPIRES_AT, previousUntil.orElse(null))
        .set(API_KEYS.SECRET_HASH, newHash)
        .set(API_KEYS.HINT, newHint)
        .where(owned(accountId, environment))
        .and(API_KEYS.ID.eq(id))
        .execute() == 1;
  }

  /** Moves {@code last_used_at} forward, never back, for each key. */
  void recordLastUsed(DSLContext dsl, Map<String, Instant> lastUsed) {
    dsl.batch(lastUsed.entrySet().stream()
            .map(e -> dsl.update(API_KEYS)
                .set(API_KEYS.LAST_USED_AT, e.getValue().atOffset(ZoneOffset.UTC))
                .where(API_KEYS.ID.eq(e.getKey()))
                .and(API_KEYS.LAST_USED_AT.isNull()
                    .or(API_KEYS.LAST_USED_AT.lt(e.getValue().atOffset(ZoneOffset.UTC)))))
            .toList())
        .execute();
  }

  private static Condition owned(String accountId, String environment) {
    return API_KEYS.ACCOUNT_ID.eq(accountId)
        .and(API_KEYS.KIND.eq(KIND_SECRET))
        .and(API_KEYS.ENVIRONMENT.eq(environment))
        .and(API_KEYS.REVOKED_AT.isNull());
  }

  private static ApiKeyRecord toRecord(Record r) {
    return new ApiKeyRecord(
        r.get(API_KEYS.ID),
        r.get(API_KEYS.NAME),
        r.get(API_KEYS.ENVIRONMENT),
        Arrays.asList(r.get(API_KEYS.SCOPES)),
        r.get(API_KEYS.HINT),
        r.get(API_KEYS.CREATED_AT),
        Optional.ofNullable(r.get(API_KEYS.EXPIRES_AT)),
        Optional.ofNullable(r.get(API_KEYS.LAST_USED_AT)),
        Optional.ofNullable(r.get(API_KEYS.PREVIOUS_SECRET_EXPIRES_AT)));
  }

  private static Optional<Instant> earliest(OffsetDateTime a, OffsetDateTime b) {
    if (a == null || b == null) {
      return Optional.ofNullable(a == null ? b : a).map(OffsetDateTime::toInstant);
    }
    return Optional.of(a.isBefore(b) ? a.toInstant() : b.toInstant());
  }
}
