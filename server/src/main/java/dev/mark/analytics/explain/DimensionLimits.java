package dev.mark.analytics.explain;

import dev.mark.datasets.ColumnSpec;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The most values a dimension may have in the two periods: past it, a split is a list of ids,
 * not an explanation, and the leaves would not fit in memory.
 */
final class DimensionLimits {

  static final int MAX_VALUES = 1_000;

  private DimensionLimits() {}

  /** The candidates with at most {@link #MAX_VALUES} distinct values, given by candidate index. */
  static List<ColumnSpec> defaults(List<ColumnSpec> candidates, Map<Integer, Long> distinct) {
    List<ColumnSpec> chosen = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (distinct.getOrDefault(i, 0L) <= MAX_VALUES) {
        chosen.add(candidates.get(i));
      }
    }
    return chosen;
  }

  /** Refuses the dimensions the caller named that have too many values; defaults were chosen within the limit. */
  static void check(ExplainPlan plan, List<ColumnSpec> dimensions, IntUnaryOperator distinctValues) {
    if (plan.dimensions().isEmpty()) {
      return;
    }
    List<FieldIssue> issues = new ArrayList<>();
    for (int i = 0; i < dimensions.size(); i++) {
      int values = distinctValues.applyAsInt(i);
      if (values > MAX_VALUES) {
        issues.add(FieldIssue.body("/dimensions/" + i, "too_many_values", dimensions.get(i).name() + " has "
            + values + " distinct values in the two periods; a dimension may have at most " + MAX_VALUES));
      }
    }
    if (!issues.isEmpty()) {
      throw new Unprocessable(ProblemCode.INVALID_EXPLAIN, "The explain request does not fit the dataset.", issues);
    }
  }
}
