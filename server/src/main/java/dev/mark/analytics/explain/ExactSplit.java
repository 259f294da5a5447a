package dev.mark.analytics.explain;

import dev.mark.analytics.explain.SegmentSplit.DimensionSplit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the change of an additive or ratio measure over one dimension's segments, exactly: in
 * decimals of 34 significant digits, so that the contributions add up to the change to far
 * better than 1e-9 of it.
 *
 * <p>Additive ({@code sum}, {@code count}): a segment's contribution is its own change, the
 * dimension being a partition of the rows. Ratio ({@code ratio}, {@code avg}): the symmetric
 * Kitagawa / Das Gupta decomposition. With w a segment's share of the denominator and r its
 * rate, R0 and R1 the total ratios and R̄ their mean, a segment contributes
 * {@code mix = (w1 − w0)·((r0 + r1)/2 − R̄)} and {@code rate = (r1 − r0)·(w0 + w1)/2}; over the
 * segments the mixes and rates add up to R1 − R0 with no residual, since Σw = 1 and Σ w·r = R in
 * each period. A segment present in one period only takes its rate from the other, so all of
 * its contribution is mix.
 */
final class ExactSplit {

  static final MathContext MATH = MathContext.DECIMAL128;
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private final MeasureShape shape;
  private final BigDecimal divisor0;
  private final BigDecimal divisor1;
  private final SegmentParts totals;

  ExactSplit(ExplainPlan plan, SegmentParts totals) {
    this.shape = plan.shape();
    this.divisor0 = plan.divisor(plan.baseline());
    this.divisor1 = plan.divisor(plan.current());
    this.totals = totals;
  }

  /** The measure in the baseline: per day where the plan says so; null for a ratio over nothing. */
  BigDecimal baseline() {
    return value(totals.numerator0(), totals.denominator0(), divisor0);
  }

  BigDecimal current() {
    return value(totals.numerator1(), totals.denominator1(), divisor1);
  }

  /** current − baseline, or null when either has no value. */
  BigDecimal change() {
    return baseline() == null || current() == null ? null : current().subtract(baseline(), MATH);
  }

  DimensionSplit split(String dimension, List<SegmentParts> segments) {
    List<SegmentSplit> splits = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (SegmentParts segment : segments) {
      SegmentSplit split = shape == MeasureShape.ADDITIVE ? additive(segment) : ratio(segment);
      splits.add(split);
      sum = sum.add(split.contribution());
    }
    BigDecimal change = change();
    return new DimensionSplit(dimension, splits, change == null ? BigDecimal.ZERO : change.subtract(sum, MATH));
  }

  private SegmentSplit additive(SegmentParts s) {
    BigDecimal b = s.numerator0().divide(divisor0, MATH);
    BigDecimal c = s.numerator1().divide(divisor1, MATH);
    BigDecimal change = c.subtract(b, MATH);
    return new SegmentSplit(s.value(), b.doubleValue(), c.doubleValue(), change.doubleValue(), change,
        share(s.numerator0(), totals.numerator0()), share(s.numerator1(), totals.numerator1()), null, null);
  }

  private SegmentSplit ratio(SegmentParts s) {
    BigDecimal r0 = rate(s.numerator0(), s.denominator0());
    BigDecimal r1 = rate(s.numerator1(), s.denominator1());
    Double change = r0 == null || r1 == null ? null : r1.subtract(r0, MATH).doubleValue();
    BigDecimal total0 = baseline();
    BigDecimal total1 = current();
    if (total0 == null || total1 == null) {
      // the total ratio has no change to split
      return new SegmentSplit(s.value(), doubleOf(r0), doubleOf(r1), change, BigDecimal.ZERO,
          share(s.denominator0(), totals.denominator0()), share(s.denominator1(), totals.denominator1()), null, null);
    }
    BigDecimal w0 = s.denominator0().divide(totals.denominator0(), MATH);
    BigDecimal w1 = s.denominator1().divide(totals.denominator1(), MATH);
    BigDecimal rate0 = r0 != null ? r0 : r1 != null ? r1 : BigDecimal.ZERO;
    BigDecimal rate1 = r1 != null ? r1 : rate0;
    BigDecimal meanTotal = total0.add(total1).divide(TWO, MATH);
    BigDecimal mix = w1.subtract(w0).multiply(rate0.add(rate1).divide(TWO, MATH).subtract(meanTotal), MATH);
    BigDecimal rate = rate1.subtract(rate0).multiply(w0.add(w1).divide(TWO, MATH), MATH);
    return new SegmentSplit(s.value(), doubleOf(r0), doubleOf(r1), change, mix.add(rate, MATH),
        w0.doubleValue(), w1.doubleValue(), mix.doubleValue(), rate.doubleValue());
  }

  private BigDecimal value(BigDecimal numerator, BigDecimal denominator, BigDecimal divisor) {
    return shape == MeasureShape.ADDITIVE ? numerator.divide(divisor, MATH) : rate(numerator, denominator);
  }

  private static BigDecimal rate(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0 ? null : numerator.divide(denominator, MATH);
  }

  private static double share(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? 0 : part.divide(whole, MATH).doubleValue();
  }

  private static Double doubleOf(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }
}
