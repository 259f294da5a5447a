package dev.mark.analytics;

/** How a measure combines the values of a column, or ({@code RATIO}) divides two measures. */
public enum Aggregation {
  COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX, MEDIAN, P90, RATIO;

  /** The name used in the API, e.g. {@code count_distinct}. */
  public String apiName() {
    return name().toLowerCase();
  }
}
