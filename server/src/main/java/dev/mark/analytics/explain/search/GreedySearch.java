package dev.mark.analytics.explain.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forward selection of causes over the lattice, by weighted least squares on the leaves.
 *
 * <p>The model (the generalized ripple effect of Squeeze): a leaf is at its expected value plus
 * noise, except inside a cause, where every leaf deviates by the same fraction of its size m
 * ({@code deviation ≈ δ·m}, m the mean of expected and actual, so that a leaf present in one
 * period only has the bounded fraction ±2 rather than an infinite one). Each round fits δ to every
 * cell of the lattice by weighted least squares, with each leaf weighted by its noise variance,
 * and takes the cell whose fit lowers the chi-square most:
 *
 * <pre>gain = (Σ deviation·m / variance)² / Σ m² / variance</pre>
 *
 * The gain adds up over the leaves that move together, so a cause's parent, which adds leaves that
 * did not move, gains less, and a cause's child, which leaves out leaves that moved, gains less:
 * the best cell is the most parsimonious one. A leaf's deviation counts up to {@link
 * #LEAF_Z_LIMIT} standard deviations, so that one jumpy leaf is never a cause on its own. The best
 * cell is taken while its gain clears the evidence threshold; its leaves are then refitted (moved
 * by the cell's median deviation fraction) and the next round searches what is left. The whole set
 * (level 0) may be taken once, as a shift of every leaf; it is not a cause.
 */
final class GreedySearch {
  record Pick(int cuboid, int cell, double score) {}

  private static final double LEAF_Z_LIMIT = 3;
  private static final double RIPPLE_SPREAD = 0.25;

  private final Lattice lattice;
  private final double[] actual;
  private final double[] predicted;
  private final double[] size;
  private final double[] variance;
  private final double[] limit;
  private final int maxDimensions;
  private final double[][] moment; // Σ deviation·m / variance per cell
  private final double[][] weight; // Σ m² / variance per cell

  GreedySearch(Lattice lattice, double[] expected, double[] actual, double[] variance, int maxDimensions) {
    this.lattice = lattice;
    this.actual = actual;
    this.predicted = expected.clone();
    this.variance = variance.clone();
    this.maxDimensions = maxDimensions;
    int n = expected.length;
    size = new double[n];
    limit = new double[n];
    for (int i = 0; i < n; i++) {
      size[i] = NoiseModel.size(expected[i], actual[i]);
      limit[i] = LEAF_Z_LIMIT * Math.sqrt(variance[i]);
    }
    int cuboids = searched();
    moment = new double[cuboids][];
    weight = new double[cuboids][];
    for (int q = 0; q < cuboids; q++) {
      moment[q] = new double[lattice.cellCount(q)];
      weight[q] = new double[lattice.cellCount(q)];
      int[] leafCells = lattice.leafCells.get(q);
      for (int i = 0; i < n; i++) {
        if (variance[i] > 0) {
          weight[q][leafCells[i]] += size[i] * size[i] / variance[i];
        }
      }
    }
  }

  /** The cuboids searched: those of at most maxDimensions dimensions, which come first. */
  private int searched() {
    int count = 0;
    while (count < lattice.cuboids.size() && lattice.cuboids.get(count).length <= maxDimensions) {
      count++;
    }
    return count;
  }

  /**
   * The gain a cell of each level must clear: {@code 2·ln(20·L·M)} chi-square units, M the number of
   * cells of that level and L the number of levels, what the best of those cells scores on pure
   * noise about one time in twenty (Bonferroni, spread evenly over the levels). It is also the
   * price of naming a cell of that level (its description length, in nats, twice), so a coarse
   * cell that explains as much as a fine one wins.
   */
  private double[] thresholds(double evidence) {
    double[] thresholds = new double[maxDimensions + 1];
    long[] cells = new long[maxDimensions + 1];
    for (int q = 0; q < moment.length; q++) {
      cells[lattice.cuboids.get(q).length] += moment[q].length;
    }
    for (int level = 0; level <= maxDimensions; level++) {
      thresholds[level] = evidence * 2 * Math.log(20.0 * maxDimensions * Math.max(1, cells[level]));
    }
    return thresholds;
  }

  List<Pick> run(int maxCauses, double evidence) {
    double[] thresholds = thresholds(evidence);
    List<Pick> picks = new ArrayList<>();
    boolean shifted = false;
    while (picks.size() < maxCauses) {
      sum();
      Pick best = best(picks, shifted, thresholds);
      if (best == null) {
        break;
      }
      refit(best);
      if (lattice.cuboids.get(best.cuboid()).length == 0) {
        shifted = true;
      } else {
        picks.add(best);
      }
    }
    return picks;
  }

  private void sum() {
    double[] leafMoment = new double[actual.length];
    for (int i = 0; i < actual.length; i++) {
      if (variance[i] > 0) {
        double deviation = Math.max(-limit[i], Math.min(limit[i], actual[i] - predicted[i]));
        leafMoment[i] = deviation * size[i] / variance[i];
      }
    }
    for (int q = 0; q < moment.length; q++) {
      Arrays.fill(moment[q], 0);
      int[] leafCells = lattice.leafCells.get(q);
      double[] cells = moment[q];
      for (int i = 0; i < leafCells.length; i++) {
        cells[leafCells[i]] += leafMoment[i];
      }
    }
  }

  /** The cell whose gain most exceeds its level's threshold, or null when none clears it. */
  private Pick best(List<Pick> picks, boolean shifted, double[] thresholds) {
    Pick best = null;
    for (int q = shifted ? 1 : 0; q < moment.length; q++) {
      double threshold = thresholds[lattice.cuboids.get(q).length];
      for (int c = 0; c < moment[q].length; c++) {
        double w = weight[q][c];
        if (w <= 0) {
          continue;
        }
        double excess = moment[q][c] * moment[q][c] / w - threshold;
        if (excess > 0 && (best == null || excess > best.score()) && (q == 0 || !nested(q, c, picks))) {
          best = new Pick(q, c, excess);
        }
      }
    }
    return best;
  }

  /** Whether the cell lies inside a cause already picked, or holds one. */
  private boolean nested(int q, int c, List<Pick> picks) {
    long mask = lattice.mask(q);
    for (Pick pick : picks) {
      long pickMask = lattice.mask(pick.cuboid());
      if ((pickMask & mask) == pickMask) {
        if (lattice.leafCells.get(pick.cuboid())[lattice.cellLeaf.get(q)[c]] == pick.cell()) {
          return true;
        }
      } else if ((pickMask & mask) == mask) {
        if (lattice.leafCells.get(q)[lattice.cellLeaf.get(pick.cuboid())[pick.cell()]] == c) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Moves the picked cell's leaves by the cell's typical deviation: each leaf's prediction grows
   * by δ·m, δ the weighted median of the leaves' deviation fractions (weights as in the gain). A
   * median, so that neither one giant leaf nor a few jumpy ones set the cell's move.
   */
  private void refit(Pick pick) {
    int[] leafCells = lattice.leafCells.get(pick.cuboid());
    List<double[]> fractions = new ArrayList<>(); // {fraction, weight}
    double total = 0;
    for (int i = 0; i < leafCells.length; i++) {
      if (leafCells[i] == pick.cell() && variance[i] > 0 && size[i] > 0) {
        double w = size[i] * size[i] / variance[i];
        fractions.add(new double[] {(actual[i] - predicted[i]) / size[i], w});
        total += w;
      }
    }
    fractions.sort((a, b) -> Double.compare(a[0], b[0]));
    double delta = 0;
    double running = 0;
    for (double[] fraction : fractions) {
      running += fraction[1];
      if (running >= total / 2) {
        delta = fraction[0];
        break;
      }
    }
    for (int i = 0; i < leafCells.length; i++) {
      if (leafCells[i] == pick.cell()) {
        predicted[i] += delta * size[i];
        widen(i, RIPPLE_SPREAD * delta * size[i]);
      }
    }
  }

  /**
   * Gives a leaf at least this standard deviation from now on. A cause's leaves never move by
   * exactly the same factor (a 40 % drop is 30 % here and 50 % there), so once the factor is
   * fitted, what is left inside the cause is that spread, not new causes.
   */
  private void widen(int i, double deviation) {
    double widened = deviation * deviation;
    if (widened <= variance[i]) {
      return;
    }
    double before = variance[i] > 0 ? size[i] * size[i] / variance[i] : 0;
    double after = size[i] * size[i] / widened;
    variance[i] = widened;
    limit[i] = LEAF_Z_LIMIT * Math.sqrt(widened);
    for (int q = 0; q < weight.length; q++) {
      weight[q][lattice.leafCells.get(q)[i]] += after - before;
    }
  }

  /** Which leaves the picks cover. */
  boolean[] covered(List<Pick> picks) {
    boolean[] covered = new boolean[actual.length];
    for (Pick pick : picks) {
      int[] leafCells = lattice.leafCells.get(pick.cuboid());
      for (int i = 0; i < leafCells.length; i++) {
        covered[i] |= leafCells[i] == pick.cell();
      }
    }
    return covered;
  }
}
