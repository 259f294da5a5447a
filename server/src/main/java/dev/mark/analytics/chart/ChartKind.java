package dev.mark.analytics.chart;

/** A kind of chart; the names are the API's {@code ChartType} values. */
public enum ChartKind {
  KPI, LINE, AREA, STACKED_AREA, BAR, HORIZONTAL_BAR, GROUPED_BAR, STACKED_BAR, HEATMAP, SCATTER,
  HISTOGRAM, TABLE, WATERFALL, PIE, BOXPLOT;

  /** The name used in the API, e.g. {@code horizontal_bar}. */
  public String apiName() {
    return name().toLowerCase();
  }
}
