package dev.mark.platform.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The server's configuration, read once at startup from environment variables, each with a
 * working default. Immutable; derive changed copies with the {@code with…} methods.
 *
 * @param port HTTP port ({@code PORT}, default 8080; 0 picks a free one)
 * @param database where the database is ({@code DATABASE_URL}; default embedded)
 * @param dataDir local state, including the embedded database ({@code MARK_DATA_DIR}, default
 *     {@code ./.mark})
 * @param limits how much one request may ask of the server
 * @param shutdownGraceMillis how long in-flight requests may take to finish on shutdown
 *     ({@code MARK_SHUTDOWN_GRACE_MS}, default 10000)
 * @param rateLimits plans, rate-limit backend and key cache ({@link RateLimitConfig})
 * @param marketplace marketplace gateways ({@link MarketplaceConfig})
 * @param auth sessions of the web app's users and the allowed browser origins ({@link AuthConfig})
 * @param caches what each node keeps in memory, and for how long ({@link CacheConfig})
 * @param metricsPort where operators' {@code GET /metrics} (Prometheus) is served
 *     ({@code MARK_METRICS_PORT}; default none: not served; 0 picks a free port)
 */
public record AppConfig(
    int port, DatabaseConfig database, Path dataDir, LimitsConfig limits, long shutdownGraceMillis,
    RateLimitConfig rateLimits, MarketplaceConfig marketplace, AuthConfig auth, CacheConfig caches,
    OptionalInt metricsPort) {

  public AppConfig {
    if (port < 0 || port > 65_535) {
      throw new ConfigException("PORT must be between 0 and 65535, got " + port);
    }
    if (metricsPort.isPresent() && (metricsPort.getAsInt() < 0 || metricsPort.getAsInt() > 65_535)) {
      throw new ConfigException("MARK_METRICS_PORT must be between 0 and 65535, got " + metricsPort.getAsInt());
    }
    if (shutdownGraceMillis < 0) {
      throw new ConfigException("MARK_SHUTDOWN_GRACE_MS must not be negative");
    }
  }

  public static AppConfig defaults() {
    return new AppConfig(8080, DatabaseConfig.embedded(), Path.of(".mark"), LimitsConfig.defaults(), 10_000,
        RateLimitConfig.defaults(), MarketplaceConfig.disabled(), AuthConfig.defaults(),
        CacheConfig.defaults(), OptionalInt.empty());
  }

  public static AppConfig fromEnvironment(Map<String, String> env) {
    AppConfig defaults = defaults();
    long port = EnvValues.longValue(env, "PORT", defaults.port());
    if (port < 0 || port > 65_535) {
      throw new ConfigException("PORT must be between 0 and 65535, got " + port);
    }
    return new AppConfig(
        (int) port,
        DatabaseConfig.fromEnvironment(env),
        env.containsKey("MARK_DATA_DIR") ? Path.of(env.get("MARK_DATA_DIR")) : defaults.dataDir(),
        LimitsConfig.fromEnvironment(env),
        EnvValues.longValue(env, "MARK_SHUTDOWN_GRACE_MS", defaults.shutdownGraceMillis()),
        RateLimitConfig.fromEnvironment(env),
        MarketplaceConfig.fromEnvironment(env),
        AuthConfig.fromEnvironment(env),
        CacheConfig.fromEnvironment(env),
        metricsPort(env));
  }

  private static OptionalInt metricsPort(Map<String, String> env) {
    if (!env.containsKey("MARK_METRICS_PORT")) {
      return OptionalInt.empty();
    }
    long port = EnvValues.longValue(env, "MARK_METRICS_PORT", 0);
    if (port < 0 || port > 65_535) {
      throw new ConfigException("MARK_METRICS_PORT must be between 0 and 65535, got " + port);
    }
    return OptionalInt.of((int) port);
  }

  public AppConfig withPort(int newPort) {
    return new AppConfig(newPort, database, dataDir, limits, shutdownGraceMillis, rateLimits, marketplace, auth, caches, metricsPort);
  }

  public AppConfig withDataDir(Path newDataDir) {
    return new AppConfig(port, database, newDataDir, limits, shutdownGraceMillis, rateLimits, marketplace, auth, caches, metricsPort);
  }

  public AppConfig withLimits(LimitsConfig newLimits) {
    return new AppConfig(port, database, dataDir, newLimits, shutdownGraceMillis, rateLimits, marketplace, auth, caches, metricsPort);
  }

  public AppConfig withRateLimits(RateLimitConfig newRateLimits) {
    return new AppConfig(port, database, dataDir, limits, shutdownGraceMillis, newRateLimits, marketplace, auth, caches, metricsPort);
  }

  public AppConfig withAuth(AuthConfig newAuth) {
    return new AppConfig(port, database, dataDir, limits, shutdownGraceMillis, rateLimits, marketplace, newAuth, caches, metricsPort);
  }

  public AppConfig withMarketplace(MarketplaceConfig newMarketplace) {
    return new AppConfig(port, database, dataDir, limits, shutdownGraceMillis, rateLimits, newMarketplace, auth, caches, metricsPort);
  }

  public AppConfig withCaches(CacheConfig newCaches) {
    return new AppConfig(port, database, dataDir, limits, shutdownGraceMillis, rateLimits, marketplace, auth, newCaches, metricsPort);
  }

  public AppConfig withMetricsPort(int newMetricsPort) {
    return new AppConfig(port, database, dataDir, limits, shutdownGraceMillis, rateLimits, marketplace, auth, caches,
        OptionalInt.of(newMetricsPort));
  }
}
