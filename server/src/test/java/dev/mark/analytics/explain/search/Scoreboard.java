package dev.mark.analytics.explain.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Micro-averaged precision, recall and F1 against the planted causes, overall and per category:
 * a returned cause is a true positive only when its elements equal a planted cause's exactly.
 * Categories: the measure kind, the number of dimensions of the cause (planted ones for misses,
 * returned ones for false alarms), small planted changes (under 10 %), and the pure-noise cases.
 */
final class Scoreboard {
  private static final class Tally {
    long truePositives;
    long falsePositives;
    long falseNegatives;

    double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    double f1() {
      return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    private static double ratio(long a, long b) {
      return b == 0 ? Double.NaN : (double) a / b;
    }
  }

  private final Map<String, Tally> tallies = new LinkedHashMap<>();
  private final List<Double> millis = new ArrayList<>();
  private final List<Double> cpuMillis = new ArrayList<>();
  private int noiseCases;
  private int noiseCasesAnsweredEmpty;

  Scoreboard() {
    for (String name : List.of("all", "ADDITIVE", "RATIO", "1 dimension", "2 dimensions", "3 dimensions",
        "small change (<10 %)")) {
      tallies.put(name, new Tally());
    }
  }

  /** Scores one answer; the times are the search's wall-clock and CPU time, in milliseconds. */
  void add(PlantedCase planted, List<RootCause> answer, double elapsedMillis, double cpu) {
    millis.add(elapsedMillis);
    cpuMillis.add(cpu);
    Set<Map<String, String>> truth = new HashSet<>();
    planted.truth().forEach(p -> truth.add(p.elements()));
    Set<Map<String, String>> found = new HashSet<>();
    for (RootCause cause : answer) {
      Map<String, String> elements = Map.copyOf(cause.elements());
      boolean hit = truth.contains(elements) && found.add(elements);
      for (Tally t : tallies(planted.kind(), elements.size(), false)) {
        if (hit) {
          t.truePositives++;
        } else {
          t.falsePositives++;
        }
      }
    }
    for (PlantedCase.Planted p : planted.truth()) {
      boolean small = Math.abs(p.magnitude()) < 0.1;
      for (Tally t : tallies(planted.kind(), p.elements().size(), small)) {
        if (!found.contains(p.elements())) {
          t.falseNegatives++;
        } else if (t == tallies.get("small change (<10 %)")) {
          t.truePositives++;
        }
      }
    }
    if (planted.truth().isEmpty()) {
      noiseCases++;
      noiseCasesAnsweredEmpty += answer.isEmpty() ? 1 : 0;
    }
  }

  private List<Tally> tallies(MeasureKind kind, int dimensions, boolean small) {
    List<Tally> result = new ArrayList<>(List.of(tallies.get("all"), tallies.get(kind.name())));
    Tally byDimensions = tallies.get(dimensions == 1 ? "1 dimension" : dimensions + " dimensions");
    if (byDimensions != null) {
      result.add(byDimensions);
    }
    if (small) {
      result.add(tallies.get("small change (<10 %)"));
    }
    return result;
  }

  double f1() {
    return tallies.get("all").f1();
  }

  int noiseCases() {
    return noiseCases;
  }

  int noiseCasesAnsweredEmpty() {
    return noiseCasesAnsweredEmpty;
  }

  double f1(String category) {
    return tallies.get(category).f1();
  }

  String report() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-22s %9s %9s %9s %6s %6s %6s%n", "category", "F1", "precision", "recall", "TP", "FP", "FN"));
    tallies.forEach((name, t) -> out.append(String.format("%-22s %9.3f %9.3f %9.3f %6d %6d %6d%n",
        name, t.f1(), t.precision(), t.recall(), t.truePositives, t.falsePositives, t.falseNegatives)));
    out.append(String.format("noise-only cases answered empty: %d of %d%n", noiseCasesAnsweredEmpty, noiseCases));
    out.append(timing());
    return out.toString();
  }

  /** Wall-clock and CPU time per case; on a shared machine the CPU time is the steadier figure. */
  String timing() {
    return String.format("time per case: wall %s; CPU %s; over %d cases%n", meanAndP95(millis), meanAndP95(cpuMillis),
        millis.size());
  }

  private static String meanAndP95(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double p95 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
    return String.format("mean %.1f ms, p95 %.1f ms", mean, p95);
  }
}
