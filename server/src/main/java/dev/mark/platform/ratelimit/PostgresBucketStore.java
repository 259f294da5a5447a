package dev.mark.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Buckets in PostgreSQL (table {@code rate_limit_buckets}), so that every node behind a load
 * balancer enforces one limit. Each consumption is one short transaction that locks the
 * bucket's row ({@code SELECT … FOR UPDATE}), so calls with one key are serialised across all
 * nodes. Keys are numbers, as the PostgreSQL backends need (bucket4j #400).
 *
 * <p>Bucket4j's batching optimisation is not used: in 8.18.0 a batch that meets a bucket not
 * created yet fails with {@code BucketNotFoundException} instead of creating it, which turned the
 * first concurrent calls of a key into 500s.
 */
public final class PostgresBucketStore implements BucketStore {

  private final ProxyManager<Long> proxies;

  public PostgresBucketStore(DataSource dataSource) {
    this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .table("rate_limit_buckets")
        .build();
  }

  @Override
  public Bucket bucket(long key, Supplier<BucketConfiguration> configuration) {
    return proxies.builder().build(key, configuration);
  }
}
