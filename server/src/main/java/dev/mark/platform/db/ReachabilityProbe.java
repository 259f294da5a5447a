package dev.mark.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks whether the database answers, without ever making the asker wait longer than
 * {@code wait}: the check runs on a virtual thread of its own, and a check still running (a
 * frozen database may never answer) is shared by every later asker instead of piling up new
 * ones. So {@code /readyz} answers within about {@code wait} whatever state the database is in.
 * Thread-safe.
 */
final class ReachabilityProbe {

  static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
  /** How long the database itself may take to validate a connection, in seconds. */
  private static final int VALIDATION_SECONDS = 1;
  private static final Logger log = LoggerFactory.getLogger(ReachabilityProbe.class);

  private final DataSource dataSource;
  private final Duration wait;
  private final AtomicReference<CompletableFuture<Boolean>> current = new AtomicReference<>();

  ReachabilityProbe(DataSource dataSource, Duration wait) {
    this.dataSource = dataSource;
    this.wait = wait;
  }

  /** Whether the database answered a check, started now or still running, within the wait. */
  boolean answers() {
    CompletableFuture<Boolean> check = current.updateAndGet(running ->
        running == null || running.isDone() ? start() : running);
    try {
      return check.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("The database did not answer within {} ms", wait.toMillis());
      return false;
    } catch (ExecutionException e) {
      log.warn("The database does not answer: {}", e.getCause().getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private CompletableFuture<Boolean> start() {
    CompletableFuture<Boolean> check = new CompletableFuture<>();
    Thread.ofVirtual().name("mark-db-probe").start(() -> {
      try (Connection connection = dataSource.getConnection()) {
        check.complete(connection.isValid(VALIDATION_SECONDS));
      } catch (SQLException | RuntimeException e) {
        check.completeExceptionally(e);
      }
    });
    return check;
  }
}
