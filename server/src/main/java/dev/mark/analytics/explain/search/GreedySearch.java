package dev.mark.analytics.explain.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Forward selection of causes over the lattice. The model: every leaf's current value is its
 * expected value, except inside a cause, where all leaves moved by the same factor (the ripple
 * effect of HotSpot and Squeeze, fitted per cause as Σ actual ÷ Σ expected). Each round scores
 * every cell by how much better the data fit once the cell is a cause, in chi-square units:
 *
 * <pre>score = (Σ deviation)² / Σ variance  −  heterogeneity</pre>
 *
 * The first term is the evidence that the cell moved at all. The second is the evidence that it
 * did not move as one piece: after fitting the cell's factor, the chi-square excess left among its
 * children along the dimension that splits it worst. A parent of the real cause moved unevenly,
 * so it loses; the real cause's children each carry only part of the deviation, so they lose too;
 * that is what makes the answer the most parsimonious combination. The best cell is taken while
 * its score clears the evidence threshold; its leaves are then refitted, and the next round
 * searches what is left. The whole set (level 0) may be taken once, as a shift of every leaf; it
 * is not a cause.
 */
final class GreedySearch {
  record Pick(int cuboid, int cell, double score) {}

  private final Lattice lattice;
  private final double[] expected;
  private final double[] actual;
  private final double[] variance;
  private final int maxDimensions;
  private final double[] predicted;
  private final double[][] deviation;
  private final double[][] predictedSum;
  private final double[][] varianceSum;
  private final double[][] heterogeneity;

  GreedySearch(Lattice lattice, double[] expected, double[] actual, double[] variance, int maxDimensions) {
    this.lattice = lattice;
    this.expected = expected;
    this.actual = actual;
    this.variance = variance;
    this.maxDimensions = maxDimensions;
    this.predicted = expected.clone();
    int cuboids = lattice.cuboids.size();
    deviation = new double[cuboids][];
    predictedSum = new double[cuboids][];
    varianceSum = new double[cuboids][];
    heterogeneity = new double[cuboids][];
    for (int q = 0; q < cuboids; q++) {
      int cells = lattice.cellCount(q);
      deviation[q] = new double[cells];
      predictedSum[q] = new double[cells];
      varianceSum[q] = new double[cells];
      heterogeneity[q] = new double[cells];
      int[] leafCells = lattice.leafCells.get(q);
      for (int i = 0; i < leafCells.length; i++) {
        varianceSum[q][leafCells[i]] += variance[i];
      }
    }
  }

  /** The number of candidate cells: every cell from one dimension to the deepest searched. */
  long candidates() {
    long count = 0;
    for (int q = 0; q < lattice.cuboids.size(); q++) {
      int level = lattice.cuboids.get(q).length;
      if (level >= 1 && level <= maxDimensions) {
        count += lattice.cellCount(q);
      }
    }
    return count;
  }

  List<Pick> run(int maxCauses, double threshold) {
    List<Pick> picks = new ArrayList<>();
    boolean shifted = false;
    while (picks.size() < maxCauses) {
      sum();
      Pick best = best(picks, shifted);
      if (best == null || best.score() < threshold) {
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
    for (int q = 0; q < lattice.cuboids.size(); q++) {
      java.util.Arrays.fill(deviation[q], 0);
      java.util.Arrays.fill(predictedSum[q], 0);
      java.util.Arrays.fill(heterogeneity[q], 0);
      int[] leafCells = lattice.leafCells.get(q);
      for (int i = 0; i < leafCells.length; i++) {
        deviation[q][leafCells[i]] += actual[i] - predicted[i];
        predictedSum[q][leafCells[i]] += predicted[i];
      }
    }
    for (int q = 0; q < lattice.cuboids.size(); q++) {
      if (lattice.cuboids.get(q).length <= maxDimensions) {
        heterogeneity(q);
      }
    }
  }

  /** For each cell of q, the worst chi-square excess among its children, over the splits. */
  private void heterogeneity(int q) {
    long mask = lattice.mask(q);
    int cells = lattice.cellCount(q);
    double[] worst = heterogeneity[q];
    java.util.Arrays.fill(worst, Double.NEGATIVE_INFINITY);
    double[] chi2 = new double[cells];
    int[] children = new int[cells];
    boolean any = false;
    for (int[] dims : lattice.cuboids) {
      int child = -1;
      if (dims.length == lattice.cuboids.get(q).length + 1) {
        long childMask = 0;
        for (int d : dims) {
          childMask |= 1L << d;
        }
        if ((childMask & mask) == mask) {
          child = lattice.cuboidOf(childMask);
        }
      }
      if (child < 0) {
        continue;
      }
      any = true;
      java.util.Arrays.fill(chi2, 0);
      java.util.Arrays.fill(children, 0);
      int[] parent = lattice.parentCells(child, q);
      for (int c = 0; c < parent.length; c++) {
        int p = parent[c];
        double s = varianceSum[child][c];
        if (s <= 0) {
          continue;
        }
        double factor = predictedSum[q][p] > 0 ? deviation[q][p] / predictedSum[q][p] : 0;
        double left = deviation[child][c] - factor * predictedSum[child][c];
        chi2[p] += left * left / s;
        children[p]++;
      }
      for (int p = 0; p < cells; p++) {
        worst[p] = Math.max(worst[p], chi2[p] - Math.max(0, children[p] - 1));
      }
    }
    if (!any) {
      java.util.Arrays.fill(worst, 0);
    }
  }

  private Pick best(List<Pick> picks, boolean shifted) {
    Pick best = null;
    for (int q = 0; q < lattice.cuboids.size(); q++) {
      int level = lattice.cuboids.get(q).length;
      if (level > maxDimensions || (level == 0 && shifted)) {
        continue;
      }
      for (int c = 0; c < deviation[q].length; c++) {
        double s = varianceSum[q][c];
        if (s <= 0) {
          continue;
        }
        double d = deviation[q][c];
        double score = d * d / s - Math.max(0, heterogeneity[q][c]);
        if ((best == null || score > best.score()) && (level == 0 || !nested(q, c, picks))) {
          best = new Pick(q, c, score);
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

  /** Scales the picked cell's leaves by its fitted factor; a leaf expected at 0 takes its actual. */
  private void refit(Pick pick) {
    int[] leafCells = lattice.leafCells.get(pick.cuboid());
    double actualSum = 0;
    double predictedTotal = 0;
    for (int i = 0; i < leafCells.length; i++) {
      if (leafCells[i] == pick.cell() && predicted[i] != 0) {
        actualSum += actual[i];
        predictedTotal += predicted[i];
      }
    }
    double factor = predictedTotal != 0 ? actualSum / predictedTotal : 1;
    for (int i = 0; i < leafCells.length; i++) {
      if (leafCells[i] == pick.cell()) {
        predicted[i] = predicted[i] != 0 ? predicted[i] * factor : actual[i];
      }
    }
  }

  /** Which leaves the picks cover. */
  boolean[] covered(List<Pick> picks) {
    boolean[] covered = new boolean[expected.length];
    for (Pick pick : picks) {
      int[] leafCells = lattice.leafCells.get(pick.cuboid());
      for (int i = 0; i < leafCells.length; i++) {
        covered[i] |= leafCells[i] == pick.cell();
      }
    }
    return covered;
  }
}
