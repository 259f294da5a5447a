package dev.mark.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The node's analytics places: accounts take turns for them, each account's waiters in the
 * order they came, so that one account's many waiters hold another's back by one turn at most.
 */
class FairSlotsTest {

  private static final Duration LONG = Duration.ofMinutes(1);

  @Test
  void accountsTakeTurnsAndEachAccountsWaitersKeepTheirOrder() throws Exception {
    FairSlots slots = new FairSlots(1);
    assertThat(slots.acquire("busy", LONG)).isTrue();
    List<String> served = new CopyOnWriteArrayList<>();
    ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor();
    try {
      // the busy account queues four, then a quiet one comes with one
      List<String> arrivals = List.of("busy-1", "busy-2", "busy-3", "busy-4", "quiet-1");
      for (int i = 0; i < arrivals.size(); i++) {
        String waiter = arrivals.get(i);
        waiters.submit(() -> {
          slots.acquire(waiter.substring(0, waiter.indexOf('-')), LONG);
          served.add(waiter);
          return null;
        });
        awaitWaiting(slots, i + 1);
      }

      for (int turn = 1; turn <= 5; turn++) {
        slots.release();
        awaitServed(served, turn);
      }

      assertThat(served).containsExactly("busy-1", "quiet-1", "busy-2", "busy-3", "busy-4");
    } finally {
      waiters.shutdownNow();
    }
  }

  @Test
  void aWaiterThatRunsOutOfTimeLeavesTheLineAndThePlaceGoesToTheNext() throws Exception {
    FairSlots slots = new FairSlots(1);
    assertThat(slots.acquire("a", LONG)).isTrue();

    assertThat(slots.acquire("b", Duration.ofMillis(1))).isFalse();
    assertThat(slots.waiting()).isZero();

    ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor();
    try {
      Future<Boolean> next = waiters.submit(() -> slots.acquire("c", LONG));
      awaitWaiting(slots, 1);
      slots.release();
      assertThat(next.get()).isTrue();
      slots.release();
      assertThat(slots.acquire("d", Duration.ZERO)).as("free again once all are given back").isTrue();
    } finally {
      waiters.shutdownNow();
    }
  }

  @Test
  void placesAreTakenAtOnceWhileAnyAreFree() throws Exception {
    FairSlots slots = new FairSlots(2);

    assertThat(slots.acquire("a", Duration.ZERO)).isTrue();
    assertThat(slots.acquire("a", Duration.ZERO)).isTrue();
    assertThat(slots.acquire("b", Duration.ZERO)).isFalse();
  }

  private static void awaitWaiting(FairSlots slots, int count) throws InterruptedException {
    await(() -> slots.waiting() >= count, count + " waiting");
  }

  private static void awaitServed(List<String> served, int count) throws InterruptedException {
    await(() -> served.size() >= count, count + " served");
  }

  /** Polls for a state the threads reach on their own; a bound only so a fault fails, not hangs. */
  private static void await(java.util.function.BooleanSupplier reached, String what)
      throws InterruptedException {
    for (int i = 0; i < 12_000 && !reached.getAsBoolean(); i++) {
      Thread.sleep(5);
    }
    assertThat(reached.getAsBoolean()).as(what).isTrue();
  }
}
