package dev.mark.analytics.chart;

import dev.mark.analytics.QueryOutcome;
import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import java.util.Set;

/**
 * A chart for an answer: the kind chosen by perceptual-effectiveness rules (or the kind asked
 * for, if it can show the data), the reason in words, the alternatives, and a complete Vega-Lite
 * v6 spec with the data inline. Knows no HTTP types: handlers map its outcome. Stateless and
 * thread-safe.
 */
public final class Charts {

  private Charts() {}

  /**
   * @param additiveMeasures the output names of the measures whose values add up across rows
   *     (sums and counts): only those are grouped as "Other" or stacked as parts of a whole
   * @throws Unprocessable {@code invalid_query} naming {@code /chart/type} when the kind asked
   *     for cannot show the answer
   */
  public static ChartOutcome forQuery(QueryOutcome outcome, Set<String> additiveMeasures, ChartOptions options) {
    QueryShape shape = QueryShape.of(outcome, additiveMeasures);
    ChartChooser.Choice choice = ChartChooser.choose(QueryFits.rank(shape, options.maxCategories()), options,
        ProblemCode.INVALID_QUERY);
    return new ChartOutcome(choice.kind(), choice.reason(), choice.alternatives(),
        QuerySpecs.build(choice.kind(), shape, options));
  }

  /**
   * @throws Unprocessable {@code invalid_explain} naming {@code /chart/type} when the kind asked
   *     for cannot show the explain
   */
  public static ChartOutcome forExplain(ExplainOutcome outcome, ChartOptions options) {
    ExplainShape shape = ExplainShape.of(outcome);
    ChartChooser.Choice choice = ChartChooser.choose(ExplainCharts.rank(shape), options, ProblemCode.INVALID_EXPLAIN);
    return new ChartOutcome(choice.kind(), choice.reason(), choice.alternatives(),
        ExplainCharts.build(choice.kind(), shape, options));
  }
}
