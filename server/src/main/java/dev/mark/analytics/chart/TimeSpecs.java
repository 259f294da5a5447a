package dev.mark.analytics.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lines and areas over time (or along a numeric dimension). Missing values break the line
 * rather than falling to zero or being bridged.
 */
final class TimeSpecs {

  // With few points, a dot on each shows where the buckets are and keeps a lone value visible.
  private static final int MAX_POINTS = 36;
  // Capitalised, so they cannot collide with output names, which are lower case.
  private static final String SERIES = "Measure";
  private static final String SERIES_KEY = "Measure name";
  private static final String VALUE = "Value";

  private final QueryShape s;
  private final ChartOptions options;
  private final String title;
  private final Optional<String> subtitle;

  TimeSpecs(QueryShape shape, ChartOptions options, String title, Optional<String> subtitle) {
    this.s = shape;
    this.options = options;
    this.title = title;
    this.subtitle = subtitle;
  }

  Map<String, Object> build(ChartKind kind) {
    if (s.time().isEmpty()) {
      return alongNumber();
    }
    if (s.dimensions().isEmpty() && s.measures().size() > 1) {
      return measuresOverTime();
    }
    MeasureField measure = s.measures().getFirst();
    List<Map<String, Object>> values = s.records();
    Map<String, Object> color = null;
    if (!s.dimensions().isEmpty()) {
      CategoryField dimension = s.dimensions().getFirst();
      OtherFolding.Folded folded = OtherFolding.fold(values, dimension.name(), measure.name(),
          options.maxCategories(), measure.additive());
      values = folded.records();
      color = Vl.obj("field", Vl.field(dimension.name()), "type", "nominal", "title", dimension.title(),
          "sort", folded.order(), "scale", Vl.obj("scheme", folded.order().size() > 10 ? "tableau20" : "tableau10"));
    }
    Map<String, Object> y = measure.position();
    if (kind == ChartKind.LINE) {
      // A line's slope is what it shows; zero is kept in view only for a measure that cannot go below it.
      y.put("scale", Vl.obj("zero", measure.nonNegative()));
    }
    if (kind == ChartKind.STACKED_AREA) {
      y.put("stack", "zero");
    }
    Map<String, Object> spec = SpecFrame.start(title, subtitle, values, QuerySpecs.transforms(s, List.of()));
    spec.put("mark", mark(kind));
    spec.put("encoding", Vl.obj(
        "x", s.time().get().position(),
        "y", y,
        "color", color,
        "tooltip", QuerySpecs.tooltips(s)));
    return SpecFrame.finish(spec, SpecFrame.WIDTH, SpecFrame.HEIGHT);
  }

  private Map<String, Object> mark(ChartKind kind) {
    boolean points = s.time().map(t -> t.buckets().size() <= MAX_POINTS).orElse(true);
    return switch (kind) {
      case AREA, STACKED_AREA -> Vl.obj("type", "area", "line", kind == ChartKind.AREA, "opacity",
          kind == ChartKind.AREA ? 0.35 : 0.85, "invalid", "break-paths-show-domains");
      default -> Vl.obj("type", "line", "point", points, "strokeWidth", 2, "invalid", "break-paths-show-domains");
    };
  }

  /** Several measures over time: folded into one series per measure, one shared axis. */
  private Map<String, Object> measuresOverTime() {
    List<String> fields = s.measures().stream().map(MeasureField::field).toList();
    List<String> titles = s.measures().stream().map(MeasureField::title).toList();
    List<Map<String, Object>> more = List.of(
        Vl.obj("fold", fields, "as", List.of(SERIES_KEY, VALUE)),
        Vl.obj("calculate", MeasureField.titleExpression(s.measures(), SERIES_KEY), "as", SERIES));
    Map<String, Object> spec = SpecFrame.start(title, subtitle, s.records(), QuerySpecs.transforms(s, more));
    MeasureField first = s.measures().getFirst();
    spec.put("mark", mark(ChartKind.LINE));
    spec.put("encoding", Vl.obj(
        "x", s.time().get().position(),
        "y", Vl.obj("field", VALUE, "type", "quantitative", "title", first.valueTitle(),
            "axis", Vl.obj("format", first.format().axisFormat())),
        "color", Vl.obj("field", SERIES, "type", "nominal", "title", Vl.NULL, "sort", titles),
        "tooltip", Vl.list(s.time().get().tooltip(), Vl.obj("field", SERIES, "type", "nominal"),
            Vl.obj("field", VALUE, "type", "quantitative", "format", first.format().tooltipFormat()))));
    return SpecFrame.finish(spec, SpecFrame.WIDTH, SpecFrame.HEIGHT);
  }

  /** A measure along an ordered numeric dimension. */
  private Map<String, Object> alongNumber() {
    CategoryField dimension = s.dimensions().getFirst();
    MeasureField measure = s.measures().getFirst();
    Map<String, Object> spec = SpecFrame.start(title, subtitle, s.records(), QuerySpecs.transforms(s, List.of()));
    spec.put("mark", mark(ChartKind.LINE));
    spec.put("encoding", Vl.obj(
        "x", Vl.obj("field", Vl.field(dimension.name()), "type", "quantitative", "title", dimension.title(),
            "scale", Vl.obj("zero", false)),
        "y", measure.position(),
        "tooltip", QuerySpecs.tooltips(s)));
    return SpecFrame.finish(spec, SpecFrame.WIDTH, SpecFrame.HEIGHT);
  }
}
