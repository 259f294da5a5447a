package dev.mark.analytics.narrative;

/** What a statement says; the kinds of catalogue version {@value Catalogue#VERSION}. */
public enum StatementKind {
  PERIOD_CHANGE, TREND, RECORD, TOP_CONTRIBUTOR, TOP_DETRACTOR, OFFSET, CONCENTRATION, OUTLIER,
  MIX_SHIFT, FLAT, CAVEAT
}
