package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.fixtures.DatasetDefinitions;
import dev.mark.support.RunningServer;
import dev.mark.support.Sessions;
import dev.mark.platform.contract.ApiContract;
import dev.mark.support.HttpResult;
import dev.mark.support.TestClient;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a caller omits means what the contract's {@code default} says: the binder fills it in,
 * and no handler keeps a copy. Each default is read from openapi.yaml, so the tests follow it.
 */
@ExtendWith(RunningServer.Extension.class)
class ContractDefaultsTest {

  private static final JsonNode CONTRACT = JsonMapper.builder().build()
      .readTree(ApiContract.load().json());

  private static int defaultAt(String pointer) {
    JsonNode value = CONTRACT.at(pointer + "/default");
    assertThat(value.isNumber()).as(pointer + " has a numeric default").isTrue();
    return value.asInt();
  }

  @Test
  void aListOfDatasetsWithoutLimitHasTheContractsDefaultPageSize(RunningServer server) {
    int pageSize = defaultAt("/components/parameters/Limit/schema");
    TestClient client = server.newAccountClient();
    for (int i = 0; i <= pageSize; i++) {
      assertThat(client.postJson("/v1/datasets", DatasetDefinitions.ORDERS).status()).isEqualTo(201);
    }

    assertAFullPageOfMore(client.get("/v1/datasets"), pageSize);
  }

