package dev.mark.platform.idempotency;

import static dev.mark.db.Tables.IDEMPOTENCY_KEYS;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Queries on the stored responses of idempotent requests. */
final class IdempotencyRepository {

  /** A stored key: what it was used for, and the response once there is one. */
  record Entry(String operationId, byte[] requestHash, Optional<StoredResponse> response,
      OffsetDateTime createdAt) {}

  /** Claims the key for a new request; false when it is already taken. */
  boolean claim(DSLContext dsl, IdempotencyScope scope, String operationId, byte[] requestHash) {
    return dsl.insertInto(IDEMPOTENCY_KEYS)
        .set(IDEMPOTENCY_KEYS.ACCOUNT_ID, scope.accountId())
        .set(IDEMPOTENCY_KEYS.ENVIRONMENT, scope.environment())
        .set(IDEMPOTENCY_KEYS.KEY, scope.key())
        .set(IDEMPOTENCY_KEYS.OPERATION_ID, operationId)
        .set(IDEMPOTENCY_KEYS.REQUEST_HASH, requestHash)
        .onConflictDoNothing()
        .execute() == 1;
  }

  Optional<Entry> find(DSLContext dsl, IdempotencyScope scope) {
    return dsl.select(
            IDEMPOTENCY_KEYS.OPERATION_ID,
            IDEMPOTENCY_KEYS.REQUEST_HASH,
            IDEMPOTENCY_KEYS.STATUS,
            IDEMPOTENCY_KEYS.RESPONSE_BODY,
            IDEMPOTENCY_KEYS.LOCATION,
            IDEMPOTENCY_KEYS.CREATED_AT)
        .from(IDEMPOTENCY_KEYS)
        .where(matches(scope))
        .fetchOptional(IdempotencyRepository::toEntry);
  }

  void complete(DSLContext dsl, IdempotencyScope scope, StoredResponse response) {
    dsl.update(IDEMPOTENCY_KEYS)
        .set(IDEMPOTENCY_KEYS.STATUS, response.status())
        .set(IDEMPOTENCY_KEYS.RESPONSE_BODY, response.body())
        .set(IDEMPOTENCY_KEYS.LOCATION, response.location().orElse(null))
        .where(matches(scope))
        .execute();
  }

  /** Forgets a key whose request did not complete, so that a retry can run. */
  void releaseUnfinished(DSLContext dsl, IdempotencyScope scope) {
    dsl.deleteFrom(IDEMPOTENCY_KEYS)
        .where(matches(scope))
        .and(IDEMPOTENCY_KEYS.STATUS.isNull())
        .execute();
  }

  /** Forgets a key older than {@code cutoff}, whatever its state. */
  void deleteIfOlder(DSLContext dsl, IdempotencyScope scope, OffsetDateTime cutoff) {
    dsl.deleteFrom(IDEMPOTENCY_KEYS)
        .where(matches(scope))
        .and(IDEMPOTENCY_KEYS.CREATED_AT.lt(cutoff))
        .execute();
  }

  /** Forgets every key older than {@code cutoff}; returns how many. */
  int deleteAllOlder(DSLContext dsl, OffsetDateTime cutoff) {
    return dsl.deleteFrom(IDEMPOTENCY_KEYS)
        .where(IDEMPOTENCY_KEYS.CREATED_AT.lt(cutoff))
        .execute();
  }

  private static org.jooq.Condition matches(IdempotencyScope scope) {
    return IDEMPOTENCY_KEYS.ACCOUNT_ID.eq(scope.accountId())
        .and(IDEMPOTENCY_KEYS.ENVIRONMENT.eq(scope.environment()))
        .and(IDEMPOTENCY_KEYS.KEY.eq(scope.key()));
  }

  private static Entry toEntry(Record r) {
    Integer status = r.get(IDEMPOTENCY_KEYS.STATUS);
    Optional<StoredResponse> response = status == null
        ? Optional.empty()
        : Optional.of(new StoredResponse(status, r.get(IDEMPOTENCY_KEYS.RESPONSE_BODY),
            Optional.ofNullable(r.get(IDEMPOTENCY_KEYS.LOCATION))));
    return new Entry(r.get(IDEMPOTENCY_KEYS.OPERATION_ID), r.get(IDEMPOTENCY_KEYS.REQUEST_HASH),
        response, r.get(IDEMPOTENCY_KEYS.CREATED_AT));
  }
}
