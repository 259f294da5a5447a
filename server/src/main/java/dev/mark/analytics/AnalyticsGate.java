package dev.mark.analytics;

import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.TooManyRequests;
import dev.mark.platform.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Caps how many analytics operations one account runs at once on this node, by its plan's
 * {@code max_concurrent_queries}: one more is refused at once with a 429 rather than queued,
 * so that a flood from one account never waits in line in front of others' queries and a
 * caller learns at once to back off. Per node: N nodes allow N times the cap, which the
 * analytics pool of each node bounds anyway. Thread-safe.
 */
public final class AnalyticsGate {

  /** What a refused caller is told to wait: running queries end within the statement timeout. */
  static final String RETRY_AFTER_SECONDS = "1";

  private final ToIntFunction<String> maxConcurrentByPlan;
  private final Map<String, Integer> running = new ConcurrentHashMap<>();

  /** @param maxConcurrentByPlan the cap of each plan, by plan ID */
  public AnalyticsGate(ToIntFunction<String> maxConcurrentByPlan) {
    this.maxConcurrentByPlan = maxConcurrentByPlan;
  }

  /** A place taken by a running operation; closing it gives the place back. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Takes one of the caller's account's places.
   *
   * @throws TooManyRequests {@code too_many_concurrent_queries} when they are all taken
   */
  public Permit enter(Principal caller) {
    int max = maxConcurrentByPlan.applyAsInt(caller.planId());
    String account = caller.accountId();
    boolean[] admitted = new boolean[1];
    running.compute(account, (key, count) -> {
      int now = count == null ? 0 : count;
      if (now >= max) {
        return count;
      }
      admitted[0] = true;
      return now + 1;
    });
    if (!admitted[0]) {
      throw new TooManyRequests(ProblemCode.TOO_MANY_CONCURRENT_QUERIES, "This account already runs "
          + max + (max == 1 ? " query" : " queries") + " at once, as many as its plan allows; "
          + "retry when one has finished.", Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
    // entries leave the map with their last query, so it holds only accounts running some
    return () -> running.computeIfPresent(account, (key, count) -> count <= 1 ? null : count - 1);
  }
}
