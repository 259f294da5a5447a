package dev.mark.analytics;

import org.jooq.exception.DataAccessException;

/** PostgreSQL errors of analytics statements that are the request's fault, told apart. */
public final class SqlStates {

  private static final String INVALID_PARAMETER_VALUE = "22023";

  private SqlStates() {}

  /** Whether {@code e} says that this PostgreSQL does not know a time zone the query names. */
  public static boolean isUnknownTimeZone(DataAccessException e) {
    return INVALID_PARAMETER_VALUE.equals(e.sqlState()) && String.valueOf(e.getMessage()).contains("time zone");
  }
}
