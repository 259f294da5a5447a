package dev.mark.platform.db;

import dev.mark.platform.errors.Conflict;
import dev.mark.platform.errors.ProblemCode;
import java.time.Duration;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Runs a unit of work in one transaction. Services use it so that the rule "the service owns
 * the transaction" reads the same everywhere, and so that a unique-key violation that slips
 * past a service's own checks becomes a {@link Conflict}, not a 500.
 *
 * <p>A caller that must commit a service's work together with a record of its own (the stored
 * response of an idempotent request) opens the transaction with {@link #inOneTransaction}: every
 * {@link #inTransaction} and {@link #reads()} of the same thread then joins it, so that the work
 * and the record commit together or not at all, with no service knowing.
 */
public final class Transactions {

  private final DSLContext dsl;
  private final Duration longestWait;
  private final JoinedTransactions joined = new JoinedTransactions();

  /** Transactions whose statements all keep the pool's own timeouts. */
  public Transactions(DSLContext dsl) {
    this(dsl, ConnectionPools.MAIN_STATEMENT_TIMEOUT);
  }

  /**
   * @param longestWait how long a statement of {@link #inPatientTransaction} may wait: see
   *     {@link Database#longestWait()}
   */
  public Transactions(DSLContext dsl, Duration longestWait) {
    this.dsl = dsl;
    this.longestWait = longestWait;
  }

  /**
   * As {@link #inTransaction}, for work that may rightly wait longer than the main pool's
   * statement timeout allows: a delete of a dataset waits for the queries that read it, an
   * ingest for another ingest of the same dataset. Its connection's statement timeout becomes
   * {@code longestWait}, and its socket timeout that plus the pools' margin, until it goes back
   * to the pool (which restores the socket timeout; the statement timeout ends with the
   * transaction), so a frozen database still fails it, only later.
   */
  public <T> T inPatientTransaction(Function<DSLContext, T> work) {
    return inTransaction(tx -> {
      tx.select(DSL.function("set_config", String.class, DSL.val("statement_timeout"),
              DSL.val(Long.toString(longestWait.toMillis())), DSL.inline(true)))
          .fetch();
      tx.connection(connection -> connection.setNetworkTimeout(Runnable::run,
          (int) Math.min(Integer.MAX_VALUE, ConnectionPools.socketTimeoutSeconds(longestWait) * 1_000)));
      return work.apply(tx);
    });
  }

  /**
   * Runs {@code work} with a {@link DSLContext} bound to a new transaction, or to a savepoint
   * of the transaction this thread opened with {@link #inOneTransaction}.
   */
  public <T> T inTransaction(Function<DSLContext, T> work) {
    DSLContext outer = joined.current().orElse(dsl);
    try {
      return outer.transactionResult(configuration -> work.apply(configuration.dsl()));
    } catch (IntegrityConstraintViolationException e) {
      throw new Conflict(ProblemCode.CONFLICT, "The request conflicts with the current state of the resource.");
    }
  }

  /**
   * Runs {@code work} in one transaction that every {@link #inTransaction} and {@link #reads()}
   * of this thread joins until it ends, then runs what {@link #afterTransaction} deferred.
   *
   * @throws IllegalStateException when this thread is already in such a transaction
   */
  public <T> T inOneTransaction(Function<DSLContext, T> work) {
    return joined.run(() -> inTransaction(tx -> joined.join(tx, () -> work.apply(tx))));
  }

  /**
   * Runs {@code action} once the transaction of this thread that {@link #inOneTransaction}
   * opened has ended (committed or not), or now when there is none: for what must not happen
   * before a commit, such as forgetting a cached copy.
   */
  public void afterTransaction(Runnable action) {
    joined.afterEnd(action);
  }

  /**
   * The context for reads that need no transaction of their own: the joined transaction's, on
   * a thread in one (it sees its own writes, and takes no second connection from the pool).
   */
  public DSLContext reads() {
    return joined.current().orElse(dsl);
  }
}
