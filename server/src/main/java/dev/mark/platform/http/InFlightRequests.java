package dev.mark.platform.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the requests being served so that shutdown can stop taking new ones and wait for
 * those in flight to finish. Thread-safe.
 */
public final class InFlightRequests {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int count;
  private boolean draining;

  /** Admits a request; false once draining has begun. */
  boolean enter() {
    lock.lock();
    try {
      if (draining) {
        return false;
      }
      count++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  void leave() {
    lock.lock();
    try {
      count--;
      if (count == 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** How many requests are being served now. */
  public int count() {
    lock.lock();
    try {
      return count;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Refuses new requests from now on and waits until those in flight are done.
   *
   * @return whether all finished within {@code timeoutMillis}
   */
  public boolean drain(long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      draining = true;
      long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (count > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }
}
