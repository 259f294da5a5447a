package dev.mark.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Buckets in PostgreSQL (table {@code rate_limit_buckets}), so that every node behind a load
 * balancer enforces one limit. Each consumption is one short transaction that locks the
 * bucket's row ({@code SELECT … FOR UPDATE}); concurrent calls with one key on one node are
 * batched into one transaction (Bucket4j's batching optimisation, which stays exact), so that a
 * hot key does not queue on its own row lock. Keys are numbers, as the PostgreSQL backends need
 * (bucket4j #400).
 *
 * <p>In 8.18.0 a batch that meets a bucket not created yet fails with
 * {@code BucketNotFoundException} instead of creating it, so a key's row is created once with a
 * plain (unbatched) call before its batching proxy is used. The proxies (which hold the batching
 * state) are kept per key and dropped after a minute unused.
 *
 * <p>A row records when its bucket is full again ({@code expires_at}); {@link #evictIdle} deletes
 * the rows {@link #KEEP_WHEN_FULL} past that, which changes no limit (a new bucket is full). The
 * margin is far longer than a proxy lives unused (at most two minutes, on any node), so no
 * batching proxy ever meets its row deleted (which, as above, would fail rather than recreate).
 */
public final class PostgresBucketStore implements BucketStore {

  private static final Duration PROXY_IDLE = Duration.ofMinutes(1);
  private static final Duration KEEP_WHEN_FULL = Duration.ofMinutes(10);
  /** Rows deleted per statement; each round of {@link #evictIdle} runs a few such statements. */
  private static final int DELETE_BATCH = 1_000;
  private static final int DELETE_BATCHES_PER_ROUND = 20;

  private final PostgreSQLSelectForUpdateBasedProxyManager<Long> proxies;
  private final IdleEvictingMap<Bucket> buckets = new IdleEvictingMap<>(PROXY_IDLE, System::nanoTime);

  public PostgresBucketStore(DataSource dataSource) {
    this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .table("rate_limit_buckets")
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL))
        .build();
  }

  @Override
  public <T> T withBucket(long key, Supplier<BucketConfiguration> configuration,
      Function<Bucket, T> operation) {
    return operation.apply(buckets.get(key, k -> {
      proxies.builder().build(k, configuration).getAvailableTokens();
      return proxies.builder()
          .withOptimization(Optimizations.batching())
          .build(k, configuration);
    }));
  }

  @Override
  public void evictIdle() {
    buckets.evictIdle(bucket -> true);
    deleteFullRows();
  }

  /**
   * Deletes rows of buckets that have long been full, a bounded number per round; nodes running
   * this at once skip each other's rows ({@code FOR UPDATE SKIP LOCKED}).
   *
   * @return how many rows were deleted
   */
  int deleteFullRows() {
    int deleted = 0;
    for (int batch = 0; batch < DELETE_BATCHES_PER_ROUND; batch++) {
      int removed = proxies.removeExpired(DELETE_BATCH);
      deleted += removed;
      if (removed < DELETE_BATCH) {
        break;
      }
    }
    return deleted;
  }
}
