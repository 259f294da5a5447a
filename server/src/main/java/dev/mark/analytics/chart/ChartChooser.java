package dev.mark.analytics.chart;

import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks a chart from the verdicts on every kind, ranked best first: the first that fits, or the
 * one asked for if it fits; the others that fit become the alternatives.
 */
final class ChartChooser {

  /** What was chosen, and what else would do. */
  record Choice(ChartKind kind, String reason, List<ChartOutcome.Alternative> alternatives) {}

  private ChartChooser() {}

  /**
   * @param ranked a verdict on every kind, those that fit in order of preference
   * @param refusal the problem code of a refused {@code chart.type}
   * @throws Unprocessable naming {@code /chart/type} when the kind asked for cannot show the data
   */
  static Choice choose(List<Fit> ranked, ChartOptions options, ProblemCode refusal) {
    List<Fit> fitting = ranked.stream().filter(Fit::fits).toList();
    Fit chosen = options.requested()
        .map(kind -> verdict(ranked, kind))
        .orElse(fitting.getFirst());
    if (!chosen.fits()) {
      String fits = fitting.stream().map(f -> f.kind().apiName()).collect(Collectors.joining(", "));
      String message = chosen.reason() + "; the types that fit: " + fits;
      throw new Unprocessable(refusal, "A " + chosen.kind().apiName() + " chart cannot show this answer.",
          List.of(FieldIssue.body("/chart/type", "unsuitable_chart", message)));
    }
    List<ChartOutcome.Alternative> alternatives = fitting.stream()
        .filter(f -> f.kind() != chosen.kind())
        .map(f -> new ChartOutcome.Alternative(f.kind(), f.reason()))
        .toList();
    return new Choice(chosen.kind(), chosen.reason(), alternatives);
  }

  private static Fit verdict(List<Fit> ranked, ChartKind kind) {
    return ranked.stream().filter(f -> f.kind() == kind).findFirst()
        .orElseThrow(() -> new IllegalStateException("no verdict on " + kind));
  }
}
