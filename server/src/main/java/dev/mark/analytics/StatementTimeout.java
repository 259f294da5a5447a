package dev.mark.analytics;

import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Timeout;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** The statement timeout of analytics reads (query and explain), and the 504 it ends in. */
public final class StatementTimeout {

  private static final String QUERY_CANCELED = "57014";
  private static final String INVALID_PARAMETER_VALUE = "22023";

  private StatementTimeout() {}

  /** Sets the timeout for the rest of {@code tx}: SET LOCAL ends with the transaction, not the pooled connection. */
  public static void set(DSLContext tx, long timeoutMillis) {
    tx.select(function("set_config", String.class,
            val("statement_timeout"), val(Long.toString(timeoutMillis)), inline(true)))
        .fetch();
  }

  /** Whether {@code e} says that this PostgreSQL does not know a time zone the query names. */
  public static boolean isUnknownTimeZone(DataAccessException e) {
    return INVALID_PARAMETER_VALUE.equals(e.sqlState()) && String.valueOf(e.getMessage()).contains("time zone");
  }

  /** A 504 when {@code e} is the timeout's cancellation; else {@code e} itself, to be rethrown. */
  public static RuntimeException translate(DataAccessException e, long timeoutMillis) {
    if (QUERY_CANCELED.equals(e.sqlState())) {
      return new Timeout(ProblemCode.QUERY_TIMEOUT, "The query was stopped after " + timeoutMillis
          + " ms; narrow it with filters or a shorter period.");
    }
    return e;
  }
}
