package dev.mark;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static dev.mark.support.Problems.assertIssue;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(RunningServer.Extension.class)
class UsageApiTest {

  private static final String MISSING = "/v1/datasets/ds_01JC3XG8F2SK6Y8S3M7VVQPRTE";

  @Test
  void everyCallIsCountedByKindAndTheQuotaShowsWhatIsLeft(RunningServer server) {
    // metered: 5 units a month for the whole account, which both keys draw from
    var account = server.app().accounts().create("Metered", "test", "metered");
    TestClient caller = server.clientWithKey(account.apiKey());
    TestClient reader = server.clientWithKey(server.issueKey(account.accountId(), "test"));
    caller.get("/v1/datasets");
    caller.get(MISSING);
    caller.get("/v1/datasets");
    caller.get("/v1/datasets");
    assertThat(caller.postJson("/v1/datasets", ORDERS).status()).as("2 units, 1 left").isEqualTo(429);
    server.app().flushBuffers();

    HttpResult usage = reader.get("/v1/usage");

    assertThat(usage.status()).as(usage.body()).isEqualTo(200);
    JsonNode totals = totals(usage.json());
    assertThat(totals.toString()).isEqualTo(
        "{\"successes\":3,\"client_errors\":1,\"rate_limited\":1,\"server_errors\":0,\"units\":4}");
    JsonNode quota = usage.json().get("quota");
    assertThat(quota.get("plan").asString()).isEqualTo("metered");
    assertThat(quota.get("monthly_quota").asLong()).isEqualTo(5);
    assertThat(quota.get("used").asLong()).as("the reader's own call").isEqualTo(1);
    assertThat(quota.get("remaining").asLong()).isEqualTo(4);
    JsonNode accountQuota = usage.json().get("account_quota");
    assertThat(accountQuota.get("used").asLong()).as("every key's calls").isEqualTo(5);
    assertThat(accountQuota.get("remaining").asLong()).isZero();
    assertThat(usage.header("RateLimit")).isPresent();
  }

  @Test
  void aServerErrorIsCountedButNotCharged(RunningServer server) {
    TestClient client = server.newAccountClient();
    String id = client.postJson("/v1/datasets", ORDERS).json().get("id").asString();
    server.sql().execute("drop table dataset_rows.\"" + id.toLowerCase() + "\"");
    assertThat(client.delete("/v1/datasets/" + id).status()).isEqualTo(500);
    server.app().flushBuffers();

    JsonNode usage = client.get("/v1/usage?granularity=day").json();

    assertThat(totals(usage).toString()).isEqualTo(
        "{\"successes\":1,\"client_errors\":0,\"rate_limited\":0,\"server_errors\":1,\"units\":2}");
    assertThat(usage.get("granularity").asString()).isEqualTo("day");
    assertThat(usage.get("data").get(0).get("period_start").asString()).endsWith("T00:00:00Z");
  }

  @Test
  void aBadRangeIsAClearClientError(RunningServer server) {
    TestClient client = server.newAccountClient();

    HttpResult backwards = client.get("/v1/usage?from=2026-11-22T00:00:00Z&to=2026-11-21T00:00:00Z");
    HttpResult tooLong = client.get("/v1/usage?from=2026-01-01T00:00:00Z&to=2026-11-21T00:00:00Z");
    HttpResult badGranularity = client.get("/v1/usage?granularity=week");

    assertProblem(backwards, 422, "invalid_range");
    assertIssue(backwards.json(), "query", "/to", "not_after_from");
    assertProblem(tooLong, 422, "invalid_range");
    assertProblem(badGranularity, 400, "validation_failed");
    assertIssue(badGranularity.json(), "query", "/granularity", "enum");
  }

  private static JsonNode totals(JsonNode usage) {
    long[] sums = new long[5];
    String[] names = {"successes", "client_errors", "rate_limited", "server_errors", "units"};
    usage.get("data").forEach(period -> {
      for (int i = 0; i < names.length; i++) {
        sums[i] += period.get(names[i]).asLong();
      }
    });
    var totals = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < names.length; i++) {
      totals.put(names[i], sums[i]);
    }
    return totals;
  }
}
