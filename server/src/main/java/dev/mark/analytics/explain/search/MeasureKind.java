package dev.mark.analytics.explain.search;

/** How a leaf's parts make the measure. */
public enum MeasureKind {
  /** sum or count: the value is the numerator, and values add up across leaves. */
  ADDITIVE,
  /** numerator sum ÷ denominator sum (a rate, an average): the parts add up, the value does not. */
  RATIO
}
