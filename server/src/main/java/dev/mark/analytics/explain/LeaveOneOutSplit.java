package dev.mark.analytics.explain;

import dev.mark.analytics.Aggregation;
import dev.mark.analytics.explain.ExplainRepository.SegmentRow;
import dev.mark.analytics.explain.SegmentSplit.DimensionSplit;
import dev.mark.datasets.ColumnSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the change of a measure that does not add up ({@code count_distinct}, {@code median},
 * {@code p90}) by leave-one-out: a segment's effect is the total change minus the change of the
 * measure over every other row. The effects do not add up to the change; each dimension's
 * residual says by how much. Shares are of the rows, the measure having no parts to share.
 */
final class LeaveOneOutSplit {

  private static final MathContext MATH = ExactSplit.MATH;

  private final boolean countsDistinct;
  private final BigDecimal divisor0;
  private final BigDecimal divisor1;
  /** [leftOut][period]: dimension → segment text → row. */
  private final Map<Integer, Map<String, SegmentRow>>[][] rows;
  private final SegmentRow[] totals = new SegmentRow[2];

  @SuppressWarnings("unchecked")
  LeaveOneOutSplit(ExplainPlan plan, List<SegmentRow> segmentRows) {
    this.countsDistinct = plan.measure().agg() == Aggregation.COUNT_DISTINCT;
    this.divisor0 = plan.divisor(plan.baseline());
    this.divisor1 = plan.divisor(plan.current());
    this.rows = new Map[2][2];
    for (int l = 0; l < 2; l++) {
      for (int p = 0; p < 2; p++) {
        rows[l][p] = new HashMap<>();
      }
    }
    for (SegmentRow row : segmentRows) {
      if (!row.leftOut() && row.dimension() < 0) {
        totals[row.period()] = row;
      } else {
        rows[row.leftOut() ? 1 : 0][row.period()]
            .computeIfAbsent(row.dimension(), d -> new HashMap<>())
            .put(row.value(), row);
      }
    }
  }

  BigDecimal baseline() {
    return value(totals[0], divisor0);
  }

  BigDecimal current() {
    return value(totals[1], divisor1);
  }

  long rows(int period) {
    return totals[period] == null ? 0 : totals[period].rows();
  }

  BigDecimal change() {
    return baseline() == null || current() == null ? null : current().subtract(baseline(), MATH);
  }

  /** The segments of dimension {@code index}, their values typed back from text as {@code column}'s. */
  DimensionSplit split(int index, ColumnSpec column) {
    Map<String, Boolean> texts = new LinkedHashMap<>();
    for (int p = 0; p < 2; p++) {
      rows[0][p].getOrDefault(index, Map.of()).keySet().forEach(t -> texts.put(t, true));
    }
    BigDecimal change = change();
    List<SegmentSplit> segments = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (String text : texts.keySet()) {
      BigDecimal b = value(row(0, 0, index, text), divisor0);
      BigDecimal c = value(row(0, 1, index, text), divisor1);
      BigDecimal without0 = value(row(1, 0, index, text), divisor0);
      BigDecimal without1 = value(row(1, 1, index, text), divisor1);
      BigDecimal effect = change == null ? BigDecimal.ZERO
          : without0 == null || without1 == null ? change
          : change.subtract(without1.subtract(without0, MATH), MATH);
      sum = sum.add(effect);
      segments.add(new SegmentSplit(DimensionValues.typed(column, text), doubleOf(b), doubleOf(c),
          b == null || c == null ? null : c.subtract(b, MATH).doubleValue(), effect,
          share(row(0, 0, index, text), 0), share(row(0, 1, index, text), 1), null, null));
    }
    return new DimensionSplit(column.name(), segments, change == null ? BigDecimal.ZERO : change.subtract(sum, MATH));
  }

  private SegmentRow row(int leftOut, int period, int dimension, String text) {
    return rows[leftOut][period].getOrDefault(dimension, Map.of()).get(text);
  }

  /** A figure over some rows; rows that are not there count no distinct value, and have no median. */
  private BigDecimal value(SegmentRow row, BigDecimal divisor) {
    if (row == null || row.measure() == null) {
      return countsDistinct ? BigDecimal.ZERO : null;
    }
    return row.measure().divide(divisor, MATH);
  }

  private double share(SegmentRow row, int period) {
    long total = rows(period);
    return row == null || total == 0 ? 0 : (double) row.rows() / total;
  }

  private static Double doubleOf(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }
}
