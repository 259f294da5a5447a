package dev.mark.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.ServiceUnavailable;
import dev.mark.platform.errors.TooManyRequests;
import dev.mark.support.LogCapture;
import dev.mark.support.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The limiter on a real redis-server: shared limits, expiry in Redis, and outages. */
class RedisBucketStoreTest {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final Instant NOW = Instant.now();

  private static RedisServer redis;
  private RedisBucketStore store;
  private RedisClient inspector;
  private StatefulRedisConnection<String, String> inspection;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void connect() {
    redis.restart();
    store = RedisBucketStore.connect(redis.url(), TIMEOUT);
    inspector = RedisClient.create(redis.url());
    inspection = inspector.connect();
    inspection.sync().flushall();
  }

  @AfterEach
  void disconnect() {
    inspection.close();
    inspector.shutdown();
    store.close();
  }

  private static PlanLimits plan(long monthlyQuota) {
    RateWindow roomy = new RateWindow(1_000, Duration.ofSeconds(1));
    return new PlanLimits("basic", roomy, roomy, monthlyQuota);
  }

  private static RateLimiter limiter(BucketStore store) {
    return new RateLimiter(store, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static String redisKey(String caller, PlanLimits limits) {
    long key = RateLimiter.bucketKey(caller, limits, YearMonth.from(NOW.atOffset(ZoneOffset.UTC)));
    return "mark:rate-limit:" + Long.toHexString(key);
  }

  @Test
  void twoNodesOnOneRedisShareOneQuota() {
    try (RedisBucketStore otherNode = RedisBucketStore.connect(redis.url(), TIMEOUT)) {
      RateLimiter first = limiter(store);
      RateLimiter second = limiter(otherNode);
      first.admit("key_a", plan(5), 2);
      second.admit("key_a", plan(5), 2);
      first.admit("key_a", plan(5), 1);

      assertThatThrownBy(() -> second.admit("key_a", plan(5), 1))
          .isInstanceOfSatisfying(TooManyRequests.class,
              e -> assertThat(e.code()).isEqualTo(ProblemCode.QUOTA_EXCEEDED));
      assertThat(first.quota("key_a", plan(5)).remaining()).isZero();
    }
  }

  @Test
  void redisForgetsABucketAMinuteAfterItIsFullAgain() {
    RateLimiter limiter = limiter(store);
    Admission admitted = limiter.admit("key_a", plan(5), 1);
    long charged = inspection.sync().pttl(redisKey("key_a", plan(5)));
    // the monthly bandwidth refills 32 days after the bucket was made: kept until then
    assertThat(Duration.ofMillis(charged)).isGreaterThan(Duration.ofDays(31));

    admitted.refund();

    long full = inspection.sync().pttl(redisKey("key_a", plan(5)));
    assertThat(Duration.ofMillis(full)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aBucketRedisDroppedIsMadeAgainUnderConcurrentCalls() throws Exception {
    RateLimiter limiter = limiter(store);
    limiter.admit("key_a", plan(1_000), 1);
    inspection.sync().del(redisKey("key_a", plan(1_000)));

    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      List<Future<Admission>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(pool.submit(() -> limiter.admit("key_a", plan(1_000), 1)));
      }
      for (Future<Admission> call : calls) {
        assertThat(call.get().units()).isEqualTo(1);
      }
    }
    assertThat(limiter.quota("key_a", plan(1_000)).remaining()).isEqualTo(800);
  }

  @Test
  void whileRedisIsDownCallsAreRefusedAsUnavailableThenAdmittedOnceItIsBack() throws Exception {
    RateLimiter limiter = limiter(store);
    limiter.admit("key_a", plan(5), 1);

    redis.stop();
    long start = System.nanoTime();
    assertThatThrownBy(() -> limiter.admit("key_a", plan(5), 1))
        .isInstanceOfSatisfying(ServiceUnavailable.class,
            e -> assertThat(e.code()).isEqualTo(ProblemCode.RATE_LIMITER_UNAVAILABLE));
    assertThatThrownBy(() -> limiter.quota("key_a", plan(5)))
        .isInstanceOf(ServiceUnavailable.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused within the timeout")
        .isLessThan(TIMEOUT.multipliedBy(3));

    redis.restart();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        assertThat(limiter.admit("key_a", plan(5), 1).units()).isEqualTo(1);
        break;
      } catch (ServiceUnavailable notYetReconnected) {
        assertThat(System.nanoTime()).as("reconnected within 10 s").isLessThan(deadline);
        Thread.sleep(50);
      }
    }
  }

  @Test
  void aRefundThatMeetsAnOutageIsLostWithOneWarningInsteadOfFailingTheCall() {
    Admission admitted = limiter(store).admit("key_a", plan(5), 1);
    redis.stop();

    try (LogCapture logs = new LogCapture()) {
      assertThatCode(admitted::refund).doesNotThrowAnyException();

      assertThat(logs.messages(Level.WARN))
          .filteredOn(line -> line.startsWith("1 units charged to a call that failed were not given back"))
          .hasSize(1);
    }
  }
}
