package dev.mark;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static dev.mark.support.Problems.assertIssue;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(RunningServer.Extension.class)
class ApiKeysApiTest {

  @Test
  void aNewKeysSecretIsShownOnceAndWorksWithinItsScopes(RunningServer server) {
    TestClient manager = server.newAccountClient();

    HttpResult created = manager.postJson("/v1/api-keys",
        "{\"name\": \"Dashboard\", \"scopes\": [\"read\"]}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode key = created.json().get("key");
    String secret = created.json().get("secret").asString();
    assertThat(secret).startsWith("mk_test_").startsWith(key.get("hint").asString().replace("…", ""));
    assertThat(key.get("environment").asString()).isEqualTo("test");
    assertThat(created.header("Location")).hasValue("/v1/api-keys/" + key.get("id").asString());
    HttpResult fetched = manager.get("/v1/api-keys/" + key.get("id").asString());
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.body()).doesNotContain(secret);
    assertThat(fetched.json().has("secret")).isFalse();

    TestClient reader = server.clientWithKey(secret);
    assertThat(reader.get("/v1/datasets").status()).isEqualTo(200);
    assertProblem(reader.postJson("/v1/datasets", ORDERS), 403, "insufficient_scope");
    assertProblem(reader.get("/v1/api-keys"), 403, "insufficient_scope");
  }

  @Test
  void aRevokedKeyStopsWorkingAtOnce(RunningServer server) {
    TestClient manager = server.newAccountClient();
    JsonNode created = manager.postJson("/v1/api-keys",
        "{\"name\": \"Leaked\", \"scopes\": [\"read\", \"write\"]}").json();
    String id = created.get("key").get("id").asString();
    TestClient leaked = server.clientWithKey(created.get("secret").asString());
    assertThat(leaked.get("/v1/datasets").status()).as("cached now").isEqualTo(200);

    assertThat(manager.delete("/v1/api-keys/" + id).status()).isEqualTo(204);

    assertProblem(leaked.get("/v1/datasets"), 401, "invalid_api_key");
    assertProblem(manager.get("/v1/api-keys/" + id), 404, "not_found");
    assertProblem(manager.delete("/v1/api-keys/" + id), 404, "not_found");
  }

  @Test
  void aRolledKeysOldSecretWorksUntilItsGraceEnds(RunningServer server) throws Exception {
    TestClient manager = server.newAccountClient();
    JsonNode created = manager.postJson("/v1/api-keys",
        "{\"name\": \"Rolled\", \"scopes\": [\"read\"]}").json();
    String id = created.get("key").get("id").asString();
    String first = created.get("secret").asString();
    assertThat(server.clientWithKey(first).get("/v1/datasets").status()).isEqualTo(200);

    HttpResult rolled = manager.postJson("/v1/api-keys/" + id + "/roll", "{\"grace_period_seconds\": 2}");

    assertThat(rolled.status()).as(rolled.body()).isEqualTo(200);
    String second = rolled.json().get("secret").asString();
    assertThat(second).isNotEqualTo(first);
    assertThat(rolled.json().get("key").get("id").asString()).isEqualTo(id);
    assertThat(rolled.json().get("key").get("scopes").toString()).isEqualTo("[\"read\"]");
    assertThat(rolled.json().get("key").get("previous_secret_expires_at").isNull()).isFalse();
    assertThat(server.clientWithKey(second).get("/v1/datasets").status()).isEqualTo(200);
    assertThat(server.clientWithKey(first).get("/v1/datasets").status()).as("in grace").isEqualTo(200);
    Thread.sleep(2_500);
    assertProblem(server.clientWithKey(first).get("/v1/datasets"), 401, "invalid_api_key");
    assertThat(server.clientWithKey(second).get("/v1/datasets").status()).isEqualTo(200);

    manager.postJson("/v1/api-keys/" + id + "/roll", "{\"grace_period_seconds\": 0}");
    assertProblem(server.clientWithKey(second).get("/v1/datasets"), 401, "invalid_api_key");
  }

