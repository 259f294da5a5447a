package dev.mark.analytics.explain.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds the combinations of dimension values that account for a change between two periods.
 *
 * <p>The method (see {@link GreedySearch} for the score): fit a noise model to the leaves'
 * deviations ({@link NoiseModel}), search the lattice of combinations greedily, refit the noise on
 * the leaves no cause covers (the causes inflated the first fit), and search again. A cell becomes
 * a cause only when its gain clears its level's evidence threshold (see {@link GreedySearch}),
 * what the best of that many cells scores on pure noise about one time in twenty, times {@link
 * SearchSettings#evidence()}. So pure noise answers nothing. Among few leaves whose row counts are
 * known, each leaf's noise is instead the sampling variance of its sums ({@link SamplingNoise}):
 * a fit across six leaves rests on the one or two in the half that holds the cause.
 */
public final class RootCauseSearch {
  /** With more dimensions, only this many (those that deviate most on their own) are searched. */
  static final int MAX_SEARCHED_DIMENSIONS = 8;

  /**
   * The root causes of the change from baseline to current, largest change first; empty when the
   * change is within the noise or spread evenly over every leaf.
   */
  public List<RootCause> find(LeafTable table, MeasureKind kind, SearchSettings settings) {
    if (table.leaves().isEmpty() || table.dimensions().isEmpty() || settings.maxRootCauses() == 0) {
      return List.of();
    }
    LeafModel model = LeafModel.of(table, kind);
    int depth = Math.min(settings.maxDimensions(), table.dimensions().size());
    boolean[] all = new boolean[model.leafCount()];
    Arrays.fill(all, true);
    NoiseModel[] noise = fit(model, all);
    List<Integer> dims = searchedDimensions(model, noise);
    Lattice lattice = new Lattice(model.codes, model.cardinalities, dims, depth);

    GreedySearch first = search(model, lattice, noise, all, depth);
    List<GreedySearch.Pick> picks = first.run(settings.maxRootCauses(), settings.evidence());
    if (!picks.isEmpty()) {
      boolean[] uncovered = first.covered(picks);
      for (int i = 0; i < uncovered.length; i++) {
        uncovered[i] = !uncovered[i];
      }
      GreedySearch second = search(model, lattice, fit(model, uncovered), uncovered, depth);
      picks = second.run(settings.maxRootCauses(), settings.evidence());
    }
    CauseReport report = new CauseReport(table, kind, model, lattice);
    List<RootCause> causes = new ArrayList<>();
    for (GreedySearch.Pick pick : picks) {
      causes.add(report.cause(pick));
    }
    causes.sort(Comparator.comparingDouble((RootCause c) -> -Math.abs(c.change())));
    return List.copyOf(causes);
  }

  /** A noise model per channel, fitted to the leaves in {@code use}. */
  private static NoiseModel[] fit(LeafModel model, boolean[] use) {
    NoiseModel[] noise = new NoiseModel[model.channels()];
    for (int k = 0; k < noise.length; k++) {
      noise[k] = NoiseModel.fit(model.expected[k], model.actual[k], use);
    }
    return noise;
  }

  /**
   * The search with each leaf's noise: among few leaves whose row counts are known, from those
   * counts ({@link SamplingNoise}); otherwise from the noise model fitted across leaves.
   */
  private static GreedySearch search(LeafModel model, Lattice lattice, NoiseModel[] noise, boolean[] use, int depth) {
    double[][] variance = new double[model.channels()][model.leafCount()];
    for (int k = 0; k < variance.length; k++) {
      for (int i = 0; i < variance[k].length; i++) {
        variance[k][i] = noise[k].variance(NoiseModel.size(model.expected[k][i], model.actual[k][i]));
      }
    }
    boolean ownNoise = model.sampling != null && model.leafCount() < SamplingNoise.FEW_LEAVES;
    if (ownNoise) {
      variance[LeafModel.RATE] = SamplingNoise.variances(
          model.expected[LeafModel.RATE], model.actual[LeafModel.RATE], model.sampling, use);
    }
    return new GreedySearch(lattice, model.expected, model.actual, variance, depth, ownNoise);
  }

  /** Every dimension, or, past {@link #MAX_SEARCHED_DIMENSIONS}, those with the strongest value. */
  private static List<Integer> searchedDimensions(LeafModel model, NoiseModel[] noise) {
    int n = model.codes.length;
    if (n <= MAX_SEARCHED_DIMENSIONS) {
      return IntStream.range(0, n).boxed().toList();
    }
    double[] strength = new double[n];
    for (int d = 0; d < n; d++) {
      for (int k = 0; k < model.channels(); k++) {
        double[] deviation = new double[model.cardinalities[d]];
        double[] variance = new double[model.cardinalities[d]];
        double[] expected = model.expected[k];
        double[] actual = model.actual[k];
        for (int i = 0; i < expected.length; i++) {
          int code = model.codes[d][i];
          deviation[code] += actual[i] - expected[i];
          variance[code] += noise[k].variance(NoiseModel.size(expected[i], actual[i]));
        }
        for (int v = 0; v < deviation.length; v++) {
          if (variance[v] > 0) {
            strength[d] = Math.max(strength[d], deviation[v] * deviation[v] / variance[v]);
          }
        }
      }
    }
    return IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingDouble(d -> -strength[d]))
        .limit(MAX_SEARCHED_DIMENSIONS)
        .sorted()
        .toList();
  }
}
