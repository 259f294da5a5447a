package dev.mark.platform.db;

import dev.mark.platform.errors.Conflict;
import dev.mark.platform.errors.ProblemCode;
import java.util.function.Function;
import org.jooq.DSLContext;
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
  private final JoinedTransactions joined = new JoinedTransactions();

  public Transactions(DSLContext dsl) {
    this.dsl = dsl;
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
