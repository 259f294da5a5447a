package dev.mark.analytics.chart;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Scatters (two quantities against each other) and histograms (how values spread). */
final class QuantitySpecs {

  private static final int MAX_BINS = 20;

  private final QueryShape s;
  private final ChartOptions options;
  private final String title;
  private final Optional<String> subtitle;

  QuantitySpecs(QueryShape shape, ChartOptions options, String title, Optional<String> subtitle) {
    this.s = shape;
    this.options = options;
    this.title = title;
    this.subtitle = subtitle;
  }

  Map<String, Object> build(ChartKind kind) {
    return kind == ChartKind.SCATTER ? scatter() : histogram();
  }

  private Map<String, Object> scatter() {
    Map<String, Object> x;
    Map<String, Object> y;
    String chartTitle = title;
    if (s.measures().size() == 2) {
      x = free(s.measures().get(0).position());
      y = free(s.measures().get(1).position());
      chartTitle = s.measures().get(1).title() + " against " + s.measures().get(0).title();
    } else {
      CategoryField dimension = s.dimensions().getFirst();
      x = Vl.obj("field", Vl.field(dimension.name()), "type", "quantitative", "title", dimension.title(),
          "scale", Vl.obj("zero", false));
      y = free(s.measures().getFirst().position());
    }
    Map<String, Object> spec = SpecFrame.start(chartTitle, subtitle, s.records(), QuerySpecs.transforms(s, List.of()));
    spec.put("mark", Vl.obj("type", "point", "filled", true, "size", 60, "opacity", 0.75));
    spec.put("encoding", Vl.obj("x", x, "y", y, "tooltip", QuerySpecs.tooltips(s)));
    return SpecFrame.finish(spec, 480, 360);
  }

  // Points compare positions, not lengths: the scale may leave out zero to use the space.
  private static Map<String, Object> free(Map<String, Object> position) {
    position.put("scale", Vl.obj("zero", false));
    return position;
  }

  private Map<String, Object> histogram() {
    MeasureField measure = s.measures().getFirst();
    Map<String, Object> spec = SpecFrame.start(title, subtitle, s.records(), QuerySpecs.transforms(s, List.of()));
    spec.put("mark", Vl.obj("type", "bar", "color", "#4c78a8", "binSpacing", 1));
    if (QueryFits.numericDistribution(s, options.maxCategories())) {
      CategoryField dimension = s.dimensions().getFirst();
      spec.put("title", Vl.obj("text", Labels.measure(measure.name()) + " by " + dimension.title().toLowerCase()
          + " (binned)", "subtitle", subtitle.orElse(null), "anchor", "start"));
      spec.put("encoding", Vl.obj(
          "x", Vl.obj("field", Vl.field(dimension.name()), "type", "quantitative", "title", dimension.title(),
              "bin", Vl.obj("maxbins", MAX_BINS), "axis", Vl.obj("format", ",~g")),
          "y", Vl.obj("aggregate", "sum", "field", Vl.field(measure.field()), "type", "quantitative",
              "title", measure.title(), "axis", Vl.obj("format", measure.format().axisFormat())),
          "tooltip", Vl.list(
              Vl.obj("field", Vl.field(dimension.name()), "type", "quantitative", "bin", Vl.obj("maxbins", MAX_BINS),
                  "title", dimension.title()),
              Vl.obj("aggregate", "sum", "field", Vl.field(measure.field()), "type", "quantitative",
                  "title", measure.title(), "format", measure.format().tooltipFormat()))));
    } else {
      spec.put("title", Vl.obj("text", "Distribution of " + Labels.measure(measure.name()).toLowerCase()
          + " across " + s.rowCount() + " groups", "subtitle", subtitle.orElse(null), "anchor", "start"));
      spec.put("encoding", Vl.obj(
          "x", Vl.obj("field", Vl.field(measure.field()), "type", "quantitative", "title", measure.title(),
              "bin", Vl.obj("maxbins", MAX_BINS), "axis", Vl.obj("format", measure.format().axisFormat())),
          "y", Vl.obj("aggregate", "count", "type", "quantitative", "title", "Number of groups"),
          "tooltip", Vl.list(
              Vl.obj("field", Vl.field(measure.field()), "type", "quantitative", "bin", Vl.obj("maxbins", MAX_BINS),
                  "title", measure.title(), "format", measure.format().axisFormat()),
              Vl.obj("aggregate", "count", "type", "quantitative", "title", "Groups"))));
    }
    return SpecFrame.finish(spec, SpecFrame.WIDTH, SpecFrame.HEIGHT);
  }
}
