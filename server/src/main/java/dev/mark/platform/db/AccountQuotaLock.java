package dev.mark.platform.db;

import dev.mark.platform.security.Sha256;
import org.jooq.DSLContext;

/**
 * Serialises, per account, the transactions that count what an account holds before they add
 * to it (keys, datasets), so that two concurrent creates at a plan's cap cannot both see room
 * for one more. A transaction-scoped PostgreSQL advisory lock: released by the commit or the
 * rollback, or when the connection dies, and it blocks nothing but other quota counts of the
 * same account (a row lock on the account would also hold up the foreign-key checks of every
 * insert that references it).
 */
public final class AccountQuotaLock {

  private AccountQuotaLock() {}

  /** Waits for, then holds until {@code tx} ends, the quota lock of {@code accountId}. */
  public static void hold(DSLContext tx, String accountId) {
    // a void function: fetched as a plain statement, its value bound
    tx.execute("select pg_advisory_xact_lock(?)", Sha256.first64Bits("account-quota|" + accountId));
  }
}
