package dev.mark.analytics.explain.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a picked cell into a {@link RootCause}: its values, its own figures, its share. */
final class CauseReport {
  private final LeafTable table;
  private final MeasureKind kind;
  private final LeafModel model;
  private final Lattice lattice;
  private final double totalChange;
  private final double[] totals;

  CauseReport(LeafTable table, MeasureKind kind, LeafModel model, Lattice lattice) {
    this.table = table;
    this.kind = kind;
    this.model = model;
    this.lattice = lattice;
    this.totals = sums(table.leaves(), null, 0);
    this.totalChange = kind == MeasureKind.ADDITIVE
        ? totals[2] - totals[0]
        : totals[2] / totals[3] - totals[0] / totals[1];
  }

  RootCause cause(GreedySearch.Pick pick) {
    int[] dims = lattice.cuboids.get(pick.cuboid());
    int leaf = lattice.cellLeaf.get(pick.cuboid())[pick.cell()];
    Map<String, String> elements = new LinkedHashMap<>();
    for (int d : dims) {
      elements.put(table.dimensions().get(d), model.names[d][model.codes[d][leaf]]);
    }
    double[] s = sums(table.leaves(), lattice.leafCells.get(pick.cuboid()), pick.cell());
    double baseline;
    double current;
    double change;
    if (kind == MeasureKind.ADDITIVE) {
      baseline = s[0];
      current = s[2];
      change = current - baseline;
    } else {
      baseline = s[1] == 0 ? Double.NaN : s[0] / s[1];
      current = s[3] == 0 ? Double.NaN : s[2] / s[3];
      change = ratioEffect(s);
    }
    double share = totalChange == 0 || !Double.isFinite(totalChange) ? Double.NaN : change / totalChange;
    return new RootCause(Collections.unmodifiableMap(elements), baseline, current, change, share, pick.score());
  }

  /**
   * How far the total ratio moved because of the cause: the current total ratio less what it
   * would be had the cause's leaves kept their baseline rate and their baseline share of the
   * volume (their baseline parts scaled by the total's growth in volume). A cause that moved only
   * its rate gets its rate effect; one that moved only its volume, its mix effect.
   */
  private double ratioEffect(double[] s) {
    if (totals[1] == 0 || totals[3] == 0) {
      return Double.NaN;
    }
    double growth = totals[3] / totals[1];
    double denominator = totals[3] - s[3] + s[1] * growth;
    if (denominator == 0) {
      return Double.NaN;
    }
    return totals[2] / totals[3] - (totals[2] - s[2] + s[0] * growth) / denominator;
  }

  /**
   * Baseline numerator and denominator, current numerator and denominator of the leaves in the
   * cell, or of every leaf when {@code cells} is null.
   */
  private double[] sums(List<Leaf> leaves, int[] cells, int cell) {
    double[] s = new double[4];
    for (int i = 0; i < leaves.size(); i++) {
      if (cells == null || cells[i] == cell) {
        Leaf leaf = leaves.get(i);
        s[0] += leaf.baselineNumerator();
        s[1] += leaf.baselineDenominator();
        s[2] += leaf.currentNumerator();
        s[3] += leaf.currentDenominator();
      }
    }
    return s;
  }
}
