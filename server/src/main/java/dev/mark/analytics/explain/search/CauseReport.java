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
  private final double totalCurrentDenominator;

  CauseReport(LeafTable table, MeasureKind kind, LeafModel model, Lattice lattice) {
    this.table = table;
    this.kind = kind;
    this.model = model;
    this.lattice = lattice;
    double[] totals = sums(table.leaves(), null, 0);
    this.totalCurrentDenominator = totals[3];
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
      change = totalCurrentDenominator == 0 ? 0 : (s[5] - s[4]) / totalCurrentDenominator;
    }
    double share = totalChange == 0 || !Double.isFinite(totalChange) ? Double.NaN : change / totalChange;
    return new RootCause(Collections.unmodifiableMap(elements), baseline, current, change, share, pick.score());
  }

  /**
   * Baseline numerator and denominator, current numerator and denominator, expected and actual
   * (the search's view) of the leaves in the cell, or of every leaf when {@code cells} is null.
   */
  private double[] sums(List<Leaf> leaves, int[] cells, int cell) {
    double[] s = new double[6];
    for (int i = 0; i < leaves.size(); i++) {
      if (cells == null || cells[i] == cell) {
        Leaf leaf = leaves.get(i);
        s[0] += leaf.baselineNumerator();
        s[1] += leaf.baselineDenominator();
        s[2] += leaf.currentNumerator();
        s[3] += leaf.currentDenominator();
        s[4] += model.expected[i];
        s[5] += model.actual[i];
      }
    }
    return s;
  }
}
