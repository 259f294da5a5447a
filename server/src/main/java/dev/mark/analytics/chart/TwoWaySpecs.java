package dev.mark.analytics.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A measure by two groupings (two dimensions, or the time bucket and a dimension): grouped or
 * stacked bars, a heatmap, or boxplots; and several measures side by side by one dimension.
 * The grouping with more values goes on x, the smaller one on colour.
 */
final class TwoWaySpecs {

  // Cells few enough to print their values in.
  private static final int MAX_LABELLED_CELLS = 120;

  /** One grouping as a band encoding, with its size. */
  private record Grouping(String field, Map<String, Object> band, Map<String, Object> colour, int size,
      boolean time, List<String> order) {}

  private final QueryShape s;
  private final String title;
  private final Optional<String> subtitle;

  TwoWaySpecs(QueryShape shape, ChartOptions options, String title, Optional<String> subtitle) {
    this.s = shape;
    this.title = title;
    this.subtitle = subtitle;
  }

  Map<String, Object> build(ChartKind kind) {
    if (s.groupings() == 1 && kind == ChartKind.GROUPED_BAR) {
      return measuresSideBySide();
    }
    List<Grouping> groupings = groupings();
    Grouping large = groupings.get(0).size() >= groupings.get(1).size() ? groupings.get(0) : groupings.get(1);
    Grouping small = large == groupings.get(0) ? groupings.get(1) : groupings.get(0);
    // Time reads left to right: it goes on x whatever its size.
    if (small.time()) {
      Grouping swap = large;
      large = small;
      small = swap;
    }
    MeasureField measure = s.measures().getFirst();
    List<String> names = s.dimensions().stream().map(CategoryField::name).toList();
    // Stacks follow the legend: the largest part at the bottom of every bar.
    boolean ordered = kind == ChartKind.STACKED_BAR && !small.order().isEmpty();
    String stackOrder = small.field() + " (order)";
    List<Map<String, Object>> more = ordered
        ? List.of(Vl.obj("calculate", "indexof(" + jsList(small.order()) + ", " + Vl.datum(small.field()) + ")", "as", stackOrder))
        : List.of();
    Map<String, Object> spec = SpecFrame.start(title, subtitle, OtherFolding.named(s.records(), names),
        QuerySpecs.transforms(s, more));
    Map<String, Object> encoding = switch (kind) {
      case GROUPED_BAR -> Vl.obj("x", large.band(), "xOffset", Vl.obj("field", Vl.field(small.field()),
          "type", "nominal", "sort", small.colour().get("sort")), "y", measure.position(), "color", small.colour());
      case STACKED_BAR -> Vl.obj("x", large.band(), "y", stacked(measure), "color", small.colour(),
          "order", ordered ? Vl.obj("field", Vl.field(stackOrder), "type", "quantitative") : null);
      case BOXPLOT -> Vl.obj("x", small.band(), "y", measure.position());
      default -> heatmapEncoding(large, small, measure);
    };
    if (kind != ChartKind.BOXPLOT) {
      encoding.put("tooltip", QuerySpecs.tooltips(s));
    }
    spec.put("encoding", encoding);
    switch (kind) {
      case HEATMAP -> spec.put("layer", heatmapLayers(measure));
      case BOXPLOT -> spec.put("mark", Vl.obj("type", "boxplot", "extent", "min-max", "size", 28));
      default -> spec.put("mark", Vl.obj("type", "bar"));
    }
    Object width = kind == ChartKind.HEATMAP || kind == ChartKind.BOXPLOT
        ? Vl.obj("step", kind == ChartKind.HEATMAP ? Math.max(28, Math.min(90, 600 / Math.max(1, large.size()))) : 60)
        : SpecFrame.WIDTH;
    Object height = kind == ChartKind.HEATMAP ? Vl.obj("step", 26) : SpecFrame.HEIGHT;
    return SpecFrame.finish(spec, width, height);
  }

