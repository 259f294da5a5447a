package dev.mark.analytics.explain;

import dev.mark.analytics.explain.ExplainOutcome.DimensionFigure;
import dev.mark.analytics.explain.ExplainOutcome.SegmentFigure;
import dev.mark.analytics.explain.ExplainQuery.Adtributor;
import dev.mark.analytics.explain.SegmentSplit.DimensionSplit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks dimensions as Adtributor does (Bhagwan et al., NSDI 2014). A segment's explanatory power
 * is its contribution ÷ the total change; its surprise is its term of the Jensen–Shannon
 * divergence between its baseline and current shares. In each dimension, segments are taken
 * most surprising first, those of explanatory power at least TEEP, until together they reach
 * TEP; the dimension's power and surprise are those of the segments taken. Dimensions come most
 * surprising first (all segments' surprise breaks ties), and the first {@code max_dimensions}
 * whose segments reach TEP are selected.
 */
final class AdtributorRanking {

  private final Adtributor settings;

  AdtributorRanking(Adtributor settings) {
    this.settings = settings;
  }

  private record Scored(DimensionFigure figure, double allSurprise, boolean reached) {}

  List<DimensionFigure> rank(List<DimensionSplit> splits, BigDecimal change) {
    List<Scored> scored = new ArrayList<>();
    for (DimensionSplit split : splits) {
      scored.add(score(split, change));
    }
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.figure().surprise())
        .thenComparingDouble(s -> -s.allSurprise()));
    List<DimensionFigure> ranked = new ArrayList<>();
    int selected = 0;
    for (Scored s : scored) {
      boolean select = s.reached() && selected < settings.maxDimensions();
      selected += select ? 1 : 0;
      DimensionFigure f = s.figure();
      ranked.add(new DimensionFigure(f.dimension(), f.explanatoryPower(), f.surprise(), select, f.residual(), f.segments()));
    }
    return ranked;
  }

  private Scored score(DimensionSplit split, BigDecimal change) {
    boolean moved = change != null && change.signum() != 0;
    List<SegmentFigure> segments = new ArrayList<>();
    for (SegmentSplit s : split.segments()) {
      Double power = moved ? s.contribution().divide(change, ExactSplit.MATH).doubleValue() : null;
      segments.add(new SegmentFigure(s.value(), s.baseline(), s.current(), s.change(), s.contribution().doubleValue(),
          power, surprise(s.shareBaseline(), s.shareCurrent()), s.shareBaseline(), s.shareCurrent(), s.mix(), s.rate()));
    }
    double power = 0;
    double surprise = 0;
    double allSurprise = 0;
    boolean reached = false;
    List<SegmentFigure> bySurprise = new ArrayList<>(segments);
    bySurprise.sort(Comparator.comparingDouble(s -> -s.surprise()));
    for (SegmentFigure s : bySurprise) {
      allSurprise += s.surprise();
      if (!reached && s.explanatoryPower() != null && s.explanatoryPower() >= settings.teep()) {
        power += s.explanatoryPower();
        surprise += s.surprise();
        reached = power >= settings.tep();
      }
    }
    segments.sort(Comparator.comparingDouble((SegmentFigure s) -> -Math.abs(s.contribution())));
    DimensionFigure figure = new DimensionFigure(split.dimension(), power, surprise, false,
        split.residual().doubleValue(), segments);
    return new Scored(figure, allSurprise, reached);
  }

  /** ½[p·log(2p/(p+q)) + q·log(2q/(p+q))], with 0·log 0 = 0; shares below 0 (negative sums) count as 0. */
  static double surprise(double p, double q) {
    double a = Math.max(0, p);
    double b = Math.max(0, q);
    double m = a + b;
    if (m == 0) {
      return 0;
    }
    return 0.5 * (term(a, m) + term(b, m));
  }

  private static double term(double x, double sum) {
    return x == 0 ? 0 : x * Math.log(2 * x / sum);
  }
}
