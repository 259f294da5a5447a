package dev.mark.analytics;

import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.ServiceUnavailable;
import dev.mark.platform.errors.TooManyRequests;
import dev.mark.platform.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Lets an analytics operation (a query, an explanation) run on this node, in two steps:
 * <ol>
 *   <li>the account may have at most its plan's {@code max_concurrent_queries} running or
 *       waiting here; one more is refused at once with a 429, so that a flood from one account
 *       never piles up on a node (across nodes, {@link AccountQuerySlots} holds the plan's cap);
 *   <li>the node runs at most {@code nodeSlots} at once, as many as its analytics connections,
 *       sized so that the database keeps CPU for reads, writes and logins; more wait, accounts
 *       taking turns ({@link FairSlots}), and one that waits longer than {@code wait} is a
 *       {@code 503 analytics_busy}.
 * </ol>
 * Thread-safe.
 */
public final class AnalyticsGate {

  /** What a refused caller is told to wait: running queries end within the statement timeout. */
  static final String RETRY_AFTER_SECONDS = "1";
  /**
   * How long a query may wait for one of the node's places: long enough to ride out a burst,
   * short enough that a caller soon hears the node is full and can back off.
   */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);

  private final ToIntFunction<String> maxConcurrentByPlan;
  private final Map<String, Integer> onNode = new ConcurrentHashMap<>();
  private final FairSlots slots;
  private final Duration wait;

  /**
   * @param maxConcurrentByPlan the cap of each plan, by plan ID
   * @param nodeSlots how many analytics operations this node runs at once
   * @param wait how long one may wait for a place on the node
   */
  public AnalyticsGate(ToIntFunction<String> maxConcurrentByPlan, int nodeSlots, Duration wait) {
    this.maxConcurrentByPlan = maxConcurrentByPlan;
    this.slots = new FairSlots(nodeSlots);
    this.wait = wait;
  }

  /** A place taken by a running operation; closing it gives the place back. */
  public interface Permit extends AutoCloseable {

    /** The plan's cap of the caller's account, which holds across the nodes too. */
    int accountCap();

    @Override
    void close();
  }

  /**
   * Takes one of the caller's account's places on the node, then one of the node's, waiting
   * for it in turn with other accounts.
   *
   * @throws TooManyRequests {@code too_many_concurrent_queries} when the account's are all taken
   * @throws ServiceUnavailable {@code analytics_busy} when no place on the node frees up in time
   */
  public Permit enter(Principal caller) {
    int max = maxConcurrentByPlan.applyAsInt(caller.planId());
    String account = caller.accountId();
    if (!takeAccountPlace(account, max)) {
      throw tooMany(max);
    }
    boolean admitted = false;
    try {
      admitted = slots.acquire(account, wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (!admitted) {
        releaseAccountPlace(account);
      }
    }
    if (!admitted) {
      throw new ServiceUnavailable(ProblemCode.ANALYTICS_BUSY, "Every place for analytics on this"
          + " node is in use; retry in a moment.", OptionalLong.of(Long.parseLong(RETRY_AFTER_SECONDS)));
    }
    return new Permit() {
      @Override
      public int accountCap() {
        return max;
      }

      @Override
      public void close() {
        slots.release();
        releaseAccountPlace(account);
      }
    };
  }

  /** The refusal of one query more than the account's plan runs at once. */
  static TooManyRequests tooMany(int max) {
    return new TooManyRequests(ProblemCode.TOO_MANY_CONCURRENT_QUERIES, "This account already runs "
        + max + (max == 1 ? " query" : " queries") + " at once, as many as its plan allows; "
        + "retry when one has finished.", Map.of("Retry-After", RETRY_AFTER_SECONDS));
  }

  /** How many operations wait for a place on the node now. */
  public int waiting() {
    return slots.waiting();
  }

  private boolean takeAccountPlace(String account, int max) {
    boolean[] admitted = new boolean[1];
    onNode.compute(account, (key, count) -> {
      int now = count == null ? 0 : count;
      if (now >= max) {
        return count;
      }
      admitted[0] = true;
      return now + 1;
    });
    return admitted[0];
  }

  private void releaseAccountPlace(String account) {
    // entries leave the map with their last query, so it holds only accounts running some
    onNode.computeIfPresent(account, (key, count) -> count <= 1 ? null : count - 1);
  }
}
