package dev.mark.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs calls at once, as far as threads allow: all wait on one gate, then go together. */
public final class Concurrently {

  private Concurrently() {}

  /** Runs {@code count} calls of {@code call} (given its index) together; their results in order. */
  public static <T> List<T> run(int count, IndexedCall<T> call) throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        Callable<T> task = () -> {
          gate.await();
          return call.call(index);
        };
        futures.add(pool.submit(task));
      }
      gate.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    }
  }

  /** One of the calls, knowing which it is. */
  @FunctionalInterface
  public interface IndexedCall<T> {
    T call(int index) throws Exception;
  }
}
