package dev.mark.bench;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;

import dev.mark.fixtures.JsonBomb;
import dev.mark.support.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast is the gzip JSON bomb of issue 11 refused, and what does it cost the heap? Against a
 * real server process (embedded PostgreSQL, {@code -Xmx512m}): the median time to the 413 of one
 * bomb (21 M empty rows, about 61 KB gzipped), against two baselines measured in the same run,
 * a bare route ({@code GET /healthz}) and a valid ingest of 10 rows; then the heap in use after
 * a full GC before the bombs, the most seen while four bombs run at once, and after a full GC
 * once they are answered. The heap is read from the server's own Prometheus metrics.
 *
 * <p>Run with {@code bench/json-bomb.sh [rounds, default 20]}.
 */
public final class JsonBombBenchmark {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path dir = Files.createTempDirectory("mark-bomb-bench");
    int metricsPort = ServerProcess.freePort();
    try (ServerProcess server = ServerProcess.start(dir, Map.of(
        "JAVA_TOOL_OPTIONS", "-Xmx512m",
        "MARK_METRICS_PORT", Integer.toString(metricsPort))).awaitReady()) {
      Caller caller = new Caller(server.baseUrl(), JsonBomb.developmentKey(server.output()));
      String rows = "/v1/datasets/" + caller.post("/v1/datasets", null, ORDERS.getBytes()).body()
          .replaceAll("(?s).*\"id\"\\s*:\\s*\"(ds_[^\"]+)\".*", "$1") + "/rows";
      byte[] bomb = JsonBomb.emptyRows(JsonBomb.ISSUE_ROWS);
      byte[] small = ("{\"rows\": [" + "{\"region\": \"EMEA\", \"revenue\": 12.5, \"quantity\": 2},".repeat(9)
          + "{\"region\": \"APAC\"}]}").getBytes();
      // the small ingest adds rows; a bomb must still be refused at the cap, not by a full table
      for (int i = 0; i < 5; i++) {
        caller.get("/healthz");
        caller.post(rows, null, small);
        expect(caller.post(rows, "gzip", bomb), 413);
      }

      double bare = median(rounds, () -> expect(caller.get("/healthz"), 200));
      double ingest = median(rounds, () -> expect(caller.post(rows, null, small), 200));
      double refusal = median(rounds, () -> expect(caller.post(rows, "gzip", bomb), 413));

      Heap heap = new Heap(server.process().pid(), "http://localhost:" + metricsPort + "/metrics");
      long before = heap.afterFullGc();
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong during = new AtomicLong();
      Thread sampler = Thread.ofPlatform().start(() -> {
        while (running.get()) {
          during.accumulateAndGet(heap.used(), Math::max);
        }
      });
      List<CompletableFuture<HttpResponse<String>>> four = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < 4; i++) {
        four.add(caller.postAsync(rows, "gzip", bomb));
      }
      four.forEach(answer -> expect(answer.join(), 413));
      double fourMillis = (System.nanoTime() - start) / 1e6;
      running.set(false);
      sampler.join();
      long after = heap.afterFullGc();

      System.out.printf("bomb: %,d bytes gzipped, %,d rows, %,d bytes inflated%n",
          bomb.length, JsonBomb.ISSUE_ROWS, JsonBomb.ISSUE_ROWS * 3L + 12);
      System.out.printf("%-34s %10s %8s%n", "request (median of " + rounds + ")", "ms", "ratio");
      System.out.printf("%-34s %10.2f %8s%n", "GET /healthz (bare route)", bare, "1.00");
      System.out.printf("%-34s %10.2f %8.2f%n", "ingest of 10 rows (valid)", ingest, ingest / bare);
      System.out.printf("%-34s %10.2f %8.2f  (%.2f x the valid ingest)%n", "bomb refused (413)", refusal,
          refusal / bare, refusal / ingest);
      System.out.printf("four bombs at once, all refused in %.1f ms%n", fourMillis);
      System.out.printf("heap used: before %.1f MB (after GC), most during four bombs %.1f MB, after %.1f MB (after GC)%n",
          before / 1e6, during.get() / 1e6, after / 1e6);
      System.out.printf("refusal under 100 ms: %s; heap growth after GC: %+.1f MB%n",
          refusal < 100 ? "yes" : "NO", (after - before) / 1e6);
    }
  }

  private interface Timed {
    void run() throws Exception;
  }

  private static double median(int rounds, Timed timed) throws Exception {
    double[] millis = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      timed.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[rounds / 2];
  }

  private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException("expected " + status + ": " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  /** Calls with the server's development key. */
  private record Caller(String baseUrl, String key) {

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-API-Key", key).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String encoding, byte[] body) throws IOException, InterruptedException {
      return HTTP.send(request(path, encoding, body), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String encoding, byte[] body) {
      return HTTP.sendAsync(request(path, encoding, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String encoding, byte[] body) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("X-API-Key", key)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (encoding != null) {
        request.header("Content-Encoding", encoding);
      }
      return request.build();
    }
  }

  /** The server's heap in use, from its metrics; a full GC first through {@code jcmd}. */
  private record Heap(long pid, String metricsUrl) {

    long afterFullGc() throws IOException, InterruptedException {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
      return used();
    }

    /** The sum of {@code jvm_memory_used_bytes} over the heap's pools. */
    long used() {
      try {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines()
            .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
            .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
      } catch (IOException e) {
        return 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
  }
}