  @Test
  void anExpiredKeyStopsWorkingAndNoKeyIsBornExpired(RunningServer server) throws Exception {
    TestClient manager = server.newAccountClient();
    String soon = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).toString();
    JsonNode created = manager.postJson("/v1/api-keys",
        "{\"name\": \"Short\", \"scopes\": [\"read\"], \"expires_at\": \"" + soon + "\"}").json();
    TestClient shortLived = server.clientWithKey(created.get("secret").asString());
    assertThat(shortLived.get("/v1/datasets").status()).isEqualTo(200);

    Thread.sleep(2_500);

    assertProblem(shortLived.get("/v1/datasets"), 401, "invalid_api_key");
    HttpResult past = manager.postJson("/v1/api-keys",
        "{\"name\": \"Past\", \"scopes\": [\"read\"], \"expires_at\": \"2020-01-01T00:00:00Z\"}");
    assertProblem(past, 422, "invalid_expiry");
    assertIssue(past.json(), "body", "/expires_at", "past");
  }

  @Test
  void aTestKeyReachesNoLiveDataAndMintsNoLiveKey(RunningServer server) {
    var account = server.newAccount("live");
    TestClient live = server.clientWithKey(account.apiKey());
    TestClient test = server.clientWithKey(server.issueKey(account.accountId(), "test"));
    String liveDataset = live.postJson("/v1/datasets", ORDERS).json().get("id").asString();

    assertProblem(test.get("/v1/datasets/" + liveDataset), 404, "not_found");
    assertProblem(test.delete("/v1/datasets/" + liveDataset), 404, "not_found");
    assertThat(test.get("/v1/datasets").json().get("data").size()).isZero();
    JsonNode minted = test.postJson("/v1/api-keys", "{\"name\": \"x\", \"scopes\": [\"read\"]}").json();
    assertThat(minted.get("key").get("environment").asString()).isEqualTo("test");
    assertThat(live.get("/v1/datasets/" + liveDataset).status()).isEqualTo(200);
  }

  @Test
  void anotherAccountsKeyDoesNotExist(RunningServer server) {
    TestClient owner = server.newAccountClient();
    TestClient stranger = server.newAccountClient();
    String id = owner.postJson("/v1/api-keys", "{\"name\": \"Mine\", \"scopes\": [\"read\"]}")
        .json().get("key").get("id").asString();

    assertProblem(stranger.get("/v1/api-keys/" + id), 404, "not_found");
    assertProblem(stranger.delete("/v1/api-keys/" + id), 404, "not_found");
    assertProblem(stranger.postJson("/v1/api-keys/" + id + "/roll", "{}"), 404, "not_found");
    assertThat(owner.get("/v1/api-keys/" + id).status()).isEqualTo(200);
    assertProblem(owner.get("/v1/api-keys/not-a-key-id"), 400, "validation_failed");
  }

  @Test
  void lastUseIsRecordedWithoutAWritePerCall(RunningServer server) {
    TestClient manager = server.newAccountClient();
    JsonNode created = manager.postJson("/v1/api-keys", "{\"name\": \"Used\", \"scopes\": [\"read\"]}").json();
    String id = created.get("key").get("id").asString();
    assertThat(created.get("key").get("last_used_at").isNull()).isTrue();

    server.clientWithKey(created.get("secret").asString()).get("/v1/datasets");
    server.app().flushBuffers();

    assertThat(manager.get("/v1/api-keys/" + id).json().get("last_used_at").isNull()).isFalse();
  }

  @Test
  void keysAreListedNewestFirstInPages(RunningServer server) {
    TestClient manager = server.newAccountClient();
    for (String name : List.of("a", "b", "c")) {
      manager.postJson("/v1/api-keys", "{\"name\": \"" + name + "\", \"scopes\": [\"read\"]}");
    }

    JsonNode first = manager.get("/v1/api-keys?limit=2").json();
    JsonNode second = manager.get("/v1/api-keys?limit=2&cursor=" + first.get("next_cursor").asString()).json();

    List<String> names = new ArrayList<>();
    first.get("data").forEach(k -> names.add(k.get("name").asString()));
    second.get("data").forEach(k -> names.add(k.get("name").asString()));
    assertThat(first.get("has_more").asBoolean()).isTrue();
    assertThat(names).containsExactly("c", "b", "a", "Default key");
    assertThat(second.get("has_more").asBoolean()).isFalse();
  }
}
