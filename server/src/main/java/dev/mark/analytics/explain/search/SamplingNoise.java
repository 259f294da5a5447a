package dev.mark.analytics.explain.search;

import java.util.Arrays;
import java.util.List;

/**
 * The noise of a leaf that is a sum over rows, from its own row counts: a period's sum S over n
 * rows (n itself random, as orders arrive) varies by n·E[x²] = κ·S²/n, κ = E[x²]/E[x]² ≥ 1 the
 * spread of the amounts. So a leaf's change varies by κ·(S_b²/n_b + S_c²/n_c), a variance of its
 * own, which needs no fit across leaves but the one shared κ. Among few leaves, where a fit of
 * σ² and φ rests on a leaf or two, this is what the search trusts: κ is fitted robustly (the
 * median leaf's squared z-score at the chi-square(1) median, as in {@link NoiseModel}) and never
 * below 1, the floor the row counts alone set (amounts that all equal their mean).
 */
final class SamplingNoise {
  /**
   * Below this many leaves the search takes each leaf's noise from its row counts. Above it the
   * fit across leaves (two parameters, each to half the leaves) has leaves enough, and catches
   * noise beyond sampling (a weekday more in one period) that row counts do not see.
   */
  static final int FEW_LEAVES = 32;
  private static final double CHI2_MEDIAN = 0.454936;

  private SamplingNoise() {}

  /** Each leaf's S_b²/n_b + S_c²/n_c (κ = 1), or null when any leaf's row counts are unknown. */
  static double[] unitVariances(List<Leaf> leaves) {
    double[] unit = new double[leaves.size()];
    for (int i = 0; i < unit.length; i++) {
      Leaf leaf = leaves.get(i);
      if (!(leaf.baselineRows() >= 0 && leaf.currentRows() >= 0)) {
        return null;
      }
      unit[i] = part(leaf.baselineNumerator(), leaf.baselineRows()) + part(leaf.currentNumerator(), leaf.currentRows());
    }
    return unit;
  }

  private static double part(double sum, double rows) {
    return rows > 0 && Double.isFinite(sum) ? sum * sum / rows : 0;
  }

  /** κ times each leaf's unit variance, κ fitted to the deviations of the leaves in {@code use}. */
  static double[] variances(double[] expected, double[] actual, double[] unit, boolean[] use) {
    double[] z2 = new double[unit.length];
    int n = 0;
    for (int i = 0; i < unit.length; i++) {
      if (use[i] && unit[i] > 0) {
        z2[n++] = (actual[i] - expected[i]) * (actual[i] - expected[i]) / unit[i];
      }
    }
    double kappa = 1;
    if (n > 0) {
      double[] sorted = Arrays.copyOf(z2, n);
      Arrays.sort(sorted);
      double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      kappa = Math.max(1, median / CHI2_MEDIAN);
    }
    double[] variance = new double[unit.length];
    for (int i = 0; i < unit.length; i++) {
      variance[i] = kappa * unit[i];
    }
    return variance;
  }
}
