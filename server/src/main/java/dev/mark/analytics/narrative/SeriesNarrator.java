package dev.mark.analytics.narrative;

import dev.mark.analytics.Granularity;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The statements of a measure over time buckets: the last bucket against the one before
 * ({@code period_change}, or {@code flat} when the move is within the series' own
 * bucket-to-bucket variation), the {@code trend} over all buckets when the Mann–Kendall test
 * finds one, a {@code record}, an {@code outlier}, and {@code caveat}s for missing buckets,
 * buckets without a value and a change from 0.
 */
final class SeriesNarrator {

  private final List<Point> points;
  private final List<Point> known;
  private final Granularity granularity;
  private final ZoneId zone;
  private final MeasureVoice voice;

  SeriesNarrator(List<Point> points, Granularity granularity, ZoneId zone, MeasureVoice voice) {
    this.points = points;
    this.known = points.stream().filter(p -> p.value() != null).toList();
    this.granularity = granularity;
    this.zone = zone;
    this.voice = voice;
  }

  /** The last two buckets with a value, when there are two. */
  Optional<Point[]> lastTwo() {
    int n = known.size();
    return n < 2 ? Optional.empty() : Optional.of(new Point[] {known.get(n - 2), known.get(n - 1)});
  }

  private double[] values() {
    return known.stream().mapToDouble(Point::value).toArray();
  }

  String name(Point p) {
    return PeriodNames.bucket(p.start(), granularity, !PeriodNames.sameYear(known.getFirst().start(), known.getLast().start()));
  }

  double trendP() {
    return known.size() < Catalogue.MIN_SERIES ? 1 : Robust.mannKendallP(values());
  }

  /**
   * Whether the last move is noise: within {@value Catalogue#FLAT_SIGMAS} robust standard
   * deviations of the earlier bucket-to-bucket moves when there are at least 3 of them and they
   * vary, else within {@value Catalogue#FLAT_PCT} % of the previous bucket.
   */
  boolean lastMoveIsFlat() {
    double[] ys = values();
    int n = ys.length;
    double last = ys[n - 1] - ys[n - 2];
    if (last == 0) {
      return true;
    }
    if (n >= 5) {
      double[] earlier = new double[n - 2];
      for (int i = 1; i < n - 1; i++) {
        earlier[i - 1] = ys[i] - ys[i - 1];
      }
      double sigma = 1.4826 * Robust.mad(earlier);
      if (sigma > 0) {
        return Math.abs(last) <= Catalogue.FLAT_SIGMAS * sigma;
      }
    }
    return ys[n - 2] != 0 && Math.abs(last / ys[n - 2]) * 100 < Catalogue.FLAT_PCT;
  }

  List<Statement> statements() {
    List<Statement> out = new ArrayList<>(caveats());
    if (known.size() < 2) {
      return out;
    }
    boolean trend = trendP() < Catalogue.TREND_P;
    trend().ifPresent(out::add);
    out.add(lastMoveIsFlat() && !trend ? flat() : periodChange());
    record().ifPresent(out::add);
    Shares.outlier(known.stream().map(p -> new Mover(name(p), Values.of("bucket", FollowUps.time(p.start())), p.value())).toList(),
        "the " + Buckets.unit(granularity) + "s", "value", voice::value).ifPresent(out::add);
    return out;
  }

  String headline() {
    if (known.isEmpty()) {
      return voice.subject() + " has no value in these " + Buckets.unit(granularity) + "s.";
    }
    Point last = known.getLast();
    if (known.size() == 1) {
      return voice.subject() + " was " + voice.value(last.value()) + " in " + name(last) + ".";
    }
    Point prev = known.get(known.size() - 2);
    double change = last.value() - prev.value();
    boolean trend = trendP() < Catalogue.TREND_P;
    String trendClause = "";
    if (trend) {
      boolean rising = Robust.senSlope(values()) > 0;
      trendClause = (rising == change >= 0 ? ", in line with its " : ", against its ") + (rising ? "upward" : "downward") + " trend";
    }
    if (lastMoveIsFlat() && !trend) {
      return voice.subject() + " held steady at " + voice.value(last.value()) + " in " + name(last) + ".";
    }
    String size = prev.value() == 0 ? " by " + voice.amount(change)
        : " " + Figures.percentMagnitude(Math.abs(change / prev.value() * 100)) + " %";
    return voice.subject() + " " + MeasureVoice.verb(change) + size + " in " + name(last) + " to "
        + voice.value(last.value()) + trendClause + voice.judgement(change).map(j -> ", " + j).orElse("") + ".";
  }

  private Statement periodChange() {
    Point prev = known.get(known.size() - 2);
    Point last = known.getLast();
    double change = last.value() - prev.value();
    Double pct = prev.value() == 0 ? null : change / Math.abs(prev.value()) * 100;
    String text = voice.subject() + " " + MeasureVoice.verb(change) + " from " + voice.value(prev.value()) + " in "
        + name(prev) + " to " + voice.value(last.value()) + " in " + name(last)
        + (pct == null ? "" : " (" + Figures.signedPercent(pct) + ")")
        + voice.judgement(change).map(j -> ", " + j).orElse("") + ".";
    double importance = pct == null ? 0.8 : 0.6 + 0.4 * Math.min(1, Math.abs(pct) / 10);
    return new Statement(StatementKind.PERIOD_CHANGE, text,
        Values.of("from", FollowUps.time(prev.start()), "to", FollowUps.time(last.start()), "baseline", prev.value(),
            "current", last.value(), "change", change, "change_pct", pct),
        Catalogue.importance(importance));
  }

