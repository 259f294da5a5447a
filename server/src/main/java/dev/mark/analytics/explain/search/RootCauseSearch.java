package dev.mark.analytics.explain.search;

import java.util.List;

/** Finds the combinations of dimension values that account for a change between two periods. */
public final class RootCauseSearch {

  /**
   * The root causes of the change from baseline to current, most important first; empty when the
   * change is within the noise or spread evenly over every leaf.
   */
  public List<RootCause> find(LeafTable table, MeasureKind kind, SearchSettings settings) {
    return List.of();
  }
}
