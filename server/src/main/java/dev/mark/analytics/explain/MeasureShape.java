package dev.mark.analytics.explain;

import dev.mark.analytics.Aggregation;

/** How a measure's change splits over segments, which decides the SQL and the arithmetic. */
enum MeasureShape {
  /** sum and count: a segment's contribution is its own change, and they add up. */
  ADDITIVE,
  /** ratio and avg (sum ÷ count of non-null values): the exact symmetric mix/rate split. */
  RATIO,
  /** count_distinct, median and p90: leave-one-out effects, which do not add up. */
  LEAVE_ONE_OUT;

  static MeasureShape of(Aggregation agg) {
    return switch (agg) {
      case SUM, COUNT -> ADDITIVE;
      case RATIO, AVG -> RATIO;
      case COUNT_DISTINCT, MEDIAN, P90 -> LEAVE_ONE_OUT;
      case MIN, MAX -> throw new IllegalArgumentException(agg.apiName() + " cannot be explained");
    };
  }

  /** Whether {@code per_day} divides the measure's values by the period's length. */
  boolean perDay(Aggregation agg) {
    return this == ADDITIVE || agg == Aggregation.COUNT_DISTINCT;
  }
}
