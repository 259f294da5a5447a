package dev.mark.analytics.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements about which segments moved a change: the top contributor (pushed it up), the
 * top detractor (pushed it down) and an offset (one moving against the change cancelled part
 * of another). Segments are ordered by size of contribution, then by name, so that their order
 * of arrival never changes the text.
 */
final class Movers {

  private final List<Mover> movers;
  private final double change;
  private final MeasureVoice voice;

  Movers(List<Mover> movers, double change, MeasureVoice voice) {
    this.movers = movers.stream()
        .sorted(Comparator.comparingDouble((Mover m) -> -Math.abs(m.contribution())).thenComparing(Mover::name))
        .toList();
    this.change = change;
    this.voice = voice;
  }

  /** The largest mover in the direction of the change, if it explains enough of it. */
  Optional<Mover> leader() {
    return movers.stream()
        .filter(m -> change != 0 && Math.signum(m.contribution()) == Math.signum(change))
        .filter(m -> Math.abs(m.contribution() / change) >= Catalogue.CONTRIBUTOR_MIN_SHARE)
        .findFirst();
  }

  private Optional<Mover> largest(int sign) {
    return movers.stream().filter(m -> Math.signum(m.contribution()) == sign).findFirst();
  }

  List<Statement> statements() {
    List<Statement> out = new ArrayList<>();
    Optional<Mover> up = largest(1);
    Optional<Mover> down = largest(-1);
    Optional<Statement> offset = offset(up, down);
    offset.ifPresent(out::add);
    int direction = (int) Math.signum(change);
    up.filter(m -> !(offset.isPresent() && direction != 1))
        .flatMap(m -> mover(m, StatementKind.TOP_CONTRIBUTOR)).ifPresent(out::add);
    down.filter(m -> !(offset.isPresent() && direction != -1))
        .flatMap(m -> mover(m, StatementKind.TOP_DETRACTOR)).ifPresent(out::add);
    return out;
  }

  private Optional<Statement> mover(Mover m, StatementKind kind) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("segment", m.elements());
    values.put("contribution", m.contribution());
    if (change == 0) {
      return Optional.empty();
    }
    double share = m.contribution() / change;
    values.put("share_of_change", share);
    if (share > 0 && share < Catalogue.CONTRIBUTOR_MIN_SHARE) {
      return Optional.empty();
    }
    String text = share > 1
        ? m.name() + " accounts for " + voice.change(m.contribution()) + ", more than the whole "
            + MeasureVoice.noun(change) + " of " + voice.change(change) + "."
        : share > 0
        ? m.name() + " accounts for " + voice.change(m.contribution()) + ", " + Figures.share(share)
            + " of the " + MeasureVoice.noun(change) + "."
        : m.name() + " went the other way: " + voice.change(m.contribution()) + ".";
    double importance = 0.9 * Math.min(1, Math.abs(share));
    return Optional.of(new Statement(kind, text, values, Catalogue.importance(importance)));
  }

  // the largest mover against the change offsetting the largest one with it; with no change
  // at all, the larger of the two is the one offset
  private Optional<Statement> offset(Optional<Mover> up, Optional<Mover> down) {
    if (up.isEmpty() || down.isEmpty()) {
      return Optional.empty();
    }
    boolean upIsOffset = change > 0 || (change == 0 && Math.abs(up.get().contribution()) >= Math.abs(down.get().contribution()));
    Mover offset = upIsOffset ? up.get() : down.get();
    Mover offsetting = upIsOffset ? down.get() : up.get();
    double ratio = Math.abs(offsetting.contribution() / offset.contribution());
    if (ratio < Catalogue.OFFSET_MIN_RATIO) {
      return Optional.empty();
    }
    String howMuch = ratio >= 1 ? "all" : ratio >= 0.5 ? "most" : "part";
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("segment", offsetting.elements());
    values.put("contribution", offsetting.contribution());
    values.put("offset_segment", offset.elements());
    values.put("offset_contribution", offset.contribution());
    values.put("ratio", ratio);
    String text = possessive(offsetting.name()) + " " + voice.change(offsetting.contribution()) + " offset "
        + howMuch + " of " + possessive(offset.name()) + " " + voice.change(offset.contribution()) + ".";
    return Optional.of(new Statement(StatementKind.OFFSET, text, values, Catalogue.importance(0.8 * Math.min(1, ratio))));
  }

  static String possessive(String name) {
    return name.endsWith("s") ? name + "'" : name + "'s";
  }
}
