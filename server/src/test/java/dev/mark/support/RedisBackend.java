package dev.mark.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mark.platform.config.ConfigException;
import java.util.Map;

/** Test servers whose rate limits are kept in Redis (MARK_RATE_LIMIT_BACKEND=redis). */
public final class RedisBackend {

  private RedisBackend() {}

  /** The settings that keep a server's limits at {@code url}, with the test plans. */
  public static Map<String, String> at(String url) {
    return Map.of(
        "MARK_RATE_LIMIT_BACKEND", "redis",
        "MARK_REDIS_URL", url,
        "MARK_REDIS_TIMEOUT_MS", "500",
        "MARK_PLANS_FILE", RunningServer.testPlans().toString());
  }

  /**
   * Checks that a server on the Redis at {@code url} does not start, naming MARK_REDIS_URL and
   * the URL without its password.
   */
  public static void assertStartRefused(String url, String redactedUrl, String password) {
    assertThatThrownBy(() -> RunningServer.builder().environment(at(url)).start())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MARK_REDIS_URL")
        .hasMessageContaining(redactedUrl)
        .hasMessageNotContaining(password);
  }
}
