package dev.mark;

import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.keys.ApiKeyFormat;
import dev.mark.support.Cluster;
import dev.mark.support.RedisServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: the failed-authentication throttle per client address counts in the rate limits'
 * shared store, so three server processes behind one address hold an attacker to one budget of
 * made-up keys (each a database lookup), not three. Shown with each shared backend: the nodes'
 * PostgreSQL, and a Redis this test starts (skipped without one, unless
 * {@code MARK_REQUIRE_REDIS} is set). With the {@code memory} backend each node counts its own,
 * as it does its rate limits.
 */
class MultiNodeAuthThrottleTest {

  private static final int PER_ADDRESS = 6;
  private static final int NODES = 3;
  /** Three times what one node would admit if each counted its own. */
  private static final int ATTEMPTS = 3 * NODES * PER_ADDRESS;

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "redis"})
  void threeNodesAdmitOneBudgetOfFailedAuthenticationsPerAddressNotThree(String backend) throws Exception {
    Optional<RedisServer> redis = backend.equals("redis") ? Optional.of(RedisServer.start()) : Optional.empty();
    Map<String, String> env = new HashMap<>(Map.of(
        "MARK_RATE_LIMIT_BACKEND", backend,
        "MARK_AUTH_FAILURES_PER_ADDRESS", Integer.toString(PER_ADDRESS)));
    redis.ifPresent(server -> env.putAll(Map.of("MARK_REDIS_URL", server.url(), "MARK_REDIS_TIMEOUT_MS", "10000")));
    try (Cluster cluster = Cluster.start(NODES, env)) {
      ApiKeyFormat format = new ApiKeyFormat();
      Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();

      // one made-up key (right checksum, so a lookup each) at a time, round robin over the nodes
      for (int i = 0; i < ATTEMPTS; i++) {
        int status = cluster.client(i % NODES, format.generate("test")).get("/v1/datasets").status();
        byStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
      }

      int looked = byStatus.getOrDefault(401, new AtomicInteger()).get();
      System.out.printf("%s (%s): %d nodes, %d made-up keys, %d per address: %d looked up (401), %d throttled%n",
          getClass().getSimpleName(), backend, NODES, ATTEMPTS, PER_ADDRESS, looked,
          byStatus.getOrDefault(429, new AtomicInteger()).get());
      assertThat(byStatus.keySet()).as("only 401s and 429s: %s", byStatus).containsOnly(401, 429);
      // the shared budget, plus each node's first failure after it is spent (which tells that
      // node so), plus one refill (one every 10 s) for a stalled machine; counted per node it
      // would be at least NODES * PER_ADDRESS = 18
      assertThat(looked).isLessThanOrEqualTo(PER_ADDRESS + NODES + 1);
      for (int node : List.of(0, 1, 2)) {
        assertProblem(cluster.client(node, format.generate("test")).get("/v1/datasets"),
            429, "authentication_throttled");
      }
    } finally {
      redis.ifPresent(RedisServer::close);
    }
  }
}
