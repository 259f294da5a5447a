package dev.mark.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How calls are limited.
 *
 * @param backend where the token buckets live ({@code MARK_RATE_LIMIT_BACKEND}: {@code memory},
 *     the default, for one node; {@code postgres} for several nodes sharing one database;
 *     {@code redis} for several nodes sharing one Redis)
 * @param redis the Redis server, present exactly when the backend is {@code redis}
 *     ({@link RedisConfig})
 * @param plansFile a JSON file of plans that replaces the built-in one ({@code MARK_PLANS_FILE})
 * @param keyCacheTtl how long a verified API key is trusted without asking the database again
 *     ({@code MARK_KEY_CACHE_SECONDS}, default 10): the longest a key revoked on one node still
 *     works on the others
 */
public record RateLimitConfig(Backend backend, Optional<RedisConfig> redis, Optional<Path> plansFile,
    Duration keyCacheTtl) {

  /** Where token buckets live. */
  public enum Backend { MEMORY, POSTGRES, REDIS }

  public RateLimitConfig {
    if (backend == Backend.REDIS && redis.isEmpty()) {
      throw new ConfigException("MARK_RATE_LIMIT_BACKEND=redis needs MARK_REDIS_URL "
          + "(redis://[[user]:password@]host[:port][/database])");
    }
    if (backend != Backend.REDIS && redis.isPresent()) {
      // a forgotten backend setting would silently give each node a limit of its own
      throw new ConfigException("MARK_REDIS_URL is set but MARK_RATE_LIMIT_BACKEND is "
          + backend.name().toLowerCase() + ": set MARK_RATE_LIMIT_BACKEND=redis, or unset MARK_REDIS_URL");
    }
    if (keyCacheTtl.isNegative() || keyCacheTtl.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new ConfigException("MARK_KEY_CACHE_SECONDS must be between 0 and 300");
    }
  }

  public static RateLimitConfig defaults() {
    return new RateLimitConfig(Backend.MEMORY, Optional.empty(), Optional.empty(),
        Duration.ofSeconds(10));
  }

  static RateLimitConfig fromEnvironment(Map<String, String> env) {
    String backend = env.getOrDefault("MARK_RATE_LIMIT_BACKEND", "memory").trim();
    Backend parsed = switch (backend) {
      case "", "memory" -> Backend.MEMORY;
      case "postgres" -> Backend.POSTGRES;
      case "redis" -> Backend.REDIS;
      default -> throw new ConfigException(
          "MARK_RATE_LIMIT_BACKEND must be memory, postgres or redis, got '" + backend + "'");
    };
    String redisUrl = env.get("MARK_REDIS_URL");
    Optional<RedisConfig> redis = redisUrl == null || redisUrl.isBlank()
        ? Optional.empty()
        : Optional.of(RedisConfig.fromEnvironment(env));
    String file = env.get("MARK_PLANS_FILE");
    String ttl = env.get("MARK_KEY_CACHE_SECONDS");
    Duration keyCacheTtl = defaults().keyCacheTtl();
    if (ttl != null && !ttl.isBlank()) {
      try {
        keyCacheTtl = Duration.ofSeconds(Long.parseLong(ttl.trim()));
      } catch (NumberFormatException e) {
        throw new ConfigException("MARK_KEY_CACHE_SECONDS must be a whole number, got '" + ttl + "'");
      }
    }
    return new RateLimitConfig(parsed, redis,
        file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file.trim())),
        keyCacheTtl);
  }

  /** The {@code memory} or {@code postgres} backend; for {@code redis}, see {@link #withRedis}. */
  public RateLimitConfig withBackend(Backend newBackend) {
    return new RateLimitConfig(newBackend, Optional.empty(), plansFile, keyCacheTtl);
  }

  /** The {@code redis} backend on {@code server}. */
  public RateLimitConfig withRedis(RedisConfig server) {
    return new RateLimitConfig(Backend.REDIS, Optional.of(server), plansFile, keyCacheTtl);
  }

  public RateLimitConfig withPlansFile(Path newPlansFile) {
    return new RateLimitConfig(backend, redis, Optional.of(newPlansFile), keyCacheTtl);
  }
}
