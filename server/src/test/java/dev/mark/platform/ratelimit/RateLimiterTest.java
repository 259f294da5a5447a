package dev.mark.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.TooManyRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limiter on real Bucket4j buckets in memory, at fixed instants. */
class RateLimiterTest {

  private static PlanLimits quota(long monthlyQuota) {
    RateWindow roomy = new RateWindow(1_000, Duration.ofSeconds(1));
    return new PlanLimits("basic", roomy, roomy, monthlyQuota);
  }

  private static RateLimiter at(String instant, BucketStore store) {
    return new RateLimiter(store, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  @Test
  void theQuotaRenewsWithTheCalendarMonth() {
    BucketStore store = new MemoryBucketStore();
    RateLimiter november = at("2026-11-30T23:59:59Z", store);
    november.admit("key_a", quota(2), 2);

    assertThatThrownBy(() -> november.admit("key_a", quota(2), 1))
        .isInstanceOf(TooManyRequests.class)
        .satisfies(e -> {
          TooManyRequests limited = (TooManyRequests) e;
          assertThat(limited.code()).isEqualTo(ProblemCode.QUOTA_EXCEEDED);
          assertThat(limited.headers()).containsEntry("Retry-After", "1");
        });
    assertThat(at("2026-12-01T00:00:00Z", store).admit("key_a", quota(2), 1).units()).isEqualTo(1);
  }

  @Test
  void changedLimitsOfAPlanStartAFreshBucket() {
    BucketStore store = new MemoryBucketStore();
    RateLimiter limiter = at("2026-11-22T10:00:00Z", store);
    limiter.admit("key_a", quota(1), 1);

    Admission raised = limiter.admit("key_a", quota(5), 1);

    assertThat(raised.headers().get("RateLimit")).contains("\"monthly\";r=4;");
  }

  @Test
  void aBudgetThatRefusesGivesBackWhatTheBudgetsBeforeItTook() {
    BucketStore store = new MemoryBucketStore();
    RateLimiter limiter = at("2026-11-22T10:00:00Z", store);
    limiter.admit("key_spent", quota(5), 5);

    assertThatThrownBy(() -> limiter.admit(List.of(
        new Budget("acct_a", " for this account", quota(5)),
        new Budget("key_spent", " for this key", quota(5))), 1))
        .isInstanceOf(TooManyRequests.class)
        .hasMessageContaining("for this key");

    assertThat(limiter.quota("acct_a", quota(5)).remaining()).as("the account's unit came back")
        .isEqualTo(5);
  }

  @Test
  void theHeadersShowTheLeastLeftOfEveryBudget() {
    BucketStore store = new MemoryBucketStore();
    RateLimiter limiter = at("2026-11-22T10:00:00Z", store);
    limiter.admit("acct_a", quota(10), 6);

    Admission admitted = limiter.admit(List.of(
        new Budget("acct_a", " for this account", quota(10)),
        new Budget("key_fresh", " for this key", quota(10))), 1);

    assertThat(admitted.headers().get("RateLimit")).contains("\"monthly\";r=3;");
    assertThat(limiter.quota("key_fresh", quota(10)).used()).isEqualTo(1);
  }
}
