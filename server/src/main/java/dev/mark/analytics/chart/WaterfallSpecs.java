package dev.mark.analytics.chart;

import dev.mark.analytics.explain.ExplainOutcome.DimensionFigure;
import dev.mark.datasets.Favorable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A waterfall of an explain: the baseline's bar, a floating bar per contribution (the largest
 * segments, Other, and what is not attributed), then the current value's bar. Rises and falls
 * are green and red when the measure says which way is good news, amber and blue otherwise.
 */
final class WaterfallSpecs {

  private static final String BASELINE = "Baseline";
  private static final String CURRENT = "Current";
  private static final String RISE = "Increase";
  private static final String FALL = "Decrease";
  private static final String GOOD = "#2e9d4f";
  private static final String BAD = "#d1453b";

  private WaterfallSpecs() {}

  static Map<String, Object> of(ExplainShape s, ChartOptions options) {
    DimensionFigure dimension = s.dimension().orElseThrow();
    MeasureField measure = s.measure();
    // Percents of 100 are drawn as fractions, like every other chart of such a measure.
    double scale = measure.format().percentOf100() ? 0.01 : 1;
    Contributions contributions = Contributions.of(dimension.segments(), dimension.residual(), options.maxCategories());
    double baseline = s.outcome().baseline().value() * scale;
    double current = s.outcome().current().value() * scale;
    List<double[]> moves = new ArrayList<>();
    double level = baseline;
    for (Contributions.Step step : contributions.steps()) {
      double amount = step.contribution() * scale;
      moves.add(new double[] {level, level + amount, amount});
      level += amount;
    }
    double floor = floor(baseline, current, moves);
    List<Map<String, Object>> values = new ArrayList<>();
    values.add(step(0, BASELINE, floor, baseline, baseline, BASELINE));
    for (int i = 0; i < moves.size(); i++) {
      double[] move = moves.get(i);
      values.add(step(i + 1, contributions.steps().get(i).label(), move[0], move[1], move[2], move[2] >= 0 ? RISE : FALL));
    }
    values.add(step(moves.size() + 1, CURRENT, floor, current, current, CURRENT));
    String title = "Why " + Labels.measure(measure.name()).toLowerCase() + " moved, by "
        + Labels.words(dimension.dimension()).toLowerCase();
    String from = floor == 0 ? "" : " · the axis starts at " + TableSpecs.cell(floor);
    Map<String, Object> spec = SpecFrame.start(title, s.subtitle().map(t -> t + from), values, List.of(
        Vl.obj("calculate", "max(datum.start, datum.end)", "as", "top"),
        Vl.obj("calculate", "datum.kind == '" + BASELINE + "' || datum.kind == '" + CURRENT + "' ? format(datum.amount, '"
            + measure.format().axisFormat() + "') : format(datum.amount, '+" + signed(measure.format().axisFormat())
            + "')", "as", "label")));
    int longest = values.stream().mapToInt(v -> v.get("step").toString().length()).max().orElse(0);
    spec.put("encoding", Vl.obj(
        "x", Vl.obj("field", "step", "type", "nominal", "title", Labels.words(dimension.dimension()),
            "sort", Vl.obj("field", "order", "op", "min"),
            "axis", Vl.obj("labelAngle", longest > 8 ? -30 : 0, "labelLimit", 140)),
        "tooltip", Vl.list(
            Vl.obj("field", "step", "type", "nominal", "title", Labels.words(dimension.dimension())),
            Vl.obj("field", "amount", "type", "quantitative", "title", measure.title(),
                "format", measure.format().tooltipFormat()))));
    Map<String, Object> yScale = floor == 0 ? Vl.obj("zero", true)
        : Vl.obj("zero", false, "nice", false, "domain", List.of(floor, ceiling(baseline, current, moves, floor)));
    spec.put("layer", layers(measure, yScale));
    return SpecFrame.finish(spec, Math.max(360, Math.min(720, values.size() * 64)), SpecFrame.HEIGHT);
  }

  /** The floating bars, coloured by kind, and the amount written above each. */
  private static List<Object> layers(MeasureField measure, Map<String, Object> scale) {
    return List.of(
        Vl.obj("mark", Vl.obj("type", "bar", "width", Vl.obj("band", 0.7)),
            "encoding", Vl.obj(
                "y", Vl.obj("field", "start", "type", "quantitative", "title", measure.title(),
                    "scale", scale, "axis", Vl.obj("format", measure.format().axisFormat())),
                "y2", Vl.obj("field", "end"),
                "color", Vl.obj("field", "kind", "type", "nominal", "title", Vl.NULL, "legend", Vl.NULL,
                    "scale", Vl.obj("domain", List.of(BASELINE, CURRENT, RISE, FALL),
                        "range", colours(measure.favorable()))))),
        Vl.obj("mark", Vl.obj("type", "text", "baseline", "bottom", "dy", -3, "fontSize", 11, "color", "#333"),
            "encoding", Vl.obj(
                "y", Vl.obj("field", "top", "type", "quantitative"),
                "text", Vl.obj("field", "label", "type", "nominal"))));
  }

  /**
   * Where the bars start: zero, unless every level is positive and the moves are a sliver of the
   * totals; then a round number below the lowest level, so the moves can be read (the subtitle
   * says where the axis starts).
   */
  private static double floor(double baseline, double current, List<double[]> moves) {
    double low = Math.min(baseline, current);
    double high = Math.max(baseline, current);
    for (double[] move : moves) {
      low = Math.min(low, Math.min(move[0], move[1]));
      high = Math.max(high, Math.max(move[0], move[1]));
    }
    if (low <= 0 || high - low >= 0.25 * high) {
      return 0;
    }
    double below = low - 0.5 * (high - low);
    double step = Math.pow(10, Math.floor(Math.log10(high - low)));
    return Math.max(0, Math.floor(below / step) * step);
  }

  private static double ceiling(double baseline, double current, List<double[]> moves, double floor) {
    double high = Math.max(baseline, current);
    for (double[] move : moves) {
      high = Math.max(high, Math.max(move[0], move[1]));
    }
    return high + 0.08 * (high - floor);
  }

  private static Map<String, Object> step(int order, String label, double start, double end, double amount, String kind) {
    return Vl.obj("order", order, "step", label, "start", start, "end", end, "amount", amount, "kind", kind);
  }

  /** The d3 format with the thousands comma kept, to put a sign before. */
  private static String signed(String format) {
    return format.startsWith("+") ? format.substring(1) : format;
  }

  private static List<String> colours(Favorable favorable) {
    String total = "#5b6b82";
    return List.of(total, total, riseColour(favorable), fallColour(favorable));
  }

  /** Green when a rise is good news, red when it is bad, amber when nobody said. */
  static String riseColour(Favorable favorable) {
    return switch (favorable) {
      case UP -> GOOD;
      case DOWN -> BAD;
      case NONE -> "#e8a33d";
    };
  }

  static String fallColour(Favorable favorable) {
    return switch (favorable) {
      case UP -> BAD;
      case DOWN -> GOOD;
      case NONE -> "#4c78a8";
    };
  }
}
