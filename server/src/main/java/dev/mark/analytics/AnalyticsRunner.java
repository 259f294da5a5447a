package dev.mark.analytics;

import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import dev.mark.platform.db.DatabaseFailures;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.ServiceUnavailable;
import dev.mark.platform.errors.Timeout;
import dev.mark.platform.errors.Unprocessable;
import dev.mark.platform.ratelimit.Charges;
import dev.mark.platform.security.Principal;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Runs the SQL of one analytics operation (a query, an explanation) so that no tenant can
 * starve the others: the price must fit the caller's plan, the caller's account gets one of its
 * plan's concurrent places on the node and one of the node's ({@link AnalyticsGate}), the price
 * is charged, then the work runs in one transaction on the analytics connections (never the ones
 * reads, writes and authentication use) under a statement timeout, with the account's place
 * across the nodes held by that transaction ({@link AccountQuerySlots}). Failures the request caused are answered as such and stay
 * charged: a timeout (504), a statement PostgreSQL finds too complex or too large (422). A node
 * whose analytics places stay full is a {@code 503 analytics_busy}, not charged. Thread-safe.
 */
public final class AnalyticsRunner {

  private static final String QUERY_CANCELED = "57014";
  /** Out of memory, disk full (temporary files): the statement needs more than one gets. */
  private static final Set<String> TOO_LARGE = Set.of("53200", "53100");
  /** SQLSTATE class 54, program limit exceeded: too complex, too deeply nested. */
  private static final String TOO_COMPLEX_CLASS = "54";
  private static final long BUSY_RETRY_SECONDS = 1;

  private final Transactions analytics;
  private final AnalyticsGate gate;
  private final long timeoutMillis;
  private final int parallelWorkers;

  /**
   * @param analytics transactions on the analytics connections
   * @param timeoutMillis the statement timeout of every statement the work runs
   * @param parallelWorkers PostgreSQL's {@code max_parallel_workers_per_gather} for the work's
   *     statements: each worker is one more process on a CPU, beyond what the node's analytics
   *     places count
   */
  public AnalyticsRunner(Transactions analytics, AnalyticsGate gate, long timeoutMillis,
      int parallelWorkers) {
    this.analytics = analytics;
    this.gate = gate;
    this.timeoutMillis = timeoutMillis;
    this.parallelWorkers = parallelWorkers;
  }

  /**
   * Charges {@code price} beyond its base (already charged at admission) and runs {@code work}.
   *
   * @throws Unprocessable {@code query_too_costly} when the price exceeds what the plan can ever
   *     admit, or PostgreSQL refuses the statement as too complex or too large
   * @throws dev.mark.platform.errors.TooManyRequests when the account runs its plan's most
   *     queries already (on this node, or across the nodes), or the price is over its limits now
   * @throws Timeout {@code query_timeout} when a statement runs past the timeout
   * @throws ServiceUnavailable {@code analytics_busy} when no place for analytics on the node
   *     frees up in time
   */
  public <T> T run(Principal caller, Charges charges, QueryPrice price, Function<DSLContext, T> work) {
    if (price.units() > charges.maxUnitsPerCall()) {
      throw new Unprocessable(ProblemCode.QUERY_TOO_COSTLY, "This query costs " + price.units()
          + " units; the plan admits at most " + charges.maxUnitsPerCall() + " per call.",
          List.of(FieldIssue.body("", "too_costly", "use fewer filters (contains weighs 4), fewer"
              + " groupings, or a smaller dataset; see the cost of queryDataset in the contract")));
    }
    try (AnalyticsGate.Permit permit = gate.enter(caller)) {
      charges.charge((int) Math.min(Integer.MAX_VALUE, price.extraUnits()));
      return analytics.inTransaction(tx -> {
        DSLContext typed = withTypedInstants(tx);
        // one round trip: SET LOCAL of the timeout and the parallel workers (they end with this
        // transaction, not with the pooled connection), and one of the account's places across
        // the nodes, held until the transaction ends
        Integer place = typed.select(
                function("set_config", String.class,
                    val("statement_timeout"), val(Long.toString(timeoutMillis)), inline(true)),
                function("set_config", String.class, val("max_parallel_workers_per_gather"),
                    val(Integer.toString(parallelWorkers)), inline(true)),
                AccountQuerySlots.take(caller.accountId(), permit.accountCap()))
            .fetchOne()
            .value3();
        if (place == null) {
          throw AnalyticsGate.tooMany(permit.accountCap());
        }
        return work.apply(typed);
      });
    } catch (DataAccessException e) {
      throw translate(e);
    }
  }

  /**
   * {@code tx}, binding instants as {@code timestamptz} parameters. jOOQ's default binds an
   * {@code OffsetDateTime} as text, and PostgreSQL then casts that text to a timestamp for every
   * row it compares (the cast depends on settings, so it is never folded into a constant): a sum
   * over a period took 3–4× what it takes with the bounds typed (bench/explain.sh, psql PREPARE).
   */
  static DSLContext withTypedInstants(DSLContext tx) {
    return tx.configuration().deriveSettings(s -> s.withBindOffsetDateTimeType(true)).dsl();
  }

  private RuntimeException translate(DataAccessException e) {
    String state = DatabaseFailures.sqlState(e);
    if (QUERY_CANCELED.equals(state)) {
      return new Timeout(ProblemCode.QUERY_TIMEOUT, "The query was stopped after " + timeoutMillis
          + " ms; narrow it with filters or a shorter period.");
    }
    if (state != null && (TOO_LARGE.contains(state) || state.startsWith(TOO_COMPLEX_CLASS))) {
      return new Unprocessable(ProblemCode.QUERY_TOO_COSTLY,
          "The database refused the query as too complex or too large for one query.",
          List.of(FieldIssue.body("", "too_costly", "use fewer filters or groupings")));
    }
    if (DatabaseFailures.isPoolExhausted(e, DatabaseFailures.analyticsPool())) {
      return new ServiceUnavailable(ProblemCode.ANALYTICS_BUSY, "Every connection for analytics on"
          + " this node is in use; retry in a moment.", OptionalLong.of(BUSY_RETRY_SECONDS));
    }
    return e;
  }
}
