package dev.mark.keys;

import dev.mark.platform.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets verified against the database recently, so that the hot path of an authenticated
 * call does not query it. An entry is trusted until {@code ttl} after it was loaded, or until
 * the secret itself stops being valid (key expiry, end of a roll's grace period), whichever
 * comes first: that bounds how long a key revoked on another node keeps working here. Only
 * valid secrets are cached; the size is bounded (when full, the cache is emptied, which costs
 * lookups, never safety). Thread-safe.
 */
final class VerifiedKeyCache {

  private static final int MAX_ENTRIES = 100_000;

  private record Entry(Principal principal, Instant trustedUntil) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;

  VerifiedKeyCache(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  Optional<Principal> get(String secretHash) {
    Entry entry = entries.get(secretHash);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.trustedUntil())) {
      entries.remove(secretHash, entry);
      return Optional.empty();
    }
    return Optional.of(entry.principal());
  }

  void put(String secretHash, VerifiedKey key) {
    if (ttl.isZero()) {
      return;
    }
    Instant until = clock.instant().plus(ttl);
    if (key.validUntil().isPresent() && key.validUntil().get().isBefore(until)) {
      until = key.validUntil().get();
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(secretHash, new Entry(key.principal(), until));
  }

  /** Forgets every secret of a key at once, e.g. on revocation or roll. */
  void forgetKey(String keyId) {
    entries.values().removeIf(entry -> entry.principal().keyId().equals(keyId));
  }
}
