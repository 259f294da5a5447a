package dev.mark.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The memory store forgets buckets once they are full again, and only then. */
class MemoryBucketStoreTest {

  private final AtomicLong nanos = new AtomicLong();
  private final MemoryBucketStore store = new MemoryBucketStore(new TimeMeter() {
    @Override
    public long currentTimeNanos() {
      return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  });
  private final RateLimiter limiter =
      new RateLimiter(store, Clock.fixed(Instant.parse("2026-11-10T10:00:00Z"), ZoneOffset.UTC));

  private static PlanLimits plan() {
    return new PlanLimits("basic", new RateWindow(10, Duration.ofSeconds(1)),
        new RateWindow(100, Duration.ofHours(1)), 1_000);
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  /** Lets {@code idle} pass, evicts the idle buckets and counts those left. */
  private int bucketsLeftAfterIdle(Duration idle) {
    advance(idle);
    store.evictIdle();
    return store.size();
  }

  @Test
  void aKeyChargedThisMonthKeepsItsBucketUntilTheMonthlyBandwidthRefills() {
    limiter.admit("key_a", plan(), 1);

    assertThat(bucketsLeftAfterIdle(Duration.ofDays(2))).as("idle, but the month's count must be kept").isEqualTo(1);
    assertThat(limiter.quota("key_a", plan()).remaining()).isEqualTo(999);

    assertThat(bucketsLeftAfterIdle(Duration.ofDays(33))).isZero();
  }

  @Test
  void aBucketWhoseChargesWereAllRefundedGoesAfterAMinuteUnused() {
    limiter.admit("key_a", plan(), 5).refund();

    assertThat(bucketsLeftAfterIdle(Duration.ofSeconds(30))).isEqualTo(1);
    assertThat(bucketsLeftAfterIdle(Duration.ofSeconds(31))).isZero();
  }

  @Test
  void aFullBucketInUseIsKept() {
    limiter.admit("key_a", plan(), 1).refund();
    advance(Duration.ofHours(2));
    limiter.quota("key_a", plan());

    store.evictIdle();

    assertThat(store.size()).as("used less than a minute ago").isEqualTo(1);
  }

  @Test
  void manyKeysOfAPastMonthAreAllForgotten() {
    for (int i = 0; i < 10_000; i++) {
      limiter.admit("key_" + i, plan(), 1);
    }
    assertThat(store.size()).isEqualTo(10_000);

    assertThat(bucketsLeftAfterIdle(Duration.ofDays(33))).isZero();
  }
}
