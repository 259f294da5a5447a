package dev.mark.analytics;

import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.ValueType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A query checked against its dataset: every column exists and fits its use, every filter
 * value has its column's type, and every output column has a unique name. What the SQL is
 * built from; explain checks its measure, dimensions and filters through it too.
 *
 * @param bucket the time bucket, output first when present
 * @param dimensions the grouping columns, output after the bucket
 * @param measures the measures, output last
 * @param filters conditions on rows
 * @param order sort keys as output column positions (0-based); never empty when grouping
 * @param limit the most rows
 * @param totals whether to compute totals
 */
public record QueryPlan(
    Optional<PlannedBucket> bucket,
    List<ColumnSpec> dimensions,
    List<PlannedMeasure> measures,
    List<PlannedFilter> filters,
    List<SortKey> order,
    int limit,
    boolean totals) {

  /** A time bucket of {@code column} (a date or timestamp column). */
  public record PlannedBucket(ColumnSpec column, Granularity granularity, ZoneId zone,
      Optional<OffsetDateTime> from, Optional<OffsetDateTime> to, boolean fill) {}

  /**
   * A measure and its output column.
   *
   * @param column the aggregated column; empty for a count of rows and for a ratio
   * @param notes what the output column says about its unit and direction
   * @param ratio a ratio's two parts, each a sum or a count; empty for other measures
   */
  public record PlannedMeasure(String name, Aggregation agg, Optional<ColumnSpec> column, ValueType type,
      ColumnNotes notes, Optional<RatioParts> ratio) {}

  /** The numerator and denominator of a ratio. */
  public record RatioParts(PlannedMeasure numerator, PlannedMeasure denominator) {}

  /** A filter, checked: a condition on a column, or a group of which one must hold. */
  public sealed interface PlannedFilter permits PlannedCondition, PlannedAnyOf {}

  /** A condition whose values are typed like its column. */
  public record PlannedCondition(ColumnSpec column, FilterOp op, List<Object> values) implements PlannedFilter {}

  /** Filters of which at least one must hold. */
  public record PlannedAnyOf(List<PlannedFilter> filters) implements PlannedFilter {}

  /** Sort by the output column at {@code position}. */
  public record SortKey(int position, boolean descending) {}

  /** The output columns, in order: bucket, dimensions, measures. */
  List<OutputColumn> outputColumns() {
    List<OutputColumn> columns = new java.util.ArrayList<>();
    bucket.ifPresent(b -> columns.add(
        new OutputColumn(b.column().name(), b.column().type(), ColumnRole.TIME, b.column().notes())));
    dimensions.forEach(d -> columns.add(
        new OutputColumn(d.name(), d.type(), ColumnRole.DIMENSION, d.notes())));
    measures.forEach(m -> columns.add(new OutputColumn(
        m.name(), m.type(), ColumnRole.MEASURE, m.notes())));
    return columns;
  }

  /** How many output columns are groups (bucket and dimensions). */
  int groupCount() {
    return (bucket.isPresent() ? 1 : 0) + dimensions.size();
  }
}
