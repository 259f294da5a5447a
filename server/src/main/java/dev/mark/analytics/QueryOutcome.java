package dev.mark.analytics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a query, in JSON-ready values: numbers as BigDecimal or Long, dates and
 * timestamps as ISO strings, booleans and strings as they are.
 *
 * @param columns the output columns
 * @param rows one list of values per group, in column order
 * @param totals the measures over all filtered rows, by output name, when asked
 * @param time how the time column was bucketed, when the query has a time bucket
 */
public record QueryOutcome(List<OutputColumn> columns, List<List<Object>> rows,
    Optional<Map<String, Object>> totals, Optional<TimeAxis> time) {}
