package dev.mark.platform.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small periodic chores of one node (purging expired idempotency keys…), on one daemon thread.
 * A failing run is logged and retried at the next period. Each node runs its own: the chores
 * are idempotent, so several nodes doing them is harmless.
 */
public final class Housekeeping implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("mark-housekeeping").daemon(true).factory());

  /** Runs {@code chore} every {@code period}, the first time after one period. */
  public void every(Duration period, String name, Runnable chore) {
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        chore.run();
      } catch (RuntimeException e) {
        log.warn("Housekeeping chore '{}' failed; it will run again in {}", name, period, e);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
