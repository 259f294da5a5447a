package dev.mark;

import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HeavyQueries;
import dev.mark.support.Cluster;
import dev.mark.support.HttpResult;
import dev.mark.support.TestClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 11, finding 4, across nodes: three server processes share one PostgreSQL, each with
 * room for more analytics at once than the account's plan allows ({@code analyst}: 2), and one
 * account sends heavy queries to all three at once. PostgreSQL itself, watched from the test's
 * own connection, never runs more of that account's statements at once than the plan's cap:
 * the cap is the account's, not each node's (before, three nodes ran up to three times it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiNodeQueryCapTest {

  private static final int CAP = 2;
  private static final int CALLERS_PER_NODE = 4;
  private static final int QUERIES_TO_RUN = 8;

  private Cluster cluster;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = Cluster.start(3, Map.of(
        "MARK_QUERY_TIMEOUT_MS", "120000",
        // each node alone would run 3 at once, the account's 2 on each: 6 over the three
        "MARK_ANALYTICS_POOL_SIZE", "3",
        // few connections for the rest: the test needs few, and three nodes opening 16 each at
        // once slow down a shared machine's PostgreSQL
        "MARK_DB_POOL_SIZE", "4"));
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void oneAccountsHeavyQueriesOverThreeNodesNeverExceedItsPlanCap() throws Exception {
    String apiKey = cluster.accounts().create("Flooder", "test", "analyst").apiKey();
    String dataset = dataset(cluster.client(0, apiKey));
    String query = HeavyQueries.query(400);
    Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    AtomicInteger ran = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    List<HttpResult> refusals = Collections.synchronizedList(new ArrayList<>());
    int peak = 0;
    ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int node = 0; node < cluster.size(); node++) {
        TestClient client = cluster.client(node, apiKey);
        for (int i = 0; i < CALLERS_PER_NODE; i++) {
          sent.add(callers.submit(() -> {
            while (ran.get() < QUERIES_TO_RUN) {
              HttpResult result = client.postJson("/v1/datasets/" + dataset + "/query", query);
              byStatus.computeIfAbsent(result.status(), s -> new AtomicInteger()).incrementAndGet();
              if (result.status() == 200) {
                ran.incrementAndGet();
              } else if (result.status() == 429 && refusals.size() < 1) {
                refusals.add(result);
              } else if (result.status() != 429) {
                throw new AssertionError("answered " + result.status() + ": " + result.body());
              }
            }
            return null;
          }));
        }
      }
      Future<?> all = callers.submit(() -> {
        for (Future<?> future : sent) {
          future.get();
        }
        done.set(true);
        return null;
      });
      while (!done.get() && !all.isDone()) {
        peak = Math.max(peak, heavyStatementsRunning());
        Thread.sleep(10);
      }
      all.get();
    } finally {
      callers.shutdownNow();
    }

    System.out.printf("MultiNodeQueryCapTest: %d nodes, %d callers, plan cap %d: at most %d of the"
        + " account's statements at once in PostgreSQL; answers %s%n", cluster.size(),
        cluster.size() * CALLERS_PER_NODE, CAP, peak, new TreeMap<>(byStatus));
    assertThat(peak).as("the account's statements running at once, over all the nodes")
        .isBetween(1, CAP);
    assertThat(byStatus.keySet()).containsOnly(200, 429);
    assertProblem(refusals.getFirst(), 429, "too_many_concurrent_queries");
    assertThat(refusals.getFirst().header("Mark-Cost")).hasValue("0");
  }

  /** The heavy queries' statements (a {@code like} per {@code contains}) PostgreSQL runs now. */
  private int heavyStatementsRunning() {
    return cluster.sql().fetchSingle("select count(*)::int from pg_stat_activity where state = 'active'"
        + " and query ilike '%like%' and pid <> pg_backend_pid()").get(0, Integer.class);
  }

  private static String dataset(TestClient client) {
    String id = client.postJson("/v1/datasets", """
        {"name": "Notes", "columns": [{"name": "note", "type": "string"}, {"name": "n", "type": "integer"}]}""")
        .json().get("id").asString();
    String note = "abcdefghij".repeat(200);
    String csv = IntStream.range(0, 300).mapToObj(i -> note + "," + i)
        .collect(Collectors.joining("\n", "note,n\n", "\n"));
    assertThat(client.send("POST", "/v1/datasets/" + id + "/rows", "text/csv", csv).status()).isEqualTo(200);
    return id;
  }
}
