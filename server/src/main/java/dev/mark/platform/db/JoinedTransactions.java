package dev.mark.platform.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * The transaction a thread opened with {@link Transactions#inOneTransaction}, for the nested
 * calls of the same thread to join. Bound to the thread because the services between the opener
 * (the HTTP binder) and the queries take no transaction parameter; jOOQ's own
 * {@code ThreadLocalTransactionProvider} works the same way. Requests run on a virtual thread
 * each, so a binding never leaks into another request; it is removed when the work ends.
 */
final class JoinedTransactions {

  private static final class Joined {
    DSLContext tx;
    final List<Runnable> afterEnd = new ArrayList<>();
  }

  // an instance field, not static state: one per Transactions, and so per database
  private final ThreadLocal<Joined> current = new ThreadLocal<>();

  /** Runs {@code body}, inside which {@link #join} binds a transaction; then the deferred actions. */
  <T> T run(Supplier<T> body) {
    if (current.get() != null) {
      throw new IllegalStateException("this thread is already in a joined transaction");
    }
    Joined joined = new Joined();
    current.set(joined);
    try {
      return body.get();
    } finally {
      current.remove();
      joined.afterEnd.forEach(Runnable::run);
    }
  }

  /** Makes {@code tx} the transaction that this thread's nested calls join while {@code work} runs. */
  <T> T join(DSLContext tx, Supplier<T> work) {
    Joined joined = current.get();
    joined.tx = tx;
    try {
      return work.get();
    } finally {
      joined.tx = null;
    }
  }

  Optional<DSLContext> current() {
    Joined joined = current.get();
    return joined == null ? Optional.empty() : Optional.ofNullable(joined.tx);
  }

  void afterEnd(Runnable action) {
    Joined joined = current.get();
    if (joined == null) {
      action.run();
    } else {
      joined.afterEnd.add(action);
    }
  }
}
