package dev.mark.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real {@code redis-server} (the machine's, e.g. Debian's package) on a free loopback port,
 * with no persistence and no password, in a process of its own. {@link #start()} skips the
 * calling test when there is no {@code redis-server}, unless {@code MARK_REQUIRE_REDIS} is set
 * (CI installs it and sets it), in which case it fails. {@link #stop()} and {@link #restart()}
 * make outages on purpose. {@link #startReplicaOf} and {@link #startSentinel} build a Redis
 * Sentinel deployment of such processes.
 */
public final class RedisServer implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

  private final Path executable;
  private final Path dir;
  private final int port;
  /** Before the common options: a configuration file, and {@code --sentinel}, for a sentinel. */
  private final List<String> leadingArgs;
  /** After them, e.g. {@code --replicaof}. */
  private final List<String> trailingArgs;
  private Process process;

  private RedisServer(Path executable, Path dir, int port, List<String> leadingArgs,
      List<String> trailingArgs) {
    this.executable = executable;
    this.dir = dir;
    this.port = port;
    this.leadingArgs = leadingArgs;
    this.trailingArgs = trailingArgs;
  }

  /** Starts one, or skips the calling test when {@code redis-server} is missing (see above). */
  public static RedisServer start() {
    return start(dir -> List.of(), List.of());
  }

  /** A replica of {@code master}, which it starts copying at once. */
  public static RedisServer startReplicaOf(RedisServer master) {
    return start(dir -> List.of(),
        List.of("--replicaof", "127.0.0.1", Integer.toString(master.port)));
  }

  /**
   * A sentinel that alone (quorum 1) watches {@code master} as {@code masterName}: it holds it
   * down after a second without an answer, and then promotes a replica.
   */
  public static RedisServer startSentinel(RedisServer master, String masterName) {
    return start(dir -> {
      // a file of its own: a sentinel rewrites its configuration as it learns the deployment
      Path config = dir.resolve("sentinel.conf");
      writeString(config, String.join("\n",
          "sentinel monitor " + masterName + " 127.0.0.1 " + master.port + " 1",
          "sentinel down-after-milliseconds " + masterName + " 1000",
          "sentinel failover-timeout " + masterName + " 5000", ""));
      return List.of(config.toString(), "--sentinel");
    }, List.of());
  }

  private static RedisServer start(Function<Path, List<String>> leadingArgs,
      List<String> trailingArgs) {
    Optional<Path> executable = executable();
    boolean required = System.getenv("MARK_REQUIRE_REDIS") != null;
    if (required && executable.isEmpty()) {
      throw new AssertionError("MARK_REQUIRE_REDIS is set but redis-server is not on the PATH");
    }
    assumeTrue(executable.isPresent(),
        "redis-server is not installed (CI installs it and sets MARK_REQUIRE_REDIS)");
    try {
      Path dir = Files.createTempDirectory("mark-redis");
      RedisServer server = new RedisServer(executable.get(), dir, freePort(),
          leadingArgs.apply(dir), trailingArgs);
      try {
        server.restart();
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code redis-server} on the PATH, if any. */
  public static Optional<Path> executable() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
        .map(dir -> Path.of(dir, "redis-server"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts the server (again, on the same port, empty) and waits until it answers PING. */
  public void restart() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      List<String> command = new ArrayList<>();
      command.add(executable.toString());
      command.addAll(leadingArgs);
      command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--dir", dir.toString(),
          "--daemonize", "no", "--loglevel", "warning"));
      command.addAll(trailingArgs);
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.log").toFile())
          .start();
      awaitPong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the server at once, as a crash would. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    try (var paths = Files.walk(dir)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitPong() throws IOException {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited; see " + dir.resolve("redis.log"));
      }
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        byte[] reply = in.readNBytes(7);
        if ("+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII))) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("redis-server did not answer within " + STARTUP_TIMEOUT);
  }

  private static void writeString(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
