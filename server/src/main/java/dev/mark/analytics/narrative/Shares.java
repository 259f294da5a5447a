package dev.mark.analytics.narrative;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;

/** Statements about how a total is spread over segments: concentration and outliers. */
final class Shares {

  private Shares() {}

  /**
   * When at least 5 segments share a total and the top fifth of them (rounded up) hold
   * {@value Catalogue#CONCENTRATION_SHARE} of it or more. Shares must all be ≥ 0: with negative
   * parts, "carrying most of the total" means nothing.
   */
  static Optional<Statement> concentration(double[] shares, String dimension, String ofWhat) {
    int n = shares.length;
    if (n < 5 || Arrays.stream(shares).anyMatch(s -> s < 0)) {
      return Optional.empty();
    }
    double[] sorted = Arrays.stream(shares).map(s -> -s).sorted().map(s -> -s).toArray();
    int top = (n + 4) / 5;
    double held = Arrays.stream(sorted).limit(top).sum();
    if (held < Catalogue.CONCENTRATION_SHARE) {
      return Optional.empty();
    }
    String who = top == 1 ? "One of the " + n + " values of " + dimension + " carries "
        : "The top " + top + " of the " + n + " values of " + dimension + " carry ";
    return Optional.of(new Statement(StatementKind.CONCENTRATION,
        who + Figures.share(held) + " of " + ofWhat + ".",
        Values.of("dimension", dimension, "segments", n, "top", top, "share", held),
        Catalogue.importance(0.7 * held)));
  }

  /**
   * The segment furthest from the others by modified z-score, when it is beyond
   * {@value Catalogue#OUTLIER_Z}; at least {@value Catalogue#MIN_SERIES} segments.
   */
  static Optional<Statement> outlier(List<Mover> segments, String dimension, String what,
      DoubleFunction<String> format) {
    if (segments.size() < Catalogue.MIN_SERIES) {
      return Optional.empty();
    }
    List<Mover> ordered = segments.stream().sorted(Comparator.comparing(Mover::name)).toList();
    double[] xs = ordered.stream().mapToDouble(Mover::contribution).toArray();
    double[] z = Robust.modifiedZ(xs);
    int worst = -1;
    for (int i = 0; i < z.length; i++) {
      if (!Double.isNaN(z[i]) && Math.abs(z[i]) > Catalogue.OUTLIER_Z && (worst < 0 || Math.abs(z[i]) > Math.abs(z[worst]))) {
        worst = i;
      }
    }
    if (worst < 0) {
      return Optional.empty();
    }
    Mover m = ordered.get(worst);
    double median = Robust.median(xs);
    String text = m.name() + " stands out: its " + what + " of " + format.apply(m.contribution()) + " is far "
        + (z[worst] > 0 ? "above" : "below") + " the other values of " + dimension + " (median "
        + format.apply(median) + ").";
    return Optional.of(new Statement(StatementKind.OUTLIER, text,
        Values.of("segment", m.elements(), "value", m.contribution(), "median", median, "robust_z", z[worst]),
        Catalogue.importance(0.4 + 0.5 * Math.min(1, (Math.abs(z[worst]) - Catalogue.OUTLIER_Z) / Catalogue.OUTLIER_Z))));
  }
}
