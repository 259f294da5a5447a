package dev.mark.keys;

import dev.mark.platform.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys verified against the database recently, so that the hot path of an authenticated call
 * does not query it. An entry is trusted for a fixed time after it was loaded, never longer:
 * that bounds how long a key revoked on another node keeps working here. Only valid keys are
 * cached; the size is bounded (when full, the cache is emptied, which costs lookups, never
 * safety). Thread-safe.
 */
final class VerifiedKeyCache {

  private static final int MAX_ENTRIES = 100_000;

  private record Entry(Principal principal, long loadedAtNanos) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final long ttlNanos;

  VerifiedKeyCache(Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  Optional<Principal> get(String secretHash) {
    Entry entry = entries.get(secretHash);
    if (entry == null) {
      return Optional.empty();
    }
    if (System.nanoTime() - entry.loadedAtNanos() >= ttlNanos) {
      entries.remove(secretHash, entry);
      return Optional.empty();
    }
    return Optional.of(entry.principal());
  }

  void put(String secretHash, Principal principal) {
    if (ttlNanos == 0) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(secretHash, new Entry(principal, System.nanoTime()));
  }

  /** Forgets every secret of a key at once, e.g. on revocation. */
  void forgetKey(String keyId) {
    entries.values().removeIf(entry -> entry.principal().keyId().equals(keyId));
  }
}
