package dev.mark.analytics.explain;

import dev.mark.analytics.MetricQuery;
import dev.mark.analytics.explain.ExplainOutcome.CompareMode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An explain request as the caller asked it, before it is checked against the dataset.
 *
 * @param timeColumn the column placing rows in periods; empty to take the dataset's only one
 * @param dimensions the columns to split by; empty to take the default ones
 * @param filters conditions every row must meet, as in a query
 */
public record ExplainQuery(
    MetricQuery.Measure measure,
    Optional<String> timeColumn,
    Period baseline,
    Period current,
    CompareMode compare,
    Optional<List<String>> dimensions,
    List<MetricQuery.Filter> filters,
    int maxRootCauses,
    Adtributor adtributor) {

  /** A half-open range of time. */
  public record Period(OffsetDateTime from, OffsetDateTime to) {

    /** Its length in days, fractions included: what {@code per_day} divides by. */
    BigDecimal days() {
      return BigDecimal.valueOf(Duration.between(from, to).toMillis())
          .divide(BigDecimal.valueOf(86_400_000L), MathContext.DECIMAL128);
    }
  }

  /**
   * Adtributor's thresholds (Bhagwan et al., NSDI 2014).
   *
   * @param teep a segment's least explanatory power to be kept
   * @param tep the explanatory power a dimension's kept segments must reach together
   * @param maxDimensions how many dimensions may be selected
   */
  public record Adtributor(double teep, double tep, int maxDimensions) {}
}
