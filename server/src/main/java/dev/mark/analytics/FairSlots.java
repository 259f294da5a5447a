package dev.mark.analytics;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed number of places shared by every account on a node, handed out fairly when they run
 * short: each account's waiters in the order they came, accounts in turn. An account with many
 * waiting therefore delays another's next one by at most one turn, where a plain first-come
 * queue (HikariCP's) would put it behind all of them. Thread-safe.
 */
final class FairSlots {

  private final ReentrantLock lock = new ReentrantLock();
  private int free;
  /** Waiters by account, in turn order: the first account is served next, then goes last. */
  private final Map<String, ArrayDeque<Waiter>> waiting = new LinkedHashMap<>();

  /** @param size how many places there are, at least 1 */
  FairSlots(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("at least one place, got " + size);
    }
    this.free = size;
  }

  /**
   * Takes a place for {@code account}, waiting at most {@code wait} for one in its turn.
   *
   * @return whether a place was taken; each one taken is given back by {@link #release()}
   */
  boolean acquire(String account, Duration wait) throws InterruptedException {
    lock.lock();
    try {
      if (free > 0 && waiting.isEmpty()) {
        free--;
        return true;
      }
      Waiter waiter = new Waiter(lock.newCondition());
      waiting.computeIfAbsent(account, key -> new ArrayDeque<>()).addLast(waiter);
      long nanos = wait.toNanos();
      try {
        while (!waiter.granted) {
          if (nanos <= 0) {
            leave(account, waiter);
            return false;
          }
          nanos = waiter.signal.awaitNanos(nanos);
        }
        return true;
      } catch (InterruptedException e) {
        if (waiter.granted) {
          handOn();
        } else {
          leave(account, waiter);
        }
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Gives a place back: to the next account's longest waiter, if any waits. */
  void release() {
    lock.lock();
    try {
      handOn();
    } finally {
      lock.unlock();
    }
  }

  /** How many wait now (for metrics and tests). */
  int waiting() {
    lock.lock();
    try {
      return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
    } finally {
      lock.unlock();
    }
  }

  private void handOn() {
    Iterator<Map.Entry<String, ArrayDeque<Waiter>>> accounts = waiting.entrySet().iterator();
    if (!accounts.hasNext()) {
      free++;
      return;
    }
    Map.Entry<String, ArrayDeque<Waiter>> next = accounts.next();
    Waiter waiter = next.getValue().pollFirst();
    accounts.remove();
    if (!next.getValue().isEmpty()) {
      // its turn is over: to the back of the line of accounts
      waiting.put(next.getKey(), next.getValue());
    }
    waiter.granted = true;
    waiter.signal.signal();
  }

  private void leave(String account, Waiter waiter) {
    ArrayDeque<Waiter> queue = waiting.get(account);
    queue.remove(waiter);
    if (queue.isEmpty()) {
      waiting.remove(account);
    }
  }

  /** One waiting caller; its fields are guarded by the lock. */
  private static final class Waiter {
    final Condition signal;
    boolean granted;

    Waiter(Condition signal) {
      this.signal = signal;
    }
  }
}
