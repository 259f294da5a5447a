package dev.mark.analytics.explain;

import java.math.BigDecimal;

/**
 * The additive parts of the measure over some rows in each period: a segment of a dimension, a
 * combination, or everything. For an additive measure the numerator is the value; for a ratio
 * (avg included) the value is numerator ÷ denominator.
 */
record SegmentParts(Object value, BigDecimal numerator0, BigDecimal denominator0, long rows0,
    BigDecimal numerator1, BigDecimal denominator1, long rows1) {}
