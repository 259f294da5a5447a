package dev.mark.analytics.chart;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bars by one dimension (or a bar per time bucket) and pies. Bars start at zero and are sorted
 * by value; with more categories than asked, an additive measure keeps its largest and groups
 * the rest as "Other" (drawn last), any other measure shows them all as horizontal bars.
 */
final class CategorySpecs {

  private static final int BAR_STEP = 26;
  private static final String BAR_COLOUR = "#4c78a8";
  private static final String OTHER_COLOUR = "#b3b3b3";

  private final QueryShape s;
  private final ChartOptions options;
  private final String title;
  private final Optional<String> subtitle;

  CategorySpecs(QueryShape shape, ChartOptions options, String title, Optional<String> subtitle) {
    this.s = shape;
    this.options = options;
    this.title = title;
    this.subtitle = subtitle;
  }

  Map<String, Object> build(ChartKind kind) {
    MeasureField measure = s.measures().getFirst();
    if (s.time().isPresent()) {
      return barsOverTime(measure);
    }
    CategoryField dimension = s.dimensions().getFirst();
    OtherFolding.Folded folded = OtherFolding.fold(s.records(), dimension.name(), measure.name(),
        options.maxCategories(), measure.additive());
    Map<String, Object> spec = SpecFrame.start(title, subtitle, folded.records(), QuerySpecs.transforms(s, List.of()));
    if (kind == ChartKind.PIE) {
      return pie(spec, dimension, measure, folded.order());
    }
    boolean horizontal = kind == ChartKind.HORIZONTAL_BAR;
    // Sorted by value ("-y" in effect), written out: the bars share the axis with their labels'
    // layer, where Vega-Lite cannot sort a unioned domain by a sum.
    Object sort = folded.order();
    Map<String, Object> category = horizontal ? CategoryField.onY(dimension.nominal(sort)) : dimension.nominal(sort);
    Map<String, Object> value = measure.position();
    spec.put("encoding", Vl.obj(
        horizontal ? "y" : "x", category,
        horizontal ? "x" : "y", value,
        "tooltip", QuerySpecs.tooltips(s)));
    spec.put("layer", List.of(bars(dimension, folded.grouped()), valueLabels(measure, horizontal)));
    int bars = folded.order().size();
    return horizontal
        ? SpecFrame.finish(spec, 520, Vl.obj("step", BAR_STEP))
        : SpecFrame.finish(spec, Math.max(240, Math.min(SpecFrame.WIDTH, bars * 70)), SpecFrame.HEIGHT);
  }

  /**
   * The bars, one colour; "Other" in grey when the rest was grouped, so that a remainder larger
   * than every kept category reads as the rest, not as the leader.
   */
  private static Map<String, Object> bars(CategoryField dimension, boolean grouped) {
    Map<String, Object> mark = Vl.obj("type", "bar", "color", BAR_COLOUR);
    if (!grouped) {
      return Vl.obj("mark", mark);
    }
    return Vl.obj("mark", mark, "encoding", Vl.obj("color", Vl.obj(
        "condition", Vl.obj("test", Vl.datum(dimension.name()) + " == '" + OtherFolding.OTHER + "'", "value", OTHER_COLOUR),
        "value", BAR_COLOUR)));
  }

  /** The value at the end of each bar, so exact figures need no tooltip. */
  static Map<String, Object> valueLabels(MeasureField measure, boolean horizontal) {
    return Vl.obj(
        "transform", List.of(Vl.obj("filter", Vl.datum(measure.field()) + " != null")),
        "mark", horizontal
            ? Vl.obj("type", "text", "align", "left", "dx", 4, "color", "#333", "fontSize", 11)
            : Vl.obj("type", "text", "baseline", "bottom", "dy", -3, "color", "#333", "fontSize", 11),
        "encoding", Vl.obj("text", Vl.obj("field", Vl.field(measure.field()), "type", "quantitative",
            "format", measure.format().axisFormat())));
  }

  private Map<String, Object> barsOverTime(MeasureField measure) {
    TimeField time = s.time().orElseThrow();
    Map<String, Object> spec = SpecFrame.start(title, subtitle, s.records(), QuerySpecs.transforms(s, List.of()));
    spec.put("mark", Vl.obj("type", "bar", "color", BAR_COLOUR));
    spec.put("encoding", Vl.obj(
        "x", time.ordinal(),
        "y", measure.position(),
        "tooltip", QuerySpecs.tooltips(s)));
    return SpecFrame.finish(spec, SpecFrame.WIDTH, SpecFrame.HEIGHT);
  }

  private Map<String, Object> pie(Map<String, Object> spec, CategoryField dimension, MeasureField measure,
      List<String> order) {
    spec.put("mark", Vl.obj("type", "arc", "outerRadius", 120, "stroke", "white", "strokeWidth", 1));
    spec.put("encoding", Vl.obj(
        "theta", Vl.obj("field", Vl.field(measure.field()), "type", "quantitative", "stack", true),
        "color", Vl.obj("field", Vl.field(dimension.name()), "type", "nominal", "title", dimension.title(),
            "sort", order),
        "order", Vl.obj("field", Vl.field(measure.field()), "type", "quantitative", "sort", "descending"),
        "tooltip", QuerySpecs.tooltips(s)));
    return SpecFrame.finish(spec, 300, 260);
  }
}
