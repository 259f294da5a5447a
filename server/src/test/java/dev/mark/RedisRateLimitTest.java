package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mark.platform.config.AppConfig;
import dev.mark.platform.config.ConfigException;
import dev.mark.support.HttpResult;
import dev.mark.support.RedisServer;
import dev.mark.support.TestClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code redis} backend from the outside: a server whose Redis is missing does not start,
 * and one whose Redis goes down answers 503 problem+json {@code rate_limiter_unavailable} (no
 * stack trace, no waived limits), and is not ready, until Redis is back.
 */
class RedisRateLimitTest {

  @Test
  void theRedisBackendWithoutMarkRedisUrlStopsTheServerWithAClearMessage() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(),
        "-cp", System.getProperty("java.class.path"), App.class.getName()))
        .redirectErrorStream(true);
    builder.environment().put("MARK_RATE_LIMIT_BACKEND", "redis");
    builder.environment().remove("MARK_REDIS_URL");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("Mark cannot start: MARK_RATE_LIMIT_BACKEND=redis needs MARK_REDIS_URL")
        .doesNotContain("\tat ");
  }

  @Test
  void aRedisThatCannotBeReachedStopsTheStartNamingTheVariableAndTheServer() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Path dataDir = Files.createTempDirectory("mark-redis-down");
    try {
      assertStartRefused(redisApp(dataDir, "redis://:s3cret@127.0.0.1:" + closedPort),
          "redis://127.0.0.1:" + closedPort, "s3cret");
    } finally {
      RunningServer.deleteRecursively(dataDir);
    }
  }

  @Test
  void whileRedisIsDownRateLimitedCallsGetA503ProblemAndWorkAgainOnceItIsBack() throws Exception {
    Path dataDir = Files.createTempDirectory("mark-redis-outage");
    try (RedisServer redis = RedisServer.start();
        App app = App.start(redisApp(dataDir, redis.url()))) {
      String base = "http://localhost:" + app.port();
      TestClient client = new TestClient(base,
          Map.of("X-API-Key", app.developmentAccount().orElseThrow().apiKey()));
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
      assertThat(new TestClient(base, Map.of()).get("/healthz").status())
          .as("calls that are not rate-limited still work").isEqualTo(200);
      HttpResult notReady = new TestClient(base, Map.of()).get("/readyz");
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
      HttpResult ready = new TestClient(base, Map.of()).get("/readyz");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().get("rate_limiter").asString()).isEqualTo("ok");
    } finally {
      RunningServer.deleteRecursively(dataDir);
    }
  }

  /**
   * Checks that the server does not start with {@code config}, naming MARK_REDIS_URL and the URL
   * without its password.
   */
  static void assertStartRefused(AppConfig config, String redactedUrl, String password) {
    assertThatThrownBy(() -> App.start(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MARK_REDIS_URL")
        .hasMessageContaining(redactedUrl)
        .hasMessageNotContaining(password);
  }

  static AppConfig redisApp(Path dataDir, String url) {
    return AppConfig.fromEnvironment(Map.of(
        "PORT", "0",
        "MARK_DATA_DIR", dataDir.toString(),
        "MARK_PLANS_FILE", RunningServer.testPlans().toString(),
        "MARK_RATE_LIMIT_BACKEND", "redis",
        "MARK_REDIS_URL", url,
        "MARK_REDIS_TIMEOUT_MS", "500"));
  }
}
