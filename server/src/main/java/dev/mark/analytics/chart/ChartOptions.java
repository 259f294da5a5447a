package dev.mark.analytics.chart;

import java.util.Optional;

/**
 * What the caller asked of a chart.
 *
 * @param requested the type asked for; empty lets the chooser pick
 * @param maxCategories beyond this many categories, an additive measure shows its largest ones
 *     and groups the rest as "Other"; no more colours than this are used either
 */
public record ChartOptions(Optional<ChartKind> requested, int maxCategories) {

  public ChartOptions {
    if (maxCategories < 2) {
      throw new IllegalArgumentException("maxCategories must be at least 2: " + maxCategories);
    }
  }
}
