package dev.mark.analytics.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The statements of a measure by segments, without time: the largest segment (as
 * {@code top_contributor}: its share of the total when the measure adds up), a concentration,
 * an outlier.
 */
final class GroupNarrator {

  private final List<Mover> segments;
  private final String dimension;
  private final boolean additive;
  private final MeasureVoice voice;

  GroupNarrator(List<Mover> segments, String dimension, boolean additive, MeasureVoice voice) {
    this.segments = segments.stream()
        .sorted(Comparator.comparingDouble((Mover m) -> -m.contribution()).thenComparing(Mover::name))
        .toList();
    this.dimension = dimension;
    this.additive = additive;
    this.voice = voice;
  }

  /** Shares of the total make sense for a measure that adds up over segments that are all ≥ 0. */
  private boolean hasShares() {
    return additive && segments.stream().allMatch(m -> m.contribution() >= 0) && total() > 0;
  }

  private double total() {
    return segments.stream().mapToDouble(Mover::contribution).sum();
  }

  List<Statement> statements() {
    List<Statement> out = new ArrayList<>();
    if (segments.isEmpty()) {
      return out;
    }
    Mover top = segments.getFirst();
    if (hasShares()) {
      double share = top.contribution() / total();
      out.add(new Statement(StatementKind.TOP_CONTRIBUTOR,
          top.name() + " is the largest " + dimension + ": " + voice.value(top.contribution()) + ", "
              + Figures.share(share) + " of " + voice.name() + ".",
          Values.of("segment", top.elements(), "value", top.contribution(), "share", share),
          Catalogue.importance(0.8 * share)));
      double[] shares = segments.stream().mapToDouble(m -> m.contribution() / total()).toArray();
      Shares.concentration(shares, dimension, voice.name()).ifPresent(out::add);
    } else if (segments.size() > 1) {
      out.add(new Statement(StatementKind.TOP_CONTRIBUTOR,
          top.name() + " has the highest " + voice.name() + ": " + voice.value(top.contribution()) + ".",
          Values.of("segment", top.elements(), "value", top.contribution()), 0.5));
    }
    Shares.outlier(segments, dimension, voice.name(), voice::value).ifPresent(out::add);
    return out;
  }

  String headline() {
    if (segments.isEmpty()) {
      return "No " + dimension + " has a value of " + voice.name() + ".";
    }
    Mover top = segments.getFirst();
    if (segments.size() == 1) {
      return voice.subject() + " is " + voice.value(top.contribution()) + " for " + top.name() + ".";
    }
    if (hasShares()) {
      return top.name() + " leads " + voice.name() + " with " + voice.value(top.contribution()) + ", "
          + Figures.share(top.contribution() / total()) + " of the " + voice.value(total()) + " total.";
    }
    return top.name() + " has the highest " + voice.name() + " (" + voice.value(top.contribution()) + ") and "
        + segments.getLast().name() + " the lowest (" + voice.value(segments.getLast().contribution()) + ").";
  }
}
