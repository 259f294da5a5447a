package dev.mark.support;

import dev.mark.App;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * free port: the one fixture for tests that need a real process (several nodes, or what the
 * process itself does at startup). It sees only the settings the test gives it: the MARK_*,
 * DATABASE_URL and PORT variables of the test run's own environment are dropped. Its data is in
 * {@code <dir>/data}, its output in {@code <dir>/server.log}. {@link #close()} sends SIGTERM and
 * waits for a graceful stop.
 */
public record ServerProcess(Process process, String baseUrl, Path log) implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

  /** Starts a server in {@code dir} (created if missing) with the settings {@code env}. */
  public static ServerProcess start(Path dir, Map<String, String> env) throws IOException {
    Files.createDirectories(dir);
    int port = freePort();
    Path log = dir.resolve("server.log");
    ProcessBuilder builder = new ProcessBuilder(javaCommand())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> environment = withoutInheritedSettings(builder);
    environment.put("PORT", Integer.toString(port));
    environment.put("MARK_DATA_DIR", dir.resolve("data").toString());
    environment.putAll(env);
    return new ServerProcess(builder.start(), "http://localhost:" + port, log);
  }

  /** Waits until the server answers {@code /readyz}; fails with its output if it exits first. */
  public ServerProcess awaitReady() throws InterruptedException, IOException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("server on " + baseUrl + " exited:\n" + output());
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
    throw new AssertionError("server on " + baseUrl + " was not ready within " + STARTUP_TIMEOUT
        + ":\n" + output());
  }

  /** Waits for a server that is expected to stop by itself; answers its exit code. */
  public int awaitExit() throws InterruptedException {
    if (!process.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("server on " + baseUrl + " still runs after " + STARTUP_TIMEOUT
          + ":\n" + output());
    }
    return process.exitValue();
  }

  /** Everything the server wrote to standard output and error so far. */
  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How a server run to its end ended: its exit status and what it printed, apart. */
  public record Exit(int status, String stdout, String stderr) {}

  /**
   * Runs a server with {@code env} as its only settings until it exits, which it must within
   * {@code limit}: for servers that cannot start. Its data is in {@code dataDir}, its output in
   * {@code <dataDir>.out} and {@code <dataDir>.err}.
   */
  public static Exit runUntilExit(Path dataDir, Map<String, String> env, Duration limit)
      throws IOException, InterruptedException {
    Path out = Path.of(dataDir + ".out");
    Path err = Path.of(dataDir + ".err");
    ProcessBuilder builder = new ProcessBuilder(javaCommand())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    Map<String, String> environment = withoutInheritedSettings(builder);
    environment.put("MARK_DATA_DIR", dataDir.toString());
    environment.putAll(env);
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

  /** The process's environment without the test run's own Mark settings, to be filled in. */
  private static Map<String, String> withoutInheritedSettings(ProcessBuilder builder) {
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name ->
        name.startsWith("MARK_") || name.equals("DATABASE_URL") || name.equals("PORT"));
    return environment;
  }

  /** A loopback port free when asked (another process may take it before it is used). */
  public static int freePort() throws IOException {
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
