package dev.mark.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.function.Supplier;

/**
 * Where token buckets live: in this process, or in a store that every node shares. Returns the
 * bucket for {@code key}, creating it with {@code configuration} on first use. Thread-safe.
 */
public interface BucketStore {

  Bucket bucket(long key, Supplier<BucketConfiguration> configuration);
}
