package dev.mark.analytics.explain;

import dev.mark.analytics.QueryPlan;
import dev.mark.analytics.QueryPlan.PlannedMeasure;
import dev.mark.analytics.explain.ExplainOutcome.CompareMode;
import dev.mark.analytics.explain.ExplainQuery.Adtributor;
import dev.mark.analytics.explain.ExplainQuery.Period;
import dev.mark.datasets.ColumnSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An explain request checked against its dataset: what the SQL and the arithmetic are built from.
 *
 * @param checked the measure, dimensions and filters as a query plan checks them
 * @param dimensions the dimensions asked for; empty when the defaults are to be found
 * @param candidates the columns the default dimensions are chosen from (string and boolean)
 */
record ExplainPlan(
    QueryPlan checked,
    MeasureShape shape,
    ColumnSpec timeColumn,
    Period baseline,
    Period current,
    CompareMode compare,
    Optional<List<ColumnSpec>> dimensions,
    List<ColumnSpec> candidates,
    int maxRootCauses,
    Adtributor adtributor) {

  PlannedMeasure measure() {
    return checked.measures().getFirst();
  }

  /** The days {@code period} is divided by: its length under {@code per_day} for a measure that scales, else 1. */
  BigDecimal divisor(Period period) {
    return compare == CompareMode.PER_DAY && shape.perDay(measure().agg()) ? period.days() : BigDecimal.ONE;
  }
}
