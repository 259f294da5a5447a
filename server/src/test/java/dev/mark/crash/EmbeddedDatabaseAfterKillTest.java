package dev.mark.crash;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.ServerProcess;
import dev.mark.support.TempDirs;
import dev.mark.support.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A server on its embedded database, killed with {@code kill -9}, leaves that PostgreSQL
 * running; the next start on the same folder stops the orphan by itself and starts again, with
 * every committed change kept.
 */
class EmbeddedDatabaseAfterKillTest {

  private static final Pattern DEV_KEY = Pattern.compile("mk_test_[A-Za-z0-9_]+");

  @Test
  void theNextStartStopsThePostgresLeftByAKilledServerAndKeepsItsData() throws Exception {
    Path dir = TempDirs.create("mark-embedded-kill");
    Optional<ProcessHandle> orphan = Optional.empty();
    try {
      ServerProcess first = ServerProcess.start(dir, Map.of());
      first.awaitReady();
      String key = devKey(first.output());
      TestClient client = new TestClient(first.baseUrl(), Map.of("X-API-Key", key));
      String datasetId = client.postJson("/v1/datasets", ORDERS).json().get("id").asString();

      first.process().destroyForcibly(); // SIGKILL
      first.process().waitFor();
      orphan = postmaster(dir.resolve("data/postgres"));
      assertThat(orphan).as("the embedded PostgreSQL outlives a killed server").isPresent();

      try (ServerProcess second = ServerProcess.start(dir, Map.of())) {
        second.awaitReady();
        assertThat(orphan.get().isAlive()).isFalse();
        assertThat(second.output()).contains("left by a server that did not stop");
        assertThat(new TestClient(second.baseUrl(), Map.of("X-API-Key", key))
            .get("/v1/datasets/" + datasetId).status()).isEqualTo(200);
      }
    } finally {
      orphan.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
      TempDirs.delete(dir);
    }
  }

  private static String devKey(String output) {
    Matcher matcher = DEV_KEY.matcher(output);
    assertThat(matcher.find()).as(output).isTrue();
    return matcher.group();
  }

  private static Optional<ProcessHandle> postmaster(Path dataDir) throws Exception {
    long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
  }
}
