package dev.mark.platform.idempotency;

import static dev.mark.db.Tables.IDEMPOTENCY_KEYS;

import dev.mark.platform.security.Sha256;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Queries on the stored responses of idempotent requests. */
final class IdempotencyRepository {

  /**
   * What the lock key is derived from besides the scope: keeps idempotency's keys apart from
   * those of the other one-key (bigint) advisory locks, which hash their own prefixes.
   */
  private static final String LOCK_DOMAIN = "idempotency";
  private static final Duration LOCK_WAIT = Duration.ofSeconds(1);
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  /** A stored key: what it was used for, and its response. */
  record Entry(String operationId, byte[] requestHash, StoredResponse response,
      boolean secretWithheld) {}

  /**
   * Takes the key's lock for the rest of {@code tx}, waiting at most {@link #LOCK_WAIT} for
   * another transaction that holds it; false when it still holds it then. The short wait covers
   * a holder whose process has just died: its backend may take a moment to notice, and the
   * checks set here make sure it does notice, even mid-query and even if its host vanished.
   */
  boolean tryLock(DSLContext tx, IdempotencyScope scope) {
    long lock = lockKey(scope);
    // local to the transaction: on a dead client (Linux), the backend aborts within a second
    // while it runs a statement (client_connection_check_interval), and TCP keepalives find a
    // vanished host within about 20 s (the default waits for hours)
    tx.select(
            setLocal("lock_timeout", LOCK_WAIT.toMillis() + "ms"),
            setLocal("client_connection_check_interval", "1s"),
            setLocal("tcp_keepalives_idle", "10"),
            setLocal("tcp_keepalives_interval", "5"),
            setLocal("tcp_keepalives_count", "2"))
        .fetch();
    try {
      tx.select(DSL.field("pg_advisory_xact_lock({0})", SQLDataType.OTHER, DSL.val(lock)))
          .fetch();
    } catch (DataAccessException e) {
      if (LOCK_NOT_AVAILABLE.equals(e.sqlState())) {
        return false;
      }
      throw e;
    }
    // the work that follows keeps the server's own lock timeout
    tx.execute("set local lock_timeout to default");
    return true;
  }

  /**
   * The advisory lock of a key: 64 bits of a SHA-256 of the scope, so that two keys share a lock
   * (and one is refused with a spurious {@code 409} while the other runs) with odds of 2^-64 per
   * pair in flight at once, against 2^-32 with the 32-bit hash used before (issue 11).
   */
  static long lockKey(IdempotencyScope scope) {
    return Sha256.first64Bits(LOCK_DOMAIN + '\u0000' + scope.accountId() + '\u0000'
        + scope.environment() + '\u0000' + scope.key());
  }

  private static org.jooq.Field<String> setLocal(String name, String value) {
    return DSL.field("set_config({0}, {1}, true)", SQLDataType.VARCHAR, DSL.val(name), DSL.val(value));
  }

  /** The key's record made at {@code notBefore} or later (an older one is as good as gone). */
  Optional<Entry> find(DSLContext dsl, IdempotencyScope scope, OffsetDateTime notBefore) {
    return dsl.select(
            IDEMPOTENCY_KEYS.OPERATION_ID,
            IDEMPOTENCY_KEYS.REQUEST_HASH,
            IDEMPOTENCY_KEYS.STATUS,
            IDEMPOTENCY_KEYS.RESPONSE_BODY,
            IDEMPOTENCY_KEYS.LOCATION,
            IDEMPOTENCY_KEYS.SECRET_WITHHELD)
        .from(IDEMPOTENCY_KEYS)
        .where(matches(scope))
        .and(IDEMPOTENCY_KEYS.CREATED_AT.ge(notBefore))
        .fetchOptional(IdempotencyRepository::toEntry);
  }

  /**
   * Records the first response (replacing an expired record of the key, not purged yet); with
   * {@code withholdBody}, its status and Location only. The request's only write to the table,
   * and its last statement: nothing before its work waits for other writers of the table.
   */
  void record(DSLContext dsl, IdempotencyScope scope, String operationId, byte[] requestHash,
      StoredResponse response, boolean withholdBody, OffsetDateTime now) {
    byte[] body = withholdBody ? null : response.body();
    String location = response.location().orElse(null);
    dsl.insertInto(IDEMPOTENCY_KEYS)
        .set(IDEMPOTENCY_KEYS.ACCOUNT_ID, scope.accountId())
        .set(IDEMPOTENCY_KEYS.ENVIRONMENT, scope.environment())
        .set(IDEMPOTENCY_KEYS.KEY, scope.key())
        .set(IDEMPOTENCY_KEYS.OPERATION_ID, operationId)
        .set(IDEMPOTENCY_KEYS.REQUEST_HASH, requestHash)
        .set(IDEMPOTENCY_KEYS.STATUS, response.status())
        .set(IDEMPOTENCY_KEYS.RESPONSE_BODY, body)
        .set(IDEMPOTENCY_KEYS.LOCATION, location)
        .set(IDEMPOTENCY_KEYS.SECRET_WITHHELD, withholdBody)
        .set(IDEMPOTENCY_KEYS.CREATED_AT, now)
        .onConflict(IDEMPOTENCY_KEYS.ACCOUNT_ID, IDEMPOTENCY_KEYS.ENVIRONMENT, IDEMPOTENCY_KEYS.KEY)
        .doUpdate()
        .set(IDEMPOTENCY_KEYS.OPERATION_ID, operationId)
        .set(IDEMPOTENCY_KEYS.REQUEST_HASH, requestHash)
        .set(IDEMPOTENCY_KEYS.STATUS, response.status())
        .set(IDEMPOTENCY_KEYS.RESPONSE_BODY, body)
        .set(IDEMPOTENCY_KEYS.LOCATION, location)
        .set(IDEMPOTENCY_KEYS.SECRET_WITHHELD, withholdBody)
        .set(IDEMPOTENCY_KEYS.CREATED_AT, now)
        .execute();
  }

  /** Forgets every key older than {@code cutoff}; returns how many. */
  int deleteAllOlder(DSLContext dsl, OffsetDateTime cutoff) {
    return dsl.deleteFrom(IDEMPOTENCY_KEYS)
        .where(IDEMPOTENCY_KEYS.CREATED_AT.lt(cutoff))
        .execute();
  }

  private static Condition matches(IdempotencyScope scope) {
    return IDEMPOTENCY_KEYS.ACCOUNT_ID.eq(scope.accountId())
        .and(IDEMPOTENCY_KEYS.ENVIRONMENT.eq(scope.environment()))
        .and(IDEMPOTENCY_KEYS.KEY.eq(scope.key()));
  }

  private static Entry toEntry(Record r) {
    byte[] body = r.get(IDEMPOTENCY_KEYS.RESPONSE_BODY);
    StoredResponse response = new StoredResponse(r.get(IDEMPOTENCY_KEYS.STATUS),
        body == null ? new byte[0] : body, Optional.ofNullable(r.get(IDEMPOTENCY_KEYS.LOCATION)));
    return new Entry(r.get(IDEMPOTENCY_KEYS.OPERATION_ID), r.get(IDEMPOTENCY_KEYS.REQUEST_HASH),
        response, r.get(IDEMPOTENCY_KEYS.SECRET_WITHHELD));
  }
}
