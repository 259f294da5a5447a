package dev.mark.platform.config;

import static dev.mark.platform.config.Variable.MARK_AUTH_FAILURES_PER_ADDRESS;
import static dev.mark.platform.config.Variable.MARK_KEY_CACHE_SECONDS;
import static dev.mark.platform.config.Variable.MARK_PLANS_FILE;
import static dev.mark.platform.config.Variable.MARK_RATE_LIMIT_BACKEND;
import static dev.mark.platform.config.Variable.MARK_REDIS_URL;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How calls are limited.
 *
 * @param backend where the token buckets live ({@link Variable#MARK_RATE_LIMIT_BACKEND}:
 *     {@code memory} for one node; {@code postgres} for several nodes sharing one database;
 *     {@code redis} for several nodes sharing one Redis)
 * @param redis the Redis server, present exactly when the backend is {@code redis}
 *     ({@link RedisConfig})
 * @param plansFile a JSON file of plans that replaces the built-in one ({@link Variable#MARK_PLANS_FILE})
 * @param keyCacheTtl how long a verified API key is trusted without asking the database again
 *     ({@link Variable#MARK_KEY_CACHE_SECONDS}): the longest a key revoked on one node still
 *     works on the others
 * @param authFailuresPerAddress API keys that may fail to authenticate per client address and
 *     minute ({@link Variable#MARK_AUTH_FAILURES_PER_ADDRESS}), so that made-up keys cannot make
 *     the database look each one up at the attacker's pace
 */
public record RateLimitConfig(Backend backend, Optional<RedisConfig> redis, Optional<Path> plansFile,
    Duration keyCacheTtl, int authFailuresPerAddress) {

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
    if (authFailuresPerAddress < 1) {
      throw new ConfigException("MARK_AUTH_FAILURES_PER_ADDRESS must be at least 1");
    }
  }

  static RateLimitConfig fromEnvironment(Environment env) {
    String backend = env.text(MARK_RATE_LIMIT_BACKEND).orElseThrow();
    Backend parsed = switch (backend) {
      case "memory" -> Backend.MEMORY;
      case "postgres" -> Backend.POSTGRES;
      case "redis" -> Backend.REDIS;
      default -> throw new ConfigException(
          "MARK_RATE_LIMIT_BACKEND must be memory, postgres or redis, got '" + backend + "'");
    };
    Optional<RedisConfig> redis = env.text(MARK_REDIS_URL).isPresent()
        ? Optional.of(RedisConfig.fromEnvironment(env))
        : Optional.empty();
    return new RateLimitConfig(parsed, redis, env.text(MARK_PLANS_FILE).map(Path::of),
        env.seconds(MARK_KEY_CACHE_SECONDS), env.integer(MARK_AUTH_FAILURES_PER_ADDRESS));
  }
}
