package dev.mark.analytics;

/**
 * What an analytics operation costs, in units, from the weight of what it asks, known before it
 * runs so that the caller can predict it: {@code base + F + G + S}, where
 * <ul>
 *   <li>{@code F = floor(points / 20)}: 1 point per filter condition (inside {@code or} too),
 *       4 per {@code contains}, which scans text;</li>
 *   <li>{@code G = max(0, groupings − 2)}: the dimensions and the time bucket;</li>
 *   <li>{@code S = floor(rows / 1,000,000) × (1 + F)}: every full million rows of the dataset
 *       is scanned again by every condition.</li>
 * </ul>
 * The contract says the same on {@code queryDataset}; {@code QueryPriceTest} holds both to it.
 *
 * @param base the operation's {@code x-mark-cost}, charged when the call is admitted
 * @param filterPoints the filter points (see above)
 * @param groupings the number of dimensions and time buckets
 * @param rows the rows of the dataset (its {@code row_count})
 */
public record QueryPrice(int base, int filterPoints, int groupings, long rows) {

  static final int POINTS_PER_UNIT = 20;
  static final int FREE_GROUPINGS = 2;
  static final long ROWS_PER_UNIT = 1_000_000;
  static final int CONTAINS_POINTS = 4;

  /** The price of a checked query over a dataset of {@code rows} rows. */
  public static QueryPrice of(int base, QueryPlan plan, long rows) {
    return new QueryPrice(base, points(plan.filters()), plan.groupCount(), rows);
  }

  /** Every unit: the base and the weight. */
  public long units() {
    return base + extraUnits();
  }

  /** The units beyond the base, charged once the weight is known. */
  public long extraUnits() {
    long filters = filterPoints / POINTS_PER_UNIT;
    long groups = Math.max(0, groupings - FREE_GROUPINGS);
    // at most 2^31 × 2^27: no overflow, whatever the dataset's size
    long millions = Math.min(rows / ROWS_PER_UNIT, Integer.MAX_VALUE);
    return filters + groups + millions * (1 + filters);
  }

  private static int points(java.util.List<QueryPlan.PlannedFilter> filters) {
    int points = 0;
    for (QueryPlan.PlannedFilter filter : filters) {
      points += switch (filter) {
        case QueryPlan.PlannedCondition condition ->
            condition.op() == FilterOp.CONTAINS ? CONTAINS_POINTS : 1;
        case QueryPlan.PlannedAnyOf anyOf -> points(anyOf.filters());
      };
    }
    return points;
  }
}
