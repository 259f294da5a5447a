package dev.mark.platform.config;

import static dev.mark.platform.config.Variable.MARK_DATA_DIR;
import static dev.mark.platform.config.Variable.MARK_HSTS;
import static dev.mark.platform.config.Variable.MARK_METRICS_HOST;
import static dev.mark.platform.config.Variable.MARK_METRICS_PORT;
import static dev.mark.platform.config.Variable.MARK_SHUTDOWN_GRACE_MS;
import static dev.mark.platform.config.Variable.PORT;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The server's configuration, read once at startup from environment variables
 * ({@link #fromEnvironment}), each with a working default declared in {@link Variable}. Tests
 * build it the same way, from a map of the variables they change. Immutable.
 *
 * @param port HTTP port ({@link Variable#PORT}; 0 picks a free one)
 * @param database where the database is ({@link Variable#DATABASE_URL}; unset: embedded)
 * @param dataDir local state, including the embedded database ({@link Variable#MARK_DATA_DIR})
 * @param limits how much one request may ask of the server ({@link LimitsConfig})
 * @param shutdownGraceMillis how long in-flight requests may take to finish on shutdown
 *     ({@link Variable#MARK_SHUTDOWN_GRACE_MS})
 * @param rateLimits plans, rate-limit backend and key cache ({@link RateLimitConfig})
 * @param marketplace marketplace gateways ({@link MarketplaceConfig})
 * @param auth sessions of the web app's users and the allowed browser origins ({@link AuthConfig})
 * @param caches what each node keeps in memory, and for how long ({@link CacheConfig})
 * @param metricsPort where operators' {@code GET /metrics} (Prometheus) is served
 *     ({@link Variable#MARK_METRICS_PORT}; unset: not served; 0 picks a free port)
 * @param metricsHost the address the metrics port listens on ({@link Variable#MARK_METRICS_HOST};
 *     loopback unless widened, since the metrics need no credentials)
 * @param hstsMaxAgeSeconds the {@code max-age} of a {@code Strict-Transport-Security} header on
 *     every response, for deployments behind TLS ({@link Variable#MARK_HSTS}; unset: none)
 * @param mail where messages to people's mailboxes go ({@link MailConfig})
 */
public record AppConfig(
    int port, DatabaseConfig database, Path dataDir, LimitsConfig limits, long shutdownGraceMillis,
    RateLimitConfig rateLimits, MarketplaceConfig marketplace, AuthConfig auth, CacheConfig caches,
    OptionalInt metricsPort, String metricsHost, OptionalLong hstsMaxAgeSeconds, MailConfig mail) {

  public AppConfig {
    if (port < 0 || port > 65_535) {
      throw new ConfigException("PORT must be between 0 and 65535, got " + port);
    }
    if (metricsPort.isPresent() && (metricsPort.getAsInt() < 0 || metricsPort.getAsInt() > 65_535)) {
      throw new ConfigException("MARK_METRICS_PORT must be between 0 and 65535, got " + metricsPort.getAsInt());
    }
    if (hstsMaxAgeSeconds.isPresent() && hstsMaxAgeSeconds.getAsLong() < 1) {
      throw new ConfigException("MARK_HSTS must be a max-age of at least 1 second, got "
          + hstsMaxAgeSeconds.getAsLong());
    }
    if (shutdownGraceMillis < 0) {
      throw new ConfigException("MARK_SHUTDOWN_GRACE_MS must not be negative");
    }
  }

  /**
   * Reads the configuration from {@code variables} (the process's environment, or a test's map),
   * taking each variable's default when it is unset or blank.
   *
   * @throws ConfigException naming the first variable that is malformed or out of range
   */
  public static AppConfig fromEnvironment(Map<String, String> variables) {
    Environment env = new Environment(variables);
    return new AppConfig(
        env.integer(PORT),
        DatabaseConfig.fromEnvironment(env),
        Path.of(env.text(MARK_DATA_DIR).orElseThrow()),
        LimitsConfig.fromEnvironment(env),
        env.whole(MARK_SHUTDOWN_GRACE_MS),
        RateLimitConfig.fromEnvironment(env),
        MarketplaceConfig.fromEnvironment(env),
        AuthConfig.fromEnvironment(env),
        CacheConfig.fromEnvironment(env),
        env.optionalInteger(MARK_METRICS_PORT),
        env.text(MARK_METRICS_HOST).orElseThrow(),
        env.text(MARK_HSTS).isPresent() ? OptionalLong.of(env.whole(MARK_HSTS)) : OptionalLong.empty(),
        MailConfig.fromEnvironment(env));
  }
}