  private Statement flat() {
    Point prev = known.get(known.size() - 2);
    Point last = known.getLast();
    double change = last.value() - prev.value();
    String text = voice.subject() + " held steady in " + name(last) + " at " + voice.value(last.value()) + " ("
        + voice.change(change) + " on " + name(prev) + "), within its usual " + Buckets.unit(granularity)
        + "-to-" + Buckets.unit(granularity) + " variation.";
    return new Statement(StatementKind.FLAT, text,
        Values.of("from", FollowUps.time(prev.start()), "to", FollowUps.time(last.start()), "baseline", prev.value(),
            "current", last.value(), "change", change),
        0.9);
  }

  // Sen's slope with the Mann–Kendall test; as a compound rate when every value is positive
  private Optional<Statement> trend() {
    double p = trendP();
    if (p >= Catalogue.TREND_P) {
      return Optional.empty();
    }
    double[] ys = values();
    double slope = Robust.senSlope(ys);
    boolean positive = Arrays.stream(ys).allMatch(y -> y > 0);
    Double growthPct = positive ? (Math.exp(Robust.senSlope(Arrays.stream(ys).map(Math::log).toArray())) - 1) * 100 : null;
    String direction = slope > 0 ? "rising" : "falling";
    String rate = growthPct != null
        ? Figures.signedPercent(growthPct) + " " + Buckets.per(granularity)
        : voice.change(slope) + " " + Buckets.per(granularity);
    String text = voice.subject() + " has been " + direction + " over the " + Buckets.count(ys.length, granularity)
        + " from " + name(known.getFirst()) + " to " + name(known.getLast()) + ", by about " + rate + ".";
    return Optional.of(new Statement(StatementKind.TREND, text,
        Values.of("direction", slope > 0 ? "up" : "down", "buckets", ys.length, "slope_per_bucket", slope,
            "growth_pct_per_bucket", growthPct, "p_value", p),
        Catalogue.importance(0.9 * (1 - p))));
  }

  private Optional<Statement> record() {
    double[] ys = values();
    int n = ys.length;
    if (n < Catalogue.MIN_SERIES) {
      return Optional.empty();
    }
    double last = ys[n - 1];
    double max = Arrays.stream(ys, 0, n - 1).max().orElseThrow();
    double min = Arrays.stream(ys, 0, n - 1).min().orElseThrow();
    double range = Math.max(max, last) - Math.min(min, last);
    if (range == 0 || (last <= max && last >= min)) {
      return Optional.empty();
    }
    boolean high = last > max;
    double margin = high ? last - max : min - last;
    String text = name(known.getLast()) + "'s " + voice.value(last) + " is the " + (high ? "highest" : "lowest")
        + " of the " + Buckets.count(n, granularity) + ", " + voice.amount(margin) + (high ? " above" : " below")
        + " the previous " + (high ? "high" : "low") + ".";
    return Optional.of(new Statement(StatementKind.RECORD, text,
        Values.of("bucket", FollowUps.time(known.getLast().start()), "value", last, "record", high ? "high" : "low",
            "previous", high ? max : min),
        Catalogue.importance(0.5 + 0.4 * Math.min(1, margin / range))));
  }

  private List<Statement> caveats() {
    List<Statement> out = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 1; i < points.size(); i++) {
      OffsetDateTime expected = Buckets.next(points.get(i - 1).start(), granularity, zone);
      while (expected.isBefore(points.get(i).start()) && missing.size() < 1000) {
        missing.add(PeriodNames.bucket(expected, granularity, true));
        expected = Buckets.next(expected, granularity, zone);
      }
    }
    points.stream().filter(p -> p.value() == null).forEach(p -> missing.add(PeriodNames.bucket(p.start(), granularity, true)));
    int total = points.size() + (int) missing.stream().count() - (int) points.stream().filter(p -> p.value() == null).count();
    if (!missing.isEmpty()) {
      String listed = missing.size() <= 3 ? " (" + String.join(", ", missing) + ")" : "";
      out.add(new Statement(StatementKind.CAVEAT,
          "No data for " + Buckets.count(missing.size(), granularity) + " of the " + total + listed
              + ": they are left out of the comparisons.",
          Values.of("missing", missing.size(), "buckets", total),
          Catalogue.importance(0.6 * Math.min(1, (double) missing.size() / total + 0.5))));
    }
    if (known.size() >= 2) {
      Point prev = known.get(known.size() - 2);
      Point last = known.getLast();
      if (prev.value() == 0 && last.value() != 0) {
        out.add(new Statement(StatementKind.CAVEAT,
            voice.subject() + " was 0 in " + name(prev) + ", so the change to " + name(last)
                + " cannot be put as a percentage.",
            Values.of("bucket", FollowUps.time(prev.start()), "baseline", 0.0, "change_pct", null),
            0.75));
      }
    }
    return out;
  }
}
