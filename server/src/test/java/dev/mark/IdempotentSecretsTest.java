package dev.mark;

import static dev.mark.db.Tables.IDEMPOTENCY_KEYS;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A response that shows an API key's secret is never stored for idempotent replays: a copy of
 * the database yields no working key, and a retry does not show the secret again.
 */
@ExtendWith(RunningServer.Extension.class)
class IdempotentSecretsTest {

  @Test
  void aCreatedKeysSecretIsNotStoredAndItsRetryCreatesNothingAndShowsNoSecret(RunningServer server) {
    String idempotencyKey = UUID.randomUUID().toString();
    TestClient manager = server.newAccountClient().withHeader("Idempotency-Key", idempotencyKey);
    String body = "{\"name\": \"Nightly\", \"scopes\": [\"read\"]}";

    HttpResult created = manager.postJson("/v1/api-keys", body);
    assertThat(created.status()).isEqualTo(201);
    String secret = created.json().get("secret").asString();
    assertNoSecretStored(server, idempotencyKey, secret);

    HttpResult retry = manager.postJson("/v1/api-keys", body);
    assertProblem(retry, 409, "secret_not_replayed");
    assertThat(retry.body()).doesNotContain(secret).contains(created.header("Location").orElseThrow());
    assertThat(manager.get("/v1/api-keys").json().get("data").valueStream()
        .filter(key -> key.get("name").asString().equals("Nightly")).count()).isEqualTo(1);
  }

  @Test
  void aRolledKeysSecretIsNotStoredAndItsRetryRollsNothing(RunningServer server) {
    TestClient manager = server.newAccountClient();
    String keyId = manager.postJson("/v1/api-keys", "{\"name\": \"Roll me\", \"scopes\": [\"read\"]}")
        .json().get("key").get("id").asString();
    String idempotencyKey = UUID.randomUUID().toString();
    TestClient rolling = manager.withHeader("Idempotency-Key", idempotencyKey);

    HttpResult rolled = rolling.postJson("/v1/api-keys/" + keyId + "/roll", "{\"grace_period_seconds\": 0}");
    assertThat(rolled.status()).isEqualTo(200);
    String secret = rolled.json().get("secret").asString();
    assertNoSecretStored(server, idempotencyKey, secret);

    assertProblem(rolling.postJson("/v1/api-keys/" + keyId + "/roll", "{\"grace_period_seconds\": 0}"),
        409, "secret_not_replayed");
    assertThat(server.clientWithKey(secret).get("/v1/datasets").status())
        .as("the retry did not roll again").isEqualTo(200);
  }

  private static void assertNoSecretStored(RunningServer server, String idempotencyKey, String secret) {
    var stored = server.sql().selectFrom(IDEMPOTENCY_KEYS)
        .where(IDEMPOTENCY_KEYS.KEY.eq(idempotencyKey)).fetchSingle();
    assertThat(stored.getSecretWithheld()).isTrue();
    assertThat(stored.getResponseBody()).isNull();
    // nowhere in the table, in any form it could be kept
    server.sql().select(IDEMPOTENCY_KEYS.RESPONSE_BODY).from(IDEMPOTENCY_KEYS).fetch().forEach(row -> {
      byte[] kept = row.value1();
      if (kept != null) {
        assertThat(new String(kept, StandardCharsets.UTF_8)).doesNotContain(secret);
      }
    });
  }
}