  @Test
  void aListOfApiKeysWithoutLimitHasTheContractsDefaultPageSize(RunningServer server) {
    int pageSize = defaultAt("/components/parameters/Limit/schema");
    TestClient manager = server.newAccountClient();
    // the account starts with one key
    for (int i = 1; i <= pageSize; i++) {
      HttpResult created = manager.postJson("/v1/api-keys", "{\"name\": \"k" + i + "\", \"scopes\": [\"read\"]}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    assertAFullPageOfMore(manager.get("/v1/api-keys"), pageSize);
  }

  @Test
  void aListOfRowsWithoutLimitHasTheContractsDefaultPageSize(RunningServer server) {
    int pageSize = defaultAt("/components/parameters/RowsLimit/schema");
    TestClient client = server.newAccountClient();
    String id = client.postJson("/v1/datasets",
        "{\"name\": \"n\", \"columns\": [{\"name\": \"n\", \"type\": \"integer\"}]}").json().get("id").asString();
    assertThat(client.postJson("/v1/datasets/" + id + "/rows", rows(pageSize + 1, i -> "{\"n\": " + i + "}"))
        .status()).isEqualTo(200);

    assertAFullPageOfMore(client.get("/v1/datasets/" + id + "/rows"), pageSize);
  }

  @Test
  void aColumnDeclaredWithoutRequiredIsOptional(RunningServer server) {
    assertThat(CONTRACT.at("/components/schemas/Column/properties/required/default").asBoolean()).isFalse();
    TestClient client = server.newAccountClient();
    JsonNode dataset = client.postJson("/v1/datasets", """
        {"name": "n", "columns": [{"name": "a", "type": "string"}, {"name": "b", "type": "string"}]}""").json();

    assertThat(dataset.get("columns").get(0).get("required").asBoolean()).isFalse();
    String id = dataset.get("id").asString();
    assertThat(client.postJson("/v1/datasets/" + id + "/rows", "{\"rows\": [{\"b\": \"x\"}]}").status())
        .isEqualTo(200);
  }

  @Test
  void aQueryWithoutLimitOrderDirectionTotalsOrTimeZoneTakesTheContractsDefaults(RunningServer server) {
    int limit = defaultAt("/components/schemas/QueryRequest/properties/limit");
    assertThat(CONTRACT.at("/components/schemas/OrderDirection/default").asString()).isEqualTo("asc");
    assertThat(CONTRACT.at("/components/schemas/TimeBucket/properties/time_zone/default").asString()).isEqualTo("UTC");
    TestClient client = server.newAccountClient();
    String id = client.postJson("/v1/datasets", """
        {"name": "n", "columns": [{"name": "at", "type": "timestamp"}, {"name": "k", "type": "integer"}]}""")
        .json().get("id").asString();
    // one more group than the default limit; 23:30 UTC is the next day east of UTC
    assertThat(client.postJson("/v1/datasets/" + id + "/rows",
        rows(limit + 1, i -> "{\"at\": \"2026-11-22T23:30:00Z\", \"k\": " + (limit - i) + "}")).status())
        .isEqualTo(200);

    HttpResult answer = client.postJson("/v1/datasets/" + id + "/query", """
        {"measures": [{"agg": "count"}], "dimensions": ["k"],
         "time_bucket": {"column": "at", "granularity": "day"},
         "order": [{"column": "k"}]}""");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode rows = answer.json().get("rows");
    assertThat(rows).hasSize(limit);
    // a row is [bucket, k, count]
    assertThat(rows.get(0).get(1).asLong()).as("ascending").isZero();
    assertThat(rows.get(1).get(1).asLong()).isEqualTo(1);
    assertThat(rows.get(0).get(0).asString()).as("a UTC day").startsWith("2026-11-22T00:00:00");
    assertThat(answer.json().path("totals").isMissingNode() || answer.json().get("totals").isNull())
        .as("no totals").isTrue();
  }

  @Test
  void aRollWithoutGracePeriodKeepsTheOldSecretForTheContractsDefault(RunningServer server) {
    int grace = defaultAt("/components/schemas/RollApiKeyRequest/properties/grace_period_seconds");
    TestClient manager = server.newAccountClient();
    String id = manager.postJson("/v1/api-keys", "{\"name\": \"r\", \"scopes\": [\"read\"]}")
        .json().get("key").get("id").asString();

    Instant before = Instant.now().minusSeconds(1);
    HttpResult rolled = manager.postJson("/v1/api-keys/" + id + "/roll", "{}");
    Instant after = Instant.now().plusSeconds(1);

    assertThat(rolled.status()).as(rolled.body()).isEqualTo(200);
    Instant expires = Instant.parse(rolled.json().get("key").get("previous_secret_expires_at").asString());
    assertThat(expires).isBetween(before.plusSeconds(grace), after.plusSeconds(grace));
  }

  @Test
  void aUsageReportWithoutGranularityHasTheContractsDefault(RunningServer server) {
    String granularity = CONTRACT.at("/components/schemas/UsageGranularity/default").asString();

    HttpResult usage = server.newAccountClient().get("/v1/usage");

    assertThat(usage.status()).as(usage.body()).isEqualTo(200);
    assertThat(usage.json().get("granularity").asString()).isEqualTo(granularity).isEqualTo("hour");
  }

  @Test
  void aSignupConfirmedWithoutSessionModeGetsTheContractsDefaultTokenMode(RunningServer server) {
    assertThat(CONTRACT.at("/components/schemas/SessionMode/default").asString()).isEqualTo("token");
    String email = Sessions.newEmail();
    Sessions.requestSignup(server.anonymousClient(), email);

    JsonNode session = Sessions.signedUp(server.anonymousClient().postJson("/v1/auth/signup/confirm",
        "{\"token\": \"" + server.mailbox().signupToken(email) + "\"}"));

    assertThat(session.get("mode").asString()).isEqualTo("token");
    assertThat(session.get("access_token").asString()).isNotBlank();
  }

  private static void assertAFullPageOfMore(HttpResult list, int pageSize) {
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json().get("data")).hasSize(pageSize);
    assertThat(list.json().get("has_more").asBoolean()).isTrue();
  }

  private static String rows(int count, java.util.function.IntFunction<String> row) {
    return IntStream.range(0, count).mapToObj(row)
        .collect(Collectors.joining(",", "{\"rows\": [", "]}"));
  }
}
