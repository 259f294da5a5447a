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

/**
 * Calls through a marketplace gateway. The test server's proxy secret is
 * {@link RunningServer#MARKETPLACE_SECRET}; its plans map the subscription {@code PRO} to a
 * roomy plan and {@code BASIC} to {@code tiny} (a burst of 3).
 */
@ExtendWith(RunningServer.Extension.class)
class MarketplaceTest {

  private static TestClient viaGateway(RunningServer server, String user, String subscription) {
    return server.anonymousClient()
        .withHeader("X-RapidAPI-Proxy-Secret", RunningServer.MARKETPLACE_SECRET)
        .withHeader("X-RapidAPI-User", user)
        .withHeader("X-RapidAPI-Subscription", subscription);
  }

  @Test
  void eachMarketplaceUserGetsAnIsolatedAccountOfItsOwn(RunningServer server) {
    TestClient alice = viaGateway(server, "alice-" + System.nanoTime(), "PRO");
    TestClient bob = viaGateway(server, "bob-" + System.nanoTime(), "pro");

    HttpResult created = alice.postJson("/v1/datasets", ORDERS);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(alice.get("/v1/datasets/" + id).status()).isEqualTo(200);
    assertProblem(bob.get("/v1/datasets/" + id), 404, "not_found");
    assertProblem(server.client().get("/v1/datasets/" + id), 404, "not_found");
    String keyHolders = server.client().postJson("/v1/datasets", ORDERS)
        .json().get("id").asString();
    assertProblem(alice.get("/v1/datasets/" + keyHolders), 404, "not_found");
  }

  @Test
  void marketplaceHeadersWithoutTheSecretGrantNothing(RunningServer server) {
    TestClient noSecret = viaGateway(server, "mallory", "PRO")
        .withHeader("X-RapidAPI-Proxy-Secret", null);
    TestClient wrongSecret = viaGateway(server, "mallory", "PRO")
        .withHeader("X-RapidAPI-Proxy-Secret", RunningServer.MARKETPLACE_SECRET + "x");

    assertProblem(noSecret.get("/v1/datasets"), 401, "unauthorized");
    assertProblem(wrongSecret.get("/v1/datasets"), 401, "invalid_proxy_secret");
  }

  @Test
  void anUnmappedSubscriptionIsAClear403(RunningServer server) {
    assertProblem(viaGateway(server, "carol", "CUSTOM").get("/v1/datasets"), 403,
        "unknown_subscription");
  }

  @Test
  void malformedMarketplaceHeadersAreNamed(RunningServer server) {
    HttpResult badUser = viaGateway(server, "not a user name!", "PRO").get("/v1/datasets");
    HttpResult noUser = viaGateway(server, "x", "PRO").withHeader("X-RapidAPI-User", null)
        .get("/v1/datasets");

    assertProblem(badUser, 400, "validation_failed");
    assertIssue(badUser.json(), "header", "/X-RapidAPI-User", "pattern");
    assertProblem(noUser, 400, "validation_failed");
    assertIssue(noUser.json(), "header", "/X-RapidAPI-User", "required");
  }

  @Test
  void theSubscriptionSetsThePlanAndLimitsApplyPerUser(RunningServer server) {
    TestClient dave = viaGateway(server, "dave-" + System.nanoTime(), "BASIC");
    TestClient erin = viaGateway(server, "erin-" + System.nanoTime(), "BASIC");
    for (int i = 0; i < 3; i++) {
      assertThat(dave.get("/v1/datasets").header("X-RateLimit-Limit")).hasValue("3");
    }

    assertProblem(dave.get("/v1/datasets"), 429, "rate_limited");
    assertThat(erin.get("/v1/datasets").status()).isEqualTo(200);
  }

  @Test
  void marketplaceUsersCannotManageKeys(RunningServer server) {
    assertProblem(viaGateway(server, "frank", "PRO").get("/v1/api-keys"), 401, "unauthorized");
  }
}
