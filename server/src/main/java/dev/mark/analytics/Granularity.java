package dev.mark.analytics;

/** The width of a time bucket; the names are PostgreSQL's {@code date_trunc} fields. */
public enum Granularity {
  HOUR("1 hour"), DAY("1 day"), WEEK("7 days"), MONTH("1 month"), QUARTER("3 months"), YEAR("1 year");

  private final String step;

  Granularity(String step) {
    this.step = step;
  }

  String sqlField() {
    return name().toLowerCase();
  }

  /**
   * The interval from one bucket start to the next, for {@code generate_series}: added in the
   * query's time zone, so a day is 23 or 25 hours across a daylight-saving change.
   */
  String sqlStep() {
    return step;
  }
}