  /** A Vega expression array of strings. */
  private static String jsList(List<String> values) {
    return values.stream().map(v -> "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'")
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  private Map<String, Object> stacked(MeasureField measure) {
    Map<String, Object> y = measure.position();
    y.put("stack", "zero");
    return y;
  }

  private Map<String, Object> heatmapEncoding(Grouping x, Grouping y, MeasureField measure) {
    Map<String, Object> scale = measure.nonNegative()
        ? Vl.obj("scheme", "blues")
        : Vl.obj("scheme", "redblue", "domainMid", 0, "reverse", true);
    return Vl.obj(
        "x", x.band(),
        "y", CategoryField.onY(y.band()),
        "color", Vl.obj("field", Vl.field(measure.field()), "type", "quantitative", "title", measure.title(),
            "scale", scale, "legend", Vl.obj("format", measure.format().axisFormat())));
  }

  private List<Object> heatmapLayers(MeasureField measure) {
    Map<String, Object> cells = Vl.obj("mark", Vl.obj("type", "rect", "stroke", "white", "strokeWidth", 1,
        "invalid", "filter"));
    if (s.rowCount() > MAX_LABELLED_CELLS) {
      return List.of(cells);
    }
    double max = s.records().stream().mapToDouble(r -> Math.abs(OtherFolding.number(r.get(measure.name())))).max().orElse(0);
    double threshold = (measure.format().percentOf100() ? max / 100 : max) * 0.6;
    String value = Vl.datum(measure.field());
    Map<String, Object> text = Vl.obj(
        "transform", List.of(Vl.obj("filter", value + " != null")),
        "mark", Vl.obj("type", "text", "fontSize", 10),
        "encoding", Vl.obj(
            "text", Vl.obj("field", Vl.field(measure.field()), "type", "quantitative", "format", measure.format().axisFormat()),
            "color", Vl.obj("condition", Vl.obj("test", "abs(" + value + ") > " + threshold, "value", "white"),
                "value", "#222")));
    return List.of(cells, text);
  }

  /** Several measures by one dimension: folded, a bar per measure in each category. */
  private Map<String, Object> measuresSideBySide() {
    CategoryField dimension = s.dimensions().getFirst();
    List<String> fields = s.measures().stream().map(MeasureField::field).toList();
    List<String> titles = s.measures().stream().map(MeasureField::title).toList();
    List<Map<String, Object>> more = List.of(
        Vl.obj("fold", fields, "as", List.of("Measure name", "Value")),
        Vl.obj("calculate", MeasureField.titleExpression(s.measures(), "Measure name"), "as", "Measure"));
    Map<String, Object> spec = SpecFrame.start(title, subtitle, OtherFolding.named(s.records(), List.of(dimension.name())),
        QuerySpecs.transforms(s, more));
    MeasureField first = s.measures().getFirst();
    spec.put("mark", Vl.obj("type", "bar"));
    spec.put("encoding", Vl.obj(
        "x", dimension.nominal(OtherFolding.byTotal(s.records(), dimension.name(), first.name())),
        "xOffset", Vl.obj("field", "Measure", "type", "nominal", "sort", titles),
        "y", Vl.obj("field", "Value", "type", "quantitative", "title", first.valueTitle(), "scale", Vl.obj("zero", true),
            "axis", Vl.obj("format", first.format().axisFormat())),
        "color", Vl.obj("field", "Measure", "type", "nominal", "sort", titles, "title", Vl.NULL),
        "tooltip", Vl.list(dimension.tooltip(), Vl.obj("field", "Measure", "type", "nominal"),
            Vl.obj("field", "Value", "type", "quantitative", "format", first.format().tooltipFormat()))));
    return SpecFrame.finish(spec, SpecFrame.WIDTH, SpecFrame.HEIGHT);
  }

  private List<Grouping> groupings() {
    List<Grouping> groupings = new ArrayList<>();
    MeasureField measure = s.measures().getFirst();
    s.time().ifPresent(t -> {
      Map<String, Object> colour = t.ordinal();
      groupings.add(new Grouping(t.field(), t.ordinal(), colour, t.buckets().size(), true, List.of()));
    });
    for (CategoryField d : s.dimensions()) {
      // Largest total first, written out: a heatmap's layers cannot sort a unioned domain by a sum.
      List<String> byTotal = OtherFolding.byTotal(s.records(), d.name(), measure.name());
      Map<String, Object> colour = Vl.obj("field", Vl.field(d.name()), "type", "nominal", "title", d.title(),
          "sort", byTotal, "scale", Vl.obj("scheme", d.distinct() > 10 ? "tableau20" : "tableau10"));
      groupings.add(new Grouping(d.name(), d.nominal(byTotal), colour, d.distinct(), false, byTotal));
    }
    return groupings;
  }
}
