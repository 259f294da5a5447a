package dev.mark.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Buckets in this process's memory: exact and fast, for one node. There is one bucket per key
 * and month (a few hundred bytes). {@link #evictIdle} drops a bucket unused for a minute once it
 * is full again, which for a key that was charged this month is when its monthly bandwidth
 * refills, 32 days after the bucket was made: memory holds the keys used in about the last
 * month, not every key ever seen.
 */
public final class MemoryBucketStore implements BucketStore {

  static final Duration IDLE = Duration.ofMinutes(1);

  private final TimeMeter time;
  private final IdleEvictingMap<Bucket> buckets;

  public MemoryBucketStore() {
    this(TimeMeter.SYSTEM_MILLISECONDS);
  }

  /** A store whose buckets and idleness follow {@code time} (tests move it by hand). */
  MemoryBucketStore(TimeMeter time) {
    this.time = time;
    this.buckets = new IdleEvictingMap<>(IDLE, time::currentTimeNanos);
  }

  @Override
  public <T> T withBucket(long key, Supplier<BucketConfiguration> configuration,
      Function<Bucket, T> operation) {
    return operation.apply(buckets.get(key, k -> newBucket(configuration.get())));
  }

  @Override
  public void evictIdle() {
    buckets.evictIdle(MemoryBucketStore::isFull);
  }

  /** How many buckets are held. */
  int size() {
    return buckets.size();
  }

  private Bucket newBucket(BucketConfiguration configuration) {
    var builder = Bucket.builder().withCustomTimePrecision(time);
    for (var bandwidth : configuration.getBandwidths()) {
      builder.addLimit(bandwidth);
    }
    return builder.build();
  }

  private static boolean isFull(Bucket bucket) {
    return bucket.asVerbose().getAvailableTokens().getDiagnostics().calculateFullRefillingTime() == 0;
  }
}
