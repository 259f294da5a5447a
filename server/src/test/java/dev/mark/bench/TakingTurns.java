package dev.mark.bench;

import java.util.Arrays;

/**
 * Times runs that take turns, so that a change in the machine's load falls on all of them alike:
 * after the warm-up rounds, each round runs every one once, and each gets the median of its times.
 */
final class TakingTurns {

  private TakingTurns() {}

  /** The median milliseconds of each of {@code runs} over {@code rounds} rounds. */
  static double[] medianMillis(int warmupRounds, int rounds, Runnable... runs) {
    for (int warmup = 0; warmup < warmupRounds; warmup++) {
      for (Runnable run : runs) {
        run.run();
      }
    }
    double[][] millis = new double[runs.length][rounds];
    for (int i = 0; i < rounds; i++) {
      for (int r = 0; r < runs.length; r++) {
        long start = System.nanoTime();
        runs[r].run();
        millis[r][i] = (System.nanoTime() - start) / 1e6;
      }
    }
    double[] medians = new double[runs.length];
    for (int r = 0; r < runs.length; r++) {
      Arrays.sort(millis[r]);
      medians[r] = millis[r][rounds / 2];
    }
    return medians;
  }
}
