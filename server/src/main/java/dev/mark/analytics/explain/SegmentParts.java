package dev.mark.analytics.explain;

import java.math.BigDecimal;

/**
 * The additive parts of the measure over some rows in each period: a segment of a dimension, a
 * combination, or everything. For an additive measure the numerator is the value; for a ratio
 * (avg included) the value is numerator ÷ denominator.
 */
record SegmentParts(Object value, BigDecimal numerator0, BigDecimal denominator0, long rows0,
    BigDecimal numerator1, BigDecimal denominator1, long rows1) {

  static SegmentParts empty(Object value) {
    return new SegmentParts(value, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0);
  }

  /** These parts with one leaf's parts in {@code period} (0 baseline, 1 current) added. */
  SegmentParts plus(int period, BigDecimal numerator, BigDecimal denominator, long rows) {
    return period == 0
        ? new SegmentParts(value, numerator0.add(numerator), denominator0.add(denominator), rows0 + rows,
            numerator1, denominator1, rows1)
        : new SegmentParts(value, numerator0, denominator0, rows0,
            numerator1.add(numerator), denominator1.add(denominator), rows1 + rows);
  }
}
