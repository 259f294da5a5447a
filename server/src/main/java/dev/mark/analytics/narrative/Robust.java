package dev.mark.analytics.narrative;

import java.util.Arrays;

/**
 * The statistics narratives rest on, chosen to be robust to one odd value: the Mann–Kendall
 * test of a monotonic trend, Sen's slope, and Iglewicz and Hoaglin's modified z-score (the
 * median absolute deviation in place of the standard deviation).
 */
final class Robust {

  private Robust() {}

  static double median(double[] xs) {
    double[] sorted = xs.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The median absolute deviation from the median. */
  static double mad(double[] xs) {
    double m = median(xs);
    return median(Arrays.stream(xs).map(x -> Math.abs(x - m)).toArray());
  }

  /**
   * Modified z-scores 0.6745·(x − median)/MAD; NaN for all when the MAD is 0 (more than half
   * the values equal), where no value can be called far from "the others" by this measure.
   */
  static double[] modifiedZ(double[] xs) {
    double m = median(xs);
    double mad = mad(xs);
    return Arrays.stream(xs).map(x -> mad == 0 ? Double.NaN : 0.6745 * (x - m) / mad).toArray();
  }

  /** Sen's slope: the median of the slopes between every pair of points, per step of the index. */
  static double senSlope(double[] ys) {
    int n = ys.length;
    double[] slopes = new double[n * (n - 1) / 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        slopes[k++] = (ys[j] - ys[i]) / (j - i);
      }
    }
    return median(slopes);
  }

  /** Mann–Kendall's S: the pairs in increasing order minus those in decreasing order. */
  static long kendallS(double[] ys) {
    long s = 0;
    for (int i = 0; i < ys.length; i++) {
      for (int j = i + 1; j < ys.length; j++) {
        s += Double.compare(ys[j], ys[i]) > 0 ? 1 : ys[j] < ys[i] ? -1 : 0;
      }
    }
    return s;
  }

  /**
   * The two-sided p-value of the Mann–Kendall test for a monotonic trend. Without ties and up
   * to 40 points it is exact (the distribution of S is that of inversions of a random
   * permutation); otherwise the normal approximation with the variance corrected for ties and a
   * continuity correction. Fewer than 3 points give 1: no trend can be shown.
   */
  static double mannKendallP(double[] ys) {
    int n = ys.length;
    if (n < 3) {
      return 1;
    }
    long s = kendallS(ys);
    if (!hasTies(ys) && n <= 40) {
      return Math.min(1, 2 * exactUpperTail(n, Math.abs(s)));
    }
    double variance = n * (n - 1.0) * (2 * n + 5) / 18 - tieCorrection(ys);
    if (variance <= 0) {
      return 1;
    }
    double z = (Math.abs(s) - 1) / Math.sqrt(variance);
    return Math.min(1, 2 * (1 - standardNormalCdf(z)));
  }

  // P(S ≥ s) for n distinct values: S = pairs − 2·inversions, and the number of permutations
  // of n items with k inversions follows the Mahonian recurrence (kept as probabilities)
  private static double exactUpperTail(int n, long s) {
    int pairs = n * (n - 1) / 2;
    double[] p = {1};
    for (int m = 2; m <= n; m++) {
      double[] next = new double[p.length + m - 1];
      for (int k = 0; k < p.length; k++) {
        for (int add = 0; add < m; add++) {
          next[k + add] += p[k] / m;
        }
      }
      p = next;
    }
    // S ≥ s  ⇔  inversions ≤ (pairs − s) / 2
    long maxInversions = Math.floorDiv(pairs - s, 2);
    double tail = 0;
    for (int k = 0; k <= maxInversions && k < p.length; k++) {
      tail += p[k];
    }
    return tail;
  }

  private static boolean hasTies(double[] ys) {
    double[] sorted = ys.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        return true;
      }
    }
    return false;
  }

  private static double tieCorrection(double[] ys) {
    double[] sorted = ys.clone();
    Arrays.sort(sorted);
    double correction = 0;
    int run = 1;
    for (int i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] == sorted[i - 1]) {
        run++;
      } else {
        correction += run * (run - 1.0) * (2 * run + 5) / 18;
        run = 1;
      }
    }
    return correction;
  }

  // Abramowitz and Stegun 7.1.26 for erf: absolute error below 1.5e-7, ample for a 5 % test
  private static double standardNormalCdf(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
        + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
    return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
  }
}
