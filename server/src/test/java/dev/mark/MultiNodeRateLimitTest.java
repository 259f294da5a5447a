package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.accounts.AccountService;
import dev.mark.keys.ApiKeyService;
import dev.mark.plans.PlanCatalog;
import dev.mark.platform.config.DatabaseConfig;
import dev.mark.platform.db.Database;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.json.Json;
import dev.mark.support.HttpResult;
import dev.mark.support.TestClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Three server processes on three ports share one PostgreSQL and the {@code postgres}
 * rate-limit backend: one key's requests, sent concurrently to all three, are held to the
 * plan's limit as a whole (the {@code cluster} plan of {@code test-plans.json}: 300 units a
 * month), not three times it.
 */
class MultiNodeRateLimitTest {

  private static final int NODES = 3;
  private static final int QUOTA = 300;
  private static final int REQUESTS = 3 * QUOTA;
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

  @Test
  void threeNodesAdmitOneLimitNotThree() throws Exception {
    Path dir = Files.createTempDirectory("mark-multinode");
    List<Process> nodes = new ArrayList<>();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dir.resolve("postgres"))
        .setCleanDataDirectory(true)
        .start()) {
      String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
      String apiKey = createKeyOnClusterPlan(jdbcUrl, dir);
      List<String> bases = new ArrayList<>();
      for (int i = 0; i < NODES; i++) {
        int port = freePort();
        nodes.add(startNode(jdbcUrl, port, dir.resolve("node" + i)));
        bases.add("http://localhost:" + port);
      }
      for (int i = 0; i < NODES; i++) {
        awaitReady(bases.get(i), nodes.get(i));
      }

      Map<Integer, AtomicInteger> byStatus = sendConcurrently(bases, apiKey);

      int admitted = byStatus.getOrDefault(200, new AtomicInteger()).get();
      int refused = byStatus.getOrDefault(429, new AtomicInteger()).get();
      System.out.printf("%d nodes, %d requests, quota %d: %d admitted, %d refused%n",
          NODES, REQUESTS, QUOTA, admitted, refused);
      assertThat(byStatus.keySet()).as("only 200s and 429s: %s", byStatus).containsOnly(200, 429);
      assertThat(admitted + refused).isEqualTo(REQUESTS);
      assertThat(admitted).as("never more than the plan's limit across the nodes")
          .isLessThanOrEqualTo(QUOTA);
      assertThat(admitted).as("at least 95% of the limit").isGreaterThanOrEqualTo(QUOTA * 95 / 100);
      HttpResult after = new TestClient(bases.get(1), Map.of("X-API-Key", apiKey)).get("/v1/datasets");
      assertThat(after.json().get("code").asString()).isEqualTo("quota_exceeded");
    } finally {
      nodes.forEach(MultiNodeRateLimitTest::stop);
      RunningServer.deleteRecursively(dir);
    }
  }

  private static String createKeyOnClusterPlan(String jdbcUrl, Path dir) {
    DatabaseConfig config = new DatabaseConfig(
        Optional.of(new DatabaseConfig.External(jdbcUrl, "postgres", "")));
    try (Database database = Database.start(config, dir)) {
      Transactions transactions = new Transactions(database.dsl());
      PlanCatalog plans = PlanCatalog.load(Optional.of(RunningServer.testPlans()), Json.newMapper());
      AccountService accounts = new AccountService(
          transactions, new ApiKeyService(transactions, Duration.ZERO, Clock.systemUTC()), plans);
      return accounts.create("Cluster", "test", "cluster").apiKey();
    }
  }

  private static Process startNode(String jdbcUrl, int port, Path dataDir) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(),
        "-cp", System.getProperty("java.class.path"), App.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(Path.of(dataDir + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("PORT", Integer.toString(port));
    env.put("DATABASE_URL", jdbcUrl);
    env.put("MARK_DB_USER", "postgres");
    env.put("MARK_DB_PASSWORD", "");
    env.put("MARK_DATA_DIR", dataDir.toString());
    env.put("MARK_RATE_LIMIT_BACKEND", "postgres");
    env.put("MARK_PLANS_FILE", RunningServer.testPlans().toString());
    return builder.start();
  }

  private static Map<Integer, AtomicInteger> sendConcurrently(List<String> bases, String apiKey)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(48)) {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        String base = bases.get(i % bases.size());
        sent.add(pool.submit(() -> {
          HttpResponse<Void> response = http.send(
              HttpRequest.newBuilder(URI.create(base + "/v1/datasets"))
                  .header("X-API-Key", apiKey)
                  .build(),
              HttpResponse.BodyHandlers.discarding());
          byStatus.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
          return null;
        }));
      }
      for (Future<?> future : sent) {
        future.get(60, TimeUnit.SECONDS);
      }
    }
    return byStatus;
  }

  private static void awaitReady(String base, Process node) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(node.isAlive()).as("node on " + base + " exited").isTrue();
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("node on " + base + " was not ready within " + STARTUP_TIMEOUT);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void stop(Process node) {
    node.destroy();
    try {
      if (!node.waitFor(30, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      node.destroyForcibly();
    }
  }
}
