package dev.mark.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Buckets in this process's memory: exact and fast, for one node. There is one bucket per key
 * and month (a few hundred bytes); those of past months stay until the process restarts.
 */
public final class MemoryBucketStore implements BucketStore {

  private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

  @Override
  public Bucket bucket(long key, Supplier<BucketConfiguration> configuration) {
    return buckets.computeIfAbsent(key, k -> {
      var builder = Bucket.builder();
      for (var bandwidth : configuration.get().getBandwidths()) {
        builder.addLimit(bandwidth);
      }
      return builder.build();
    });
  }
}
