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
 * #LEAF_Z_LIMIT} standard deviations, so that one jumpy leaf is never a cause on its own (unless its
 * variance is its own, from its row counts: see {@link SamplingNoise}). The best
 * cell is taken while its gain clears the evidence threshold; its leaves are then refitted (moved
 * by the cell's median deviation fraction) and the next round searches what is left. The whole set
 * (level 0) may be taken once, as a shift of every leaf; it is not a cause.
 *
 * <p>With several channels (a ratio's rate and volume, see {@link LeafModel}), each channel has
 * its own δ, and a cell's gain is the sum of its channels' gains: a cause that moved both parts
 * counts the evidence of both.
 */
final class GreedySearch {
  record Pick(int cuboid, int cell, double score) {}

  private static final double LEAF_Z_LIMIT = 3;
  private static final double RIPPLE_SPREAD = 0.25;

  private final Lattice lattice;
  private final int channels;
  private final double[][] actual; // [channel][leaf]
  private final double[][] predicted;
  private final double[][] size;
  private final double[][] variance;
  private final double[][] limit;
  private final int maxDimensions;
  private final double leafZLimit;
  private final double[][][] moment; // [channel][cuboid][cell]: Σ deviation·m / variance
  private final double[][][] weight; // [channel][cuboid][cell]: Σ m² / variance
  private final int[][] leafChannels; // [cuboid][cell]: the leaves with a variance, summed over channels

  /**
   * Each array is indexed [channel][leaf]. {@code ownNoise}: each leaf's variance is its own
   * ({@link SamplingNoise}), not a fit across leaves that may underrate it, so its deviation counts
   * whole; with the cap a cause that is one leaf (the finest cell of a shop of two dimensions)
   * could never clear its threshold.
   */
  GreedySearch(Lattice lattice, double[][] expected, double[][] actual, double[][] variance, int maxDimensions,
      boolean ownNoise) {
    this.lattice = lattice;
    this.leafZLimit = ownNoise ? Double.POSITIVE_INFINITY : LEAF_Z_LIMIT;
    this.channels = expected.length;
    this.actual = actual;
    this.maxDimensions = maxDimensions;
    int n = expected[0].length;
    predicted = new double[channels][];
    this.variance = new double[channels][];
    size = new double[channels][n];
    limit = new double[channels][n];
    int cuboids = searched();
    moment = new double[channels][cuboids][];
    weight = new double[channels][cuboids][];
    leafChannels = new int[cuboids][];
    for (int q = 0; q < cuboids; q++) {
      leafChannels[q] = new int[lattice.cellCount(q)];
    }
    for (int k = 0; k < channels; k++) {
      predicted[k] = expected[k].clone();
      this.variance[k] = variance[k].clone();
      for (int i = 0; i < n; i++) {
        size[k][i] = NoiseModel.size(expected[k][i], actual[k][i]);
        limit[k][i] = leafZLimit * Math.sqrt(variance[k][i]);
      }
      for (int q = 0; q < cuboids; q++) {
        moment[k][q] = new double[lattice.cellCount(q)];
        weight[k][q] = new double[lattice.cellCount(q)];
        int[] leafCells = lattice.leafCells.get(q);
        for (int i = 0; i < n; i++) {
          if (variance[k][i] > 0) {
            weight[k][q][leafCells[i]] += size[k][i] * size[k][i] / variance[k][i];
            leafChannels[q][leafCells[i]]++;
          }
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
   * cells of that level that could clear it and L the number of levels, what the best of those
   * cells scores on pure noise about one time in twenty (Bonferroni, spread evenly over the
   * levels). It is also the price of naming a cell of that level (its description length, in nats,
   * twice), so a coarse cell that explains as much as a fine one wins. With several channels the
   * gain is a sum of chi-squares of as many degrees of freedom, so the threshold moves to the one
   * that pure noise clears as rarely as it clears the one-channel threshold ({@link
   * ChiSquare#sameTail}).
   *
   * <p>M counts only the cells that could clear the threshold at all (Tarone's correction for
   * discrete tests): each leaf adds at most {@code LEAF_Z_LIMIT²} to a cell's gain per channel,
   * so a cell of two leaves can never reach the 20-odd units a level of thousands of cells needs,
   * and is no test to pay for. M is the least count for which no more cells than M could clear
   * the threshold that M sets; in a sparse lattice, where most cells of three dimensions hold a
   * leaf or two, that lowers the bar for the cells that can be causes.
   */
  private double[] thresholds(double evidence) {
    double[] thresholds = new double[maxDimensions + 1];
    List<List<Integer>> leafCounts = new ArrayList<>(); // per level: each cell's leaf-channels
    for (int level = 0; level <= maxDimensions; level++) {
      leafCounts.add(new ArrayList<>());
    }
    for (int q = 0; q < moment[0].length; q++) {
      for (int c = 0; c < leafChannels[q].length; c++) {
        leafCounts.get(lattice.cuboids.get(q).length).add(leafChannels[q][c]);
      }
    }
    for (int level = 0; level <= maxDimensions; level++) {
      int[] counts = leafCounts.get(level).stream().mapToInt(Integer::intValue).sorted().toArray();
      // the least m with testable(threshold(m)) <= m; testable falls as m grows
      int lo = 1;
      int hi = Math.max(1, counts.length);
      while (lo < hi) {
        int m = (lo + hi) >>> 1;
        if (testable(counts, threshold(m, evidence)) <= m) {
          hi = m;
        } else {
          lo = m + 1;
        }
      }
      thresholds[level] = threshold(lo, evidence);
    }
    return thresholds;
  }

  private double threshold(long cells, double evidence) {
    return evidence * ChiSquare.sameTail(2 * Math.log(20.0 * maxDimensions * Math.max(1, cells)), channels);
  }

  /** How many cells (their leaf-channel counts sorted) could reach this gain. */
  private int testable(int[] sortedCounts, double threshold) {
    int least = (int) Math.ceil(threshold / (leafZLimit * leafZLimit));
    int index = Arrays.binarySearch(sortedCounts, least);
    if (index < 0) {
      return sortedCounts.length - (-index - 1);
    }
    while (index > 0 && sortedCounts[index - 1] == least) {
      index--;
    }
    return sortedCounts.length - index;
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
    for (int k = 0; k < channels; k++) {
      double[] leafMoment = new double[actual[k].length];
      for (int i = 0; i < leafMoment.length; i++) {
        if (variance[k][i] > 0) {
          double deviation = Math.max(-limit[k][i], Math.min(limit[k][i], actual[k][i] - predicted[k][i]));
          leafMoment[i] = deviation * size[k][i] / variance[k][i];
        }
      }
      for (int q = 0; q < moment[k].length; q++) {
        double[] cells = moment[k][q];
        Arrays.fill(cells, 0);
        int[] leafCells = lattice.leafCells.get(q);
        for (int i = 0; i < leafCells.length; i++) {
          cells[leafCells[i]] += leafMoment[i];
        }
      }
    }
  }

  /** The cell whose gain most exceeds its level's threshold, or null when none clears it. */
  private Pick best(List<Pick> picks, boolean shifted, double[] thresholds) {
    Pick best = null;
    for (int q = shifted ? 1 : 0; q < moment[0].length; q++) {
      double threshold = thresholds[lattice.cuboids.get(q).length];
      for (int c = 0; c < moment[0][q].length; c++) {
        double gain = 0;
        for (int k = 0; k < channels; k++) {
          double w = weight[k][q][c];
          if (w > 0) {
            gain += moment[k][q][c] * moment[k][q][c] / w;
          }
        }
        double excess = gain - threshold;
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
    for (int k = 0; k < channels; k++) {
      double delta = medianFraction(k, leafCells, pick.cell());
      for (int i = 0; i < leafCells.length; i++) {
        if (leafCells[i] == pick.cell()) {
          predicted[k][i] += delta * size[k][i];
          widen(k, i, RIPPLE_SPREAD * delta * size[k][i]);
        }
      }
    }
  }

  /** The weighted median of the cell's leaves' deviation fractions in one channel. */
  private double medianFraction(int k, int[] leafCells, int cell) {
    List<double[]> fractions = new ArrayList<>(); // {fraction, weight}
    double total = 0;
    for (int i = 0; i < leafCells.length; i++) {
      if (leafCells[i] == cell && variance[k][i] > 0 && size[k][i] > 0) {
        double w = size[k][i] * size[k][i] / variance[k][i];
        fractions.add(new double[] {(actual[k][i] - predicted[k][i]) / size[k][i], w});
        total += w;
      }
    }
    fractions.sort((a, b) -> Double.compare(a[0], b[0]));
    double running = 0;
    for (double[] fraction : fractions) {
      running += fraction[1];
      if (running >= total / 2) {
        return fraction[0];
      }
    }
    return 0;
  }

  /**
   * Gives a leaf at least this standard deviation from now on. A cause's leaves never move by
   * exactly the same factor (a 40 % drop is 30 % here and 50 % there), so once the factor is
   * fitted, what is left inside the cause is that spread, not new causes.
   */
  private void widen(int k, int i, double deviation) {
    double widened = deviation * deviation;
    if (widened <= variance[k][i]) {
      return;
    }
    double before = variance[k][i] > 0 ? size[k][i] * size[k][i] / variance[k][i] : 0;
    double after = size[k][i] * size[k][i] / widened;
    variance[k][i] = widened;
    limit[k][i] = leafZLimit * Math.sqrt(widened);
    for (int q = 0; q < weight[k].length; q++) {
      weight[k][q][lattice.leafCells.get(q)[i]] += after - before;
    }
  }

  /** Which leaves the picks cover. */
  boolean[] covered(List<Pick> picks) {
    boolean[] covered = new boolean[actual[0].length];
    for (Pick pick : picks) {
      int[] leafCells = lattice.leafCells.get(pick.cuboid());
      for (int i = 0; i < leafCells.length; i++) {
        covered[i] |= leafCells[i] == pick.cell();
      }
    }
    return covered;
  }
}
