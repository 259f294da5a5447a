package dev.mark.datasets;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Datasets' catalogue entries read recently, so that reading a dataset does not query the
 * database on every call. Thread-safe.
 *
 * <p>What it promises:
 * <ul>
 *   <li>Entries are keyed by owner (account and environment) and ID: a caller only ever gets an
 *       entry that was read from the database under its own owner.
 *   <li>On this node, a change is visible as soon as the call that made it has answered: its
 *       writer calls {@link #invalidate} after its transaction ends, and a read that was in
 *       flight then is not kept (Caffeine drops the pending future, so a later call reads
 *       again). A deleted dataset is a 404 here at once.
 *   <li>A change made through another node is visible here within {@code ttl} plus the time of
 *       one database read: an entry is trusted for {@code ttl} after its read completed.
 *   <li>Only datasets that exist are kept: an unknown ID goes to the database every time, so a
 *       dataset created on another node is visible at once. Concurrent misses on one key share
 *       one database read (no stampede when an entry expires under load); that read runs on the
 *       calling thread, holding no lock.
 * </ul>
 *
 * <p>Caffeine rather than a map of our own: it brings the size bound with frequency-aware
 * eviction, per-entry expiry with an injectable clock, and a pending load that an invalidation
 * discards — each subtle to get right by hand, and all three needed here.
 */
public final class DatasetCache {

  private record Key(Owner owner, String id) {}

  /** Null when caching is off (a TTL of zero). */
  private final AsyncCache<Key, DatasetRecord> entries;

  /**
   * @param ttl how long an entry is trusted; zero turns the cache off
   * @param maxEntries how many datasets are kept at most
   */
  public DatasetCache(Duration ttl, long maxEntries) {
    this(ttl, maxEntries, Ticker.systemTicker());
  }

  DatasetCache(Duration ttl, long maxEntries, Ticker ticker) {
    this.entries = ttl.isZero()
        ? null
        : Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .maximumSize(maxEntries)
            .ticker(ticker)
            .buildAsync();
  }

  /**
   * The dataset {@code id} of {@code owner}: from memory when it was read recently, else from
   * {@code load} (which must read it under that owner). Exceptions of {@code load} are thrown
   * as they are, to every call that was waiting on that read.
   */
  Optional<DatasetRecord> get(Owner owner, String id, Supplier<Optional<DatasetRecord>> load) {
    if (entries == null) {
      return load.get();
    }
    Key key = new Key(owner, id);
    CompletableFuture<DatasetRecord> cached = entries.getIfPresent(key);
    if (cached != null) {
      return Optional.ofNullable(join(cached));
    }
    CompletableFuture<DatasetRecord> mine = new CompletableFuture<>();
    CompletableFuture<DatasetRecord> found = entries.get(key, (k, executor) -> mine);
    if (found != mine) {
      return Optional.ofNullable(join(found));
    }
    try {
      // completing with null removes the entry: absence is not cached
      DatasetRecord loaded = load.get().orElse(null);
      mine.complete(loaded);
      return Optional.ofNullable(loaded);
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** Forgets dataset {@code id} of {@code owner}; call it once a change to it has committed. */
  void invalidate(Owner owner, String id) {
    if (entries != null) {
      entries.synchronous().invalidate(new Key(owner, id));
    }
  }

  private static DatasetRecord join(CompletableFuture<DatasetRecord> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }
}
