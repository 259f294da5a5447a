package dev.mark;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static dev.mark.support.Problems.assertIssue;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningServer.Extension.class)
class IdempotencyTest {

  @Test
  void aRetryWithTheSameKeyAndBodyReplaysTheFirstResponseAndCreatesNothing(RunningServer server) {
    TestClient client = server.newAccountClient().withHeader("Idempotency-Key", UUID.randomUUID().toString());

    HttpResult first = client.postJson("/v1/datasets", ORDERS);
    HttpResult retry = client.postJson("/v1/datasets", ORDERS);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.header("Idempotent-Replayed")).contains("true");
    assertThat(client.get("/v1/datasets").json().get("data")).hasSize(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsA422(RunningServer server) {
    TestClient client = server.newAccountClient().withHeader("Idempotency-Key", "key-1");
    client.postJson("/v1/datasets", ORDERS);

    HttpResult reused = client.postJson("/v1/datasets",
        "{\"name\":\"Other\",\"columns\":[{\"name\":\"x\",\"type\":\"string\"}]}");
    assertProblem(reused, 422, "idempotency_key_reused");
    assertThat(client.get("/v1/datasets").json().get("data")).hasSize(1);
  }

  @Test
  void aRequestThatFailedValidationDoesNotUseUpItsKey(RunningServer server) {
    TestClient client = server.newAccountClient().withHeader("Idempotency-Key", "key-2");
    String duplicateColumns = "{\"name\":\"x\",\"columns\":[{\"name\":\"a\",\"type\":\"string\"},"
        + "{\"name\":\"a\",\"type\":\"string\"}]}";
    assertProblem(client.postJson("/v1/datasets", duplicateColumns), 422, "invalid_dataset");

    assertThat(client.postJson("/v1/datasets", ORDERS).status()).isEqualTo(201);
  }

  @Test
  void keysOfDifferentAccountsNeverClash(RunningServer server) {
    TestClient one = server.newAccountClient().withHeader("Idempotency-Key", "shared");
    TestClient two = server.newAccountClient().withHeader("Idempotency-Key", "shared");

    String first = one.postJson("/v1/datasets", ORDERS).json().get("id").asString();
    String second = two.postJson("/v1/datasets", ORDERS).json().get("id").asString();
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void anOverlongKeyIsA400(RunningServer server) {
    HttpResult result = server.newAccountClient()
        .withHeader("Idempotency-Key", "k".repeat(256))
        .postJson("/v1/datasets", ORDERS);
    assertProblem(result, 400, "validation_failed");
    assertIssue(result.json(), "header", "/Idempotency-Key", "max_length");
  }

  @Test
  void aDuplicateWhileTheFirstIsInFlightIsA409AndTheFirstStillCompletesOnce(RunningServer server) {
    TestClient client = server.newAccountClient().withHeader("Idempotency-Key", UUID.randomUUID().toString());
    AtomicReference<CompletableFuture<HttpResult>> first = new AtomicReference<>();
    AtomicReference<HttpResult> duplicate = new AtomicReference<>();
    // the test holds the first request after its work, as it writes its record
    server.sql().connection(connection -> {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("lock table idempotency_keys in share mode");
        first.set(CompletableFuture.supplyAsync(() -> client.postJson("/v1/datasets", ORDERS)));
        while (server.sql().fetchCount(DSL.table("pg_locks"), DSL.field("granted").isFalse()) == 0) {
          Thread.sleep(5);
        }
        duplicate.set(client.postJson("/v1/datasets", ORDERS));
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    });

    assertProblem(duplicate.get(), 409, "idempotency_key_in_use");
    HttpResult answered = first.get().join();
    assertThat(answered.status()).isEqualTo(201);
    HttpResult retry = client.postJson("/v1/datasets", ORDERS);
    assertThat(retry.header("Idempotent-Replayed")).contains("true");
    assertThat(retry.body()).isEqualTo(answered.body());
    assertThat(client.get("/v1/datasets").json().get("data")).hasSize(1);
  }
}
