package dev.mark.marketplace;

import static dev.mark.db.Tables.MARKETPLACE_USERS;

import java.util.Optional;
import org.jooq.DSLContext;

/** Which account each marketplace user has. */
final class MarketplaceRepository {

  Optional<MarketplaceMember> find(DSLContext dsl, String userName) {
    return dsl.select(MARKETPLACE_USERS.ACCOUNT_ID, MARKETPLACE_USERS.KEY_ID)
        .from(MARKETPLACE_USERS)
        .where(MARKETPLACE_USERS.USER_NAME.eq(userName))
        .fetchOptional(r -> new MarketplaceMember(r.value1(), r.value2()));
  }

  /** Records a new member; false when another node recorded this user first. */
  boolean insert(DSLContext dsl, String userName, MarketplaceMember member) {
    return dsl.insertInto(MARKETPLACE_USERS)
        .set(MARKETPLACE_USERS.USER_NAME, userName)
        .set(MARKETPLACE_USERS.ACCOUNT_ID, member.accountId())
        .set(MARKETPLACE_USERS.KEY_ID, member.keyId())
        .onConflictDoNothing()
        .execute() == 1;
  }
}
