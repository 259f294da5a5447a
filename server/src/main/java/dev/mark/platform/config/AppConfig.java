package dev.mark.platform.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The server's configuration, read once at startup from environment variables, each with a
 * working default. Immutable; derive changed copies with the {@code with…} methods.
 *
 * @param port HTTP port ({@code PORT}, default 8080; 0 picks a free one)
 * @param database where the database is ({@code DATABASE_URL}; default embedded)
 * @param dataDir local state, including the embedded database ({@code MARK_DATA_DIR}, default
 *     {@code ./.mark})
 * @param maxBodyBytes the largest request body accepted ({@code MARK_MAX_BODY_BYTES}, default
 *     1 MiB)
 * @param shutdownGraceMillis how long in-flight requests may take to finish on shutdown
 *     ({@code MARK_SHUTDOWN_GRACE_MS}, default 10000)
 * @param rateLimits plans, rate-limit backend and key cache ({@link RateLimitConfig})
 * @param marketplace marketplace gateways ({@link MarketplaceConfig})
 */
public record AppConfig(
    int port, DatabaseConfig database, Path dataDir, long maxBodyBytes, long shutdownGraceMillis,
    RateLimitConfig rateLimits,
    MarketplaceConfig marketplace) {

  public AppConfig {
    if (port < 0 || port > 65_535) {
      throw new ConfigException("PORT must be between 0 and 65535, got " + port);
    }
    if (maxBodyBytes < 1_024) {
      throw new ConfigException("MARK_MAX_BODY_BYTES must be at least 1024, got " + maxBodyBytes);
    }
    if (shutdownGraceMillis < 0) {
      throw new ConfigException("MARK_SHUTDOWN_GRACE_MS must not be negative");
    }
  }

  public static AppConfig defaults() {
    return new AppConfig(8080, DatabaseConfig.embedded(), Path.of(".mark"), 1_048_576, 10_000,
        RateLimitConfig.defaults(), MarketplaceConfig.disabled());
  }

  public static AppConfig fromEnvironment(Map<String, String> env) {
    AppConfig defaults = defaults();
    return new AppConfig(
        intValue(env, "PORT", defaults.port()),
        DatabaseConfig.fromEnvironment(env),
        env.containsKey("MARK_DATA_DIR") ? Path.of(env.get("MARK_DATA_DIR")) : defaults.dataDir(),
        longValue(env, "MARK_MAX_BODY_BYTES", defaults.maxBodyBytes()),
        longValue(env, "MARK_SHUTDOWN_GRACE_MS", defaults.shutdownGraceMillis()),
        RateLimitConfig.fromEnvironment(env),
        MarketplaceConfig.fromEnvironment(env));
  }

  public AppConfig withPort(int newPort) {
    return new AppConfig(newPort, database, dataDir, maxBodyBytes, shutdownGraceMillis, rateLimits,
        marketplace);
  }

  public AppConfig withDataDir(Path newDataDir) {
    return new AppConfig(port, database, newDataDir, maxBodyBytes, shutdownGraceMillis, rateLimits,
        marketplace);
  }

  public AppConfig withMaxBodyBytes(long newMaxBodyBytes) {
    return new AppConfig(port, database, dataDir, newMaxBodyBytes, shutdownGraceMillis, rateLimits,
        marketplace);
  }

  public AppConfig withRateLimits(RateLimitConfig newRateLimits) {
    return new AppConfig(port, database, dataDir, maxBodyBytes, shutdownGraceMillis, newRateLimits,
        marketplace);
  }

  public AppConfig withMarketplace(MarketplaceConfig newMarketplace) {
    return new AppConfig(port, database, dataDir, maxBodyBytes, shutdownGraceMillis, rateLimits,
        newMarketplace);
  }

  private static int intValue(Map<String, String> env, String name, int fallback) {
    return Math.toIntExact(longValue(env, name, fallback));
  }

  private static long longValue(Map<String, String> env, String name, long fallback) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got '" + raw + "'");
    }
  }
}
