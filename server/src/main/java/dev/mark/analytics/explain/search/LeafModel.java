package dev.mark.analytics.explain.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each leaf as an expected and an actual current value in one or more channels, so that additive
 * and ratio measures are searched alike. ADDITIVE: one channel, expected = the baseline value,
 * actual = the current value. RATIO: two channels, searched jointly, because a cause may move
 * either part or both. The rate channel: expected = the current denominator at the leaf's
 * baseline rate, actual = the current numerator, so a leaf deviates there exactly when its rate
 * moved (a leaf with no baseline rows keeps its current rate, the rule the explain's mix/rate
 * decomposition follows too). The volume channel: the denominator's baseline and current values,
 * so a segment whose traffic moved (which moves the total ratio through the mix) is seen too, and
 * a cause that moved both parts counts the evidence of both.
 */
final class LeafModel {
  static final int RATE = 0;
  static final int VOLUME = 1;

  final double[][] expected; // expected[channel][leaf]
  final double[][] actual;
  final int[][] codes; // codes[dimension][leaf]
  final int[] cardinalities;
  final String[][] names; // names[dimension][code]
  /** ADDITIVE only, per leaf: Σ over periods of sum² / rows (see {@link SamplingNoise}); null when a count is unknown. */
  double[] sampling;

  private LeafModel(int leaves, int dimensions, int channels) {
    expected = new double[channels][leaves];
    actual = new double[channels][leaves];
    codes = new int[dimensions][leaves];
    cardinalities = new int[dimensions];
    names = new String[dimensions][];
  }

  static LeafModel of(LeafTable table, MeasureKind kind) {
    List<Leaf> leaves = table.leaves();
    int dims = table.dimensions().size();
    LeafModel model = new LeafModel(leaves.size(), dims, kind == MeasureKind.ADDITIVE ? 1 : 2);
    for (int d = 0; d < dims; d++) {
      model.encode(leaves, d);
    }
    if (kind == MeasureKind.ADDITIVE) {
      model.sampling = SamplingNoise.unitVariances(leaves);
    }
    for (int i = 0; i < leaves.size(); i++) {
      Leaf leaf = leaves.get(i);
      model.actual[RATE][i] = finite(leaf.currentNumerator());
      if (kind == MeasureKind.ADDITIVE) {
        model.expected[RATE][i] = finite(leaf.baselineNumerator());
      } else {
        model.expected[RATE][i] = expectedAtBaselineRate(leaf);
        model.expected[VOLUME][i] = finite(leaf.baselineDenominator());
        model.actual[VOLUME][i] = finite(leaf.currentDenominator());
      }
    }
    return model;
  }

  int channels() {
    return expected.length;
  }

  int leafCount() {
    return expected[0].length;
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
