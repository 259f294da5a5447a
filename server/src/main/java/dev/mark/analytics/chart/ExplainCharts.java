package dev.mark.analytics.chart;

import static dev.mark.analytics.chart.ChartKind.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The verdict on every chart kind for an explain, ranked, and the spec of the one chosen. */
final class ExplainCharts {

  private ExplainCharts() {}

  static List<Fit> rank(ExplainShape s) {
    var outcome = s.outcome();
    boolean bothValues = outcome.baseline().value() != null && outcome.current().value() != null;
    String split = s.dimension().map(d -> " by " + Labels.words(d.dimension()).toLowerCase()).orElse("");
    List<Fit> ranked = new ArrayList<>();
    ranked.add(bothValues && s.dimension().isPresent()
        ? Fit.yes(WATERFALL, "an explained change: from the baseline through each segment's contribution" + split
            + " to the current value")
        : Fit.no(WATERFALL, bothValues ? "a waterfall needs a dimension that splits the change"
            : "a waterfall needs a value in both periods"));
    ranked.add(outcome.current().value() != null
        ? Fit.yes(KPI, "the current value as a single number, with its change from the baseline")
        : Fit.no(KPI, "the current period has no value"));
    ranked.add(s.dimension().isPresent()
        ? Fit.yes(HORIZONTAL_BAR, "each segment's contribution to the change" + split + ", sorted, as bars from zero")
        : Fit.no(HORIZONTAL_BAR, "bars of contributions need a dimension that splits the change"));
    ranked.add(s.dimension().isPresent()
        ? Fit.yes(GROUPED_BAR, "each segment" + split + " in the baseline and the current period, side by side")
        : Fit.no(GROUPED_BAR, "grouped bars need a dimension that splits the change"));
    ranked.add(Fit.yes(TABLE, "the segments and their contributions as numbers"));
    String twoPeriods = "an explain compares two periods";
    for (ChartKind kind : List.of(LINE, AREA, STACKED_AREA)) {
      ranked.add(Fit.no(kind, twoPeriods + "; a " + kind.apiName() + " needs a time series: query with a time bucket"));
    }
    ranked.add(Fit.no(BAR, twoPeriods + "; its contributions are drawn as horizontal_bar, or grouped_bar for the two periods"));
    ranked.add(Fit.no(STACKED_BAR, twoPeriods + "; contributions of both signs do not stack into a whole"));
    ranked.add(Fit.no(HEATMAP, twoPeriods + " by one dimension at a time; a heatmap needs two groupings"));
    ranked.add(Fit.no(SCATTER, twoPeriods + "; a scatter needs two measures"));
    ranked.add(Fit.no(HISTOGRAM, twoPeriods + "; a histogram needs many values of a measure"));
    ranked.add(Fit.no(PIE, "contributions to a change can be negative; they are not parts of a whole"));
    ranked.add(Fit.no(BOXPLOT, twoPeriods + "; a boxplot needs many values of a measure per group"));
    List<Fit> sorted = new ArrayList<>(ranked.stream().filter(Fit::fits).toList());
    ranked.stream().filter(f -> !f.fits()).forEach(sorted::add);
    return sorted;
  }

  static Map<String, Object> build(ChartKind kind, ExplainShape s, ChartOptions options) {
    return switch (kind) {
      case WATERFALL -> WaterfallSpecs.of(s, options);
      case KPI -> kpi(s);
      case HORIZONTAL_BAR -> ExplainBars.contributions(s, options);
      case GROUPED_BAR -> ExplainBars.periods(s, options);
      case TABLE -> ExplainBars.table(s);
      default -> throw new IllegalStateException("no explain chart of kind " + kind + "; the chooser refuses it");
    };
  }

  private static Map<String, Object> kpi(ExplainShape s) {
    var outcome = s.outcome();
    KpiSpecs.Change change = KpiSpecs.change(outcome.current().value(), outcome.baseline().value(),
        outcome.changePct(), "vs baseline " + s.baselineLabel(), s.measure().favorable());
    return KpiSpecs.of(s.measure(), Labels.measure(s.measure().name()) + ", " + s.currentLabel(),
        s.measure().description(), outcome.current().value(), java.util.Optional.of(change));
  }
}
