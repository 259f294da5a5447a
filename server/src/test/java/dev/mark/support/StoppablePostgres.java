package dev.mark.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL of the test's own (the embedded one the server uses) that the test can stop,
 * start again on the same port and data, or freeze (SIGSTOP) and thaw: for the tests of what the
 * server does while its database is down.
 */
public final class StoppablePostgres implements AutoCloseable {

  private final Path dir;
  private final int port;
  private EmbeddedPostgres running;

  private StoppablePostgres(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts a new one in a temporary folder, on a free port. */
  public static StoppablePostgres start() throws IOException {
    StoppablePostgres postgres = new StoppablePostgres(TempDirs.create("mark-pg"), ServerProcess.freePort());
    postgres.startAgain();
    return postgres;
  }

  /** The settings that point a server at it. */
  public Map<String, String> serverSettings() {
    return Map.of(
        "DATABASE_URL", "jdbc:postgresql://localhost:" + port + "/postgres",
        "MARK_DB_USER", "postgres",
        "MARK_DB_PASSWORD", "");
  }

  /** Stops it (a fast shutdown: sessions are cut), keeping its data. */
  public void stop() throws IOException {
    running.close();
    running = null;
  }

  /** Starts it again on the same port and data. */
  public void startAgain() throws IOException {
    running = EmbeddedPostgres.builder()
        .setDataDirectory(dir.resolve("data"))
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  /** A connection of the test's own, as the superuser. */
  public java.sql.Connection connect() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(serverSettings().get("DATABASE_URL"), "postgres", "");
  }

  /**
   * Waits until some session waits for a lock, asked every 50 ms for at most a minute: for a
   * test that holds a lock so as to act while a server's statement is in flight.
   */
  public void awaitLockWaiter() throws java.sql.SQLException, InterruptedException {
    try (java.sql.Connection connection = connect();
        java.sql.PreparedStatement waiting = connection.prepareStatement(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
      for (int i = 0; i < 1_200; i++) {
        try (java.sql.ResultSet result = waiting.executeQuery()) {
          result.next();
          if (result.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(50);
      }
      throw new AssertionError("no session waited for a lock within a minute");
    }
  }

  /** Freezes every process of it (SIGSTOP): connections stay open and nothing answers. */
  public void freeze() throws IOException, InterruptedException {
    signal("-STOP");
  }

  /** Lets it run again after {@link #freeze()}. */
  public void thaw() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    long postmaster = Long.parseLong(
        Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).getFirst().trim());
    ProcessHandle root = ProcessHandle.of(postmaster).orElseThrow();
    List<Long> pids = new java.util.ArrayList<>(List.of(postmaster));
    root.descendants().forEach(child -> pids.add(child.pid()));
    List<String> command = new java.util.ArrayList<>(List.of("kill", signal));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  @Override
  public void close() {
    try {
      if (running != null) {
        running.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      TempDirs.delete(dir);
    }
  }
}
