package dev.mark.analytics.chart;

import dev.mark.analytics.explain.ExplainOutcome.SegmentFigure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The largest contributions of one dimension's segments, the rest added up as "Other", and what
 * no segment accounts for (the residual of a measure that cannot be split exactly): together
 * they add up to the change, so a waterfall lands on the current value.
 */
record Contributions(List<Step> steps) {

  static final String NOT_ATTRIBUTED = "Not attributed";

  /** One bar: a segment (or Other, or the residual) and its contribution. */
  record Step(String label, double contribution, Double baseline, Double current) {}

  static Contributions of(List<SegmentFigure> segments, double residual, int keep) {
    List<SegmentFigure> sorted = segments.stream()
        .sorted(Comparator.comparingDouble((SegmentFigure f) -> Math.abs(f.contribution())).reversed())
        .toList();
    List<Step> steps = new ArrayList<>();
    int kept = sorted.size() <= keep ? sorted.size() : keep - 1;
    for (SegmentFigure segment : sorted.subList(0, kept)) {
      steps.add(new Step(Labels.category(segment.value()), segment.contribution(), segment.baseline(), segment.current()));
    }
    if (kept < sorted.size()) {
      double rest = sorted.subList(kept, sorted.size()).stream().mapToDouble(SegmentFigure::contribution).sum();
      steps.add(new Step(OtherFolding.OTHER, rest, null, null));
    }
    // A residual below rounding noise is the arithmetic of an exact split, not a missing part.
    if (Math.abs(residual) > 1e-9 * Math.max(1, steps.stream().mapToDouble(s -> Math.abs(s.contribution())).sum())) {
      steps.add(new Step(NOT_ATTRIBUTED, residual, null, null));
    }
    return new Contributions(steps);
  }
}
