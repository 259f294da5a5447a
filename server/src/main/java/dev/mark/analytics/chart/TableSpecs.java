package dev.mark.analytics.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A table drawn with Vega-Lite's text marks: one text per cell, the columns as a top axis. The
 * values are written here, numbers with thousands separators, so every cell is plain text.
 */
final class TableSpecs {

  // A chart is read, not scrolled: longer answers are summarised by their first rows.
  static final int MAX_ROWS = 30;
  private static final String ROW = "Row";
  private static final String COLUMN = "Column";
  private static final String TEXT = "Text";

  private TableSpecs() {}

  static Map<String, Object> ofQuery(QueryShape shape, String title, Optional<String> subtitle) {
    List<String> columns = new ArrayList<>();
    Map<String, String> titles = new LinkedHashMap<>();
    shape.time().ifPresent(t -> titles.put(t.name(), t.title()));
    shape.dimensions().forEach(d -> titles.put(d.name(), d.title()));
    shape.measures().forEach(m -> titles.put(m.name(), m.title()));
    columns.addAll(titles.keySet());
    List<List<String>> cells = new ArrayList<>();
    for (Map<String, Object> record : shape.records().subList(0, Math.min(MAX_ROWS, shape.rowCount()))) {
      cells.add(columns.stream().map(c -> shape.time().filter(t -> t.name().equals(c)).isPresent()
          ? bucket(shape.time().get(), record.get(c))
          : cell(record.get(c))).toList());
    }
    String shown = shape.rowCount() > MAX_ROWS ? "the first " + MAX_ROWS + " of " + shape.rowCount() + " rows" : null;
    Optional<String> sub = shown == null ? subtitle : Optional.of(subtitle.map(x -> x + " · ").orElse("") + shown);
    return of(title, sub, titles.values().stream().toList(), cells);
  }

  static Map<String, Object> of(String title, Optional<String> subtitle, List<String> headers, List<List<String>> rows) {
    List<Map<String, Object>> values = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < headers.size(); c++) {
        values.add(Vl.obj(ROW, r + 1, COLUMN, headers.get(c), TEXT, rows.get(r).get(c)));
      }
    }
    Map<String, Object> spec = SpecFrame.start(title, subtitle, values, List.of());
    spec.put("mark", Vl.obj("type", "text", "align", "right", "dx", 60, "fontSize", 12));
    spec.put("encoding", Vl.obj(
        "x", Vl.obj("field", COLUMN, "type", "ordinal", "sort", headers, "title", Vl.NULL,
            "axis", Vl.obj("orient", "top", "labelAngle", 0, "domain", false, "ticks", false,
                "labelFontWeight", "bold", "labelLimit", 180)),
        "y", Vl.obj("field", ROW, "type", "ordinal", "axis", Vl.NULL),
        "text", Vl.obj("field", TEXT, "type", "nominal")));
    return SpecFrame.finish(spec, Vl.obj("step", 180), Vl.obj("step", 22));
  }

  /** A bucket as its label in the query's zone, e.g. "Mar 2026". */
  private static String bucket(TimeField time, Object value) {
    return value == null ? "–" : TimeLabels.axisLabel(time.granularity(), value.toString());
  }

  static String cell(Object value) {
    return switch (value) {
      case null -> "–";
      case BigDecimal d -> number(d);
      case Double d -> number(BigDecimal.valueOf(d));
      case Long l -> number(BigDecimal.valueOf(l));
      case Integer i -> number(BigDecimal.valueOf(i));
      default -> value.toString();
    };
  }

  private static String number(BigDecimal value) {
    DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(value);
  }
}
