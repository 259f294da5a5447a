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
import java.util.List;
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
    ProcessBuilder builder = new ProcessBuilder(javaCommand())
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

  /** How a server run to its end ended: its exit status and what it printed, apart. */
  record Exit(int status, String stdout, String stderr) {}

  /**
   * Runs a server with {@code env} as its only Mark variables (none is inherited from this
   * process) until it exits, which it must within {@code limit}: for servers that cannot start.
   * Its output goes to {@code <dataDir>.out} and {@code <dataDir>.err}.
   */
  static Exit runUntilExit(Path dataDir, Map<String, String> env, Duration limit)
      throws IOException, InterruptedException {
    Path out = Path.of(dataDir + ".out");
    Path err = Path.of(dataDir + ".err");
    ProcessBuilder builder = new ProcessBuilder(javaCommand())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.equals("PORT") || name.equals("DATABASE_URL")
        || name.startsWith("MARK_"));
    builder.environment().put("MARK_DATA_DIR", dataDir.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the server was still running after " + limit + ":\n"
          + Files.readString(out) + Files.readString(err));
    }
    return new Exit(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static List<String> javaCommand() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return List.of(java.toString(), "-cp", System.getProperty("java.class.path"), App.class.getName());
  }

  static int freePort() throws IOException {
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
