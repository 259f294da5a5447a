package dev.mark.analytics.chart;

import dev.mark.analytics.ColumnRole;
import dev.mark.analytics.OutputColumn;
import dev.mark.analytics.QueryOutcome;
import dev.mark.analytics.TimeAxis;
import dev.mark.datasets.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a chart chooser needs to know of a query's answer: its time bucket, its dimensions and
 * their cardinality, its measures and their units, and its rows as records by output name.
 */
record QueryShape(List<Map<String, Object>> records, Optional<TimeField> time,
    List<CategoryField> dimensions, List<MeasureField> measures) {

  static QueryShape of(QueryOutcome outcome, Set<String> additiveMeasures) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (List<Object> row : outcome.rows()) {
      Map<String, Object> record = new LinkedHashMap<>();
      for (int i = 0; i < outcome.columns().size(); i++) {
        record.put(outcome.columns().get(i).name(), row.get(i));
      }
      records.add(record);
    }
    Optional<TimeField> time = Optional.empty();
    List<CategoryField> dimensions = new ArrayList<>();
    List<MeasureField> measures = new ArrayList<>();
    for (int i = 0; i < outcome.columns().size(); i++) {
      OutputColumn column = outcome.columns().get(i);
      List<Object> values = column(outcome, i);
      Optional<TimeAxis> axis = outcome.time().filter(t -> t.column().equals(column.name()));
      if (column.role() == ColumnRole.TIME && axis.isPresent()) {
        time = Optional.of(timeField(column, axis.get(), values));
      } else if (column.role() == ColumnRole.MEASURE) {
        measures.add(MeasureField.of(column.name(), column.notes(),
            additiveMeasures.contains(column.name()), values));
      } else {
        dimensions.add(category(column, values));
      }
    }
    return new QueryShape(records, time, dimensions, measures);
  }

  int rowCount() {
    return records.size();
  }

  /** The dimensions and time bucket: what rows are grouped by. */
  int groupings() {
    return dimensions.size() + (time.isPresent() ? 1 : 0);
  }

  private static List<Object> column(QueryOutcome outcome, int index) {
    return outcome.rows().stream().map(row -> row.get(index)).toList();
  }

  private static TimeField timeField(OutputColumn column, TimeAxis axis, List<Object> values) {
    TreeSet<String> buckets = new TreeSet<>();
    values.stream().filter(v -> v != null).forEach(v -> buckets.add(v.toString()));
    // Bucket starts of one zone sort by text, except across an offset change (the offset
    // follows the wall clock), which the wall clock itself orders.
    List<String> ordered = buckets.stream()
        .sorted(java.util.Comparator.comparing(TimeLabels::wallClock))
        .toList();
    return new TimeField(column.name(), Labels.words(column.name()), axis.granularity(),
        axis.zone().getId(), ordered);
  }

  private static CategoryField category(OutputColumn column, List<Object> values) {
    Set<Object> distinct = new HashSet<>(values);
    int longest = distinct.stream().mapToInt(v -> Labels.category(v).length()).max().orElse(0);
    boolean numeric = column.type() == ValueType.NUMBER || column.type() == ValueType.INTEGER;
    String title = column.notes().description().orElse(Labels.words(column.name()));
    return new CategoryField(column.name(), title.length() > 40 ? Labels.words(column.name()) : title,
        numeric, distinct.size(), longest);
  }
}
