package dev.mark.datasets;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Datasets' catalogue entries read recently, so that reading a dataset does not query the
 * database on every call. Thread-safe.
 *
 * <p>What it promises:
 * <ul>
 *   <li>Entries are keyed by owner (account and environment) and ID, and loaded under that
 *       owner: a caller only ever gets an entry read for its own owner.
 *   <li>On this node, a change is visible as soon as the call that made it has answered: its
 *       writer calls {@link #invalidate} after its transaction ends, and a read or refresh that
 *       was in flight then is not kept (Caffeine discards it, so a later call reads again). A
 *       deleted dataset is a 404 here at once.
 *   <li>A change made through another node is visible here within {@code ttl} plus the time of
 *       one database read: an entry is trusted for {@code ttl} after it was stored. An entry
 *       still in use is read again in the background once half of {@code ttl} has passed, so
 *       that its readers keep being served from memory instead of waiting for the database.
 *   <li>Only datasets that exist are kept: an unknown ID goes to the database every time, so a
 *       dataset created on another node is visible at once. Concurrent misses on one key share
 *       one database read, which runs on the calling thread holding no lock.
 * </ul>
 *
 * <p>Caffeine rather than a map of our own: it brings the size bound with frequency-aware
 * eviction, expiry with an injectable clock, background refresh, and a pending load or refresh
 * that an invalidation discards — each subtle to get right by hand, and all needed here.
 */
final class DatasetCache {

  /** Reads a dataset of an owner from the database. */
  @FunctionalInterface
  interface Loader {
    Optional<DatasetRecord> load(Owner owner, String id);
  }

  private record Key(Owner owner, String id) {}

  private final Loader loader;
  /** Null when caching is off (a TTL of zero). */
  private final AsyncLoadingCache<Key, DatasetRecord> entries;

  /**
   * @param ttl how long an entry is trusted; zero turns the cache off
   * @param maxEntries how many datasets are kept at most
   */
  DatasetCache(Duration ttl, long maxEntries, Loader loader) {
    // background refreshes wait on the database: virtual threads, not the common pool
    this(ttl, maxEntries, loader, Ticker.systemTicker(), task -> Thread.ofVirtual().start(task));
  }

  DatasetCache(Duration ttl, long maxEntries, Loader loader, Ticker ticker, Executor executor) {
    this.loader = loader;
    this.entries = ttl.isZero()
        ? null
        : Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .refreshAfterWrite(ttl.dividedBy(2))
            .maximumSize(maxEntries)
            .ticker(ticker)
            .executor(executor)
            // used for refreshes only: misses are loaded by get, on the calling thread
            .buildAsync((key, refresher) -> CompletableFuture.supplyAsync(
                () -> loader.load(key.owner(), key.id()).orElse(null), refresher));
  }

  /**
   * The dataset {@code id} of {@code owner}: from memory when it was read recently, else from
   * the database. A failed read is thrown as it is, to every call that was waiting on it.
   */
  Optional<DatasetRecord> get(Owner owner, String id) {
    if (entries == null) {
      return loader.load(owner, id);
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
      DatasetRecord loaded = loader.load(owner, id).orElse(null);
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
