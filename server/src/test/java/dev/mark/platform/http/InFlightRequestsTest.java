package dev.mark.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightRequestsTest {

  @Test
  void drainingWaitsForRequestsInFlightAndRefusesNewOnes() throws Exception {
    InFlightRequests inFlight = new InFlightRequests();
    assertThat(inFlight.enter()).isTrue();

    CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
      try {
        return inFlight.drain(10_000);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    awaitDraining(inFlight);
    assertThat(inFlight.enter()).as("no new request once draining").isFalse();
    assertThat(drained).as("waits for the request in flight").isNotDone();

    inFlight.leave();
    assertThat(drained.get(5, TimeUnit.SECONDS)).isTrue();
  }

  /** Waits until {@code drain} has begun: the first call it refuses (admitted ones are let go). */
  private static void awaitDraining(InFlightRequests inFlight) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (inFlight.enter()) {
      inFlight.leave();
      assertThat(System.nanoTime()).as("draining begins within 10 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  @Test
  void drainingGivesUpAfterItsTimeout() throws Exception {
    InFlightRequests inFlight = new InFlightRequests();
    assertThat(inFlight.enter()).isTrue();
    assertThat(inFlight.drain(50)).isFalse();
  }
}
