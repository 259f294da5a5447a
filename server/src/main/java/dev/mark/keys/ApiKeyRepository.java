package dev.mark.keys;

import static dev.mark.db.Tables.ACCOUNTS;
import static dev.mark.db.Tables.API_KEYS;

import dev.mark.platform.security.Principal;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;

/** Queries on API keys. Keys are found by the SHA-256 of the whole key; no secret is stored. */
final class ApiKeyRepository {

  void insert(DSLContext dsl, String id, String accountId, String environment, String name,
      byte[] secretHash, String hint) {
    dsl.insertInto(API_KEYS)
        .set(API_KEYS.ID, id)
        .set(API_KEYS.ACCOUNT_ID, accountId)
        .set(API_KEYS.ENVIRONMENT, environment)
        .set(API_KEYS.NAME, name)
        .set(API_KEYS.SECRET_HASH, secretHash)
        .set(API_KEYS.HINT, hint)
        .execute();
  }

  /** The principal of a key that exists and is not revoked. */
  Optional<Principal> findActive(DSLContext dsl, byte[] secretHash) {
    return dsl.select(API_KEYS.ACCOUNT_ID, API_KEYS.ID, API_KEYS.ENVIRONMENT, ACCOUNTS.PLAN_ID)
        .from(API_KEYS)
        .join(ACCOUNTS).on(ACCOUNTS.ID.eq(API_KEYS.ACCOUNT_ID))
        .where(API_KEYS.SECRET_HASH.eq(secretHash))
        .and(API_KEYS.REVOKED_AT.isNull())
        .fetchOptional(Records.mapping(Principal::new));
  }
}
