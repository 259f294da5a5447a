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
    Thread.sleep(100);
    assertThat(drained).isNotDone();
    assertThat(inFlight.enter()).as("no new request once draining").isFalse();

    inFlight.leave();
    assertThat(drained.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void drainingGivesUpAfterItsTimeout() throws Exception {
    InFlightRequests inFlight = new InFlightRequests();
    inFlight.enter();
    assertThat(inFlight.drain(50)).isFalse();
  }
}
