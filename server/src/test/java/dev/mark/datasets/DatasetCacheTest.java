package dev.mark.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The cache alone, over a fake catalogue that counts its reads, with a hand-driven clock and
 * background refreshes run on the calling thread unless a test says otherwise.
 */
class DatasetCacheTest {

  private static final Duration TTL = Duration.ofMillis(500);
  private static final Owner ALICE = new Owner("acc_alice", "test");
  private static final Owner ALICE_LIVE = new Owner("acc_alice", "live");
  private static final Owner BOB = new Owner("acc_bob", "test");

  /** The database: what each owner has, and how often it was read. */
  private final Map<Owner, Map<String, DatasetRecord>> stored = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  /** When set, every read waits on it first. */
  private final AtomicReference<CountDownLatch> readGate = new AtomicReference<>();
  private final AtomicLong nanos = new AtomicLong();
  private final DatasetCache cache = cache(Runnable::run);

  private DatasetCache cache(java.util.concurrent.Executor refresher) {
    return new DatasetCache(TTL, 100, this::load, nanos::get, refresher);
  }

  private Optional<DatasetRecord> load(Owner owner, String id) {
    reads.incrementAndGet();
    Optional<DatasetRecord> found = Optional.ofNullable(stored.getOrDefault(owner, Map.of()).get(id));
    CountDownLatch gate = readGate.get();
    if (gate != null) {
      await(gate);
    }
    return found;
  }

