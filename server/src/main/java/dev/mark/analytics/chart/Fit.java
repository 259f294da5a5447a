package dev.mark.analytics.chart;

/**
 * The verdict on one chart kind for one answer: whether it can show the data, and why (or why
 * not) in plain words.
 */
record Fit(ChartKind kind, boolean fits, String reason) {

  static Fit yes(ChartKind kind, String reason) {
    return new Fit(kind, true, reason);
  }

  static Fit no(ChartKind kind, String reason) {
    return new Fit(kind, false, reason);
  }
}
