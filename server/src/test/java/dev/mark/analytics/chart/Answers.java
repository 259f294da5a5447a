package dev.mark.analytics.chart;

import dev.mark.analytics.ColumnRole;
import dev.mark.analytics.Granularity;
import dev.mark.analytics.OutputColumn;
import dev.mark.analytics.QueryOutcome;
import dev.mark.analytics.TimeAxis;
import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.Favorable;
import dev.mark.datasets.ValueType;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds query answers of any shape for chart tests: columns first, then rows. */
final class Answers {

  private final List<OutputColumn> columns = new ArrayList<>();
  private final List<List<Object>> rows = new ArrayList<>();
  private final Set<String> additive = new HashSet<>();
  private Optional<TimeAxis> time = Optional.empty();

  static Answers answer() {
    return new Answers();
  }

  Answers time(String name, Granularity granularity, String zone) {
    columns.add(new OutputColumn(name, ValueType.TIMESTAMP, ColumnRole.TIME, ColumnNotes.NONE));
    time = Optional.of(new TimeAxis(name, granularity, ZoneId.of(zone), Optional.empty(), Optional.empty()));
    return this;
  }

  Answers dimension(String name) {
    columns.add(new OutputColumn(name, ValueType.STRING, ColumnRole.DIMENSION, ColumnNotes.NONE));
    return this;
  }

  Answers numericDimension(String name) {
    columns.add(new OutputColumn(name, ValueType.INTEGER, ColumnRole.DIMENSION, ColumnNotes.NONE));
    return this;
  }

  /** A sum or a count: additive. */
  Answers sum(String name, String unit) {
    additive.add(name);
    return measure(name, unit);
  }

  /** An average or another measure whose values do not add up. */
  Answers measure(String name, String unit) {
    return measure(name, unit, Favorable.UP, null);
  }

  Answers measure(String name, String unit, Favorable favorable, String description) {
    columns.add(new OutputColumn(name, ValueType.NUMBER, ColumnRole.MEASURE,
        new ColumnNotes(Optional.ofNullable(description), Optional.ofNullable(unit), favorable)));
    return this;
  }

  Answers row(Object... values) {
    rows.add(Arrays.stream(values).map(v -> v instanceof Double d ? BigDecimal.valueOf(d) : v).toList());
    return this;
  }

  QueryOutcome outcome() {
    return new QueryOutcome(columns, rows, Optional.empty(), time);
  }

  Set<String> additive() {
    return additive;
  }

  ChartOutcome chart() {
    return chart(Optional.empty(), 12);
  }

  ChartOutcome chart(ChartKind kind) {
    return chart(Optional.of(kind), 12);
  }

  ChartOutcome chart(Optional<ChartKind> kind, int maxCategories) {
    return Charts.forQuery(outcome(), additive, new ChartOptions(kind, maxCategories));
  }

  /** Twelve Paris months of 2026 as the API writes them: offsets change with summer time. */
  static List<String> parisMonths() {
    List<String> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      String offset = m >= 4 && m <= 10 ? "+02:00" : "+01:00";
      months.add(String.format("2026-%02d-01T00:00:00%s", m, offset));
    }
    return months;
  }
}
