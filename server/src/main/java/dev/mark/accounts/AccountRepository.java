package dev.mark.accounts;

import static dev.mark.db.Tables.ACCOUNTS;

import org.jooq.DSLContext;

/** Queries on accounts. */
final class AccountRepository {

  void insert(DSLContext dsl, String id, String name) {
    dsl.insertInto(ACCOUNTS)
        .set(ACCOUNTS.ID, id)
        .set(ACCOUNTS.NAME, name)
        .execute();
  }

  boolean any(DSLContext dsl) {
    return dsl.fetchExists(ACCOUNTS);
  }
}
