package dev.mark;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.mark.support.HttpResult;
import dev.mark.support.Leftovers;
import dev.mark.support.LogCapture;
import dev.mark.support.RunningServer;
import dev.mark.support.TempDirs;
import dev.mark.support.TestClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Starting, stopping and restarting the server, on the embedded default and on an external database. */
class LifecycleTest {

  @Test
  void theEmbeddedDatabaseKeepsDataAcrossRestartsAndTheKeyIsPrintedOnlyOnce() throws Exception {
    Path dataDir = TempDirs.create("mark-restart");
    try (LogCapture logs = new LogCapture()) {
      String key;
      String datasetId;
      try (RunningServer first = RunningServer.builder().dataDir(dataDir).start()) {
        key = first.app().developmentAccount().orElseThrow().apiKey();
        HttpResult created = first.clientWithKey(key).postJson("/v1/datasets", ORDERS);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        datasetId = created.json().get("id").asString();
      }
      try (RunningServer second = RunningServer.builder().dataDir(dataDir).start()) {
        assertThat(second.app().developmentAccount()).isEmpty();
        assertThat(second.clientWithKey(key).get("/v1/datasets/" + datasetId).status()).isEqualTo(200);
      }
      // a development database: no warning that its signing keys are stored unencrypted
      assertThat(logs.messages(Level.WARN)).noneMatch(line -> line.contains("MARK_SIGNING_KEY_SECRET"));
    } finally {
      TempDirs.delete(dataDir);
    }
  }

  @Test
  void closingTheServerFreesItsPortsAndStopsTheEmbeddedDatabase() throws Exception {
    Path dataDir = TempDirs.create("mark-close");
    try {
      int apiPort;
      int metricsPort;
      try (RunningServer server = RunningServer.builder()
          .environment(Map.of("MARK_METRICS_PORT", "0"))
          .dataDir(dataDir)
          .start()) {
        apiPort = server.app().port();
        metricsPort = server.app().metricsPort().orElseThrow();
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid"))).isTrue();
      }
      Leftovers.assertNone(dataDir, apiPort, metricsPort);
    } finally {
      TempDirs.delete(dataDir);
    }
  }

  @Test
  void anExternalDatabaseIsUsedWhenConfiguredAndGetsNoDevelopmentAccount() throws Exception {
    Path dataDir = TempDirs.create("mark-external");
    try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
      String url = "postgresql://postgres@localhost:" + external.getPort() + "/postgres";
      try (RunningServer server = RunningServer.builder()
          .environment(Map.of("DATABASE_URL", url)).dataDir(dataDir).start()) {
        assertThat(server.app().developmentAccount()).isEqualTo(Optional.empty());
        assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
        TestClient client = server.clientWithKey(server.accounts().create("Partner", "live").apiKey());
        assertThat(client.postJson("/v1/datasets", ORDERS).status()).isEqualTo(201);
        assertThat(client.get("/readyz").status()).isEqualTo(200);
        try (Connection connection = external.getPostgresDatabase().getConnection();
            ResultSet count = connection.createStatement().executeQuery("select count(*) from datasets")) {
          assertThat(count.next()).isTrue();
          assertThat(count.getLong(1)).as("the dataset is stored in the external database").isEqualTo(1);
        }
      }
    } finally {
      TempDirs.delete(dataDir);
    }
  }
}
