package dev.mark.bench;

import dev.mark.platform.config.DatabaseConfig;
import dev.mark.support.HeavyQueries;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Issue 11, finding 4: another tenant's reads ({@code GET /v1/datasets/{id}/rows}) while one
 * account floods the server with heavy queries (an {@code or} of 400 {@code contains} over
 * 2,000-character strings), against the same reads without the flood, in the same run. The
 * flooding account is on a plan that admits every query and runs up to 32 at once, so that only
 * the node's analytics places (as many as its analytics connections: half the cores by default)
 * stand between the flood and the reads. Target: p99 under the flood below 100 ms. The load
 * averages are printed too: the machine is shared, and a busy one makes both figures worse.
 *
 * <p>Run with {@code bench/heavy-flood.sh [seconds, default 20] [flooding connections, default
 * 32] [rows of the heavy dataset, default 1000]}.
 */
public final class HeavyFloodBenchmark {

  private static final int READERS = 4;

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int flood = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    Path plans = Files.createTempFile("mark-flood-plans", ".json");
    Files.writeString(plans, """
        {"default_plan": "roomy", "development_plan": "roomy", "plans": [
          {"id": "roomy", "name": "Roomy", "burst": {"limit": 100000000, "window_seconds": 1},
           "sustained": {"limit": 1000000000, "window_seconds": 3600},
           "monthly_quota": 1000000000000, "max_concurrent_queries": 32}]}""");
    try (RunningServer server = RunningServer.builder()
        .environment(BenchEnvironment.with(Map.of("MARK_PLANS_FILE", plans.toString())))
        .start()) {
      TestClient flooder = server.client();
      TestClient reader = server.newAccountClient();
      String heavy = HeavyQueries.dataset(flooder, rows, 2_000);
      String read = "/v1/datasets/" + HeavyQueries.dataset(reader, 100, 20) + "/rows?limit=20";
      measure(reader, read, 3, new AtomicBoolean(true));

      int cores = Runtime.getRuntime().availableProcessors();
      System.out.printf("%d cores; analytics places per node: %s (MARK_ANALYTICS_POOL_SIZE; default %d);"
          + " parallel workers per analytics statement: %s%n", cores,
          System.getenv().getOrDefault("MARK_ANALYTICS_POOL_SIZE", "default"),
          DatabaseConfig.defaultAnalyticsPoolSize(cores),
          System.getenv().getOrDefault("MARK_ANALYTICS_PARALLEL_WORKERS", "default"));
      System.out.println("load before: " + loadAverage());
      List<Long> quiet = measure(reader, read, seconds, new AtomicBoolean(true));
      System.out.println("load after the baseline: " + loadAverage());
      Map<Integer, AtomicInteger> heavyStatuses = new ConcurrentHashMap<>();
      AtomicBoolean flooding = new AtomicBoolean(true);
      ExecutorService floodThreads = Executors.newVirtualThreadPerTaskExecutor();
      String query = HeavyQueries.query(400);
      for (int i = 0; i < flood; i++) {
        floodThreads.submit(() -> {
          while (flooding.get()) {
            int status = flooder.postJson("/v1/datasets/" + heavy + "/query", query).status();
            heavyStatuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
          }
        });
      }
      Thread.sleep(2_000);
      List<Long> flooded = measure(reader, read, seconds, flooding);
      System.out.println("load after the flood: " + loadAverage());
      flooding.set(false);
      floodThreads.shutdown();
      floodThreads.awaitTermination(60, TimeUnit.SECONDS);

      System.out.printf("%-34s %8s %10s %10s%n", "another tenant's GET rows", "calls", "p50 ms", "p99 ms");
      print("without the flood (baseline)", quiet);
      print("during " + flood + " heavy queries at once", flooded);
      System.out.printf("p50 ratio (flood / baseline): %.2f%n", (double) percentile(flooded, 50) / percentile(quiet, 50));
      System.out.printf("p99 ratio (flood / baseline): %.2f%n", (double) percentile(flooded, 99) / percentile(quiet, 99));
      System.out.printf("p99 under the flood: %.1f ms (target < 100 ms)%n", percentile(flooded, 99) / 1e6);
      System.out.println("heavy queries answered, by status: " + new TreeMap<>(heavyStatuses));
    } finally {
      Files.deleteIfExists(plans);
    }
  }

  /** Latencies in nanoseconds of {@link #READERS} callers reading for {@code seconds}. */
  private static List<Long> measure(TestClient client, String path, int seconds, AtomicBoolean go)
      throws InterruptedException {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    for (int i = 0; i < READERS; i++) {
      readers.submit(() -> {
        while (System.nanoTime() < end && go.get()) {
          long start = System.nanoTime();
          HttpResult result = client.get(path);
          latencies.add(System.nanoTime() - start);
          if (result.status() != 200) {
            throw new IllegalStateException("a read answered " + result.status() + ": " + result.body());
          }
        }
        return null;
      });
    }
    readers.shutdown();
    readers.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
    return latencies;
  }

  /** The 1, 5 and 15 minute load averages: the machine is shared, and they say how quiet it was. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (java.io.IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static void print(String label, List<Long> latencies) {
    System.out.printf("%-34s %8d %10.1f %10.1f%n", label, latencies.size(),
        percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6);
  }

  private static long percentile(List<Long> latencies, int percent) {
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
  }


}
