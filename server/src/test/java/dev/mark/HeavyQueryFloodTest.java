package dev.mark;

import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HeavyQueries;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 4: one account's flood of heavy queries (an {@code or} of many
 * {@code contains} over long strings, which PostgreSQL must evaluate in full on every row)
 * leaves another account's reads working, because analytics run on connections of their own and
 * each account runs at most its plan's {@code max_concurrent_queries} at once; and a heavy query
 * is charged by its weight, a stopped one included.
 */
class HeavyQueryFloodTest {

  private static final int ROWS = 300;
  private static final int FLOOD = 24;

  private static RunningServer server;
  private static TestClient heavy;
  private static TestClient other;
  private static String heavyDataset;
  private static String otherDataset;

  @BeforeAll
  static void start() {
    // as many analytics places on the node as the plan's cap, whatever the cores: the account's
    // cap, not the node's, is what refuses the flood here
    server = RunningServer.builder()
        .environment(Map.of(
            "MARK_PLANS_FILE", RunningServer.testPlans().toString(),
            "MARK_QUERY_TIMEOUT_MS", "120000",
            "MARK_ANALYTICS_POOL_SIZE", "2"))
        .start();
    heavy = server.newAccountClient("analyst");
    other = server.newAccountClient("free");
    heavyDataset = HeavyQueries.dataset(heavy, ROWS, 2_000);
    otherDataset = HeavyQueries.dataset(other, 50, 20);
  }

  @AfterAll
  static void stop() {
    server.close();
  }



  @Test
  void aFloodOfHeavyQueriesLeavesAnotherAccountsReadsWorking() throws Exception {
    String query = HeavyQueries.query(400);
    AtomicInteger heavyAnswered = new AtomicInteger();
    ExecutorService flood = Executors.newVirtualThreadPerTaskExecutor();
    try {
      List<Future<HttpResult>> queries = new ArrayList<>();
      for (int i = 0; i < FLOOD; i++) {
        queries.add(flood.submit(() -> {
          HttpResult result = heavy.postJson("/v1/datasets/" + heavyDataset + "/query", query);
          if (result.status() != 429) {
            heavyAnswered.incrementAndGet();
          }
          return result;
        }));
      }
      awaitHeavyStatementRunning();

      List<Integer> reads = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        reads.add(other.get("/v1/datasets/" + otherDataset + "/rows?limit=20").status());
      }
      int heavyDoneDuringReads = heavyAnswered.get();

      assertThat(reads).containsOnly(200);
      assertThat(heavyDoneDuringReads)
          .as("the reads must not wait for heavy queries to finish")
          .isZero();
      List<HttpResult> results = new ArrayList<>();
      for (Future<HttpResult> future : queries) {
        results.add(future.get());
      }
      List<HttpResult> refused = results.stream().filter(r -> r.status() == 429).toList();
      assertThat(refused).hasSize(FLOOD - 2);
      assertProblem(refused.getFirst(), 429, "too_many_concurrent_queries");
      assertThat(refused.getFirst().header("Retry-After")).hasValue("1");
      assertThat(refused.getFirst().header("Mark-Cost")).hasValue("0");
      List<HttpResult> ran = results.stream().filter(r -> r.status() != 429).toList();
      assertThat(ran).extracting(HttpResult::status).containsOnly(200);
      // 5 + 400 contains × 4 points / 20 = 85
      assertThat(ran.getFirst().header("Mark-Cost")).hasValue("85");
    } finally {
      flood.shutdownNow();
    }
  }

  @Test
  void aQueryStoppedAtItsTimeoutIsChargedItsPrice() {
    try (RunningServer strict = RunningServer.builder()
        .environment(Map.of(
            "MARK_PLANS_FILE", RunningServer.testPlans().toString(),
            "MARK_QUERY_TIMEOUT_MS", "1"))
        .start()) {
      TestClient client = strict.newAccountClient("free");
      String dataset = HeavyQueries.dataset(client, 2_000, 200);
      long before = monthlyRemaining(client.get("/v1/datasets"));

      HttpResult stopped = client.postJson("/v1/datasets/" + dataset + "/query", HeavyQueries.query(100));

      assertProblem(stopped, 504, "query_timeout");
      assertThat(stopped.header("Mark-Cost")).hasValue("25");
      long after = monthlyRemaining(client.get("/v1/datasets"));
      assertThat(before - after).as("1 for each list, 25 for the stopped query").isEqualTo(26);
    }
  }

  @Test
  void aQueryCostingMoreThanThePlanCanEverAdmitIsRefusedUpFront() {
    // the plan analyst has a burst of 1000: 5 + 400 × 4 / 20 = 85 fits, 5 + 5000 × 4 / 20 does not
    HttpResult refused = heavy.postJson("/v1/datasets/" + heavyDataset + "/query", HeavyQueries.query(5_000));

    assertProblem(refused, 422, "query_too_costly");
    assertThat(refused.json().get("detail").asString()).contains("1005 units").contains("at most 1000");
  }

  private static long monthlyRemaining(HttpResult result) {
    String header = result.header("RateLimit").orElseThrow();
    java.util.regex.Matcher monthly = java.util.regex.Pattern.compile("\"monthly\";r=(\\d+)").matcher(header);
    assertThat(monthly.find()).as(header).isTrue();
    return Long.parseLong(monthly.group(1));
  }

  /** Waits until PostgreSQL runs one of the heavy statements (seen from the test's side). */
  private static void awaitHeavyStatementRunning() throws InterruptedException {
    for (int i = 0; i < 1_200; i++) {
      int running = server.sql().fetchSingle(
          "select count(*)::int from pg_stat_activity where state = 'active'"
              + " and query ilike '%like%' and pid <> pg_backend_pid()")
          .get(0, Integer.class);
      if (running > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no heavy statement started");
  }
}
