package dev.mark.analytics;

/** How a measure combines the values of a column. */
public enum Aggregation {
  COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX, MEDIAN, P90;

  /** The name used in the API, e.g. {@code count_distinct}. */
  public String apiName() {
    return name().toLowerCase();
  }
}
