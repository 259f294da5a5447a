package dev.mark;

import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.accounts.AccountService;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Reading a dataset on one node goes through its in-memory cache (default TTL, 500 ms): what
 * a caller writes through the node is read back at once, and a cached dataset never reaches
 * another account or environment.
 */
@ExtendWith(RunningServer.Extension.class)
class DatasetReadCacheTest {

  private static final String ORDERS = """
      {"name": "Orders", "columns": [{"name": "region", "type": "string"}]}""";
  private static final String ONE_ROW = "{\"rows\": [{\"region\": \"EU\"}]}";

  @Test
  void rowsAddedAreCountedInTheNextReadAtOnce(RunningServer server) {
    TestClient client = server.newAccountClient();
    String path = "/v1/datasets/" + client.postJson("/v1/datasets", ORDERS).json().get("id").asString();
    for (int i = 1; i <= 5; i++) {
      assertThat(client.get(path).json().get("row_count").asLong()).as("cached").isEqualTo(i - 1);
      HttpResult ingested = client.postJson(path + "/rows", ONE_ROW);
      assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);

      JsonNode after = client.get(path).json();
      assertThat(after.get("row_count").asLong()).isEqualTo(i);
      assertThat(after.get("updated_at").asString())
          .isEqualTo(ingested.json().get("dataset").get("updated_at").asString());
    }
  }

  @Test
  void aCachedDatasetIsNotFoundByAnotherAccountOrEnvironment(RunningServer server) {
    AccountService.CreatedAccount owner = server.newAccount("test");
    TestClient client = server.clientWithKey(owner.apiKey());
    String path = "/v1/datasets/" + client.postJson("/v1/datasets", ORDERS).json().get("id").asString();
    assertThat(client.get(path).status()).isEqualTo(200);

    assertProblem(server.newAccountClient().get(path), 404, "not_found");
    assertProblem(server.clientWithKey(server.issueKey(owner.accountId(), "live")).get(path), 404, "not_found");
    assertThat(client.get(path).status()).as("still there for its owner").isEqualTo(200);
  }

  @Test
  void aDeletedDatasetIsNotFoundAtOnceEvenUnderConcurrentReads(RunningServer server) throws Exception {
    TestClient client = server.newAccountClient();
    for (int round = 0; round < 5; round++) {
      String path = "/v1/datasets/" + client.postJson("/v1/datasets", ORDERS).json().get("id").asString();
      AtomicBoolean deleted = new AtomicBoolean();
      try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
        // readers keep loading the dataset into the cache while it is deleted
        List<Future<?>> running = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
          running.add(readers.submit(() -> {
            while (!deleted.get()) {
              client.get(path);
            }
          }));
        }
        try {
          Thread.sleep(50);
          assertThat(client.delete(path).status()).isEqualTo(204);
          assertProblem(client.get(path), 404, "not_found");
        } finally {
          deleted.set(true);
        }
        for (Future<?> reader : running) {
          reader.get(10, TimeUnit.SECONDS);
        }
      }
      assertProblem(client.get(path), 404, "not_found");
    }
  }
}
