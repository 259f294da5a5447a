package dev.mark;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.Sessions;
import dev.mark.support.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Sign-up, login, refresh-token rotation and logout in token mode, and what a session may do. */
@ExtendWith(RunningServer.Extension.class)
class SessionsTest {

  @Test
  void aNewUserIsLoggedInAndActsInItsOwnAccount(RunningServer server) {
    String email = Sessions.newEmail();
    JsonNode session = Sessions.signUp(server, email.toUpperCase());

    assertThat(session.get("mode").asString()).isEqualTo("token");
    assertThat(session.get("user").get("email").asString()).isEqualTo(email);
    assertThat(session.get("user").get("plan").asString()).isEqualTo("free");
    assertThat(session.get("refresh_token").asString()).startsWith("mrt_");
    assertThat(session.has("csrf_token")).isFalse();

    TestClient user = Sessions.bearer(server, session);
    HttpResult me = user.get("/v1/me");
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().get("user").get("id").asString()).isEqualTo(session.get("user").get("id").asString());
    assertThat(me.json().get("environment").asString()).isEqualTo("test");
    assertThat(me.header("RateLimit-Policy")).isPresent();

    HttpResult created = user.postJson("/v1/datasets", ORDERS);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String path = "/v1/datasets/" + created.json().get("id").asString();
    assertThat(user.get(path).status()).isEqualTo(200);
    assertProblem(user.withHeader("Mark-Environment", "live").get(path), 404, "not_found");
    assertProblem(server.client().get(path), 404, "not_found");
    assertProblem(Sessions.bearer(server, Sessions.signUp(server)).get(path), 404, "not_found");
  }

  @Test
  void aSessionManagesItsAccountsKeysButSeesNoSessionKeys(RunningServer server) {
    TestClient user = Sessions.bearer(server, Sessions.signUp(server)).withHeader("Mark-Environment", "live");
    assertThat(user.get("/v1/api-keys").json().get("data")).isEmpty();

    HttpResult created = user.postJson("/v1/api-keys", "{\"name\": \"ERP\", \"scopes\": [\"read\"]}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("secret").asString()).startsWith("mk_live_");
    assertThat(user.get("/v1/api-keys").json().get("data")).hasSize(1);
    assertThat(server.clientWithKey(created.json().get("secret").asString()).get("/v1/datasets").status())
        .isEqualTo(200);
  }

  @Test
  void theEnvironmentHeaderIsCheckedForSessionsAndKeys(RunningServer server) {
    TestClient user = Sessions.bearer(server, Sessions.signUp(server));

    HttpResult bad = user.withHeader("Mark-Environment", "prod").get("/v1/datasets");
    assertProblem(bad, 400, "validation_failed");
    assertThat(bad.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/Mark-Environment");
    assertProblem(server.client().withHeader("Mark-Environment", "live").get("/v1/datasets"), 403,
        "environment_mismatch");
    assertThat(server.client().withHeader("Mark-Environment", "test").get("/v1/datasets").status())
        .isEqualTo(200);
  }

  @Test
  void signupSaysOnlyWhatItMust(RunningServer server) {
    TestClient anonymous = server.anonymousClient();

    assertField(anonymous.postJson("/v1/auth/signup",
        "{\"email\": \"" + Sessions.newEmail() + "\", \"password\": \"short\"}"), 400, "/password");
    assertField(anonymous.postJson("/v1/auth/signup",
        "{\"email\": \"" + Sessions.newEmail() + "\", \"password\": \"Password1234\"}"), 422, "/password");
    assertField(anonymous.postJson("/v1/auth/signup",
        "{\"email\": \"" + Sessions.newEmail() + "\", \"password\": \"aaaaaaaaaaaaaaaa\"}"), 422, "/password");
    assertField(anonymous.postJson("/v1/auth/signup",
        "{\"email\": \"margaret.hamilton@example.com\", \"password\": \"margaret.hamilton!!\"}"), 422, "/password");
    assertField(anonymous.postJson("/v1/auth/signup",
        "{\"email\": \"not-an-email\", \"password\": \"" + Sessions.PASSWORD + "\"}"), 400, "/email");
    assertField(anonymous.postJson("/v1/auth/signup",
        "{\"email\": \"" + Sessions.newEmail() + "\", \"password\": \"" + Sessions.PASSWORD + "\", \"admin\": true}"),
        400, "/admin");
  }

  @Test
  void aWrongEmailAndAWrongPasswordLookTheSame(RunningServer server) {
    String email = Sessions.newEmail();
    Sessions.signUp(server, email);
    TestClient anonymous = server.anonymousClient();

    HttpResult wrongPassword = Sessions.login(anonymous, email, "not the password at all", "token");
    HttpResult unknownEmail = Sessions.login(anonymous, Sessions.newEmail(), "not the password at all", "token");

    assertProblem(wrongPassword, 401, "invalid_credentials");
    assertProblem(unknownEmail, 401, "invalid_credentials");
    assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
    HttpResult right = Sessions.login(anonymous, email.toUpperCase(), Sessions.PASSWORD, "token");
    assertThat(right.status()).as(right.body()).isEqualTo(200);
    assertThat(Sessions.bearer(server, right.json()).get("/v1/me").status()).isEqualTo(200);
  }

  @Test
  void failedLoginsAtOneEmailAreThrottledEvenWithTheRightPassword(RunningServer server) {
    String email = Sessions.newEmail();
    Sessions.signUp(server, email);
    TestClient anonymous = server.anonymousClient();
    for (int i = 0; i < RunningServer.LOGIN_ATTEMPTS_PER_EMAIL; i++) {
      assertProblem(Sessions.login(anonymous, email, "guess number " + i + " xx", "token"), 401,
          "invalid_credentials");
    }

    HttpResult throttled = Sessions.login(anonymous, email, Sessions.PASSWORD, "token");

    assertProblem(throttled, 429, "login_throttled");
    assertThat(Long.parseLong(throttled.header("Retry-After").orElseThrow())).isBetween(1L, 15L * 60);
    // an unknown email is throttled the same way: throttling tells nothing about existence
    String unknown = Sessions.newEmail();
    for (int i = 0; i < RunningServer.LOGIN_ATTEMPTS_PER_EMAIL; i++) {
      Sessions.login(anonymous, unknown, "guess number " + i + " xx", "token");
    }
    assertProblem(Sessions.login(anonymous, unknown, "another guess xx", "token"), 429, "login_throttled");
  }

  @Test
  void eachRefreshTokenWorksOnceAndReusingOneEndsTheSession(RunningServer server) {
    JsonNode first = Sessions.signUp(server);
    String firstRefresh = first.get("refresh_token").asString();

    HttpResult refreshed = Sessions.refresh(server, firstRefresh);
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    JsonNode second = refreshed.json();
    assertThat(second.get("refresh_token").asString()).isNotEqualTo(firstRefresh);
    assertThat(Sessions.bearer(server, second).get("/v1/me").status()).isEqualTo(200);

    // the first token again: a thief or the user holds a copy, so the whole session ends
    assertProblem(Sessions.refresh(server, firstRefresh), 401, "refresh_token_reused");
    assertProblem(Sessions.bearer(server, second).get("/v1/me"), 401, "invalid_token");
    assertProblem(Sessions.refresh(server, second.get("refresh_token").asString()), 401,
        "invalid_refresh_token");
    assertProblem(Sessions.refresh(server, "mrt_made_up"), 401, "invalid_refresh_token");
    assertProblem(server.anonymousClient().postJson("/v1/auth/refresh", "{}"), 401,
        "invalid_refresh_token");
  }

  @Test
  void logoutEndsTheSessionsRefreshAndAccessTokens(RunningServer server) {
    JsonNode session = Sessions.signUp(server);
    String refresh = session.get("refresh_token").asString();
    TestClient user = Sessions.bearer(server, session);
    assertThat(user.get("/v1/me").status()).isEqualTo(200);

    HttpResult out = server.anonymousClient().postJson("/v1/auth/logout",
        "{\"refresh_token\": \"" + refresh + "\"}");

    assertThat(out.status()).as(out.body()).isEqualTo(204);
    assertProblem(Sessions.refresh(server, refresh), 401, "invalid_refresh_token");
    assertProblem(user.get("/v1/me"), 401, "invalid_token");
    assertThat(server.anonymousClient().postJson("/v1/auth/logout",
        "{\"refresh_token\": \"mrt_unknown\"}").status()).isEqualTo(204);
  }

  @Test
  void meNeedsASession(RunningServer server) {
    assertProblem(server.client().get("/v1/me"), 401, "unauthorized");
    assertProblem(server.anonymousClient().get("/v1/me"), 401, "unauthorized");
  }

  static void assertField(HttpResult result, int status, String pointer) {
    assertThat(result.status()).as(result.body()).isEqualTo(status);
    assertThat(result.json().get("errors").get(0).get("pointer").asString()).isEqualTo(pointer);
  }
}
