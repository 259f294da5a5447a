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
 * Slows down password guessing without letting strangers lock a user out, the way strong
 * identity providers do (Auth0's brute-force protection blocks an address for one user, not the
 * user; Microsoft's smart lockout keeps unfamiliar sources apart from the familiar one):
 * <ul>
 *   <li>each client address may make {@code perAddress} signups and logins per window;</li>
 *   <li>each (address, email) pair may see {@code perPair} failed logins per window: a guesser
 *       locks out its own address for that email, and no one else;</li>
 *   <li>failures at an email from all addresses together (a botnet spreading its guesses) do
 *       not refuse anyone: past {@code perPair} of them, every login to that email waits a
 *       little longer before its password is checked, up to {@link #MAX_DELAY}. A correct
 *       password from a new client is accepted, only later.</li>
 * </ul>
 * Tokens refill greedily over the window.
 *
 * <p>The buckets live in the rate limits' store, so with the {@code postgres} or {@code redis}
 * backend every node counts against one limit, and in memory with one node. Stores forget a
 * bucket once it is full again.
 */
final class LoginThrottle {

  /** The delay added per failure beyond the free ones, and its cap. */
  static final Duration DELAY_STEP = Duration.ofMillis(100);
  static final Duration MAX_DELAY = Duration.ofSeconds(2);

  private final BucketStore store;
  private final int freeFailures;
  private final int emailCapacity;
  private final BucketConfiguration perPair;
  private final BucketConfiguration perEmail;
  private final BucketConfiguration perAddress;

  LoginThrottle(BucketStore store, int perPair, int perAddress, Duration window) {
    this.store = store;
    this.freeFailures = perPair;
    this.perPair = limit(perPair, window);
    // wide enough to measure failures up to the longest delay
    this.emailCapacity = perPair + (int) (MAX_DELAY.toMillis() / DELAY_STEP.toMillis());
    this.perEmail = limit(emailCapacity, window);
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
   * Refuses an address that failed too often at {@code email}, then waits as long as the
   * failures at {@code email} from everywhere ask; call before checking the password.
   *
   * @throws TooManyRequests {@code login_throttled} when this address has no failures left at
   *     this email
   */
  void beforePasswordCheck(String address, String email) {
    EstimationProbe pair = store.withBucket(pairKey(address, email), () -> perPair,
        bucket -> bucket.estimateAbilityToConsume(1));
    if (!pair.canBeConsumed()) {
      throw throttled(pair.getNanosToWaitForRefill());
    }
    long left = store.withBucket(key("email", email), () -> perEmail,
        bucket -> bucket.getAvailableTokens());
    Duration delay = delayAfter(emailCapacity - left);
    if (!delay.isZero()) {
      sleep(delay);
    }
  }

  void failed(String address, String email) {
    store.withBucket(pairKey(address, email), () -> perPair, bucket -> bucket.tryConsume(1));
    store.withBucket(key("email", email), () -> perEmail, bucket -> bucket.tryConsume(1));
  }

  /** The wait before a login to an email that saw {@code failures} failures in the window. */
  Duration delayAfter(long failures) {
    long beyond = failures - freeFailures;
    if (beyond <= 0) {
      return Duration.ZERO;
    }
    Duration delay = DELAY_STEP.multipliedBy(beyond);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay); // a virtual thread per request: the wait holds no platform thread
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while slowing down a login", e);
    }
  }

  /** Keys apart from the rate limits' (which hash a key ID, a plan and a month). */
  private static long key(String kind, String value) {
    return Sha256.first64Bits("login-throttle|" + kind + "|" + value);
  }

  private static long pairKey(String address, String email) {
    return key("pair", address + "|" + email);
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
