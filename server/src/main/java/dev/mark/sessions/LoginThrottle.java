package dev.mark.sessions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mark.platform.errors.TooManyRequests;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Slows down password guessing: each client address may make {@code perAddress} signups and
 * logins per window, and each email may see {@code perEmail} failed logins per window (whoever
 * sends them, so a botnet cannot spread its guesses over many addresses). Tokens refill greedily
 * over the window. Buckets live in this node's memory, at most {@link #MAX_TRACKED} of each kind;
 * one unused for a whole window is full again, so forgetting it loses nothing. With several
 * nodes, each node throttles on its own.
 */
final class LoginThrottle {

  static final int MAX_TRACKED = 100_000;

  private final int perEmail;
  private final int perAddress;
  private final Duration window;
  private final Cache<String, Bucket> byEmail;
  private final Cache<String, Bucket> byAddress;

  LoginThrottle(int perEmail, int perAddress, Duration window) {
    this.perEmail = perEmail;
    this.perAddress = perAddress;
    this.window = window;
    this.byEmail = buckets(window);
    this.byAddress = buckets(window);
  }

  /**
   * Counts an attempt from {@code address}.
   *
   * @throws TooManyRequests {@code login_throttled} when the address has no attempts left
   */
  void attemptFrom(String address) {
    var probe = bucket(byAddress, address, perAddress).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw throttled(probe.getNanosToWaitForRefill());
    }
  }

  /**
   * @throws TooManyRequests {@code login_throttled} when {@code email} has no failures left,
   *     before its password is even checked
   */
  void requireAttemptsLeft(String email) {
    EstimationProbe probe = bucket(byEmail, email, perEmail).estimateAbilityToConsume(1);
    if (!probe.canBeConsumed()) {
      throw throttled(probe.getNanosToWaitForRefill());
    }
  }

  void failed(String email) {
    bucket(byEmail, email, perEmail).tryConsume(1);
  }

  private Bucket bucket(Cache<String, Bucket> buckets, String key, int capacity) {
    return buckets.get(key, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
        .build());
  }

  private static TooManyRequests throttled(long nanosToWait) {
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + 999_999_999L));
    return new TooManyRequests("login_throttled",
        "Too many attempts; retry in " + seconds + " seconds.",
        Map.of("Retry-After", Long.toString(seconds)));
  }

  private static Cache<String, Bucket> buckets(Duration window) {
    return Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(window).build();
  }
}
