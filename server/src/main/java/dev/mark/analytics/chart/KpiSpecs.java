package dev.mark.analytics.chart;

import dev.mark.datasets.Favorable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A single number, large, with its change from a previous value when there is one: coloured
 * green or red when the measure says which way is good news, grey otherwise.
 */
final class KpiSpecs {

  private static final String VALUE = "Value";
  private static final String CHANGE = "Change";
  private static final String GOOD = "#2e7d32";
  private static final String BAD = "#c62828";
  private static final String NEUTRAL = "#555555";

  private KpiSpecs() {}

  static Map<String, Object> ofQuery(QueryShape shape, String title, Optional<String> subtitle) {
    MeasureField measure = shape.measures().getFirst();
    List<Map<String, Object>> records = shape.records();
    Object current = records.getLast().get(measure.name());
    if (records.size() < 2 || shape.time().isEmpty()) {
      return of(measure, Labels.measure(measure.name()), subtitle, current, Optional.empty());
    }
    TimeField time = shape.time().get();
    Object previous = records.get(records.size() - 2).get(measure.name());
    String latest = TimeLabels.axisLabel(time.granularity(), records.getLast().get(time.name()).toString());
    String before = TimeLabels.axisLabel(time.granularity(), records.get(records.size() - 2).get(time.name()).toString());
    Double pct = percentChange(number(previous), number(current));
    return of(measure, Labels.measure(measure.name()) + ", " + latest, subtitle, current,
        Optional.of(change(number(current), number(previous), pct, "vs " + before, measure.favorable())));
  }

  /**
   * @param change the change line, e.g. "▲ +12.3% vs Feb 2026", with its colour
   */
  static Map<String, Object> of(MeasureField measure, String title, Optional<String> subtitle,
      Object value, Optional<Change> change) {
    Map<String, Object> record = Vl.obj(measure.name(), value, CHANGE, change.map(Change::text).orElse(""));
    Map<String, Object> spec = SpecFrame.start(title, subtitle, List.of(record), measure.transforms());
    Map<String, Object> big = Vl.obj(
        "mark", Vl.obj("type", "text", "align", "left", "baseline", "middle", "fontSize", 44, "fontWeight", "bold",
            "color", "#222"),
        "encoding", Vl.obj("x", Vl.obj("value", 0), "y", Vl.obj("value", 40),
            "text", Vl.obj("field", Vl.field(measure.field()), "type", "quantitative",
                "format", measure.format().kpiFormat())));
    Map<String, Object> unit = Vl.obj(
        "mark", Vl.obj("type", "text", "align", "left", "baseline", "middle", "fontSize", 13, "color", NEUTRAL),
        "encoding", Vl.obj("x", Vl.obj("value", 0), "y", Vl.obj("value", 78),
            "text", Vl.obj("value", measure.title())));
    Map<String, Object> delta = Vl.obj(
        "mark", Vl.obj("type", "text", "align", "left", "baseline", "middle", "fontSize", 15,
            "color", change.map(Change::colour).orElse(NEUTRAL)),
        "encoding", Vl.obj("x", Vl.obj("value", 0), "y", Vl.obj("value", 104),
            "text", Vl.obj("field", CHANGE, "type", "nominal")));
    spec.put("layer", List.of(big, unit, delta));
    return SpecFrame.finish(spec, 360, 120);
  }

  /** A change line and its colour. */
  record Change(String text, String colour) {}

  /** The change line: never a 0 % for a change that cannot be computed. */
  static Change change(Double current, Double previous, Double pct, String against, Favorable favorable) {
    if (current == null || previous == null) {
      return new Change("no comparison: a value is missing", NEUTRAL);
    }
    double delta = current - previous;
    String arrow = delta > 0 ? "▲ " : delta < 0 ? "▼ " : "";
    String percent = pct == null ? "change in % not defined (the earlier value is 0)"
        : String.format(Locale.ROOT, "%+.1f%%", pct);
    return new Change(arrow + percent + " " + against, colour(delta, favorable));
  }

  static Double percentChange(Double previous, Double current) {
    if (previous == null || current == null || previous == 0) {
      return null;
    }
    return (current - previous) / Math.abs(previous) * 100;
  }

  private static String colour(double delta, Favorable favorable) {
    if (delta == 0 || favorable == Favorable.NONE) {
      return NEUTRAL;
    }
    return (delta > 0) == (favorable == Favorable.UP) ? GOOD : BAD;
  }

  static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }
}
