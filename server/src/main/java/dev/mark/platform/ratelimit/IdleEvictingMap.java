package dev.mark.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Values by key that {@link #evictIdle} forgets once unused for a while: the buckets of the
 * memory store, the per-key proxies of the shared stores. Thread-safe; {@link #get} takes no lock
 * once a key's value exists.
 *
 * <p>A value handed out is not evicted while it is in use: {@link #get} marks its entry used,
 * then checks that no eviction has claimed it (else it takes a fresh entry); an eviction claims
 * an entry, then checks that it was not used meanwhile (else it lets go). Both flags are
 * volatile, so at least one side sees the other's mark. A caller that uses a value at once (well
 * within {@code idle}) therefore never works on a forgotten one: no count is lost.
 */
final class IdleEvictingMap<V> {

  private final Map<Long, Entry<V>> entries = new ConcurrentHashMap<>();
  private final long idleNanos;
  private final LongSupplier nanoTime;

  /**
   * @param idle how long an entry must go unused before it may be evicted
   * @param nanoTime the clock, in nanoseconds from any origin (e.g. {@link System#nanoTime})
   */
  IdleEvictingMap(Duration idle, LongSupplier nanoTime) {
    this.idleNanos = idle.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The value of {@code key}, created with {@code create} if there is none. */
  V get(long key, LongFunction<V> create) {
    while (true) {
      Entry<V> entry = entries.get(key);
      if (entry == null) {
        entry = entries.computeIfAbsent(key, k -> new Entry<>(create.apply(k)));
      }
      entry.lastUsedNanos = nanoTime.getAsLong();
      if (!entry.evicted) {
        return entry.value;
      }
      // an eviction claimed it: it is removed, or let go, once that eviction's step is over
      Thread.onSpinWait();
    }
  }

  /**
   * Removes the entries unused for {@code idle} whose value {@code evictable} accepts.
   *
   * @return how many were removed
   */
  int evictIdle(Predicate<V> evictable) {
    int[] removed = {0};
    long now = nanoTime.getAsLong();
    for (Long key : entries.keySet()) {
      entries.computeIfPresent(key, (k, entry) -> {
        if (now - entry.lastUsedNanos < idleNanos || !evictable.test(entry.value)) {
          return entry;
        }
        entry.evicted = true;
        if (now - entry.lastUsedNanos < idleNanos) {
          entry.evicted = false;
          return entry;
        }
        removed[0]++;
        return null;
      });
    }
    return removed[0];
  }

  int size() {
    return entries.size();
  }

  private static final class Entry<V> {

    final V value;
    volatile long lastUsedNanos;
    volatile boolean evicted;

    Entry(V value) {
      this.value = value;
    }
  }
}
