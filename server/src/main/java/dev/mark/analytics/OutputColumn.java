package dev.mark.analytics;

import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.ValueType;

/**
 * A column of a query's result.
 *
 * @param role whether it is the time bucket, a dimension or a measure
 * @param notes what charts and narratives say about it: a dimension's or bucket's own column
 *     notes, or those a measure takes from the column it aggregates
 */
public record OutputColumn(String name, ValueType type, ColumnRole role, ColumnNotes notes) {}
