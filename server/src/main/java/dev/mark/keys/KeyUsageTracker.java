package dev.mark.keys;

import dev.mark.platform.jobs.Buffers;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each key was last used, kept in memory by every authenticated call and written to the
 * database in one batch per flush, so that a call never waits on a write of its own. Between
 * flushes {@code last_used_at} lags by at most the flush interval. Thread-safe.
 */
final class KeyUsageTracker {

  private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();

  void used(String keyId, Instant at) {
    lastUsed.merge(keyId, at, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Takes what was recorded since the last drain. */
  Map<String, Instant> drain() {
    return Buffers.drain(lastUsed);
  }
}
