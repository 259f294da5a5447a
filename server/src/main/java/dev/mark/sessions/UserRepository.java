package dev.mark.sessions;

import static dev.mark.db.Tables.ACCOUNTS;
import static dev.mark.db.Tables.USERS;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Users, found by ID or by their (lower-case) email, with their account's plan. */
final class UserRepository {

  /** A user as sessions need it. */
  record StoredUser(String id, String accountId, String email, String passwordHash,
      String planId, String testKeyId, String liveKeyId, OffsetDateTime createdAt) {}

  /** Inserts a user; false when the email already has one. */
  boolean insert(DSLContext tx, StoredUser user) {
    return tx.insertInto(USERS)
        .set(USERS.ID, user.id())
        .set(USERS.ACCOUNT_ID, user.accountId())
        .set(USERS.EMAIL, user.email())
        .set(USERS.PASSWORD_HASH, user.passwordHash())
        .set(USERS.TEST_KEY_ID, user.testKeyId())
        .set(USERS.LIVE_KEY_ID, user.liveKeyId())
        .onConflict(USERS.EMAIL).doNothing()
        .execute() == 1;
  }

  Optional<StoredUser> byEmail(DSLContext dsl, String email) {
    return select(dsl).where(USERS.EMAIL.eq(email)).fetchOptional(UserRepository::toUser);
  }

  Optional<StoredUser> byId(DSLContext dsl, String id) {
    return select(dsl).where(USERS.ID.eq(id)).fetchOptional(UserRepository::toUser);
  }

  private static org.jooq.SelectOnConditionStep<Record> select(DSLContext dsl) {
    return dsl.select(USERS.fields()).select(ACCOUNTS.PLAN_ID)
        .from(USERS)
        .join(ACCOUNTS).on(ACCOUNTS.ID.eq(USERS.ACCOUNT_ID));
  }

  private static StoredUser toUser(Record r) {
    return new StoredUser(r.get(USERS.ID), r.get(USERS.ACCOUNT_ID), r.get(USERS.EMAIL),
        r.get(USERS.PASSWORD_HASH), r.get(ACCOUNTS.PLAN_ID), r.get(USERS.TEST_KEY_ID),
        r.get(USERS.LIVE_KEY_ID), r.get(USERS.CREATED_AT));
  }
}
