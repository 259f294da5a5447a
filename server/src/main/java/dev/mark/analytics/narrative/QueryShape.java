package dev.mark.analytics.narrative;

import dev.mark.analytics.ColumnRole;
import dev.mark.analytics.OutputColumn;
import dev.mark.analytics.QueryOutcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Where a query's answer keeps what a narrative tells: the time column's index (−1 without
 * one), the first measure's, the dimensions', and that measure as it was asked.
 *
 * @param firstMeasure the first measure of the request's body, as JSON values
 * @param additive whether it adds up over segments ({@code sum}, {@code count})
 * @param filters the request's filters, as JSON values, or null
 */
record QueryShape(int time, int measure, List<Integer> dims, List<String> dimNames, MeasureVoice voice,
    Object firstMeasure, boolean additive, Object filters) {

  private static final Set<String> ADDITIVE = Set.of("sum", "count");
  // one row sets a minimum or a maximum: the contract refuses to explain them
  private static final Set<String> UNEXPLAINABLE = Set.of("min", "max");

  static QueryShape of(QueryOutcome outcome, Map<String, Object> body) {
    List<OutputColumn> columns = outcome.columns();
    List<Integer> dims = IntStream.range(0, columns.size())
        .filter(i -> columns.get(i).role() == ColumnRole.DIMENSION).boxed().toList();
    int measure = indexOf(columns, ColumnRole.MEASURE);
    Object firstMeasure = body.get("measures") instanceof List<?> list && !list.isEmpty() ? list.getFirst() : Map.of();
    return new QueryShape(indexOf(columns, ColumnRole.TIME), measure, dims,
        dims.stream().map(i -> columns.get(i).name()).toList(),
        new MeasureVoice(columns.get(measure).name(), columns.get(measure).notes()),
        firstMeasure, ADDITIVE.contains(agg(firstMeasure)), body.get("filters"));
  }

  boolean explainable() {
    return !UNEXPLAINABLE.contains(agg(firstMeasure));
  }

  private static String agg(Object measure) {
    return measure instanceof Map<?, ?> m ? String.valueOf(m.get("agg")) : "";
  }

  private static int indexOf(List<OutputColumn> columns, ColumnRole role) {
    return IntStream.range(0, columns.size()).filter(i -> columns.get(i).role() == role).findFirst().orElse(-1);
  }
}
