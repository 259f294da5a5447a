package dev.mark.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets the database recently did not know (well-formed, right checksum, but no active key),
 * so that a made-up key sent again and again costs one lookup per {@code ttl}, not one per
 * call. Bounded: when full it is emptied, which costs lookups, never a refusal of a good key.
 *
 * <p>It cannot refuse a key created after the miss: a new key's secret is 190 fresh random bits,
 * which nobody could have presented before it existed, and the node that issues or rolls a key
 * forgets its hash anyway. A secret that stops being unknown in any other way (revoked, expired,
 * past its roll's grace) never becomes valid again. Thread-safe.
 *
 * <p>Per node, on purpose: it is a cache that saves lookups, not a limit. What bounds an
 * attacker across nodes is {@link AuthFailureThrottle}, which counts in the rate limits' shared
 * store; with N nodes this cache costs at most N lookups of one made-up key per {@link #TTL}
 * instead of one, and sharing it would cost a store call on every unknown key to save them.
 */
final class UnknownKeyCache {

  static final Duration TTL = Duration.ofSeconds(10);
  private static final int MAX_ENTRIES = 10_000;

  private final Map<String, Instant> unknownUntil = new ConcurrentHashMap<>();
  private final Clock clock;

  UnknownKeyCache(Clock clock) {
    this.clock = clock;
  }

  boolean isUnknown(String secretHash) {
    Instant until = unknownUntil.get(secretHash);
    if (until == null) {
      return false;
    }
    if (!clock.instant().isBefore(until)) {
      unknownUntil.remove(secretHash, until);
      return false;
    }
    return true;
  }

  void unknown(String secretHash) {
    if (unknownUntil.size() >= MAX_ENTRIES) {
      unknownUntil.clear();
    }
    unknownUntil.put(secretHash, clock.instant().plus(TTL));
  }

  /** Forgets a secret, e.g. one just issued. */
  void forget(String secretHash) {
    unknownUntil.remove(secretHash);
  }
}
