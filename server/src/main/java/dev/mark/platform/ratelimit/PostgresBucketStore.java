package dev.mark.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
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
 * state) are kept per key and dropped after a minute unused; the rows stay in the table.
 */
public final class PostgresBucketStore implements BucketStore {

  private final ProxyManager<Long> proxies;
  private final IdleEvictingMap<Bucket> buckets =
      new IdleEvictingMap<>(Duration.ofMinutes(1), System::nanoTime);

  public PostgresBucketStore(DataSource dataSource) {
    this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .table("rate_limit_buckets")
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
  }
}
