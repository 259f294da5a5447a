package dev.mark.platform.lifecycle;

import dev.mark.platform.config.ConfigException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server has opened, in the order it opened it, so that {@link #close()} closes each
 * thing in reverse order: after a failed start exactly what was opened before the failure, and
 * at shutdown everything. Each step is named, so that a failure says what could not be opened.
 * Used by one thread at a time: the one that starts, then the one that stops.
 */
public final class CloseStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CloseStack.class);

  private record Opened(String what, AutoCloseable closer) {}

  private final Deque<Opened> opened = new ArrayDeque<>();

  /**
   * Opens {@code what} and pushes it, to be closed with its own {@code close()}.
   *
   * @throws StartupException naming {@code what} and the reason when it cannot be opened; a
   *     {@link ConfigException} passes unchanged, as its message already names the variable
   */
  public <T extends AutoCloseable> T open(String what, Supplier<T> opener) {
    T resource = attempt(what, opener);
    push(what, resource);
    return resource;
  }

  /**
   * Pushes {@code closer} for {@code what}, then opens it with {@code opener}: for what leaves
   * something to close even when opening it fails half-way (a server whose threads started but
   * whose port was taken).
   */
  public void pushThenOpen(String what, AutoCloseable closer, Runnable opener) {
    push(what, closer);
    run(what, opener);
  }

  /** A step that leaves nothing open (a schema migration), named for when it fails. */
  public void run(String what, Runnable step) {
    attempt(what, () -> {
      step.run();
      return null;
    });
  }

  private void push(String what, AutoCloseable closer) {
    opened.push(new Opened(what, closer));
  }

  private static <T> T attempt(String what, Supplier<T> opener) {
    try {
      return opener.get();
    } catch (ConfigException | StartupException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StartupException(what, e);
    }
  }

  /**
   * Closes everything opened, the last first. One that fails to close is logged, and the others
   * are still closed.
   */
  @Override
  public void close() {
    while (!opened.isEmpty()) {
      Opened next = opened.pop();
      try {
        next.closer().close();
      } catch (Exception e) {
        log.warn("Closing {} failed: {}", next.what(), StartupException.reason(e));
      }
    }
  }
}
