package dev.mark.analytics.explain.search;

import java.util.List;

/**
 * Prints the search's accuracy on planted cases and its time per case, then its time on
 * full-lattice cases of about 50,000 leaves (5 dimensions × 9 values).
 *
 * <pre>bench/root-causes.sh [cases=1000] [seed=20261203|random] [large cases=10]</pre>
 */
public final class RootCauseBenchmark {
  static final long DEFAULT_SEED = 20261203L;

  public static void main(String[] args) {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    long seed = args.length > 1 && args[1].equals("random")
        ? new java.security.SecureRandom().nextLong()
        : args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
    int largeCases = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    System.out.printf("planted root causes: %d cases, seed %d%n", cases, seed);
    RootCauseSearch search = new RootCauseSearch();
    warmUp(search, seed);
    Scoreboard board = run(search, new PlantedCases(seed, 1000, 6000), cases);
    System.out.print(board.report());
    if (largeCases > 0) {
      runLarge(search, seed, largeCases);
    }
  }

  /** Full-lattice cases: the time the search takes on the leaves of a million-row explain. */
  private static void runLarge(RootCauseSearch search, long seed, int largeCases) {
    System.out.printf("%nfull lattice, 5 dimensions × 9 values (59,049 combinations less empty ones): %d cases%n", largeCases);
    PlantedCases large = new PlantedCases(seed + 1, 60000, 60000);
    Scoreboard largeBoard = new Scoreboard();
    java.util.Random shapes = new java.util.Random(seed + 2);
    for (int i = 0; i < largeCases; i++) {
      MeasureKind kind = i % 2 == 0 ? MeasureKind.ADDITIVE : MeasureKind.RATIO;
      PlantedCase planted = large.next(kind, new int[] {9, 9, 9, 9, 9}, 1 + shapes.nextInt(3));
      Timed timed = Timed.find(search, planted);
      largeBoard.add(planted, timed.answer(), timed.wallMillis(), timed.cpuMillis());
      if (i == 0) {
        System.out.printf("leaves in the first case: %d%n", planted.table().leaves().size());
      }
    }
    System.out.printf("F1 %.3f; %s", largeBoard.f1(), largeBoard.timing());
  }

  static Scoreboard run(RootCauseSearch search, PlantedCases cases, int count) {
    Scoreboard board = new Scoreboard();
    for (int i = 0; i < count; i++) {
      PlantedCase planted = cases.next();
      Timed timed = Timed.find(search, planted);
      board.add(planted, timed.answer(), timed.wallMillis(), timed.cpuMillis());
    }
    return board;
  }

  /** One search with its wall-clock and CPU time. */
  record Timed(List<RootCause> answer, double wallMillis, double cpuMillis) {
    private static final java.lang.management.ThreadMXBean THREADS =
        java.lang.management.ManagementFactory.getThreadMXBean();

    static Timed find(RootCauseSearch search, PlantedCase planted) {
      long cpu = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      List<RootCause> answer = search.find(planted.table(), planted.kind(), SearchSettings.DEFAULTS);
      return new Timed(answer, (System.nanoTime() - start) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
    }
  }

  /** Lets the JIT compile the search before it is timed, on cases that are not scored. */
  private static void warmUp(RootCauseSearch search, long seed) {
    PlantedCases cases = new PlantedCases(~seed, 1000, 6000);
    for (int i = 0; i < 30; i++) {
      PlantedCase planted = cases.next();
      search.find(planted.table(), planted.kind(), SearchSettings.DEFAULTS);
    }
  }
}
