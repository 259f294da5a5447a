package dev.mark.analytics;

import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.analytics.explain.ExplainOutcome.CauseFigure;
import dev.mark.analytics.explain.ExplainOutcome.DimensionFigure;
import dev.mark.analytics.explain.ExplainOutcome.PeriodFigure;
import dev.mark.analytics.explain.ExplainOutcome.SegmentFigure;
import dev.mark.api.model.Chart;
import dev.mark.api.model.CompareMode;
import dev.mark.api.model.DimensionExplanation;
import dev.mark.api.model.ExplainResult;
import dev.mark.api.model.Narrative;
import dev.mark.api.model.PeriodValue;
import dev.mark.api.model.RootCause;
import dev.mark.api.model.Segment;
import java.math.BigDecimal;

/**
 * Maps an {@link ExplainOutcome} to the API's {@link ExplainResult}. Numbers are written as the
 * shortest decimals of their doubles; the chart and narrative are left to whoever adds them.
 */
final class ExplainResults {

  private ExplainResults() {}

  /**
   * @param chart the chart, or null when not asked for
   * @param narrative the narrative, or null when not asked for
   */
  static ExplainResult toResult(ExplainOutcome outcome, Chart chart, Narrative narrative) {
    return new ExplainResult(
        outcome.measure().name(),
        outcome.timeColumn(),
        toModel(outcome.compare()),
        outcome.additive(),
        period(outcome.baseline()),
        period(outcome.current()),
        number(outcome.change()),
        number(outcome.changePct()),
        outcome.dimensions().stream().map(ExplainResults::dimension).toList(),
        outcome.rootCauses().stream().map(ExplainResults::cause).toList(),
        chart,
        narrative);
  }

  static ExplainOutcome.CompareMode toCompareMode(CompareMode mode) {
    return switch (mode) {
      case TOTAL -> ExplainOutcome.CompareMode.TOTAL;
      case PER_DAY -> ExplainOutcome.CompareMode.PER_DAY;
    };
  }

  private static CompareMode toModel(ExplainOutcome.CompareMode mode) {
    return switch (mode) {
      case TOTAL -> CompareMode.TOTAL;
      case PER_DAY -> CompareMode.PER_DAY;
    };
  }

  private static PeriodValue period(PeriodFigure figure) {
    return new PeriodValue(figure.from(), figure.to(), number(figure.value()), figure.rows());
  }

  private static DimensionExplanation dimension(DimensionFigure figure) {
    return new DimensionExplanation(figure.dimension(), number(figure.explanatoryPower()), number(figure.surprise()),
        figure.selected(), number(figure.residual()), figure.segments().stream().map(ExplainResults::segment).toList());
  }

  private static Segment segment(SegmentFigure s) {
    return new Segment(s.value(), number(s.baseline()), number(s.current()), number(s.change()),
        number(s.contribution()), number(s.explanatoryPower()), number(s.surprise()), number(s.shareBaseline()),
        number(s.shareCurrent()), number(s.mix()), number(s.rate()));
  }

  private static RootCause cause(CauseFigure c) {
    return new RootCause(c.elements(), number(c.baseline()), number(c.current()), number(c.change()),
        number(c.shareOfChange()), number(c.score()));
  }

  /** A double as its shortest decimal; null (and a NaN or infinity, which JSON cannot hold) as null. */
  private static BigDecimal number(Double value) {
    return value == null || !Double.isFinite(value) ? null : BigDecimal.valueOf(value);
  }
}
