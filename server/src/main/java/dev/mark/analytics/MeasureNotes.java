package dev.mark.analytics;

import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.Favorable;
import java.util.Optional;

/**
 * The notes a measure takes from the column it aggregates. A sum, an average, an extreme or a
 * percentile keeps the column's unit and favorable direction; a count of rows or of distinct
 * values is a number of things, so it keeps neither. A ratio over a count (revenue per order)
 * keeps its numerator's unit and direction; a ratio of two like things (returns per order,
 * refunds per revenue) is a plain number. A unit or direction the caller gives wins.
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
      case RATIO -> ColumnNotes.NONE;
    };
  }

  static ColumnNotes ratio(ColumnNotes numerator, Aggregation denominator) {
    return denominator == Aggregation.COUNT
        ? new ColumnNotes(Optional.empty(), numerator.unit(), numerator.favorable())
        : ColumnNotes.NONE;
  }

  static ColumnNotes overridden(ColumnNotes notes, MetricQuery.Measure measure) {
    return new ColumnNotes(notes.description(),
        measure.unit().or(notes::unit),
        measure.favorable().orElse(notes.favorable()));
  }
}
