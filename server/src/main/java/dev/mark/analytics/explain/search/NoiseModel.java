package dev.mark.analytics.explain.search;

import java.util.Arrays;

/**
 * How much a leaf that did not change still moves between periods: variance = σ²·m² + φ·m, where
 * m is the leaf's size. The σ² part is proportional noise (a big leaf wobbles by a few percent),
 * the φ part is counting noise (a leaf of three orders has three or five next time, or none).
 * Both are fitted robustly, by medians, to the leaves' deviations, so that root causes (a minority
 * of the leaves) barely move the fit: the median of each half's squared z-scores is made equal to
 * the chi-square(1) median.
 */
record NoiseModel(double sigma2, double phi) {
  private static final double CHI2_MEDIAN = 0.454936;
  private static final int SAMPLE = 4000;
  private static final double MIN_SIGMA2 = 1e-6; // never assume a perfect fit: 0.1 % of a leaf

  double variance(double size) {
    return sigma2 * size * size + phi * size;
  }

  /** Fits the model to deviations {@code actual - expected} of the leaves in {@code use}. */
  static NoiseModel fit(double[] expected, double[] actual, boolean[] use) {
    int n = 0;
    for (int i = 0; i < expected.length; i++) {
      if (use[i] && size(expected[i], actual[i]) > 0) {
        n++;
      }
    }
    if (n < 4) {
      return new NoiseModel(MIN_SIGMA2, 0);
    }
    // A fixed stride keeps at most SAMPLE leaves: the fit needs medians, not every leaf.
    int stride = (n + SAMPLE - 1) / SAMPLE;
    n = (n + stride - 1) / stride;
    double[] sizes = new double[n];
    double[] squares = new double[n];
    int k = 0;
    int seen = 0;
    for (int i = 0; i < expected.length && k < n; i++) {
      double m = size(expected[i], actual[i]);
      if (use[i] && m > 0 && seen++ % stride == 0) {
        sizes[k] = m;
        squares[k] = (actual[i] - expected[i]) * (actual[i] - expected[i]);
        k++;
      }
    }
    double cut = median(sizes.clone());
    double[][] small = half(sizes, squares, cut, false);
    double[][] large = half(sizes, squares, cut, true);
    if (large[0].length == 0) { // every leaf the same size (say, a row a day each): σ² alone fits them
      large = small;
      small = new double[2][0];
    }
    double sigma2 = MIN_SIGMA2;
    double phi = 0;
    for (int round = 0; round < 4; round++) {
      sigma2 = Math.max(MIN_SIGMA2, solve(large, sigma2, phi, true));
      phi = small[0].length == 0 ? 0 : solve(small, sigma2, phi, false);
    }
    return new NoiseModel(sigma2, phi);
  }

  static double size(double expected, double actual) {
    return (Math.abs(expected) + Math.abs(actual)) / 2;
  }

  /**
   * The σ² (or φ) that puts the median squared z-score of these leaves at the chi-square median,
   * found by bisection on a log scale (the median falls as the variance grows).
   */
  private static double solve(double[][] leaves, double sigma2, double phi, boolean forSigma) {
    double lo = forSigma ? MIN_SIGMA2 : 1e-9;
    double hi = lo;
    while (medianZ2(leaves, forSigma ? hi : sigma2, forSigma ? phi : hi) > CHI2_MEDIAN) {
      if (hi > 1e30) {
        return hi;
      }
      hi *= 16;
    }
    if (hi == lo) {
      return forSigma ? lo : 0;
    }
    lo = hi / 16;
    for (int i = 0; i < 30; i++) {
      double mid = Math.sqrt(lo * hi);
      if (medianZ2(leaves, forSigma ? mid : sigma2, forSigma ? phi : mid) > CHI2_MEDIAN) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  private static double medianZ2(double[][] leaves, double sigma2, double phi) {
    double[] z2 = new double[leaves[0].length];
    for (int i = 0; i < z2.length; i++) {
      double m = leaves[0][i];
      double variance = sigma2 * m * m + phi * m;
      z2[i] = variance > 0 ? leaves[1][i] / variance : (leaves[1][i] > 0 ? Double.MAX_VALUE : 0);
    }
    return median(z2);
  }

  private static double[][] half(double[] sizes, double[] squares, double cut, boolean above) {
    int n = 0;
    for (double m : sizes) {
      if ((m > cut) == above) {
        n++;
      }
    }
    double[][] result = new double[2][n];
    int k = 0;
    for (int i = 0; i < sizes.length; i++) {
      if ((sizes[i] > cut) == above) {
        result[0][k] = sizes[i];
        result[1][k] = squares[i];
        k++;
      }
    }
    return result;
  }

  private static double median(double[] values) {
    Arrays.sort(values);
    return values[values.length / 2];
  }
}
