package dev.mark.accounts;

import static dev.mark.db.Tables.ACCOUNTS;

import org.jooq.DSLContext;

/** Queries on accounts. */
final class AccountRepository {

  void insert(DSLContext dsl, String id, String name, String planId) {
    dsl.insertInto(ACCOUNTS)
        .set(ACCOUNTS.ID, id)
        .set(ACCOUNTS.NAME, name)
        .set(ACCOUNTS.PLAN_ID, planId)
        .execute();
  }

  boolean any(DSLContext dsl) {
    return dsl.fetchExists(ACCOUNTS);
  }
}