  private void store(Owner owner, String id, long rowCount) {
    OffsetDateTime at = OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC);
    stored.computeIfAbsent(owner, o -> new ConcurrentHashMap<>())
        .put(id, new DatasetRecord(id, "Orders", Optional.empty(), List.of(), rowCount, at, at));
  }

  private long rowCount(Owner owner, String id) {
    return cache.get(owner, id).orElseThrow().rowCount();
  }

  @Test
  void aDatasetReadOnceIsServedFromMemoryUntilItsTtlHasPassed() {
    store(ALICE, "ds_1", 0);
    rowCount(ALICE, "ds_1");
    store(ALICE, "ds_1", 7);
    nanos.addAndGet(TTL.toNanos() / 2);
    assertThat(rowCount(ALICE, "ds_1")).isZero();
    assertThat(reads).hasValue(1);

    nanos.addAndGet(TTL.toNanos() / 2);
    assertThat(rowCount(ALICE, "ds_1")).isEqualTo(7);
    assertThat(reads).hasValue(2);
  }

  @Test
  void anEntryInUseIsReadAgainInTheBackgroundAfterHalfItsTtl() {
    store(ALICE, "ds_1", 0);
    rowCount(ALICE, "ds_1");
    store(ALICE, "ds_1", 7);
    nanos.addAndGet(TTL.toNanos() / 2 + 1);

    rowCount(ALICE, "ds_1");
    assertThat(reads).as("a refresh was started").hasValue(2);
    assertThat(rowCount(ALICE, "ds_1")).isEqualTo(7);
    nanos.addAndGet(TTL.toNanos() / 2 - 1);
    assertThat(rowCount(ALICE, "ds_1")).as("a TTL after the first read").isEqualTo(7);
    assertThat(reads).as("the refresh restarted the TTL").hasValue(2);
  }

  @Test
  void anInvalidatedDatasetIsReadAgainAtOnce() {
    store(ALICE, "ds_1", 0);
    rowCount(ALICE, "ds_1");
    stored.get(ALICE).remove("ds_1");
    cache.invalidate(ALICE, "ds_1");
    assertThat(cache.get(ALICE, "ds_1")).isEmpty();
    assertThat(reads).hasValue(2);
  }

  @Test
  void eachOwnerHasItsOwnEntries() {
    store(ALICE, "ds_1", 3);
    rowCount(ALICE, "ds_1");
    assertThat(cache.get(BOB, "ds_1")).as("another account").isEmpty();
    assertThat(cache.get(ALICE_LIVE, "ds_1")).as("another environment").isEmpty();
    assertThat(reads).hasValue(3);
    cache.invalidate(BOB, "ds_1");
    assertThat(rowCount(ALICE, "ds_1")).as("still cached for its owner").isEqualTo(3);
    assertThat(reads).hasValue(3);
  }

  @Test
  void anUnknownDatasetIsNotRemembered() {
    assertThat(cache.get(ALICE, "ds_new")).isEmpty();
    store(ALICE, "ds_new", 0);
    assertThat(cache.get(ALICE, "ds_new")).as("created meanwhile").isPresent();
  }

  @Test
  void aReadInFlightWhenTheDatasetIsInvalidatedIsNotKept() throws Exception {
    store(ALICE, "ds_1", 0);
    CountDownLatch written = holdReads();
    try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
      // reads the old row, then stalls while a writer commits and invalidates
      Future<Optional<DatasetRecord>> slow = pool.submit(() -> cache.get(ALICE, "ds_1"));
      awaitReads(1);
      store(ALICE, "ds_1", 5);
      cache.invalidate(ALICE, "ds_1");
      releaseReads(written);
      assertThat(slow.get(10, TimeUnit.SECONDS).orElseThrow().rowCount()).isZero();
    }
    assertThat(rowCount(ALICE, "ds_1")).as("the write is seen").isEqualTo(5);
  }

  @Test
  void aRefreshInFlightWhenTheDatasetIsInvalidatedIsNotKept() throws Exception {
    try (ExecutorService refresher = Executors.newVirtualThreadPerTaskExecutor()) {
      DatasetCache refreshing = cache(refresher);
      store(ALICE, "ds_1", 0);
      refreshing.get(ALICE, "ds_1");
      nanos.addAndGet(TTL.toNanos() / 2 + 1);
      CountDownLatch written = holdReads();
      assertThat(refreshing.get(ALICE, "ds_1").orElseThrow().rowCount()).as("served meanwhile").isZero();
      awaitReads(2);

      store(ALICE, "ds_1", 5);
      refreshing.invalidate(ALICE, "ds_1");
      releaseReads(written);
      Thread.sleep(100);

      assertThat(refreshing.get(ALICE, "ds_1").orElseThrow().rowCount()).isEqualTo(5);
    }
  }

  @Test
  void concurrentMissesShareOneRead() throws Exception {
    store(ALICE, "ds_1", 1);
    CountDownLatch release = holdReads();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Optional<DatasetRecord>>> readers = IntStream.range(0, 20)
          .mapToObj(i -> pool.submit(() -> cache.get(ALICE, "ds_1")))
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
    DatasetCache failing = new DatasetCache(TTL, 100, (owner, id) -> {
      if (reads.incrementAndGet() == 1) {
        throw down;
      }
      return Optional.empty();
    }, nanos::get, Runnable::run);
    assertThatThrownBy(() -> failing.get(ALICE, "ds_1")).isSameAs(down);
    assertThat(failing.get(ALICE, "ds_1")).isEmpty();
    assertThat(reads).hasValue(2);
  }

  @Test
  void aTtlOfZeroReadsEveryTime() {
    store(ALICE, "ds_1", 0);
    DatasetCache off = new DatasetCache(Duration.ZERO, 100, this::load);
    for (int i = 0; i < 3; i++) {
      off.get(ALICE, "ds_1");
    }
    assertThat(reads).hasValue(3);
  }

  /** Makes every read wait from now until the returned latch is counted down. */
  private CountDownLatch holdReads() {
    CountDownLatch held = new CountDownLatch(1);
    readGate.set(held);
    return held;
  }

  /** Lets the reads held by {@code held} go on, and later reads run at once. */
  private void releaseReads(CountDownLatch held) {
    readGate.set(null);
    held.countDown();
  }

  private void awaitReads(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (reads.get() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(reads).hasValue(count);
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
