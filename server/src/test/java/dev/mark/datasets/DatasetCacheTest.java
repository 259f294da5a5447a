package dev.mark.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache alone, with a hand-driven clock and loaders that count their database reads. */
class DatasetCacheTest {

  private static final Duration TTL = Duration.ofMillis(500);
  private static final Owner ALICE = new Owner("acc_alice", "test");
  private static final Owner ALICE_LIVE = new Owner("acc_alice", "live");
  private static final Owner BOB = new Owner("acc_bob", "test");

  private final AtomicLong nanos = new AtomicLong();
  private final DatasetCache cache = new DatasetCache(TTL, 100, nanos::get);
  private final AtomicInteger reads = new AtomicInteger();

  private static DatasetRecord dataset(String id, long rowCount) {
    OffsetDateTime at = OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC);
    return new DatasetRecord(id, "Orders", Optional.empty(), List.of(), rowCount, at, at);
  }

  private Optional<DatasetRecord> read(Owner owner, String id, Optional<DatasetRecord> stored) {
    return cache.get(owner, id, () -> {
      reads.incrementAndGet();
      return stored;
    });
  }

  @Test
  void aDatasetReadOnceIsServedFromMemoryUntilItsTtlHasPassed() {
    read(ALICE, "ds_1", Optional.of(dataset("ds_1", 0)));
    nanos.addAndGet(TTL.toNanos() - 1);
    assertThat(read(ALICE, "ds_1", Optional.of(dataset("ds_1", 7))).orElseThrow().rowCount()).isZero();
    assertThat(reads).hasValue(1);

    nanos.addAndGet(1);
    assertThat(read(ALICE, "ds_1", Optional.of(dataset("ds_1", 7))).orElseThrow().rowCount()).isEqualTo(7);
    assertThat(reads).hasValue(2);
  }

  @Test
  void anInvalidatedDatasetIsReadAgainAtOnce() {
    read(ALICE, "ds_1", Optional.of(dataset("ds_1", 0)));
    cache.invalidate(ALICE, "ds_1");
    assertThat(read(ALICE, "ds_1", Optional.empty())).isEmpty();
    assertThat(reads).hasValue(2);
  }

  @Test
  void eachOwnerHasItsOwnEntries() {
    read(ALICE, "ds_1", Optional.of(dataset("ds_1", 3)));
    assertThat(read(BOB, "ds_1", Optional.empty())).as("another account").isEmpty();
    assertThat(read(ALICE_LIVE, "ds_1", Optional.empty())).as("another environment").isEmpty();
    assertThat(reads).hasValue(3);
    cache.invalidate(BOB, "ds_1");
    assertThat(read(ALICE, "ds_1", Optional.empty())).as("still cached for its owner").isPresent();
  }

  @Test
  void anUnknownDatasetIsNotRemembered() {
    assertThat(read(ALICE, "ds_new", Optional.empty())).isEmpty();
    assertThat(read(ALICE, "ds_new", Optional.of(dataset("ds_new", 0)))).as("created meanwhile").isPresent();
    assertThat(reads).hasValue(2);
  }

  @Test
  void aReadInFlightWhenTheDatasetIsInvalidatedIsNotKept() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch written = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
      // read the old row, then stall while a writer commits and invalidates
      Future<Optional<DatasetRecord>> slow = pool.submit(() -> cache.get(ALICE, "ds_1", () -> {
        reading.countDown();
        await(written);
        return Optional.of(dataset("ds_1", 0));
      }));
      reading.await(10, TimeUnit.SECONDS);
      cache.invalidate(ALICE, "ds_1");
      written.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS).orElseThrow().rowCount()).isZero();
    }

    assertThat(read(ALICE, "ds_1", Optional.of(dataset("ds_1", 5))).orElseThrow().rowCount())
        .as("the write is seen").isEqualTo(5);
  }

  @Test
  void concurrentMissesShareOneRead() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Optional<DatasetRecord>>> readers = java.util.stream.IntStream.range(0, 20)
          .mapToObj(i -> pool.submit(() -> cache.get(ALICE, "ds_1", () -> {
            reads.incrementAndGet();
            await(release);
            return Optional.of(dataset("ds_1", 1));
          })))
          .toList();
      Thread.sleep(100);
      release.countDown();
      for (Future<Optional<DatasetRecord>> reader : readers) {
        assertThat(reader.get(10, TimeUnit.SECONDS)).isPresent();
      }
    }
    assertThat(reads).hasValue(1);
  }

  @Test
  void aFailedReadIsThrownAsItIsAndNotRemembered() {
    IllegalStateException down = new IllegalStateException("database down");
    assertThatThrownBy(() -> cache.get(ALICE, "ds_1", () -> {
      throw down;
    })).isSameAs(down);
    assertThat(read(ALICE, "ds_1", Optional.of(dataset("ds_1", 0)))).isPresent();
  }

  @Test
  void aTtlOfZeroReadsEveryTime() {
    DatasetCache off = new DatasetCache(Duration.ZERO, 100);
    for (int i = 0; i < 3; i++) {
      off.get(ALICE, "ds_1", () -> {
        reads.incrementAndGet();
        return Optional.of(dataset("ds_1", 0));
      });
    }
    assertThat(reads).hasValue(3);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
