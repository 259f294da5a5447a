package dev.mark;

import static dev.mark.support.Problems.assertIssue;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.Concurrently;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plan caps an account's datasets and each dataset's columns: the {@code capped} plan of
 * {@code test-plans.json} allows 2 datasets, 4 columns and 1 date or timestamp column.
 */
@ExtendWith(RunningServer.Extension.class)
class DatasetQuotaTest {

  private static final String SMALL = """
      {"name": "Small", "columns": [{"name": "at", "type": "timestamp"}, {"name": "n", "type": "number"}]}""";

  @Test
  void anAccountHoldsNoMoreDatasetsThanItsPlanAllows(RunningServer server) {
    TestClient client = server.newAccountClient("capped");
    String first = client.postJson("/v1/datasets", SMALL).json().get("id").asString();
    assertThat(client.postJson("/v1/datasets", SMALL).status()).isEqualTo(201);

    HttpResult refused = client.postJson("/v1/datasets", SMALL);

    assertProblem(refused, 409, "dataset_limit_reached");
    assertThat(client.delete("/v1/datasets/" + first).status()).isEqualTo(204);
    assertThat(client.postJson("/v1/datasets", SMALL).status())
        .as("a deleted dataset frees its place").isEqualTo(201);
  }

  @Test
  void concurrentCreatesAtTheDatasetCapCannotBothPass(RunningServer server) throws Exception {
    TestClient client = server.newAccountClient("capped");
    assertThat(client.postJson("/v1/datasets", SMALL).status()).isEqualTo(201);

    List<Integer> statuses = Concurrently.run(8, i -> client.postJson("/v1/datasets", SMALL).status());

    assertThat(statuses).containsOnly(201, 409);
    assertThat(statuses.stream().filter(s -> s == 201).count()).as("one place was left").isEqualTo(1);
  }

  @Test
  void moreColumnsThanThePlanAllowsIsA422NamingColumns(RunningServer server) {
    TestClient client = server.newAccountClient("capped");

    HttpResult refused = client.postJson("/v1/datasets", """
        {"name": "Wide", "columns": [{"name": "a", "type": "string"}, {"name": "b", "type": "string"},
          {"name": "c", "type": "string"}, {"name": "d", "type": "string"}, {"name": "e", "type": "string"}]}""");

    assertProblem(refused, 422, "too_many_columns");
    assertIssue(refused.json(), "body", "/columns", "too_many");
  }

  @Test
  void moreTimeColumnsThanThePlanAllowsIsA422NamingColumns(RunningServer server) {
    TestClient client = server.newAccountClient("capped");

    HttpResult refused = client.postJson("/v1/datasets", """
        {"name": "Times", "columns": [{"name": "a", "type": "timestamp"}, {"name": "b", "type": "date"}]}""");

    assertProblem(refused, 422, "too_many_columns");
    assertIssue(refused.json(), "body", "/columns", "too_many");
    assertThat(client.get("/v1/datasets").json().get("data").size()).as("nothing made").isZero();
  }
}
