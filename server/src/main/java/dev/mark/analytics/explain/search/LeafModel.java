package dev.mark.analytics.explain.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each leaf as an expected and an actual current value, so that additive and ratio measures are
 * searched alike. ADDITIVE: expected = the baseline value, actual = the current value. RATIO:
 * expected = the current denominator at the leaf's baseline rate, actual = the current numerator,
 * so a leaf deviates exactly when its rate moved (a change of volume alone is a mix effect, not a
 * leaf that behaves differently). A leaf with no baseline rows keeps its current rate, the rule
 * the explain's mix/rate decomposition follows too.
 */
final class LeafModel {
  final double[] expected;
  final double[] actual;
  final int[][] codes; // codes[dimension][leaf]
  final int[] cardinalities;
  final String[][] names; // names[dimension][code]

  private LeafModel(int leaves, int dimensions) {
    expected = new double[leaves];
    actual = new double[leaves];
    codes = new int[dimensions][leaves];
    cardinalities = new int[dimensions];
    names = new String[dimensions][];
  }

  static LeafModel of(LeafTable table, MeasureKind kind) {
    List<Leaf> leaves = table.leaves();
    int dims = table.dimensions().size();
    LeafModel model = new LeafModel(leaves.size(), dims);
    for (int d = 0; d < dims; d++) {
      model.encode(leaves, d);
    }
    for (int i = 0; i < leaves.size(); i++) {
      Leaf leaf = leaves.get(i);
      model.actual[i] = finite(leaf.currentNumerator());
      model.expected[i] = kind == MeasureKind.ADDITIVE
          ? finite(leaf.baselineNumerator())
          : expectedAtBaselineRate(leaf);
    }
    return model;
  }

  private static double expectedAtBaselineRate(Leaf leaf) {
    double currentDenominator = finite(leaf.currentDenominator());
    if (currentDenominator == 0) {
      return finite(leaf.currentNumerator());
    }
    double baselineDenominator = finite(leaf.baselineDenominator());
    if (baselineDenominator == 0) {
      return finite(leaf.currentNumerator());
    }
    return currentDenominator * finite(leaf.baselineNumerator()) / baselineDenominator;
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0;
  }

  private void encode(List<Leaf> leaves, int d) {
    Map<String, Integer> seen = new HashMap<>(); // null is a value like any other
    for (int i = 0; i < leaves.size(); i++) {
      codes[d][i] = seen.computeIfAbsent(leaves.get(i).values()[d], v -> seen.size());
    }
    cardinalities[d] = Math.max(1, seen.size());
    names[d] = new String[cardinalities[d]];
    seen.forEach((value, code) -> names[d][code] = value);
  }
}
