package dev.mark.platform.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached from other failures, so that it is answered as
 * {@code 503 unavailable} with {@code Retry-After}, as the contract promises, not as a 500.
 */
public final class DatabaseFailures {

  /** SQLSTATE class 08: connection exception (refused, lost, cannot be made). */
  private static final String CONNECTION_EXCEPTION_CLASS = "08";
  private static final String QUERY_CANCELED = "57014";
  private static final String LOCK_NOT_AVAILABLE = "55P03";
  /** admin_shutdown, crash_shutdown, cannot_connect_now: the server is stopping or starting. */
  private static final java.util.Set<String> SERVER_GOING_AWAY = java.util.Set.of("57P01", "57P02", "57P03");

  private DatabaseFailures() {}

  /**
   * Whether {@code failure}, or one of its causes, says the database cannot be reached now:
   * no connection could be had from the pool in time, or the connection failed or was cut.
   */
  public static boolean isUnreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
              || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * Whether {@code failure} is a statement PostgreSQL stopped at its statement timeout (or a lock
   * wait at its lock timeout): the database is too slow or too contended now to answer in time.
   */
  public static boolean isStatementTimeout(Throwable failure) {
    String state = sqlState(failure);
    return QUERY_CANCELED.equals(state) || LOCK_NOT_AVAILABLE.equals(state);
  }

  /**
   * Whether {@code failure} is a timeout waiting for a free connection of the pool named
   * {@code poolName} while the database itself answers: the pool is busy, not the database down.
   */
  public static boolean isPoolExhausted(Throwable failure, String poolName) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException timeout) {
        return timeout.getCause() == null && timeout.getMessage() != null
            && timeout.getMessage().startsWith(poolName + " - ");
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * The SQLSTATE of the first {@link SQLException} among {@code failure} and its causes, or null:
   * jOOQ's own {@code sqlState()} reads only its direct cause, which some of its wrappers are not.
   */
  public static String sqlState(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  /** The name of the analytics pool, for {@link #isPoolExhausted}. */
  public static String analyticsPool() {
    return ConnectionPools.ANALYTICS;
  }
}
