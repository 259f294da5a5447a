package dev.mark;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rate limits on the in-memory backend, through real HTTP, with the plans of
 * {@code test-plans.json}: {@code tiny} allows a burst of 3 units per minute, {@code metered}
 * 5 units a month.
 */
@ExtendWith(RunningServer.Extension.class)
class RateLimitTest {

  private static final String MISSING = "/v1/datasets/ds_01JC3XG8F2SK6Y8S3M7VVQPRTE";
  private static final long DAY = 86_400;

  @Test
  void everyResponseOfARateLimitedOperationSaysWhatIsLeft(RunningServer server) {
    TestClient client = server.newAccountClient("tiny");

    HttpResult first = client.get("/v1/datasets");
    HttpResult second = client.get(MISSING);

    assertThat(first.status()).isEqualTo(200);
    String policy = first.header("RateLimit-Policy").orElseThrow();
    assertThat(policy).startsWith("\"burst\";q=3;w=60, \"sustained\";q=100;w=3600, \"monthly\";q=1000;w=");
    long monthSeconds = Long.parseLong(policy.substring(policy.lastIndexOf("w=") + 2));
    assertThat(monthSeconds).as("the window of the monthly quota is a calendar month")
        .isIn(28 * DAY, 29 * DAY, 30 * DAY, 31 * DAY);
    assertThat(first.header("RateLimit").orElseThrow()).startsWith("\"burst\";r=2;t=");
    assertThat(first.header("X-RateLimit-Limit")).hasValue("3");
    assertThat(first.header("X-RateLimit-Remaining")).hasValue("2");
    assertThat(Long.parseLong(first.header("X-RateLimit-Reset").orElseThrow())).isBetween(1L, 60L);
    assertThat(second.status()).as("a 404 counts too").isEqualTo(404);
    assertThat(second.header("X-RateLimit-Remaining")).hasValue("1");
  }

  @Test
  void aBurstOverThePlanIsA429WithRetryAfter(RunningServer server) {
    HttpResult limited = readOnceMoreThan(server.newAccountClient("tiny"), 3);

    assertProblem(limited, 429, "rate_limited");
    long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
    assertThat(retryAfter).as("one unit drips back every 20 s").isBetween(1L, 20L);
    assertThat(limited.header("X-RateLimit-Remaining")).hasValue("0");
    assertThat(limited.header("RateLimit").orElseThrow()).startsWith("\"burst\";r=0;");
  }

  @Test
  void anOperationChargesItsCostFromTheContract(RunningServer server) {
    TestClient client = server.newAccountClient("tiny");

    HttpResult created = client.postJson("/v1/datasets", ORDERS);
    HttpResult refused = client.postJson("/v1/datasets", ORDERS);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("X-RateLimit-Remaining")).as("createDataset costs 2").hasValue("1");
    assertProblem(refused, 429, "rate_limited");
    assertThat(client.get("/v1/datasets").status()).as("a read costing 1 still fits").isEqualTo(200);
  }

  @Test
  void aUsedUpMonthlyQuotaIsQuotaExceeded(RunningServer server) {
    HttpResult refused = readOnceMoreThan(server.newAccountClient("metered"), 5);

    assertProblem(refused, 429, "quota_exceeded");
    assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow()))
        .as("the quota renews next month").isPositive();
    assertThat(refused.header("RateLimit").orElseThrow()).contains("\"monthly\";r=0;");
  }

  @Test
  void aServerErrorDoesNotCount(RunningServer server) {
    TestClient client = server.newAccountClient("tiny");
    String id = client.postJson("/v1/datasets", ORDERS).json().get("id").asString();
    server.sql().execute("drop table dataset_rows.\"" + id.toLowerCase() + "\"");

    HttpResult failed = client.delete("/v1/datasets/" + id);
    HttpResult next = client.get("/v1/datasets");

    assertProblem(failed, 500, "internal_error");
    assertThat(next.status()).as("the unit of the failed call was given back").isEqualTo(200);
    assertThat(next.header("X-RateLimit-Remaining")).hasValue("0");
  }

  @Test
  void keysAreLimitedSeparately(RunningServer server) {
    TestClient spender = server.newAccountClient("tiny");
    TestClient other = server.newAccountClient("tiny");
    for (int i = 0; i < 3; i++) {
      spender.get("/v1/datasets");
    }
    assertProblem(spender.get("/v1/datasets"), 429, "rate_limited");

    assertThat(other.get("/v1/datasets").header("X-RateLimit-Remaining")).hasValue("2");
  }

  @Test
  void publicOperationsAreNotLimited(RunningServer server) {
    HttpResult health = server.anonymousClient().get("/healthz");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.header("RateLimit")).isEmpty();
    assertThat(health.header("X-RateLimit-Limit")).isEmpty();
  }

  /** Lists the datasets {@code allowed} times, each a 200, and returns the answer to one list more. */
  private static HttpResult readOnceMoreThan(TestClient client, int allowed) {
    for (int i = 0; i < allowed; i++) {
      assertThat(client.get("/v1/datasets").status()).isEqualTo(200);
    }
    return client.get("/v1/datasets");
  }
}
