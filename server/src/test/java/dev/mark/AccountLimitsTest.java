package dev.mark;

import static dev.mark.support.Problems.assertIssue;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.accounts.AccountService.CreatedAccount;
import dev.mark.support.Concurrently;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.Sessions;
import dev.mark.support.TestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plan is the account's, not each key's: every key of an account draws from one budget of
 * units (burst, sustained, monthly), the plan caps how many keys an account holds, and a key
 * grants no scope it lacks. Plans of {@code test-plans.json}: {@code metered} has a monthly
 * quota of 5, {@code tiny} a burst of 3 per minute, {@code capped} at most 3 keys.
 */
@ExtendWith(RunningServer.Extension.class)
class AccountLimitsTest {

  @Test
  void everyKeyOfAnAccountDrawsFromTheAccountsMonthlyQuota(RunningServer server) {
    List<TestClient> keys = keysOf(server, "metered", 3);

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      statuses.add(keys.get(i % keys.size()).get("/v1/datasets").status());
    }

    assertThat(statuses).as("5 units for the account, not 5 per key")
        .containsExactly(200, 200, 200, 200, 200, 429);
    HttpResult refused = keys.get(1).get("/v1/datasets");
    assertProblem(refused, 429, "quota_exceeded");
    assertThat(refused.json().get("detail").asString()).contains("for this account");
  }

  @Test
  void aBurstSpreadOverManyKeysIsHeldToTheAccountsBurst(RunningServer server) throws Exception {
    List<TestClient> keys = keysOf(server, "tiny", 6);

    List<Integer> statuses = Concurrently.run(60,
        i -> keys.get(i % keys.size()).get("/v1/datasets").status());

    assertThat(statuses).containsOnly(200, 429);
    assertThat(statuses.stream().filter(s -> s == 200).count())
        .as("the plan's burst of 3, for 6 keys of one account").isEqualTo(3);
  }

  @Test
  void anAccountHoldsNoMoreKeysThanItsPlanAllows(RunningServer server) {
    TestClient manager = server.newAccountClient("capped");
    String last = null;
    for (int i = 0; i < 2; i++) {
      HttpResult created = manager.postJson("/v1/api-keys", "{\"name\": \"k\", \"scopes\": [\"read\"]}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      last = created.json().get("key").get("id").asString();
    }

    assertProblem(manager.postJson("/v1/api-keys", "{\"name\": \"k\", \"scopes\": [\"read\"]}"),
        409, "api_key_limit_reached");

    assertThat(manager.delete("/v1/api-keys/" + last).status()).isEqualTo(204);
    assertThat(manager.postJson("/v1/api-keys", "{\"name\": \"k\", \"scopes\": [\"read\"]}").status())
        .as("a revoked key frees its place").isEqualTo(201);
  }

  @Test
  void concurrentCreatesAtTheKeyCapCannotBothPass(RunningServer server) throws Exception {
    TestClient manager = server.newAccountClient("capped");
    assertThat(manager.postJson("/v1/api-keys", "{\"name\": \"k\", \"scopes\": [\"read\"]}")
        .status()).isEqualTo(201);

    List<Integer> statuses = Concurrently.run(8, i -> manager.postJson("/v1/api-keys",
        "{\"name\": \"racer\", \"scopes\": [\"read\"]}").status());

    assertThat(statuses).containsOnly(201, 409);
    assertThat(statuses.stream().filter(s -> s == 201).count()).as("one place was left").isEqualTo(1);
  }

  @Test
  void aManageOnlyKeyCannotMintKeysWithScopesItLacks(RunningServer server) {
    TestClient owner = server.newAccountClient();
    String manageOnly = owner.postJson("/v1/api-keys",
        "{\"name\": \"Manager\", \"scopes\": [\"manage\"]}").json().get("secret").asString();
    TestClient manager = server.clientWithKey(manageOnly);

    HttpResult escalated = manager.postJson("/v1/api-keys",
        "{\"name\": \"Writer\", \"scopes\": [\"read\", \"write\"]}");

    assertProblem(escalated, 403, "scope_not_held");
    assertIssue(escalated.json(), "body", "/scopes", "scope_not_held");
    assertThat(manager.postJson("/v1/api-keys", "{\"name\": \"Peer\", \"scopes\": [\"manage\"]}")
        .status()).as("what it holds, it may grant").isEqualTo(201);
  }

  @Test
  void aManageOnlyKeyCannotRollAKeyWithScopesItLacks(RunningServer server) {
    TestClient owner = server.newAccountClient();
    String writerId = owner.postJson("/v1/api-keys",
        "{\"name\": \"Writer\", \"scopes\": [\"read\", \"write\"]}").json().get("key").get("id").asString();
    TestClient manager = server.clientWithKey(owner.postJson("/v1/api-keys",
        "{\"name\": \"Manager\", \"scopes\": [\"manage\"]}").json().get("secret").asString());

    HttpResult rolled = manager.postJson("/v1/api-keys/" + writerId + "/roll", "{}");

    assertProblem(rolled, 403, "scope_not_held");
    assertIssue(rolled.json(), "body", "/scopes", "scope_not_held");
    assertThat(owner.postJson("/v1/api-keys/" + writerId + "/roll", "{}").status())
        .as("a key holding every scope may").isEqualTo(200);
  }

  @Test
  void aLoggedInUserMayGrantAnyScope(RunningServer server) {
    TestClient user = Sessions.bearer(server, Sessions.signUp(server));

    HttpResult created = user.postJson("/v1/api-keys",
        "{\"name\": \"Writer\", \"scopes\": [\"read\", \"write\", \"manage\"]}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  /** {@code count} keys of one new account on {@code planId}, issued without spending units. */
  private static List<TestClient> keysOf(RunningServer server, String planId, int count) {
    CreatedAccount account = server.accounts().create("Many keys", "test", planId);
    List<TestClient> keys = new ArrayList<>(List.of(server.clientWithKey(account.apiKey())));
    while (keys.size() < count) {
      keys.add(server.clientWithKey(server.issueKey(account.accountId(), "test")));
    }
    return keys;
  }
}
