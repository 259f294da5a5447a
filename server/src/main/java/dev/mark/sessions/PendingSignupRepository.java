package dev.mark.sessions;

import static dev.mark.db.Tables.PENDING_SIGNUPS;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

/** Signups waiting for their email's confirmation, found by the hash of their token. */
final class PendingSignupRepository {

  /**
   * A signup as its confirmation finds it.
   *
   * @param usedAt when its token was used; empty while unused
   */
  record PendingSignup(String email, String passwordHash, String accountName,
      OffsetDateTime expiresAt, Optional<OffsetDateTime> usedAt) {}

  void insert(DSLContext tx, byte[] tokenHash, String email, String passwordHash,
      String accountName, OffsetDateTime expiresAt) {
    tx.insertInto(PENDING_SIGNUPS)
        .set(PENDING_SIGNUPS.TOKEN_HASH, tokenHash)
        .set(PENDING_SIGNUPS.EMAIL, email)
        .set(PENDING_SIGNUPS.PASSWORD_HASH, passwordHash)
        .set(PENDING_SIGNUPS.ACCOUNT_NAME, accountName)
        .set(PENDING_SIGNUPS.EXPIRES_AT, expiresAt)
        .execute();
  }

  /** The signup of this token hash, locked until the transaction ends. */
  Optional<PendingSignup> lock(DSLContext tx, byte[] tokenHash) {
    return tx.select(PENDING_SIGNUPS.EMAIL, PENDING_SIGNUPS.PASSWORD_HASH,
            PENDING_SIGNUPS.ACCOUNT_NAME, PENDING_SIGNUPS.EXPIRES_AT, PENDING_SIGNUPS.USED_AT)
        .from(PENDING_SIGNUPS)
        .where(PENDING_SIGNUPS.TOKEN_HASH.eq(tokenHash))
        .forUpdate()
        .fetchOptional(r -> new PendingSignup(r.value1(), r.value2(), r.value3(), r.value4(),
            Optional.ofNullable(r.value5())));
  }

  void markUsed(DSLContext tx, byte[] tokenHash, OffsetDateTime at) {
    tx.update(PENDING_SIGNUPS)
        .set(PENDING_SIGNUPS.USED_AT, at)
        .where(PENDING_SIGNUPS.TOKEN_HASH.eq(tokenHash))
        .execute();
  }

  /** Forgets signups whose token expired before {@code before}; answers how many. */
  int deleteExpired(DSLContext tx, OffsetDateTime before) {
    return tx.deleteFrom(PENDING_SIGNUPS)
        .where(PENDING_SIGNUPS.EXPIRES_AT.lt(before))
        .execute();
  }
}
