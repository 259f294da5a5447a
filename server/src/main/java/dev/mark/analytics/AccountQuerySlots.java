package dev.mark.analytics;

import dev.mark.platform.security.Sha256;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * An account's plan cap on concurrent analytics, held across every node that shares the
 * database: place {@code i} of an account is a transaction-scoped PostgreSQL advisory lock on a
 * key of its own, so a running query holds one until its transaction ends (or its connection
 * dies), and a node that finds every place of the account taken refuses the query. Keys are the
 * first 64 bits of a SHA-256 of the account and the place, like {@code AccountQuotaLock}'s, so
 * they meet no other lock of the server.
 */
final class AccountQuerySlots {

  /**
   * More places than a node could ever run at once: a plans file may say any cap, and the
   * node-wide places bound it long before this does.
   */
  static final int MOST = 1_000;

  private AccountQuerySlots() {}

  /**
   * A field that takes the first free place of {@code accountId}'s {@code cap} (one statement:
   * the scan stops at the first lock it gets) and is its number, or {@code null} when every
   * place is taken.
   */
  static Field<Integer> take(String accountId, int cap) {
    Long[] keys = new Long[Math.min(cap, MOST)];
    for (int place = 0; place < keys.length; place++) {
      keys[place] = Sha256.first64Bits("analytics-place|" + accountId + "|" + place);
    }
    return DSL.field("(select (place - 1)::int from unnest({0}) with ordinality as p(key, place)"
        + " where pg_try_advisory_xact_lock(key) limit 1)", Integer.class,
        DSL.val(keys, SQLDataType.BIGINT.array()));
  }
}
