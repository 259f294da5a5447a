package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.Cluster;
import dev.mark.support.HttpResult;
import dev.mark.support.TestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Three server processes on three ports share one PostgreSQL, with a shared rate-limit backend
 * (chosen by the subclass) and a key cache of 1 second: one key's requests, sent concurrently to
 * all three, are held to the plan's limit as a whole (the {@code cluster} plan of
 * {@code test-plans.json}: 300 units a month), not three times it; so are the requests of many
 * keys of one account, spread over the three nodes (the plan is the account's budget, not each
 * key's); and a key revoked through one node stops working on the others within the cache's
 * lifetime.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MultiNodeRateLimitTest {

  private static final int QUOTA = 300;
  private static final int REQUESTS = 3 * QUOTA;
  private static final int KEYS_OF_ONE_ACCOUNT = 6;

  private Cluster cluster;

  /** Starts what the backend needs; returns the environment that selects it on each node. */
  abstract Map<String, String> startBackend();

  /** Stops what {@link #startBackend} started. */
  abstract void stopBackend();

  @BeforeAll
  void startCluster() throws Exception {
    Map<String, String> env = new HashMap<>(startBackend());
    env.put("MARK_KEY_CACHE_SECONDS", "1");
    cluster = Cluster.start(3, env);
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
    stopBackend();
  }

  @Test
  void threeNodesAdmitOneLimitNotThree() throws Exception {
    String apiKey = cluster.accounts().create("Cluster", "test", "cluster").apiKey();

    Map<Integer, AtomicInteger> byStatus = sendConcurrently(List.of(apiKey));

    int admitted = byStatus.getOrDefault(200, new AtomicInteger()).get();
    int refused = byStatus.getOrDefault(429, new AtomicInteger()).get();
    System.out.printf("%s: %d nodes, %d requests, quota %d: %d admitted, %d refused%n",
        getClass().getSimpleName(), cluster.size(), REQUESTS, QUOTA, admitted, refused);
    assertThat(byStatus.keySet()).as("only 200s and 429s: %s", byStatus).containsOnly(200, 429);
    assertThat(admitted + refused).isEqualTo(REQUESTS);
    assertThat(admitted).as("never more than the plan's limit across the nodes")
        .isLessThanOrEqualTo(QUOTA);
    assertThat(admitted).as("at least 95% of the limit").isGreaterThanOrEqualTo(QUOTA * 95 / 100);
    HttpResult after = client(1, apiKey).get("/v1/datasets");
    assertThat(after.json().get("code").asString()).isEqualTo("quota_exceeded");
  }

  @Test
  void manyKeysOfOneAccountOverThreeNodesAdmitOneAccountBudget() throws Exception {
    var account = cluster.accounts().create("Many keys", "test", "cluster");
    List<String> keys = new ArrayList<>(List.of(account.apiKey()));
    while (keys.size() < KEYS_OF_ONE_ACCOUNT) {
      keys.add(cluster.issueKey(account.accountId(), "test"));
    }

    Map<Integer, AtomicInteger> byStatus = sendConcurrently(keys);

    int admitted = byStatus.getOrDefault(200, new AtomicInteger()).get();
    int refused = byStatus.getOrDefault(429, new AtomicInteger()).get();
    System.out.printf("%s: %d nodes, %d keys of one account, %d requests, account quota %d: "
            + "%d admitted, %d refused%n", getClass().getSimpleName(), cluster.size(),
        keys.size(), REQUESTS, QUOTA, admitted, refused);
    assertThat(byStatus.keySet()).as("only 200s and 429s: %s", byStatus).containsOnly(200, 429);
    assertThat(admitted + refused).isEqualTo(REQUESTS);
    assertThat(admitted).as("never more than the account's budget, however many keys")
        .isLessThanOrEqualTo(QUOTA);
    assertThat(admitted).as("at least 95% of it").isGreaterThanOrEqualTo(QUOTA * 95 / 100);
    for (int node = 0; node < cluster.size(); node++) {
      HttpResult after = client(node, keys.get(node)).get("/v1/datasets");
      assertThat(after.json().get("code").asString()).as("node " + node).isEqualTo("quota_exceeded");
    }
  }

  @Test
  void aKeyRevokedThroughOneNodeStopsWorkingOnEveryNodeWithinTheCacheLifetime()
      throws Exception {
    String manager = cluster.accounts().create("Revoker", "test", "free").apiKey();
    var created = client(0, manager)
        .postJson("/v1/api-keys", "{\"name\": \"Leaked\", \"scopes\": [\"read\"]}").json();
    String leaked = created.get("secret").asString();
    for (int i = 0; i < cluster.size(); i++) {
      assertThat(client(i, leaked).get("/v1/datasets").status()).as("cached on node " + i)
          .isEqualTo(200);
    }

    assertThat(client(0, manager).delete("/v1/api-keys/" + created.get("key").get("id").asString())
        .status()).isEqualTo(204);

    assertThat(client(0, leaked).get("/v1/datasets").status()).as("at once where revoked")
        .isEqualTo(401);
    Thread.sleep(1_500);
    for (int i = 0; i < cluster.size(); i++) {
      assertThat(client(i, leaked).get("/v1/datasets").status()).as("node " + i).isEqualTo(401);
    }
  }

  private TestClient client(int node, String apiKey) {
    return cluster.client(node, apiKey);
  }

  /** {@link #REQUESTS} reads, round robin over the nodes, each key in turn to every node. */
  private Map<Integer, AtomicInteger> sendConcurrently(List<String> apiKeys) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(48)) {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        String base = cluster.baseUrl(i % cluster.size());
        String apiKey = apiKeys.get(i / cluster.size() % apiKeys.size());
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
}
