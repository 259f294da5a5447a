package dev.mark.usage;

import dev.mark.platform.jobs.Buffers;
import dev.mark.platform.ratelimit.CallMeter;
import dev.mark.platform.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts calls per key per hour in memory; {@link #drain()} hands the counts over for one
 * batched write (the usage service does it every flush interval, and at shutdown). No call
 * waits on a database write of its own. Thread-safe.
 */
public final class UsageMeter implements CallMeter {

  /** The counters of one key in one hour. */
  record Slot(String keyId, String accountId, String environment, Instant hour) {}

  private final Map<Slot, UsageCounts> counts = new ConcurrentHashMap<>();
  private final Clock clock;

  public UsageMeter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void record(Principal caller, int status, int units) {
    Slot slot = new Slot(caller.keyId(), caller.accountId(), caller.environment(),
        clock.instant().truncatedTo(ChronoUnit.HOURS));
    counts.merge(slot, UsageCounts.of(status, units), UsageCounts::plus);
  }

  /** Takes the counts recorded since the last drain. */
  Map<Slot, UsageCounts> drain() {
    return Buffers.drain(counts);
  }

  /** Puts back counts that could not be written, to be written with the next ones. */
  void restore(Map<Slot, UsageCounts> unwritten) {
    unwritten.forEach((slot, slotCounts) -> counts.merge(slot, slotCounts, UsageCounts::plus));
  }
}
