package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.Leftovers;
import dev.mark.support.ServerProcess;
import dev.mark.support.TempDirs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that cannot start, as an operator sees it, in a process of its own: it exits with
 * status 2 and one line on stderr, {@code Mark cannot start: …}, that names the cause; no stack
 * trace anywhere; and nothing left behind: no port bound, no embedded PostgreSQL running. The
 * failures come late in the start on purpose, after the database (and, for the metrics port,
 * the API and the periodic jobs) were opened, so that closing them is what is tested.
 */
class FailedStartTest {

  /** Generous: the embedded PostgreSQL's first start runs initdb, slow on a busy machine. */
  private static final Duration LIMIT = Duration.ofMinutes(2);

  private Path dataDir;

  @BeforeEach
  void createDataDir() throws IOException {
    dataDir = Files.createTempDirectory("mark-failed-start");
  }

  @AfterEach
  void deleteDataDir() throws IOException {
    TempDirs.delete(dataDir);
    Files.deleteIfExists(Path.of(dataDir + ".out"));
    Files.deleteIfExists(Path.of(dataDir + ".err"));
  }

  @Test
  void anApiPortInUseStopsTheStartAndTheDatabaseItOpenedIsStoppedAgain() throws Exception {
    PortInUse start = runWithPortInUse("PORT");
    assertCannotStart(start.exit(), "the API on PORT " + start.apiPort() + ": Address already in use");
    Leftovers.assertNone(dataDir, start.apiPort(), start.metricsPort());
  }

  @Test
  void aMetricsPortInUseStopsTheStartAndTheApiAndJobsAlreadyRunningAreStopped() throws Exception {
    PortInUse start = runWithPortInUse("MARK_METRICS_PORT");
    assertCannotStart(start.exit(),
        "the metrics server on MARK_METRICS_PORT " + start.metricsPort() + ": Address already in use");
    Leftovers.assertNone(dataDir, start.apiPort(), start.metricsPort());
  }

  @Test
  void aDatabaseThatDoesNotAnswerStopsTheStartNamingItsUrl() throws Exception {
    int apiPort = ServerProcess.freePort();
    int closedPort = ServerProcess.freePort();
    ServerProcess.Exit exit = run(Map.of("PORT", Integer.toString(apiPort),
        "DATABASE_URL", "postgresql://mark:s3cret@127.0.0.1:" + closedPort + "/mark"));
    assertCannotStart(exit, "the database at jdbc:postgresql://127.0.0.1:" + closedPort
        + "/mark (DATABASE_URL): Connection refused");
    assertThat(exit.stdout() + exit.stderr()).doesNotContain("s3cret");
    Leftovers.assertNone(dataDir, apiPort);
  }

  @Test
  void aRedisThatDoesNotAnswerStopsTheStartAndTheDatabaseItOpenedIsStoppedAgain() throws Exception {
    int apiPort = ServerProcess.freePort();
    int closedPort = ServerProcess.freePort();
    ServerProcess.Exit exit = run(Map.of("PORT", Integer.toString(apiPort),
        "MARK_RATE_LIMIT_BACKEND", "redis",
        "MARK_REDIS_URL", "redis://127.0.0.1:" + closedPort));
    assertCannotStart(exit, "MARK_REDIS_URL: cannot use Redis at redis://127.0.0.1:" + closedPort
        + " (Connection refused)");
    Leftovers.assertNone(dataDir, apiPort);
  }

  @Test
  void aPlansFileThatIsNotAPlansFileStopsTheStartNamingTheFile() throws Exception {
    int apiPort = ServerProcess.freePort();
    Path plans = Files.writeString(dataDir.resolve("plans.json"), "{\"plans\": \"free\"}");
    ServerProcess.Exit exit = run(Map.of("PORT", Integer.toString(apiPort),
        "MARK_PLANS_FILE", plans.toString()));
    assertThat(exit.stderr()).startsWith("Mark cannot start: MARK_PLANS_FILE " + plans
        + " is not a valid plans file: ");
    assertCannotStart(exit, exit.stderr().strip().substring("Mark cannot start: ".length()));
    Leftovers.assertNone(dataDir, apiPort);
  }

  /** The ports a start was given, one of them held by another socket throughout, and how it ended. */
  private record PortInUse(int apiPort, int metricsPort, ServerProcess.Exit exit) {}

  /** Runs a server whose {@code taken} variable (PORT or MARK_METRICS_PORT) names a port in use. */
  private PortInUse runWithPortInUse(String taken) throws Exception {
    try (ServerSocket inUse = new ServerSocket(0)) {
      int apiPort = taken.equals("PORT") ? inUse.getLocalPort() : ServerProcess.freePort();
      int metricsPort = taken.equals("MARK_METRICS_PORT") ? inUse.getLocalPort() : ServerProcess.freePort();
      ServerProcess.Exit exit = run(Map.of("PORT", Integer.toString(apiPort),
          "MARK_METRICS_PORT", Integer.toString(metricsPort)));
      return new PortInUse(apiPort, metricsPort, exit);
    }
  }

  private ServerProcess.Exit run(Map<String, String> env) throws Exception {
    return ServerProcess.runUntilExit(dataDir, env, LIMIT);
  }

  private static void assertCannotStart(ServerProcess.Exit exit, String cause) {
    assertThat(exit.stderr().lines().toList())
        .as("stderr, with stdout:\n" + exit.stdout())
        .isEqualTo(List.of("Mark cannot start: " + cause));
    assertThat(exit.status()).isEqualTo(App.CANNOT_START);
    assertThat(exit.stdout() + exit.stderr()).doesNotContain("\tat ").doesNotContain("Exception in");
  }
}
