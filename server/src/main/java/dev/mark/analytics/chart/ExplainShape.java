package dev.mark.analytics.chart;

import dev.mark.analytics.Aggregation;
import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.analytics.explain.ExplainOutcome.DimensionFigure;
import dev.mark.analytics.explain.ExplainOutcome.PeriodFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an explain's charts are drawn from: its measure, its two periods in words, and the
 * dimension its split is shown by (the first one the ranking selected, else the first).
 */
record ExplainShape(ExplainOutcome outcome, MeasureField measure, Optional<DimensionFigure> dimension,
    String baselineLabel, String currentLabel) {

  static ExplainShape of(ExplainOutcome outcome) {
    List<Object> values = new ArrayList<>();
    values.add(outcome.baseline().value());
    values.add(outcome.current().value());
    Aggregation agg = outcome.measure().agg();
    boolean additive = agg == Aggregation.SUM || agg == Aggregation.COUNT;
    MeasureField measure = MeasureField.of(outcome.measure().name(), outcome.measure().notes(), additive, values);
    Optional<DimensionFigure> dimension = outcome.dimensions().stream()
        .filter(d -> d.selected() && !d.segments().isEmpty())
        .findFirst()
        .or(() -> outcome.dimensions().stream().filter(d -> !d.segments().isEmpty()).findFirst());
    return new ExplainShape(outcome, measure, dimension, period(outcome.baseline()), period(outcome.current()));
  }

  /** "2026-01-01 to 2026-01-31": the half-open range as the days it covers. */
  static String period(PeriodFigure period) {
    String from = period.from().toLocalDate().toString();
    String to = period.to().minusNanos(1).toLocalDate().toString();
    return from.equals(to) ? from : from + " to " + to;
  }

  /** "Baseline … · current …", with the dimension the split is shown by. */
  Optional<String> subtitle() {
    String periods = "baseline " + baselineLabel + " · current " + currentLabel;
    return Optional.of(measure.description().map(d -> d + " · ").orElse("")
        + periods.substring(0, 1).toUpperCase() + periods.substring(1));
  }

  String dimensionTitle() {
    return dimension.map(d -> Labels.words(d.dimension())).orElse("");
  }
}
