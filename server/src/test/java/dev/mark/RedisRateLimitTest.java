package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RedisBackend;
import dev.mark.support.RedisServer;
import dev.mark.support.RunningServer;
import dev.mark.support.ServerProcess;
import dev.mark.support.TempDirs;
import dev.mark.support.TestClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code redis} backend from the outside: a server whose Redis is missing does not start,
 * and one whose Redis goes down answers 503 problem+json {@code rate_limiter_unavailable} (no
 * stack trace, no waived limits), and is not ready, until Redis is back.
 */
class RedisRateLimitTest {

  @Test
  void theRedisBackendWithoutMarkRedisUrlStopsTheServerWithAClearMessage() throws Exception {
    Path dir = TempDirs.create("mark-redis-unset");
    try (ServerProcess server = ServerProcess.start(dir, Map.of("MARK_RATE_LIMIT_BACKEND", "redis"))) {
      assertThat(server.awaitExit()).isEqualTo(2);
      assertThat(server.output())
          .contains("Mark cannot start: MARK_RATE_LIMIT_BACKEND=redis needs MARK_REDIS_URL")
          .doesNotContain("\tat ");
    } finally {
      TempDirs.delete(dir);
    }
  }

  @Test
  void aRedisThatCannotBeReachedStopsTheStartNamingTheVariableAndTheServer() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RedisBackend.assertStartRefused("redis://:s3cret@127.0.0.1:" + closedPort,
        "redis://127.0.0.1:" + closedPort, "s3cret");
  }

  @Test
  void whileRedisIsDownRateLimitedCallsGetA503ProblemAndWorkAgainOnceItIsBack() throws Exception {
    try (RedisServer redis = RedisServer.start();
        RunningServer server = RunningServer.builder().environment(RedisBackend.at(redis.url())).start()) {
      TestClient client = server.client();
      HttpResult before = client.get("/v1/datasets");
      assertThat(before.status()).isEqualTo(200);
      assertThat(before.header("RateLimit")).isPresent();

      redis.stop();
      HttpResult during = client.get("/v1/datasets");

      assertThat(during.status()).isEqualTo(503);
      assertThat(during.contentType()).startsWith("application/problem+json");
      assertThat(during.json().get("code").asString()).isEqualTo("rate_limiter_unavailable");
      assertThat(during.json().get("request_id").asString()).isNotBlank();
      assertThat(during.body()).doesNotContain("Exception").doesNotContain("redis");
      assertThat(server.anonymousClient().get("/healthz").status())
          .as("calls that are not rate-limited still work").isEqualTo(200);
      HttpResult notReady = server.anonymousClient().get("/readyz");
      assertThat(notReady.status()).as("a load balancer routes around the node").isEqualTo(503);
      assertThat(notReady.json().get("code").asString()).isEqualTo("unavailable");

      redis.restart();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      int status;
      while ((status = client.get("/v1/datasets").status()) == 503
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(status).as("admitted again once Redis is back").isEqualTo(200);
      HttpResult ready = server.anonymousClient().get("/readyz");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().get("rate_limiter").asString()).isEqualTo("ok");
    }
  }
}
