package dev.mark.analytics.explain;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;

import dev.mark.analytics.Aggregation;
import dev.mark.analytics.QueryPlan.PlannedMeasure;
import dev.mark.analytics.QuerySql;
import dev.mark.analytics.explain.ExplainQuery.Period;
import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.ValueType;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.AggregateFilterStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The jOOQ expressions of an {@link ExplainPlan}. Names the explain adds to the SQL are upper
 * case, so they can never meet a dataset column's (those are lower case by the contract).
 */
final class ExplainSql {

  /** The period of a row: 1 in the current period, 0 in the baseline. */
  static final String PERIOD = "P";

  private ExplainSql() {}

  /** The rows to read: those that pass the filters and lie in either period. */
  static Condition rows(ExplainPlan plan) {
    return QuerySql.where(plan.checked()).and(in(plan, plan.baseline()).or(in(plan, plan.current())));
  }

  static Field<Integer> period(ExplainPlan plan) {
    return DSL.when(in(plan, plan.current()), inline(1)).otherwise(inline(0)).as(name(PERIOD));
  }

  /** The rows of {@code period}. */
  static Condition in(ExplainPlan plan, Period period) {
    Field<Object> time = QuerySql.column(plan.timeColumn());
    return time.ge(bound(plan.timeColumn(), period.from())).and(time.lt(bound(plan.timeColumn(), period.to())));
  }

  /** An instant as a value of the time column: itself, or for a date column its day in UTC. */
  private static Object bound(ColumnSpec column, java.time.OffsetDateTime instant) {
    return column.type() == ValueType.DATE ? instant.atZoneSameInstant(ZoneOffset.UTC).toLocalDate() : instant;
  }

  /** The additive part that the measure's value is made of: the value itself, or a ratio's numerator. */
  static Field<BigDecimal> numerator(ExplainPlan plan) {
    PlannedMeasure measure = plan.measure();
    return switch (plan.shape()) {
      case ADDITIVE -> QuerySql.numeric(measure);
      case RATIO -> measure.ratio().isPresent()
          ? QuerySql.numeric(measure.ratio().get().numerator())
          : QuerySql.numeric(part(measure, Aggregation.SUM));
      case LEAVE_ONE_OUT -> throw new IllegalStateException("a leave-one-out measure has no parts");
    };
  }

  /** {@link #numerator(ExplainPlan)} over the rows of one period only. */
  static Field<BigDecimal> numerator(ExplainPlan plan, Condition period) {
    return inPeriod(QuerySql.measure(numeratorPart(plan)), period);
  }

  /** {@link #denominator(ExplainPlan)} of a ratio over the rows of one period only. */
  static Field<BigDecimal> denominator(ExplainPlan plan, Condition period) {
    if (plan.shape() != MeasureShape.RATIO) {
      throw new IllegalStateException("only a ratio has a denominator of its own");
    }
    PlannedMeasure measure = plan.measure();
    return inPeriod(QuerySql.measure(measure.ratio().isPresent()
        ? measure.ratio().get().denominator() : part(measure, Aggregation.COUNT)), period);
  }

  private static PlannedMeasure numeratorPart(ExplainPlan plan) {
    PlannedMeasure measure = plan.measure();
    return switch (plan.shape()) {
      case ADDITIVE -> measure;
      case RATIO -> measure.ratio().isPresent() ? measure.ratio().get().numerator() : part(measure, Aggregation.SUM);
      case LEAVE_ONE_OUT -> throw new IllegalStateException("a leave-one-out measure has no parts");
    };
  }

  /** {@code aggregate FILTER (WHERE period)} as a numeric: both periods' figures come from one scan. */
  static Field<BigDecimal> inPeriod(Field<?> aggregate, Condition period) {
    if (!(aggregate instanceof AggregateFilterStep<?> filterable)) {
      throw new IllegalStateException("not an aggregate: " + aggregate);
    }
    return filterable.filterWhere(period).cast(SQLDataType.NUMERIC);
  }

  /** A ratio's denominator (for avg, the count of non-null values); the rows for an additive measure. */
  static Field<BigDecimal> denominator(ExplainPlan plan) {
    PlannedMeasure measure = plan.measure();
    return switch (plan.shape()) {
      case ADDITIVE -> count().cast(SQLDataType.NUMERIC);
      case RATIO -> measure.ratio().isPresent()
          ? QuerySql.numeric(measure.ratio().get().denominator())
          : QuerySql.numeric(part(measure, Aggregation.COUNT));
      case LEAVE_ONE_OUT -> throw new IllegalStateException("a leave-one-out measure has no parts");
    };
  }

  /** avg of a column as the ratio of its sum to the count of its non-null values. */
  private static PlannedMeasure part(PlannedMeasure avg, Aggregation agg) {
    return new PlannedMeasure(agg.apiName(), agg, avg.column(), ValueType.NUMBER, ColumnNotes.NONE, Optional.empty());
  }
}
