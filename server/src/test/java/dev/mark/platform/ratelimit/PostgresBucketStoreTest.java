package dev.mark.platform.ratelimit;

import static dev.mark.db.Tables.RATE_LIMIT_BUCKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.RunningServer;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DataSourceConnectionProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL store deletes the rows of buckets long full again, and only those. */
@ExtendWith(RunningServer.Extension.class)
class PostgresBucketStoreTest {

  private static final BucketConfiguration FIVE_PER_SECOND = BucketConfiguration.builder()
      .addLimit(Bandwidth.builder().capacity(5).refillGreedy(5, Duration.ofSeconds(1)).build())
      .build();

  @Test
  void rowsOfBucketsLongFullAreDeletedAndRowsInUseKept(RunningServer server) {
    DSLContext sql = server.sql();
    PostgresBucketStore store = new PostgresBucketStore(dataSource(sql));
    long inUse = ThreadLocalRandom.current().nextLong();
    long longFull = ThreadLocalRandom.current().nextLong();
    store.withBucket(inUse, () -> FIVE_PER_SECOND, bucket -> bucket.tryConsume(1));
    store.withBucket(longFull, () -> FIVE_PER_SECOND, bucket -> bucket.tryConsume(1));

    // full again within a second, the row is still kept for the margin, in epoch milliseconds
    long inUseExpiry = expiresAt(sql, inUse);
    assertThat(inUseExpiry).isBetween(System.currentTimeMillis() + Duration.ofMinutes(9).toMillis(),
        System.currentTimeMillis() + Duration.ofMinutes(11).toMillis());
    // as if the other had last been used long ago
    sql.update(RATE_LIMIT_BUCKETS).set(RATE_LIMIT_BUCKETS.EXPIRES_AT, System.currentTimeMillis() - 1_000)
        .where(RATE_LIMIT_BUCKETS.ID.eq(longFull)).execute();

    assertThat(store.deleteFullRows()).isPositive();

    assertThat(sql.fetchExists(RATE_LIMIT_BUCKETS, RATE_LIMIT_BUCKETS.ID.eq(longFull))).isFalse();
    assertThat(expiresAt(sql, inUse)).isEqualTo(inUseExpiry);
    boolean admitted = store.withBucket(inUse, () -> FIVE_PER_SECOND, bucket -> bucket.tryConsume(1));
    assertThat(admitted).isTrue();
  }

  private static long expiresAt(DSLContext sql, long id) {
    return sql.select(RATE_LIMIT_BUCKETS.EXPIRES_AT).from(RATE_LIMIT_BUCKETS)
        .where(RATE_LIMIT_BUCKETS.ID.eq(id)).fetchSingle().value1();
  }

  private static DataSource dataSource(DSLContext sql) {
    return ((DataSourceConnectionProvider) sql.configuration().connectionProvider()).dataSource();
  }
}
