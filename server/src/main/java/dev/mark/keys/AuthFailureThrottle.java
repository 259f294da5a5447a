package dev.mark.keys;

import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.TooManyRequests;
import dev.mark.platform.ratelimit.BucketStore;
import dev.mark.platform.security.Sha256;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts API keys that fail to authenticate, per client address (an IPv6 one by its /64):
 * {@code perMinute} of them, refilled continuously. Once an address has none left, a key from
 * it that would need a database lookup is refused before the lookup, so that made-up keys with
 * a valid checksum cost the database at most {@code perMinute} lookups a minute per address.
 * Keys already verified and cached on the node keep working: a client behind a shared address
 * is not locked out by a neighbour, as long as its key is known.
 *
 * <p>The failures are counted in the rate limits' store, so with a shared backend every node
 * counts against one limit. Only failures touch the store: when a failure finds the address's
 * bucket empty, this node remembers the address as throttled until the bucket has a token
 * again, and refuses it from memory meanwhile (so a throttled flood costs the store nothing,
 * and a valid key never costs it anything). Another node learns of it at its own first failure
 * from that address. Thread-safe.
 */
public final class AuthFailureThrottle {

  private static final Duration WINDOW = Duration.ofMinutes(1);
  /** Past this many throttled addresses the memo starts over (costs store calls, not safety). */
  private static final int MAX_REMEMBERED = 10_000;

  private final BucketStore store;
  private final BucketConfiguration perAddress;
  private final Map<String, Long> throttledUntilNanos = new ConcurrentHashMap<>();

  public AuthFailureThrottle(BucketStore store, int perMinute) {
    this.store = store;
    this.perAddress = BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, WINDOW).build())
        .build();
  }

  /**
   * @throws TooManyRequests {@code authentication_throttled} when {@code address} has used up
   *     its failed authentications
   */
  void requireFailuresLeft(String address) {
    String client = client(address);
    Long until = throttledUntilNanos.get(client);
    if (until == null) {
      return;
    }
    long wait = until - System.nanoTime();
    if (wait <= 0) {
      throttledUntilNanos.remove(client, until);
      return;
    }
    throw throttled(wait);
  }

  /** Counts a failed authentication from {@code address}. */
  void failed(String address) {
    ConsumptionProbe probe = store.withBucket(key(address), () -> perAddress,
        bucket -> bucket.tryConsumeAndReturnRemaining(1));
    if (!probe.isConsumed()) {
      if (throttledUntilNanos.size() >= MAX_REMEMBERED) {
        throttledUntilNanos.clear();
      }
      throttledUntilNanos.put(client(address), System.nanoTime() + probe.getNanosToWaitForRefill());
    }
  }

  private static TooManyRequests throttled(long nanosToWait) {
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + 999_999_999L));
    return new TooManyRequests(ProblemCode.AUTHENTICATION_THROTTLED,
        "Too many API keys that are not valid came from this address; retry in " + seconds
            + (seconds == 1 ? " second." : " seconds."),
        Map.of("Retry-After", Long.toString(seconds)));
  }

  /** Keys apart from the rate limits' and the login throttle's. */
  private static long key(String address) {
    return Sha256.first64Bits("auth-failure-throttle|" + client(address));
  }

  /**
   * Who an address stands for: itself for IPv4, its /64 network for IPv6, the smallest block a
   * single subscriber is given, so that one client cannot rotate through its own addresses.
   */
  static String client(String address) {
    if (address.indexOf(':') < 0) {
      return address;
    }
    try {
      // a literal: parsed, never looked up
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
