package dev.mark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Mark server in a process of its own (this test run's classpath, {@code dev.mark.App}) on a
 * free port, against an external PostgreSQL: one node of a cluster. Its output goes to
 * {@code <dataDir>.log}. {@link #close()} sends SIGTERM and waits for a graceful stop.
 */
final class ServerProcess implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final String baseUrl;
  private final Path log;

  private ServerProcess(Process process, String baseUrl, Path log) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  /** Starts a node; {@code env} adds to (or overrides) the database and plans settings. */
  static ServerProcess start(String jdbcUrl, Path dataDir, Map<String, String> env)
      throws IOException {
    int port = freePort();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(),
        "-cp", System.getProperty("java.class.path"), App.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(Path.of(dataDir + ".log").toFile());
    Map<String, String> environment = builder.environment();
    environment.put("PORT", Integer.toString(port));
    environment.put("DATABASE_URL", jdbcUrl);
    environment.put("MARK_DB_USER", "postgres");
    environment.put("MARK_DB_PASSWORD", "");
    environment.put("MARK_DATA_DIR", dataDir.toString());
    environment.put("MARK_PLANS_FILE", RunningServer.testPlans().toString());
    environment.putAll(env);
    return new ServerProcess(builder.start(), "http://localhost:" + port, Path.of(dataDir + ".log"));
  }

  String baseUrl() {
    return baseUrl;
  }

  /** Waits until the node answers {@code /readyz}. */
  ServerProcess awaitReady() throws InterruptedException, IOException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("node on " + baseUrl + " exited:\n" + Files.readString(log));
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/readyz")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("node on " + baseUrl + " was not ready within " + STARTUP_TIMEOUT
        + ":\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
