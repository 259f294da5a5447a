package dev.mark.analytics.explain;

import dev.mark.analytics.explain.ExplainRepository.LeafRow;
import dev.mark.datasets.ColumnSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaves summed up in memory, exactly: each dimension's segments and the totals. The
 * measure's parts are additive, so a segment is the sum of its leaves.
 */
final class LeafSegments {

  /** Sums in place: tens of thousands of leaves are added to several segments each. */
  private static final class Sums {
    final BigDecimal[] numerator = {BigDecimal.ZERO, BigDecimal.ZERO};
    final BigDecimal[] denominator = {BigDecimal.ZERO, BigDecimal.ZERO};
    final long[] rows = new long[2];

    void add(LeafRow leaf) {
      numerator[leaf.period()] = numerator[leaf.period()].add(leaf.numerator());
      denominator[leaf.period()] = denominator[leaf.period()].add(leaf.denominator());
      rows[leaf.period()] += leaf.rows();
    }

    SegmentParts parts(Object value) {
      return new SegmentParts(value, numerator[0], denominator[0], rows[0], numerator[1], denominator[1], rows[1]);
    }
  }

  private final List<Map<Object, Sums>> byDimension = new ArrayList<>();
  private final Sums totals = new Sums();

  LeafSegments(List<LeafRow> leaves, List<ColumnSpec> dimensions) {
    for (int i = 0; i < dimensions.size(); i++) {
      byDimension.add(new LinkedHashMap<>());
    }
    for (LeafRow leaf : leaves) {
      totals.add(leaf);
      for (int i = 0; i < dimensions.size(); i++) {
        byDimension.get(i).computeIfAbsent(leaf.values()[i], v -> new Sums()).add(leaf);
      }
    }
  }

  SegmentParts totals() {
    return totals.parts(null);
  }

  List<SegmentParts> of(int dimension) {
    List<SegmentParts> parts = new ArrayList<>();
    byDimension.get(dimension).forEach((value, sums) -> parts.add(sums.parts(value)));
    return parts;
  }

  int distinctValues(int dimension) {
    return byDimension.get(dimension).size();
  }
}
