package dev.mark.analytics.explain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One segment's part of the change, before Adtributor scores it.
 *
 * @param contribution exact (34 significant digits), so a dimension's contributions add up
 * @param mix for ratios, the part of the contribution due to the segment's weight; else null
 * @param rate for ratios, the part due to its own rate; else null
 */
record SegmentSplit(Object value, Double baseline, Double current, Double change, BigDecimal contribution,
    double shareBaseline, double shareCurrent, Double mix, Double rate) {

  /** A dimension's segments and what their contributions leave of the total change. */
  record DimensionSplit(String dimension, List<SegmentSplit> segments, BigDecimal residual) {}
}
