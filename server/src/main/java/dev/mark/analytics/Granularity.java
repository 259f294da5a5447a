package dev.mark.analytics;

/** The width of a time bucket; the names are PostgreSQL's {@code date_trunc} fields. */
public enum Granularity {
  HOUR, DAY, WEEK, MONTH, QUARTER, YEAR;

  String sqlField() {
    return name().toLowerCase();
  }
}
