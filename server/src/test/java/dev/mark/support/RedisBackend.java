package dev.mark.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mark.platform.config.AppConfig;
import dev.mark.platform.config.ConfigException;
import dev.mark.platform.config.RateLimitConfig;
import dev.mark.platform.config.RedisConfig;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Test servers whose rate limits are kept in Redis (MARK_RATE_LIMIT_BACKEND=redis). */
public final class RedisBackend {

  private RedisBackend() {}

  /** The change that keeps a server's limits at {@code url}, with the test plans. */
  public static UnaryOperator<AppConfig> at(String url) {
    return config -> config.withRateLimits(RateLimitConfig.defaults()
        .withPlansFile(RunningServer.testPlans())
        .withRedis(new RedisConfig(url, Duration.ofMillis(500))));
  }

  /**
   * Checks that a server on the Redis at {@code url} does not start, naming MARK_REDIS_URL and
   * the URL without its password.
   */
  public static void assertStartRefused(String url, String redactedUrl, String password) {
    assertThatThrownBy(() -> RunningServer.builder().config(at(url)).start())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MARK_REDIS_URL")
        .hasMessageContaining(redactedUrl)
        .hasMessageNotContaining(password);
  }
}
