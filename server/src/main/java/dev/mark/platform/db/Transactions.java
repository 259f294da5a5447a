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
 */
public final class Transactions {

  private final DSLContext dsl;

  public Transactions(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Runs {@code work} with a {@link DSLContext} bound to a new transaction. */
  public <T> T inTransaction(Function<DSLContext, T> work) {
    try {
      return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
    } catch (IntegrityConstraintViolationException e) {
      throw new Conflict(ProblemCode.CONFLICT, "The request conflicts with the current state of the resource.");
    }
  }

  /** The context for reads that need no transaction of their own. */
  public DSLContext reads() {
    return dsl;
  }
}
