package dev.mark.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How calls are limited.
 *
 * @param backend where the token buckets live ({@code MARK_RATE_LIMIT_BACKEND}: {@code memory},
 *     the default, for one node; {@code postgres} for several nodes sharing one database)
 * @param plansFile a JSON file of plans that replaces the built-in one ({@code MARK_PLANS_FILE})
 * @param keyCacheTtl how long a verified API key is trusted without asking the database again
 *     ({@code MARK_KEY_CACHE_SECONDS}, default 10): the longest a key revoked on one node still
 *     works on the others
 */
public record RateLimitConfig(Backend backend, Optional<Path> plansFile, Duration keyCacheTtl) {

  /** Where token buckets live. */
  public enum Backend { MEMORY, POSTGRES }

  public RateLimitConfig {
    if (keyCacheTtl.isNegative() || keyCacheTtl.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new ConfigException("MARK_KEY_CACHE_SECONDS must be between 0 and 300");
    }
  }

  public static RateLimitConfig defaults() {
    return new RateLimitConfig(Backend.MEMORY, Optional.empty(), Duration.ofSeconds(10));
  }

  static RateLimitConfig fromEnvironment(Map<String, String> env) {
    String backend = env.getOrDefault("MARK_RATE_LIMIT_BACKEND", "memory").trim();
    Backend parsed = switch (backend) {
      case "", "memory" -> Backend.MEMORY;
      case "postgres" -> Backend.POSTGRES;
      default -> throw new ConfigException(
          "MARK_RATE_LIMIT_BACKEND must be memory or postgres, got '" + backend + "'");
    };
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
    return new RateLimitConfig(parsed,
        file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file.trim())),
        keyCacheTtl);
  }

  public RateLimitConfig withBackend(Backend newBackend) {
    return new RateLimitConfig(newBackend, plansFile, keyCacheTtl);
  }

  public RateLimitConfig withPlansFile(Path newPlansFile) {
    return new RateLimitConfig(backend, Optional.of(newPlansFile), keyCacheTtl);
  }
}
