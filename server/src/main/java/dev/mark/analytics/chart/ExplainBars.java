package dev.mark.analytics.chart;

import dev.mark.analytics.explain.ExplainOutcome.DimensionFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The other charts of an explain: contributions as bars, both periods side by side, a table. */
final class ExplainBars {

  private static final String SEGMENT = "Segment";
  private static final String CONTRIBUTION = "Contribution";
  private static final String PERIOD = "Period";
  private static final String VALUE = "Value";

  private ExplainBars() {}

  static Map<String, Object> contributions(ExplainShape s, ChartOptions options) {
    DimensionFigure dimension = s.dimension().orElseThrow();
    MeasureField measure = s.measure();
    double scale = measure.format().percentOf100() ? 0.01 : 1;
    List<Map<String, Object>> values = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (Contributions.Step step : Contributions.of(dimension.segments(), dimension.residual(), options.maxCategories()).steps()) {
      values.add(Vl.obj(SEGMENT, step.label(), CONTRIBUTION, step.contribution() * scale));
      order.add(step.label());
    }
    String title = "Contributions to the change in " + Labels.measure(measure.name()).toLowerCase() + ", by "
        + Labels.words(dimension.dimension()).toLowerCase();
    Map<String, Object> spec = SpecFrame.start(title, s.subtitle(), values, List.of());
    String format = measure.format().axisFormat();
    spec.put("mark", Vl.obj("type", "bar"));
    spec.put("encoding", Vl.obj(
        "y", Vl.obj("field", SEGMENT, "type", "nominal", "title", Labels.words(dimension.dimension()), "sort", order),
        "x", Vl.obj("field", CONTRIBUTION, "type", "quantitative", "title", "Contribution to the change" + unit(measure),
            "scale", Vl.obj("zero", true), "axis", Vl.obj("format", format)),
        "color", Vl.obj("condition", Vl.obj("test", Vl.datum(CONTRIBUTION) + " < 0",
            "value", WaterfallSpecs.fallColour(measure.favorable())), "value", WaterfallSpecs.riseColour(measure.favorable())),
        "tooltip", Vl.list(Vl.obj("field", SEGMENT, "type", "nominal"),
            Vl.obj("field", CONTRIBUTION, "type", "quantitative", "format", measure.format().tooltipFormat()))));
    return SpecFrame.finish(spec, 520, Vl.obj("step", 24));
  }

  static Map<String, Object> periods(ExplainShape s, ChartOptions options) {
    DimensionFigure dimension = s.dimension().orElseThrow();
    MeasureField measure = s.measure();
    double scale = measure.format().percentOf100() ? 0.01 : 1;
    List<Map<String, Object>> values = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (Contributions.Step step : Contributions.of(dimension.segments(), 0, options.maxCategories()).steps()) {
      if (step.baseline() == null && step.current() == null) {
        continue; // Other: a ratio's rest has no single value, and a sum's is in the total
      }
      order.add(step.label());
      values.add(Vl.obj(SEGMENT, step.label(), PERIOD, "Baseline", VALUE, times(step.baseline(), scale)));
      values.add(Vl.obj(SEGMENT, step.label(), PERIOD, "Current", VALUE, times(step.current(), scale)));
    }
    String title = Labels.measure(measure.name()) + " by " + Labels.words(dimension.dimension()).toLowerCase()
        + ", baseline and current";
    Map<String, Object> spec = SpecFrame.start(title, s.subtitle(), values, List.of());
    spec.put("mark", Vl.obj("type", "bar"));
    spec.put("encoding", Vl.obj(
        "x", Vl.obj("field", SEGMENT, "type", "nominal", "title", Labels.words(dimension.dimension()), "sort", order,
            // short names read level, as on the waterfall; longer ones slant
            "axis", Vl.obj("labelAngle", order.stream().mapToInt(String::length).max().orElse(0) > 8 ? -30 : 0,
                "labelLimit", 140)),
        "xOffset", Vl.obj("field", PERIOD, "type", "nominal", "sort", List.of("Baseline", "Current")),
        "y", Vl.obj("field", VALUE, "type", "quantitative", "title", measure.title(), "scale", Vl.obj("zero", true),
            "axis", Vl.obj("format", measure.format().axisFormat())),
        "color", Vl.obj("field", PERIOD, "type", "nominal", "title", Vl.NULL, "sort", List.of("Baseline", "Current"),
            "scale", Vl.obj("range", List.of("#9db4d3", "#2f5d94"))),
        "tooltip", Vl.list(Vl.obj("field", SEGMENT, "type", "nominal"), Vl.obj("field", PERIOD, "type", "nominal"),
            Vl.obj("field", VALUE, "type", "quantitative", "format", measure.format().tooltipFormat()))));
    return SpecFrame.finish(spec, Math.max(320, Math.min(720, order.size() * 70)), SpecFrame.HEIGHT);
  }

  static Map<String, Object> table(ExplainShape s) {
    List<String> headers = List.of("Segment", "Baseline", "Current", "Change", "Contribution");
    List<List<String>> rows = new ArrayList<>();
    s.dimension().ifPresent(d -> d.segments().stream().limit(TableSpecs.MAX_ROWS).forEach(f -> rows.add(List.of(
        Labels.category(f.value()), TableSpecs.cell(f.baseline()), TableSpecs.cell(f.current()),
        TableSpecs.cell(f.change()), TableSpecs.cell(f.contribution())))));
    String title = "Change in " + Labels.measure(s.measure().name()).toLowerCase()
        + s.dimension().map(d -> " by " + Labels.words(d.dimension()).toLowerCase()).orElse("");
    if (rows.isEmpty()) {
      rows.add(List.of("Total", TableSpecs.cell(s.outcome().baseline().value()), TableSpecs.cell(s.outcome().current().value()),
          TableSpecs.cell(s.outcome().change()), TableSpecs.cell(s.outcome().change())));
    }
    return TableSpecs.of(title, s.subtitle(), headers, rows);
  }

  private static Double times(Double value, double scale) {
    return value == null ? null : value * scale;
  }

  private static String unit(MeasureField measure) {
    return measure.format().unitSuffix().isEmpty() ? "" : " (" + measure.format().unitSuffix().substring(2) + ")";
  }
}
