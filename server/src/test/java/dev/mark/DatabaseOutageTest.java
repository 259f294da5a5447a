package dev.mark;

import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.ServerProcess;
import dev.mark.support.StoppablePostgres;
import dev.mark.support.TempDirs;
import dev.mark.support.TestClient;
import java.io.IOException;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 14: with its database down the server answers {@code 503 unavailable} with
 * {@code Retry-After} (not a 500, nor after the pool's 30 s), {@code /readyz} answers even when
 * the database is frozen, everything comes back by itself when the database does, and a server
 * whose database is gone still stops on SIGTERM.
 */
class DatabaseOutageTest {

  private static final Map<String, String> NO_KEY_CACHE = Map.of("MARK_KEY_CACHE_SECONDS", "0");

  @Test
  void aDownDatabaseIsA503WithRetryAfterAndTheServerRecoversByItself() throws Exception {
    try (StoppablePostgres postgres = StoppablePostgres.start();
        RunningServer server = RunningServer.builder()
            .environment(postgres.serverSettings()).environment(NO_KEY_CACHE).start()) {
      TestClient client = server.newAccountClient();
      assertThat(client.get("/v1/datasets").status()).isEqualTo(200);

      postgres.stop();

      HttpResult listed = client.get("/v1/datasets");
      assertProblem(listed, 503, "unavailable");
      assertThat(listed.header("Retry-After")).isPresent();
      HttpResult created = client.postJson("/v1/datasets",
          "{\"name\": \"x\", \"columns\": [{\"name\": \"a\", \"type\": \"string\"}]}");
      assertProblem(created, 503, "unavailable");
      HttpResult ready = server.anonymousClient().get("/readyz");
      assertProblem(ready, 503, "unavailable");
      assertThat(ready.header("Retry-After")).isPresent();

      postgres.startAgain();

      assertThat(eventually(() -> client.get("/v1/datasets").status())).isEqualTo(200);
      assertThat(eventually(() -> server.anonymousClient().get("/readyz").status())).isEqualTo(200);
    }
  }

  @Test
  void readyzAnswersWhileTheDatabaseIsFrozen() throws Exception {
    try (StoppablePostgres postgres = StoppablePostgres.start();
        RunningServer server = RunningServer.builder().environment(postgres.serverSettings()).start()) {
      assertThat(server.anonymousClient().get("/readyz").status()).isEqualTo(200);
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest readyz = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/readyz"))
          // a generous bound, so that only a hang fails it, never a slow machine
          .timeout(Duration.ofSeconds(20))
          .build();

      postgres.freeze();
      try {
        for (int i = 0; i < 3; i++) {
          assertThat(http.send(readyz, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        }
      } finally {
        postgres.thaw();
      }
      assertThat(eventually(() -> server.anonymousClient().get("/readyz").status())).isEqualTo(200);
    }
  }

  @Test
  void aRequestInFlightWhenTheDatabaseFreezesIsA503AndNothingOfItIsKept() throws Exception {
    try (StoppablePostgres postgres = StoppablePostgres.start();
        RunningServer server = RunningServer.builder()
            .environment(postgres.serverSettings()).environment(NO_KEY_CACHE).start()) {
      TestClient client = server.newAccountClient();
      assertThat(client.get("/v1/datasets").status()).isEqualTo(200);
      String dataset = "{\"name\": \"frozen\", \"columns\": [{\"name\": \"n\", \"type\": \"integer\"}]}";

      HttpResult frozen;
      // the test holds the table, so the create is inside the database, waiting, when it freezes
      try (Connection holder = postgres.connect()) {
        holder.setAutoCommit(false);
        holder.createStatement().execute("lock table datasets in exclusive mode");
        CompletableFuture<HttpResult> create = CompletableFuture.supplyAsync(() -> client.postJson("/v1/datasets", dataset));
        postgres.awaitLockWaiter();

        postgres.freeze();
        try {
          // a generous bound, so that only a hang fails it, never a slow machine; before: no
          // answer until the database came back, as nothing bounded a read of the socket
          frozen = create.get(60, TimeUnit.SECONDS);
        } finally {
          postgres.thaw();
        }
        holder.rollback();
      }

      assertProblem(frozen, 503, "unavailable");
      assertThat(frozen.header("Retry-After")).isPresent();
      assertThat(eventually(() -> client.get("/v1/datasets").status())).isEqualTo(200);
      assertThat(client.get("/v1/datasets").json().get("data").size()).as("nothing of it kept").isZero();
      assertThat(client.postJson("/v1/datasets", dataset).status()).isEqualTo(201);
    }
  }

  @Test
  void aServerWhoseDatabaseIsGoneStopsOnSigterm() throws Exception {
    Path dir = TempDirs.create("mark-outage");
    try (StoppablePostgres postgres = StoppablePostgres.start()) {
      Map<String, String> env = new HashMap<>(postgres.serverSettings());
      env.put("MARK_SHUTDOWN_GRACE_MS", "1000");
      try (ServerProcess node = ServerProcess.start(dir, env).awaitReady()) {
        postgres.stop();

        node.process().destroy();

        // before: still running after 35 s, each flush waiting 30 s for a connection
        assertThat(node.process().waitFor(30, TimeUnit.SECONDS)).as(node.output()).isTrue();
      }
    } finally {
      TempDirs.delete(dir);
    }
  }

  /** The last answer of {@code call}, asked until it is 200, at most 120 times a half-second apart. */
  private static int eventually(java.util.function.IntSupplier call) throws InterruptedException {
    int status = 0;
    for (int i = 0; i < 120 && status != 200; i++) {
      try {
        status = call.getAsInt();
      } catch (RuntimeException notYet) {
        status = 0;
      }
      if (status != 200) {
        Thread.sleep(500);
      }
    }
    return status;
  }
}
