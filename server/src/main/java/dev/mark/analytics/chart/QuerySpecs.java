package dev.mark.analytics.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the Vega-Lite spec of a chosen kind for a query's answer. */
final class QuerySpecs {

  private QuerySpecs() {}

  static Map<String, Object> build(ChartKind kind, QueryShape shape, ChartOptions options) {
    return switch (kind) {
      case KPI -> KpiSpecs.ofQuery(shape, title(shape), subtitle(shape));
      case LINE, AREA, STACKED_AREA -> new TimeSpecs(shape, options, title(shape), subtitle(shape)).build(kind);
      case BAR, HORIZONTAL_BAR, PIE -> new CategorySpecs(shape, options, title(shape), subtitle(shape)).build(kind);
      case GROUPED_BAR, STACKED_BAR, HEATMAP, BOXPLOT ->
          new TwoWaySpecs(shape, options, title(shape), subtitle(shape)).build(kind);
      case SCATTER, HISTOGRAM -> new QuantitySpecs(shape, options, title(shape), subtitle(shape)).build(kind);
      case TABLE -> TableSpecs.ofQuery(shape, title(shape), subtitle(shape));
      case WATERFALL -> throw new IllegalStateException("a query has no waterfall; the chooser refuses it");
    };
  }

  /** "Revenue (sum) by month and region". */
  static String title(QueryShape shape) {
    String measures = String.join(" and ", shape.measures().stream().map(m -> Labels.measure(m.name())).toList());
    List<String> groupings = new ArrayList<>();
    shape.time().ifPresent(t -> groupings.add(t.granularity().name().toLowerCase()));
    shape.dimensions().forEach(d -> groupings.add(Labels.words(d.name()).toLowerCase()));
    return groupings.isEmpty() ? measures : measures + " by " + String.join(" and ", groupings);
  }

  /** The measure's description and the zone of the buckets, when there are any. */
  static Optional<String> subtitle(QueryShape shape) {
    List<String> parts = new ArrayList<>();
    if (shape.measures().size() == 1) {
      shape.measures().getFirst().description().ifPresent(parts::add);
    }
    shape.time().ifPresent(t -> parts.add(t.granularity().name().toLowerCase() + "s in " + t.zone()));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" · ", parts));
  }

  /** The transforms every measure needs, then {@code more}. */
  static List<Map<String, Object>> transforms(QueryShape shape, List<Map<String, Object>> more) {
    List<Map<String, Object>> transforms = new ArrayList<>();
    shape.time().ifPresent(t -> transforms.add(t.transform()));
    shape.measures().forEach(m -> transforms.addAll(m.transforms()));
    transforms.addAll(more);
    return transforms;
  }

  /** Every field of a row, for tooltips. */
  static List<Object> tooltips(QueryShape shape) {
    List<Object> tooltips = new ArrayList<>();
    shape.time().ifPresent(t -> tooltips.add(t.tooltip()));
    shape.dimensions().forEach(d -> tooltips.add(d.tooltip()));
    shape.measures().forEach(m -> tooltips.add(m.tooltip()));
    return tooltips;
  }
}
