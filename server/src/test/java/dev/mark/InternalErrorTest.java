package dev.mark;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningServer.Extension.class)
class InternalErrorTest {

  @Test
  void anUnexpectedFailureIsAGeneric500AndRollsBack(RunningServer server) {
    TestClient client = server.newAccountClient();
    String id = client.postJson("/v1/datasets", ORDERS).json().get("id").asString();
    // break the dataset behind the service's back: its rows table disappears
    server.sql().execute("drop table dataset_rows.\"" + id.toLowerCase() + "\"");

    var result = client.delete("/v1/datasets/" + id);

    assertProblem(result, 500, "internal_error");
    assertThat(result.body()).doesNotContain("dataset_rows").doesNotContain("SQL");
    assertThat(client.get("/v1/datasets/" + id).status())
        .as("the catalogue row survives the rolled-back transaction")
        .isEqualTo(200);
  }
}
