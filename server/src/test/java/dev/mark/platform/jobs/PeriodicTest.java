package dev.mark.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.observability.Metrics;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A periodic job keeps its schedule whatever one run throws, and every failure is counted. */
class PeriodicTest {

  @Test
  void aRunThatThrowsAnErrorIsCountedAndTheNextRunStillHappens() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch ranAfterTheFailures = new CountDownLatch(1);
    try (Metrics metrics = new Metrics();
        Periodic job = new Periodic("test-job", Duration.ofMillis(5), () -> {
          switch (runs.incrementAndGet()) {
            case 1 -> throw new OutOfMemoryError("simulated");
            case 2 -> throw new StackOverflowError();
            case 3 -> throw new IllegalStateException("simulated");
            default -> ranAfterTheFailures.countDown();
          }
        }, metrics)) {
      ranAfterTheFailures.await();

      assertThat(metrics.jobFailures("test-job")).isEqualTo(3);
      assertThat(metrics.scrape()).contains("mark_jobs_failures_total{job=\"test-job\"} 3.0");
    }
  }

  @Test
  void aLastRunThatNeverEndsDoesNotHoldTheClose() {
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger lastRuns = new AtomicInteger();
    try (Metrics metrics = new Metrics()) {
      Periodic job = new Periodic("stuck-job", Duration.ofHours(1), () -> {
        lastRuns.incrementAndGet();
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, metrics);

      job.close();

      assertThat(lastRuns).hasValue(1);
    }
  }
}
