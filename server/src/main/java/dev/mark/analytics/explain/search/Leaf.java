package dev.mark.analytics.explain.search;

/**
 * One leaf: the finest combination of dimension values, with the measure's additive parts in
 * each period. For {@link MeasureKind#ADDITIVE} measures the denominators are 1 for every
 * leaf-period that has rows and 0 otherwise (only the numerators are read); for
 * {@link MeasureKind#RATIO} measures both parts are given (conversion = orders / visits, avg =
 * sum / count). {@code values[i]} belongs to {@code LeafTable.dimensions().get(i)}; a value may
 * be null. {@code baselineRows} and {@code currentRows} count the rows summed in each period, NaN
 * when unknown: among few leaves they set each leaf's noise (see {@link SamplingNoise}).
 */
public record Leaf(
    String[] values,
    double baselineNumerator,
    double baselineDenominator,
    double currentNumerator,
    double currentDenominator,
    double baselineRows,
    double currentRows) {

  public Leaf {
    if (values == null) {
      throw new IllegalArgumentException("values must not be null");
    }
  }

  /** A leaf whose row counts are not known. */
  public Leaf(String[] values, double baselineNumerator, double baselineDenominator, double currentNumerator,
      double currentDenominator) {
    this(values, baselineNumerator, baselineDenominator, currentNumerator, currentDenominator, Double.NaN, Double.NaN);
  }

  /** A leaf of an additive measure: the value in each period, denominators 1. */
  public static Leaf additive(String[] values, double baseline, double current) {
    return new Leaf(values, baseline, 1, current, 1);
  }
}
