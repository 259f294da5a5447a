package dev.mark.analytics;

import dev.mark.analytics.chart.ChartKind;
import dev.mark.analytics.chart.ChartOptions;
import dev.mark.analytics.chart.ChartOutcome;
import dev.mark.analytics.chart.Charts;
import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.api.model.Chart;
import dev.mark.api.model.ChartAlternative;
import dev.mark.api.model.ChartRequest;
import dev.mark.api.model.ChartType;
import dev.mark.api.model.ExplainRequest;
import dev.mark.api.model.IncludePart;
import dev.mark.api.model.Measure;
import dev.mark.api.model.QueryRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Maps the API's chart options to the chart package and its chart back to the API's model. */
final class ChartModels {

  // The contract's default of chart.max_categories, for a chart asked for with include alone.
  private static final int DEFAULT_MAX_CATEGORIES = 12;

  private ChartModels() {}

  /** Whether the request asks for a chart: {@code include: ["chart"]}, or chart options given. */
  static boolean asked(Set<IncludePart> include, ChartRequest chart) {
    return chart != null || (include != null && include.contains(IncludePart.CHART));
  }

  /** The chart of a query's answer, or null when none was asked for. */
  static Chart forQuery(QueryRequest request, QueryOutcome outcome) {
    if (!asked(request.include(), request.chart())) {
      return null;
    }
    return toModel(Charts.forQuery(outcome, additiveMeasures(request.measures(), outcome), options(request.chart())));
  }

  /**
   * The chart of an explain, or null when none was asked for: a waterfall of the contributions,
   * or the kind asked for ({@code invalid_explain} naming {@code /chart/type} if it cannot show it).
   */
  static Chart forExplain(ExplainRequest request, ExplainOutcome outcome) {
    if (!asked(request.include(), request.chart())) {
      return null;
    }
    return toModel(Charts.forExplain(outcome, options(request.chart())));
  }

  static ChartOptions options(ChartRequest chart) {
    if (chart == null) {
      return new ChartOptions(Optional.empty(), DEFAULT_MAX_CATEGORIES);
    }
    return new ChartOptions(Optional.ofNullable(chart.type()).map(ChartModels::toKind),
        chart.maxCategories() == null ? DEFAULT_MAX_CATEGORIES : chart.maxCategories());
  }

  static Chart toModel(ChartOutcome chart) {
    return new Chart(
        toType(chart.type()),
        chart.reason(),
        chart.alternatives().stream().map(a -> new ChartAlternative(toType(a.type()), a.reason())).toList(),
        chart.spec());
  }

  // The measures' output columns come in the request's order (QueryPlan.outputColumns): the
  // i-th measure column is the i-th measure asked for. Sums and counts add up across rows.
  private static Set<String> additiveMeasures(List<Measure> measures, QueryOutcome outcome) {
    List<OutputColumn> columns = outcome.columns().stream().filter(c -> c.role() == ColumnRole.MEASURE).toList();
    Set<String> additive = new HashSet<>();
    for (int i = 0; i < Math.min(measures.size(), columns.size()); i++) {
      dev.mark.api.model.Aggregation agg = measures.get(i).agg();
      if (agg == dev.mark.api.model.Aggregation.SUM || agg == dev.mark.api.model.Aggregation.COUNT) {
        additive.add(columns.get(i).name());
      }
    }
    return additive;
  }

  private static ChartKind toKind(ChartType type) {
    return switch (type) {
      case KPI -> ChartKind.KPI;
      case LINE -> ChartKind.LINE;
      case AREA -> ChartKind.AREA;
      case STACKED_AREA -> ChartKind.STACKED_AREA;
      case BAR -> ChartKind.BAR;
      case HORIZONTAL_BAR -> ChartKind.HORIZONTAL_BAR;
      case GROUPED_BAR -> ChartKind.GROUPED_BAR;
      case STACKED_BAR -> ChartKind.STACKED_BAR;
      case HEATMAP -> ChartKind.HEATMAP;
      case SCATTER -> ChartKind.SCATTER;
      case HISTOGRAM -> ChartKind.HISTOGRAM;
      case TABLE -> ChartKind.TABLE;
      case WATERFALL -> ChartKind.WATERFALL;
      case PIE -> ChartKind.PIE;
      case BOXPLOT -> ChartKind.BOXPLOT;
    };
  }

  private static ChartType toType(ChartKind kind) {
    return switch (kind) {
      case KPI -> ChartType.KPI;
      case LINE -> ChartType.LINE;
      case AREA -> ChartType.AREA;
      case STACKED_AREA -> ChartType.STACKED_AREA;
      case BAR -> ChartType.BAR;
      case HORIZONTAL_BAR -> ChartType.HORIZONTAL_BAR;
      case GROUPED_BAR -> ChartType.GROUPED_BAR;
      case STACKED_BAR -> ChartType.STACKED_BAR;
      case HEATMAP -> ChartType.HEATMAP;
      case SCATTER -> ChartType.SCATTER;
      case HISTOGRAM -> ChartType.HISTOGRAM;
      case TABLE -> ChartType.TABLE;
      case WATERFALL -> ChartType.WATERFALL;
      case PIE -> ChartType.PIE;
      case BOXPLOT -> ChartType.BOXPLOT;
    };
  }
}
