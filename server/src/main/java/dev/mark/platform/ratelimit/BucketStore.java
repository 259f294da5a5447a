package dev.mark.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where token buckets live: in this process, or in a store that every node shares. A store
 * forgets a bucket only once it is as full as a new one (its full refill time has passed), so
 * forgetting never changes a limit. Thread-safe.
 */
public interface BucketStore extends AutoCloseable {

  /**
   * Runs {@code operation} on the bucket of {@code key}, creating it with {@code configuration}
   * if there is none.
   *
   * @throws dev.mark.platform.errors.ServiceUnavailable ({@code rate_limiter_unavailable}) when a
   *     shared store does not answer in time
   */
  <T> T withBucket(long key, Supplier<BucketConfiguration> configuration,
      Function<Bucket, T> operation);

  /** Whether the store answers now; a readiness probe, not for the hot path. */
  default boolean isReachable() {
    return true;
  }

  /** Frees what this process holds for keys unused for a while; run it every minute or so. */
  void evictIdle();

  /** Releases the store's connections, if any. */
  @Override
  default void close() {}
}
