package dev.mark.analytics;

import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.Favorable;
import java.util.Optional;

/**
 * The notes a measure takes from the column it aggregates. A sum, an average, an extreme or a
 * percentile keeps the column's unit and favorable direction; a count of rows or of distinct
 * values is a number of things, so it keeps neither.
 */
final class MeasureNotes {

  private MeasureNotes() {}

  static ColumnNotes of(Aggregation agg, Optional<ColumnSpec> column) {
    if (column.isEmpty()) {
      return ColumnNotes.NONE;
    }
    ColumnNotes source = column.get().notes();
    return switch (agg) {
      case COUNT, COUNT_DISTINCT -> new ColumnNotes(source.description(), Optional.empty(), Favorable.NONE);
      case SUM, AVG, MIN, MAX, MEDIAN, P90 -> source;
    };
  }
}
