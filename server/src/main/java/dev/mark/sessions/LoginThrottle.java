package dev.mark.sessions;

import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.TooManyRequests;
import dev.mark.platform.ratelimit.BucketStore;
import dev.mark.platform.security.Sha256;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Slows down password guessing: each client address may make {@code perAddress} signups and
 * logins per window, and each email may see {@code perEmail} failed logins per window (whoever
 * sends them, so a botnet cannot spread its guesses over many addresses). Tokens refill greedily
 * over the window.
 *
 * <p>The buckets live in the rate limits' store, so with the {@code postgres} or {@code redis}
 * backend every node counts against one limit (an attacker gains nothing from a load balancer
 * spreading the guesses), and in memory with one node. Stores forget a bucket once it is full
 * again. The number held at a time is bounded by how fast the server can check passwords (each
 * attempt that is not throttled costs an Argon2 hash), not by how many addresses an attacker has.
 */
final class LoginThrottle {

  private final BucketStore store;
  private final BucketConfiguration perEmail;
  private final BucketConfiguration perAddress;

  LoginThrottle(BucketStore store, int perEmail, int perAddress, Duration window) {
    this.store = store;
    this.perEmail = limit(perEmail, window);
    this.perAddress = limit(perAddress, window);
  }

  /**
   * Counts an attempt from {@code address}.
   *
   * @throws TooManyRequests {@code login_throttled} when the address has no attempts left
   */
  void attemptFrom(String address) {
    ConsumptionProbe probe = store.withBucket(key("address", address), () -> perAddress,
        bucket -> bucket.tryConsumeAndReturnRemaining(1));
    if (!probe.isConsumed()) {
      throw throttled(probe.getNanosToWaitForRefill());
    }
  }

  /**
   * @throws TooManyRequests {@code login_throttled} when {@code email} has no failures left,
   *     before its password is even checked
   */
  void requireAttemptsLeft(String email) {
    EstimationProbe probe = store.withBucket(key("email", email), () -> perEmail,
        bucket -> bucket.estimateAbilityToConsume(1));
    if (!probe.canBeConsumed()) {
      throw throttled(probe.getNanosToWaitForRefill());
    }
  }

  void failed(String email) {
    store.withBucket(key("email", email), () -> perEmail, bucket -> bucket.tryConsume(1));
  }

  /** Keys apart from the rate limits' (which hash a key ID, a plan and a month). */
  private static long key(String kind, String value) {
    return Sha256.first64Bits("login-throttle|" + kind + "|" + value);
  }

  private static BucketConfiguration limit(int capacity, Duration window) {
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
        .build();
  }

  private static TooManyRequests throttled(long nanosToWait) {
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + 999_999_999L));
    return new TooManyRequests(ProblemCode.LOGIN_THROTTLED,
        "Too many attempts; retry in " + seconds + " seconds.",
        Map.of("Retry-After", Long.toString(seconds)));
  }
}
