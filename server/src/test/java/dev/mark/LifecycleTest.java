package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.mark.platform.config.AppConfig;
import dev.mark.support.Leftovers;
import dev.mark.support.LogCapture;
import dev.mark.support.TestClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Starting, stopping and restarting the server, on the embedded default and on an external database. */
class LifecycleTest {

  @Test
  void theEmbeddedDatabaseKeepsDataAcrossRestartsAndTheKeyIsPrintedOnlyOnce() throws Exception {
    Path dataDir = Files.createTempDirectory("mark-restart");
    try (LogCapture logs = new LogCapture()) {
      AppConfig config = AppConfig.fromEnvironment(
          Map.of("PORT", "0", "MARK_DATA_DIR", dataDir.toString()));
      String key;
      String datasetId;
      try (App first = App.start(config)) {
        key = first.developmentAccount().orElseThrow().apiKey();
        TestClient client = new TestClient("http://localhost:" + first.port(), Map.of("X-API-Key", key));
        datasetId = client.postJson("/v1/datasets", DatasetsApiTest.ORDERS).json().get("id").asString();
      }
      try (App second = App.start(config)) {
        assertThat(second.developmentAccount()).isEmpty();
        TestClient client = new TestClient("http://localhost:" + second.port(), Map.of("X-API-Key", key));
        assertThat(client.get("/v1/datasets/" + datasetId).status()).isEqualTo(200);
      }
      // a development database: no warning that its signing keys are stored unencrypted
      assertThat(logs.messages(Level.WARN)).noneMatch(line -> line.contains("MARK_SIGNING_KEY_SECRET"));
    } finally {
      RunningServer.deleteRecursively(dataDir);
    }
  }

  @Test
  void closingTheServerFreesItsPortsAndStopsTheEmbeddedDatabase() throws Exception {
    Path dataDir = Files.createTempDirectory("mark-close");
    try {
      int apiPort;
      int metricsPort;
      try (App app = App.start(AppConfig.fromEnvironment(Map.of(
          "PORT", "0", "MARK_METRICS_PORT", "0", "MARK_DATA_DIR", dataDir.toString())))) {
        apiPort = app.port();
        metricsPort = app.metricsPort().orElseThrow();
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid"))).isTrue();
      }
      Leftovers.assertNone(dataDir, apiPort, metricsPort);
    } finally {
      RunningServer.deleteRecursively(dataDir);
    }
  }

  @Test
  void anExternalDatabaseIsUsedWhenConfiguredAndGetsNoDevelopmentAccount() throws Exception {
    Path dataDir = Files.createTempDirectory("mark-external");
    try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
      String url = "postgresql://postgres@localhost:" + external.getPort() + "/postgres";
      AppConfig config = AppConfig.fromEnvironment(
          Map.of("DATABASE_URL", url, "PORT", "0", "MARK_DATA_DIR", dataDir.toString()));
      assertThat(config.database().external()).isPresent();
      try (App app = App.start(config)) {
        assertThat(app.developmentAccount()).isEqualTo(Optional.empty());
        assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
        String key = app.accounts().create("Partner", "live").apiKey();
        TestClient client = new TestClient("http://localhost:" + app.port(), Map.of("X-API-Key", key));
        assertThat(client.postJson("/v1/datasets", DatasetsApiTest.ORDERS).status()).isEqualTo(201);
        assertThat(client.get("/readyz").status()).isEqualTo(200);
      }
    } finally {
      RunningServer.deleteRecursively(dataDir);
    }
  }
}
