package dev.mark.platform.ratelimit;

import dev.mark.platform.config.ConfigException;
import dev.mark.platform.config.RateLimitConfig;
import dev.mark.platform.config.RedisConfig;
import javax.sql.DataSource;

/** Opens the store of buckets that {@code MARK_RATE_LIMIT_BACKEND} names. */
public final class BucketStores {

  private BucketStores() {}

  /**
   * @param database the database, where the {@code postgres} backend keeps its buckets
   * @throws ConfigException when the {@code redis} backend's Redis cannot be reached, naming
   *     {@code MARK_REDIS_URL} and never its password
   */
  public static BucketStore open(RateLimitConfig config, DataSource database) {
    return switch (config.backend()) {
      case MEMORY -> new MemoryBucketStore();
      case POSTGRES -> new PostgresBucketStore(database);
      case REDIS -> connect(config.redis().orElseThrow());
    };
  }

  private static RedisBucketStore connect(RedisConfig redis) {
    try {
      return RedisBucketStore.connect(redis.url(), redis.timeout());
    } catch (IllegalArgumentException e) {
      // not its message: it may quote the URL, password included
      throw new ConfigException("MARK_REDIS_URL is not a URL Lettuce accepts: " + redis.redactedUrl());
    } catch (RuntimeException e) {
      // Lettuce's messages name the host and the reason (refused, WRONGPASS…), not the password
      throw new ConfigException("MARK_REDIS_URL: cannot use Redis at " + redis.redactedUrl()
          + " (" + rootMessage(e) + ")");
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
