package dev.mark.sdk;

import dev.mark.sdk.core.MarkClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The built Mark server ({@code server/target/mark-server.jar}) running as a child process on a
 * free port, with its own embedded PostgreSQL in a fresh temporary directory.
 *
 * <p>It reads the development API key and the address from the server's stdout, and keeps
 * draining stdout afterwards so that the server never blocks on a full pipe. {@link #close()}
 * stops the server gracefully and deletes the directory.
 */
final class LiveServer implements AutoCloseable {

  private static final Pattern API_KEY =
      Pattern.compile("^Development API key \\(shown once; delete .*\\): (\\S+)$");
  private static final Pattern SIGNUP_TOKEN = Pattern.compile("mst_[A-Za-z0-9_-]{43}");
  private static final Pattern LISTENING =
      Pattern.compile("^Mark API listening on (http://\\S+) \\(reference: .*\\)$");
  // the first start initialises a PostgreSQL cluster: seconds on a laptop, longer on a busy CI box
  private static final long STARTUP_TIMEOUT_SECONDS = 120;
  private static final long SHUTDOWN_TIMEOUT_SECONDS = 30;
  private static final int OUTPUT_LINES_KEPT = 200;

  private final Process process;
  private final Path dataDir;
  private final String baseUrl;
  private final String apiKey;

  private LiveServer(Process process, Path dataDir, String baseUrl, String apiKey) {
    this.process = process;
    this.dataDir = dataDir;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  /** Starts the jar named by the system property {@code mark.server.jar} and waits until it listens. */
  static LiveServer start() throws IOException, InterruptedException {
    return start(Map.of());
  }

  /** Like {@link #start()}, with extra server settings (e.g. {@code MARK_PLANS_FILE}). */
  static LiveServer start(Map<String, String> extraEnv) throws IOException, InterruptedException {
    Path jar = serverJar();
    Path dataDir = Files.createTempDirectory("mark-sdk-test-");
    ProcessBuilder builder =
        new ProcessBuilder(javaExecutable().toString(), "-jar", jar.toString())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    // an inherited database URL would point the server away from its embedded PostgreSQL
    env.remove("DATABASE_URL");
    env.remove("MARK_DB_URL");
    env.putAll(extraEnv);
    env.put("PORT", "0");
    env.put("MARK_DATA_DIR", dataDir.toString());
    // signup tokens go to the mailbox: here, a folder of .eml files that the tests read
    env.put("MARK_MAIL_OUTBOX", dataDir.resolve("outbox").toString());
    Process process = builder.start();
    OutputWatcher output = OutputWatcher.watch(process);
    try {
      String baseUrl = output.baseUrl.get(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      // printed before the address, and only when the data directory is new, as ours is
      String apiKey = output.apiKey.getNow(null);
      if (apiKey == null) {
        throw new IllegalStateException("it printed no development API key");
      }
      return new LiveServer(process, dataDir, baseUrl, apiKey);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      stop(process);
      deleteRecursively(dataDir);
      String reason =
          e instanceof TimeoutException
              ? "it did not listen within " + STARTUP_TIMEOUT_SECONDS + " s"
              : e instanceof ExecutionException ? e.getCause().getMessage() : e.getMessage();
      throw new IllegalStateException(
          "Mark did not start: " + reason + ". Its output:\n" + output.recent(), e);
    }
  }

  /**
   * A client builder aimed at this server whose every response is held to the contract
   * ({@link ContractCheckedHttpClient}); live tests make their clients from it.
   */
  MarkClient.Builder client() {
    return MarkClient.builder()
        .baseUrl(baseUrl)
        .httpClient(new ContractCheckedHttpClient(HttpClient.newHttpClient()));
  }

  /**
   * The server's base URL, e.g. {@code http://localhost:41234}, without a trailing slash. Tests
   * reach it through {@link #client()} or {@link GeneratedClients}, which check its responses.
   */
  String baseUrl() {
    return baseUrl;
  }

  /** The development account's API key, for the {@code X-API-Key} header. */
  String apiKey() {
    return apiKey;
  }

  /**
   * The signup token of the newest message to {@code email} in the server's outbox, as a person
   * would copy it from the confirmation mail.
   */
  String signupToken(String email) {
    try (Stream<Path> files = Files.list(dataDir.resolve("outbox"))) {
      String to = "To: " + email.toLowerCase(java.util.Locale.ROOT) + "\r\n";
      Matcher token = files.filter(file -> file.getFileName().toString().endsWith(".eml"))
          .sorted(Comparator.reverseOrder())
          .map(LiveServer::readString)
          .filter(mail -> mail.contains(to))
          .map(SIGNUP_TOKEN::matcher)
          .filter(Matcher::find)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no signup token to " + email + " in the outbox"));
      return token.group();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop(process);
    deleteRecursively(dataDir);
  }

  private static Path serverJar() {
    String property = System.getProperty("mark.server.jar");
    if (property == null || property.isBlank()) {
      throw new IllegalStateException(
          "System property mark.server.jar is not set; run the tests through Maven (sdk-java/pom.xml"
              + " sets it) or pass -Dmark.server.jar=<path to mark-server.jar>");
    }
    Path jar = Path.of(property).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "The Mark server is not built: " + jar + " does not exist. Build it first, e.g."
              + " `mvn -B -pl server -am package -DskipTests` from the repository root.");
    }
    return jar;
  }

  // the test JVM is 21+, which the server needs, whatever `java` is on the PATH
  private static Path javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  // SIGTERM lets the server's shutdown hook drain requests and stop PostgreSQL
  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(LiveServer::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the server's output on its own thread until the process ends. */
  private static final class OutputWatcher {
    final CompletableFuture<String> apiKey = new CompletableFuture<>();
    final CompletableFuture<String> baseUrl = new CompletableFuture<>();
    private final Deque<String> recent = new ArrayDeque<>();

    static OutputWatcher watch(Process process) {
      OutputWatcher watcher = new OutputWatcher();
      Thread thread = new Thread(() -> watcher.drain(process), "mark-server-output");
      thread.setDaemon(true);
      thread.start();
      return watcher;
    }

    private void drain(Process process) {
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          remember(line);
          complete(apiKey, API_KEY.matcher(line));
          complete(baseUrl, LISTENING.matcher(line));
        }
      } catch (IOException e) {
        baseUrl.completeExceptionally(e);
      }
      baseUrl.completeExceptionally(
          new IllegalStateException("the server exited before it listened"));
    }

    private static void complete(CompletableFuture<String> future, Matcher matcher) {
      if (matcher.matches()) {
        future.complete(matcher.group(1));
      }
    }

    private synchronized void remember(String line) {
      if (recent.size() == OUTPUT_LINES_KEPT) {
        recent.removeFirst();
      }
      recent.addLast(line);
    }

    synchronized String recent() {
      return String.join("\n", recent);
    }
  }
}
