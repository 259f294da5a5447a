package dev.mark.analytics;

import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.ValueType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A query checked against its dataset: every column exists and fits its use, every filter
 * value has its column's type, and every output column has a unique name. What the SQL is
 * built from.
 *
 * @param bucket the time bucket, output first when present
 * @param dimensions the grouping columns, output after the bucket
 * @param measures the measures, output last
 * @param filters conditions on rows
 * @param order sort keys as output column positions (0-based); never empty when grouping
 * @param limit the most rows
 * @param totals whether to compute totals
 */
record QueryPlan(
    Optional<PlannedBucket> bucket,
    List<ColumnSpec> dimensions,
    List<PlannedMeasure> measures,
    List<PlannedFilter> filters,
    List<SortKey> order,
    int limit,
    boolean totals) {

  /** A time bucket of {@code column} (a date or timestamp column). */
  record PlannedBucket(ColumnSpec column, Granularity granularity, ZoneId zone,
      Optional<OffsetDateTime> from, Optional<OffsetDateTime> to, boolean fill) {}

  /** A measure and its output column. */
  record PlannedMeasure(String name, Aggregation agg, Optional<ColumnSpec> column, ValueType type) {}

  /** A filter, checked: a condition on a column, or a group of which one must hold. */
  sealed interface PlannedFilter permits PlannedCondition, PlannedAnyOf {}

  /** A condition whose values are typed like its column. */
  record PlannedCondition(ColumnSpec column, FilterOp op, List<Object> values) implements PlannedFilter {}

  /** Filters of which at least one must hold. */
  record PlannedAnyOf(List<PlannedFilter> filters) implements PlannedFilter {}

  /** Sort by the output column at {@code position}. */
  record SortKey(int position, boolean descending) {}

  /** The output columns, in order: bucket, dimensions, measures. */
  List<OutputColumn> outputColumns() {
    List<OutputColumn> columns = new java.util.ArrayList<>();
    bucket.ifPresent(b -> columns.add(
        new OutputColumn(b.column().name(), b.column().type(), ColumnRole.TIME, b.column().notes())));
    dimensions.forEach(d -> columns.add(
        new OutputColumn(d.name(), d.type(), ColumnRole.DIMENSION, d.notes())));
    measures.forEach(m -> columns.add(new OutputColumn(
        m.name(), m.type(), ColumnRole.MEASURE, MeasureNotes.of(m.agg(), m.column()))));
    return columns;
  }

  /** How many output columns are groups (bucket and dimensions). */
  int groupCount() {
    return (bucket.isPresent() ? 1 : 0) + dimensions.size();
  }
}
