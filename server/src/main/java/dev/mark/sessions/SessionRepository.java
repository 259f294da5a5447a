package dev.mark.sessions;

import static dev.mark.db.Tables.REFRESH_TOKENS;
import static dev.mark.db.Tables.SESSION_FAMILIES;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Sessions (refresh-token families) and their refresh tokens, stored by hash. */
final class SessionRepository {

  /**
   * A refresh token as a refresh finds it, with its session, locked for the transaction.
   *
   * @param usedAt when the token was traded for the next one; empty while unused
   */
  /** @param cookieMode whether the session was started in cookie mode (its stored mode) */
  // the values of session_families.mode
  private static final String COOKIE_MODE = "cookie";
  private static final String BODY_MODE = "body";

  record PresentedToken(String familyId, String userId, String csrfToken,
      Optional<OffsetDateTime> usedAt, boolean familyRevoked, OffsetDateTime familyExpiresAt,
      boolean cookieMode) {}

  void insertFamily(DSLContext tx, String id, String userId, String csrfToken,
      OffsetDateTime expiresAt, boolean cookieMode) {
    tx.insertInto(SESSION_FAMILIES)
        .set(SESSION_FAMILIES.ID, id)
        .set(SESSION_FAMILIES.USER_ID, userId)
        .set(SESSION_FAMILIES.CSRF_TOKEN, csrfToken)
        .set(SESSION_FAMILIES.EXPIRES_AT, expiresAt)
        .set(SESSION_FAMILIES.MODE, cookieMode ? COOKIE_MODE : BODY_MODE)
        .execute();
  }

  void insertToken(DSLContext tx, byte[] tokenHash, String familyId) {
    tx.insertInto(REFRESH_TOKENS)
        .set(REFRESH_TOKENS.TOKEN_HASH, tokenHash)
        .set(REFRESH_TOKENS.FAMILY_ID, familyId)
        .execute();
  }

  /** The token with this hash and its session, both locked until the transaction ends. */
  Optional<PresentedToken> lockToken(DSLContext tx, byte[] tokenHash) {
    return tx.select(SESSION_FAMILIES.ID, SESSION_FAMILIES.USER_ID, SESSION_FAMILIES.CSRF_TOKEN,
            REFRESH_TOKENS.USED_AT, SESSION_FAMILIES.REVOKED_AT, SESSION_FAMILIES.EXPIRES_AT,
            SESSION_FAMILIES.MODE)
        .from(REFRESH_TOKENS)
        .join(SESSION_FAMILIES).on(SESSION_FAMILIES.ID.eq(REFRESH_TOKENS.FAMILY_ID))
        .where(REFRESH_TOKENS.TOKEN_HASH.eq(tokenHash))
        .forUpdate()
        .fetchOptional(r -> new PresentedToken(r.value1(), r.value2(), r.value3(),
            Optional.ofNullable(r.value4()), r.value5() != null, r.value6(),
            COOKIE_MODE.equals(r.value7())));
  }

  void markUsed(DSLContext tx, byte[] tokenHash, OffsetDateTime at) {
    tx.update(REFRESH_TOKENS)
        .set(REFRESH_TOKENS.USED_AT, at)
        .where(REFRESH_TOKENS.TOKEN_HASH.eq(tokenHash))
        .and(REFRESH_TOKENS.USED_AT.isNull())
        .execute();
  }

  void revokeFamily(DSLContext tx, String familyId, String reason) {
    tx.update(SESSION_FAMILIES)
        .set(SESSION_FAMILIES.REVOKED_AT, currentOffsetDateTime())
        .set(SESSION_FAMILIES.REVOKED_REASON, reason)
        .where(SESSION_FAMILIES.ID.eq(familyId))
        .and(SESSION_FAMILIES.REVOKED_AT.isNull())
        .execute();
  }

  /** The IDs of the sessions revoked since {@code since}. */
  List<String> revokedSince(DSLContext dsl, OffsetDateTime since) {
    return dsl.select(SESSION_FAMILIES.ID)
        .from(SESSION_FAMILIES)
        .where(SESSION_FAMILIES.REVOKED_AT.ge(since))
        .fetch(SESSION_FAMILIES.ID);
  }

  /** The CSRF token of a session that is neither revoked nor expired. */
  Optional<String> csrfTokenOfLiveSession(DSLContext dsl, String familyId) {
    return dsl.select(SESSION_FAMILIES.CSRF_TOKEN)
        .from(SESSION_FAMILIES)
        .where(SESSION_FAMILIES.ID.eq(familyId))
        .and(SESSION_FAMILIES.REVOKED_AT.isNull())
        .and(SESSION_FAMILIES.EXPIRES_AT.gt(currentOffsetDateTime()))
        .fetchOptional(r -> r.value1());
  }
}
