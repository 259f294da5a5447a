package dev.mark.platform.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task every {@code interval} on a thread of its own, e.g. to flush counters buffered in
 * memory to the database. A failed run is logged and the next one tries again. {@link #close()}
 * stops the schedule and runs the task one last time, so that a clean shutdown loses nothing;
 * a crash loses at most one interval. Thread-safe.
 */
public final class Periodic implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Periodic.class);

  private final String name;
  private final Runnable task;
  private final ScheduledExecutorService executor;

  public Periodic(String name, Duration interval, Runnable task) {
    this.name = name;
    this.task = task;
    this.executor = Executors.newSingleThreadScheduledExecutor(
        runnable -> Thread.ofPlatform().name("mark-" + name).daemon().unstarted(runnable));
    executor.scheduleWithFixedDelay(
        this::runLogged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs the task now, on the caller's thread. */
  public void runNow() {
    task.run();
  }

  private void runLogged() {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("The periodic task {} failed; it runs again at the next interval", name, e);
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    runLogged();
  }
}
