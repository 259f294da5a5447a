package dev.mark.analytics.chart;

import java.util.List;
import java.util.Map;

/**
 * A chart of an answer.
 *
 * @param type the chart's kind
 * @param reason why this kind shows the answer, in plain words
 * @param alternatives other kinds that also fit, best first
 * @param spec a complete Vega-Lite v6 specification with the data inline, JSON-ready
 */
public record ChartOutcome(ChartKind type, String reason, List<Alternative> alternatives,
    Map<String, Object> spec) {

  /** Another kind that fits, and what it shows less well. */
  public record Alternative(ChartKind type, String reason) {}
}
