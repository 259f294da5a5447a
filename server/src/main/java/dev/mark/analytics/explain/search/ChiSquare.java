package dev.mark.analytics.explain.search;

/** The tails of the chi-square distributions of one and two degrees of freedom, as the search needs them. */
final class ChiSquare {
  private ChiSquare() {}

  /**
   * The threshold a chi-square of {@code degrees} (1 or 2) degrees of freedom exceeds as rarely as
   * one of 1 degree exceeds {@code oneDegree}: {@code oneDegree} itself for 1, and for 2
   * {@code −2·ln P(χ²₁ > oneDegree)} (the two-degree tail is {@code e^(−t/2)}).
   */
  static double sameTail(double oneDegree, int degrees) {
    if (degrees == 1) {
      return oneDegree;
    }
    if (degrees != 2) {
      throw new IllegalArgumentException("1 or 2 degrees of freedom, not " + degrees);
    }
    return -2 * logUpperTailOneDegree(oneDegree);
  }

  /** ln P(χ²₁ > t) = ln erfc(√(t/2)), computed in logs so that far tails do not underflow. */
  static double logUpperTailOneDegree(double t) {
    double z = Math.sqrt(Math.max(0, t) / 2);
    // erfc(z) = u·exp(−z² + poly(u)), u = 1/(1 + z/2): a Chebyshev fit with a relative error
    // under 1.2e-7 for every z ≥ 0 (Press et al., Numerical Recipes, erfcc).
    double u = 1 / (1 + 0.5 * z);
    double poly = -1.26551223 + u * (1.00002368 + u * (0.37409196 + u * (0.09678418 + u * (-0.18628806
        + u * (0.27886807 + u * (-1.13520398 + u * (1.48851587 + u * (-0.82215223 + u * 0.17087277))))))));
    return Math.log(u) - z * z + poly;
  }
}
