package dev.mark.analytics.explain;

import dev.mark.analytics.explain.ExplainRepository.LeafRow;
import dev.mark.datasets.ColumnSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaves summed up in memory, exactly: each dimension's segments and the totals. The
 * measure's parts are additive, so a segment is the sum of its leaves.
 */
final class LeafSegments {

  private final List<Map<Object, SegmentParts>> byDimension = new ArrayList<>();
  private SegmentParts totals = SegmentParts.empty(null);

  LeafSegments(List<LeafRow> leaves, List<ColumnSpec> dimensions) {
    for (int i = 0; i < dimensions.size(); i++) {
      byDimension.add(new LinkedHashMap<>());
    }
    for (LeafRow leaf : leaves) {
      totals = totals.plus(leaf.period(), leaf.numerator(), leaf.denominator(), leaf.rows());
      for (int i = 0; i < dimensions.size(); i++) {
        Object value = leaf.values()[i];
        byDimension.get(i).merge(value,
            SegmentParts.empty(value).plus(leaf.period(), leaf.numerator(), leaf.denominator(), leaf.rows()),
            (a, b) -> a.plus(leaf.period(), leaf.numerator(), leaf.denominator(), leaf.rows()));
      }
    }
  }

  SegmentParts totals() {
    return totals;
  }

  List<SegmentParts> of(int dimension) {
    return List.copyOf(byDimension.get(dimension).values());
  }

  int distinctValues(int dimension) {
    return byDimension.get(dimension).size();
  }
}
