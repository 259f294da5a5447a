package dev.mark.analytics.explain.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generator of explains with planted root causes, shaped like the semi-synthetic benchmarks
 * the search is judged on (RiskLoc's S/L/H sets, Squeeze's): 4–6 dimensions of 5–12 values; leaf
 * sizes log-normal, so most leaves are small and a few are large; up to a quarter of the leaves
 * empty in both periods and a few small ones present in one period only; proportional noise of
 * 0–20 % on every leaf in both periods; 0–3 causes of 1–3 dimensions each, not overlapping, each
 * moving its leaves by one factor (with a little per-leaf spread), up or down, by 3–80 %. A
 * tenth of the cases have no cause. Ratio cases are conversion rates: visits (a median of 20 to
 * 500 a leaf, by case, drawn as counts: Poisson around the leaf's size with its noise), and
 * orders drawn (Poisson) from visits × a rate around 8 %, so small leaves' rates are as noisy as
 * real ones; a cause moves the rate (half of them), the traffic at
 * the same rate (a fifth: it moves the total ratio through the mix), or both, each by its own
 * factor, as an outage or a campaign does.
 */
final class PlantedCases {
  private final Random random;
  private final int minLeaves;
  private final int maxLeaves;

  PlantedCases(long seed, int minLeaves, int maxLeaves) {
    this.random = new Random(seed);
    this.minLeaves = minLeaves;
    this.maxLeaves = maxLeaves;
  }

  /** A case with random shape and kind. */
  PlantedCase next() {
    MeasureKind kind = random.nextBoolean() ? MeasureKind.ADDITIVE : MeasureKind.RATIO;
    int[] cardinalities = new int[4 + random.nextInt(3)];
    for (int d = 0; d < cardinalities.length; d++) {
      cardinalities[d] = 5 + random.nextInt(8);
    }
    int causes = random.nextDouble() < 0.1 ? 0 : 1 + random.nextInt(3);
    return next(kind, cardinalities, causes);
  }

  /** A case of this shape: every combination of values is a leaf when the lattice is small enough. */
  PlantedCase next(MeasureKind kind, int[] cardinalities, int causes) {
    List<String> dimensions = new ArrayList<>();
    for (int d = 0; d < cardinalities.length; d++) {
      dimensions.add(String.valueOf((char) ('a' + d)));
    }
    int[][] cells = cells(cardinalities);
    double noise = random.nextDouble() * 0.2;
    double sizeSpread = 1 + random.nextDouble();
    double zeroRate = random.nextDouble() * 0.25;
    double flickerRate = random.nextDouble() * 0.05;
    // Visits per leaf: from a busy site (a few hundred) to a quiet one (a few dozen, so a leaf has
    // one or two orders and its rate is mostly noise).
    double scale = kind == MeasureKind.RATIO ? 20 * Math.exp(random.nextDouble() * Math.log(25)) : 50;
    List<int[]> planted = plant(cells, cardinalities, causes);
    double[] magnitudes = new double[planted.size()];
    double[] rateMoves = new double[planted.size()];
    double[] trafficMoves = new double[planted.size()];
    for (int k = 0; k < magnitudes.length; k++) {
      magnitudes[k] = magnitude();
      double move = random.nextDouble();
      if (kind == MeasureKind.ADDITIVE || move < 0.5) {
        rateMoves[k] = magnitudes[k];
      } else if (move < 0.7) {
        trafficMoves[k] = magnitudes[k];
      } else {
        rateMoves[k] = magnitudes[k];
        trafficMoves[k] = magnitude();
      }
    }
    double spread = random.nextDouble() * 0.05;
    List<Leaf> leaves = new ArrayList<>();
    for (int[] cell : cells) {
      if (random.nextDouble() < zeroRate) {
        continue; // no rows in either period
      }
      double size = scale * Math.exp(sizeSpread * random.nextGaussian());
      double factor = 1;
      double traffic = 1;
      for (int k = 0; k < planted.size(); k++) {
        if (covers(planted.get(k), cell)) {
          factor = Math.max(0, 1 + rateMoves[k] + spread * random.nextGaussian());
          traffic = Math.max(0, 1 + trafficMoves[k] + spread * random.nextGaussian());
        }
      }
      Leaf leaf = kind == MeasureKind.ADDITIVE
          ? additive(cell, size, noise, factor)
          : ratio(cell, size, noise, factor, traffic);
      if (size < scale / 5 && random.nextDouble() < flickerRate * 3) {
        leaf = random.nextBoolean()
            ? new Leaf(leaf.values(), 0, 0, leaf.currentNumerator(), leaf.currentDenominator())
            : new Leaf(leaf.values(), leaf.baselineNumerator(), leaf.baselineDenominator(), 0, 0);
      }
      leaves.add(leaf);
    }
    List<PlantedCase.Planted> truth = new ArrayList<>();
    for (int k = 0; k < planted.size(); k++) {
      truth.add(new PlantedCase.Planted(elements(dimensions, planted.get(k)), magnitudes[k]));
    }
    return new PlantedCase(new LeafTable(dimensions, leaves), kind, truth, noise);
  }

  private Leaf additive(int[] cell, double size, double noise, double factor) {
    double baseline = Math.max(0, size * (1 + noise * random.nextGaussian() / Math.sqrt(2)));
    double current = Math.max(0, size * factor * (1 + noise * random.nextGaussian() / Math.sqrt(2)));
    return Leaf.additive(values(cell), baseline, current);
  }

  /** A relative change of 3–10 % (a fifth of the time) or 10–80 %, up or down. */
  private double magnitude() {
    double size = random.nextDouble() < 0.2 ? 0.03 + 0.07 * random.nextDouble() : 0.1 + 0.7 * random.nextDouble();
    return random.nextBoolean() ? size : -size;
  }

  private Leaf ratio(int[] cell, double size, double noise, double factor, double traffic) {
    double rate = Math.min(0.9, 0.08 * Math.exp(0.5 * random.nextGaussian()));
    double baselineVisits = poisson(Math.max(0, size * (1 + noise * random.nextGaussian() / Math.sqrt(2))));
    double currentVisits = poisson(Math.max(0, size * traffic * (1 + noise * random.nextGaussian() / Math.sqrt(2))));
    double baselineOrders = poisson(baselineVisits * rate * Math.max(0, 1 + noise * random.nextGaussian() / 2));
    double currentOrders = poisson(currentVisits * Math.min(1, rate * factor) * Math.max(0, 1 + noise * random.nextGaussian() / 2));
    return new Leaf(values(cell), baselineOrders, baselineVisits, currentOrders, currentVisits);
  }

  private double poisson(double mean) {
    if (mean > 40) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  /** Causes as cells with -1 for "any value"; each covers enough leaves and none overlap. */
  private List<int[]> plant(int[][] cells, int[] cardinalities, int causes) {
    List<int[]> planted = new ArrayList<>();
    int attempts = 0;
    while (planted.size() < causes && attempts++ < 1000) {
      int level = 1 + random.nextInt(Math.min(3, cardinalities.length));
      int[] cause = new int[cardinalities.length];
      Arrays.fill(cause, -1);
      List<Integer> order = new ArrayList<>();
      for (int d = 0; d < cardinalities.length; d++) {
        order.add(d);
      }
      java.util.Collections.shuffle(order, random);
      for (int k = 0; k < level; k++) {
        cause[order.get(k)] = random.nextInt(cardinalities[order.get(k)]);
      }
      if (planted.stream().noneMatch(other -> overlap(other, cause)) && count(cells, cause) >= 5) {
        planted.add(cause);
      }
    }
    return planted;
  }

  private static boolean overlap(int[] a, int[] b) {
    for (int d = 0; d < a.length; d++) {
      if (a[d] >= 0 && b[d] >= 0 && a[d] != b[d]) {
        return false;
      }
    }
    return true;
  }

  private static int count(int[][] cells, int[] cause) {
    int n = 0;
    for (int[] cell : cells) {
      n += covers(cause, cell) ? 1 : 0;
    }
    return n;
  }

  private static boolean covers(int[] cause, int[] cell) {
    for (int d = 0; d < cause.length; d++) {
      if (cause[d] >= 0 && cause[d] != cell[d]) {
        return false;
      }
    }
    return true;
  }

  /** Every combination when there are few enough, otherwise a random sample of them. */
  private int[][] cells(int[] cardinalities) {
    long total = 1;
    for (int c : cardinalities) {
      total *= c;
    }
    int wanted = minLeaves + random.nextInt(maxLeaves - minLeaves + 1);
    List<int[]> cells = new ArrayList<>();
    if (total <= wanted) {
      for (long key = 0; key < total; key++) {
        cells.add(decode(key, cardinalities));
      }
    } else {
      Set<Long> seen = new HashSet<>();
      while (cells.size() < wanted) {
        long key = (long) (random.nextDouble() * total);
        if (seen.add(key)) {
          cells.add(decode(key, cardinalities));
        }
      }
    }
    return cells.toArray(int[][]::new);
  }

  private static int[] decode(long key, int[] cardinalities) {
    int[] cell = new int[cardinalities.length];
    for (int d = cardinalities.length - 1; d >= 0; d--) {
      cell[d] = (int) (key % cardinalities[d]);
      key /= cardinalities[d];
    }
    return cell;
  }

  private static String[] values(int[] cell) {
    String[] values = new String[cell.length];
    for (int d = 0; d < cell.length; d++) {
      values[d] = (char) ('a' + d) + String.valueOf(cell[d] + 1);
    }
    return values;
  }

  private static Map<String, String> elements(List<String> dimensions, int[] cause) {
    Map<String, String> elements = new LinkedHashMap<>();
    for (int d = 0; d < cause.length; d++) {
      if (cause[d] >= 0) {
        elements.put(dimensions.get(d), (char) ('a' + d) + String.valueOf(cause[d] + 1));
      }
    }
    return elements;
  }
}
