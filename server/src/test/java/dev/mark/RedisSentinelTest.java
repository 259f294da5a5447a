package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RedisBackend;
import dev.mark.support.RedisServer;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The {@code redis} backend behind Redis Sentinel, with real processes: a master, its replica
 * and one sentinel. When the master dies, the sentinel promotes the replica, and the server
 * finds it through the sentinel on its own: a few 503 problems meanwhile, never a 500, and the
 * limits hold on the new master.
 */
class RedisSentinelTest {

  private static final String MASTER_NAME = "mymaster";
  private static final Duration FAILOVER_DEADLINE = Duration.ofSeconds(30);

  @Test
  void whenTheMasterDiesCallsAreAdmittedAgainThroughThePromotedReplicaWithTheLimitsKept()
      throws Exception {
    try (RedisServer master = RedisServer.start();
        RedisServer replica = RedisServer.startReplicaOf(master);
        RedisServer sentinel = RedisServer.startSentinel(master, MASTER_NAME)) {
      // a sentinel learns of replicas from the master's INFO; without one it cannot fail over
      await("the sentinel knows the replica", () -> knowsAReplica(sentinel));
      try (RunningServer server = RunningServer.builder()
          .environment(RedisBackend.at("redis-sentinel://127.0.0.1:" + sentinel.port() + "#" + MASTER_NAME))
          .start()) {
        TestClient client = server.client();
        HttpResult before = client.get("/v1/datasets");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.header("RateLimit")).isPresent();

        master.stop();
        long killed = System.nanoTime();
        HttpResult after;
        int refused = 0;
        while ((after = client.get("/v1/datasets")).status() != 200
            && System.nanoTime() - killed < FAILOVER_DEADLINE.toNanos()) {
          refused++;
          assertThat(after.status()).as("refused, not failed, during the failover").isEqualTo(503);
          assertThat(after.contentType()).startsWith("application/problem+json");
          assertThat(after.json().get("code").asString()).isEqualTo("rate_limiter_unavailable");
          Thread.sleep(50);
        }
        System.out.printf("RedisSentinelTest: admitted again %d ms after the master was killed, "
            + "after %d refused calls%n", Duration.ofNanos(System.nanoTime() - killed).toMillis(), refused);

        assertThat(after.status()).as("admitted through the promoted replica").isEqualTo(200);
        assertThat(after.header("RateLimit")).isPresent();
        assertThat(masterPort(sentinel)).as("the replica was promoted").isEqualTo(replica.port());
        TestClient tiny = server.newAccountClient("tiny");
        for (int i = 0; i < 3; i++) {
          assertThat(tiny.get("/v1/datasets").status()).isEqualTo(200);
        }
        HttpResult limited = tiny.get("/v1/datasets");
        assertThat(limited.status()).as("the burst of 3 holds on the new master").isEqualTo(429);
        assertThat(limited.json().get("code").asString()).isEqualTo("rate_limited");
        assertThat(server.anonymousClient().get("/readyz").status()).isEqualTo(200);
      }
    }
  }

  @Test
  void aMasterNameTheSentinelsDoNotKnowStopsTheStartNamingTheVariable() throws Exception {
    try (RedisServer master = RedisServer.start();
        RedisServer sentinel = RedisServer.startSentinel(master, MASTER_NAME)) {
      RedisBackend.assertStartRefused(
          "redis-sentinel://:s3cret@127.0.0.1:" + sentinel.port() + "#othermaster",
          "redis-sentinel://127.0.0.1:" + sentinel.port() + "#othermaster", "s3cret");
    }
  }

  private static boolean knowsAReplica(RedisServer sentinel) {
    RedisClient client = RedisClient.create();
    try (var connection = client.connectSentinel(RedisURI.create(sentinel.url()))) {
      return connection.sync().replicas(MASTER_NAME).stream()
          .anyMatch(replica -> "ok".equals(replica.get("master-link-status")));
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static int masterPort(RedisServer sentinel) {
    RedisClient client = RedisClient.create();
    try (var connection = client.connectSentinel(RedisURI.create(sentinel.url()))) {
      return ((InetSocketAddress) connection.sync().getMasterAddrByName(MASTER_NAME)).getPort();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
