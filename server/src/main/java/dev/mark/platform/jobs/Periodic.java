package dev.mark.platform.jobs;

import dev.mark.platform.observability.Metrics;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task every {@code interval} on a thread of its own, e.g. to flush counters buffered in
 * memory to the database. A failed run, whether by an exception or an {@link Error} such as an
 * {@code OutOfMemoryError}, is logged and counted ({@code mark_jobs_failures_total{job=…}}), and
 * the next one tries again: a {@link ScheduledExecutorService} silently drops a schedule whose
 * task throws, which would end metering for good. {@link #close()} stops the schedule and runs
 * the task one last time (for at most 10 s), so that a clean shutdown loses nothing; a crash
 * loses at most one interval. Thread-safe.
 */
public final class Periodic implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Periodic.class);
  /**
   * How long the last run at {@link #close()} may take: a database that is frozen would hold it,
   * and so the whole shutdown, forever.
   */
  private static final Duration LAST_RUN_LIMIT = Duration.ofSeconds(10);

  private final String name;
  private final Runnable task;
  private final Metrics metrics;
  private final ScheduledExecutorService executor;

  public Periodic(String name, Duration interval, Runnable task, Metrics metrics) {
    this.name = name;
    this.task = task;
    this.metrics = metrics;
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
    } catch (RuntimeException | Error e) {
      failed(e);
    }
  }

  /** Counts before logging: under memory pressure the log line is the likelier to fail. */
  private void failed(Throwable e) {
    try {
      metrics.recordJobFailure(name);
      log.error("The periodic task {} failed; it runs again at the next interval", name, e);
    } catch (RuntimeException | Error reportingFailed) {
      // nothing more can be done here; the schedule must go on
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
      Thread last = Thread.ofVirtual().name("mark-" + name + "-last").start(this::runLogged);
      if (!last.join(LAST_RUN_LIMIT)) {
        log.warn("The last run of the periodic task {} did not finish within {} s; shutdown goes on",
            name, LAST_RUN_LIMIT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
