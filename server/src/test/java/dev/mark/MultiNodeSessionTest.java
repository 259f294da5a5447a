package dev.mark;

import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import dev.mark.support.Cluster;
import dev.mark.support.HttpResult;
import dev.mark.support.Sessions;
import dev.mark.support.TestClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two server processes share one PostgreSQL: a session started on one node works on the other,
 * across a signing-key rotation made by either; a session ended on one node stops working on
 * the other within the documented 5 seconds; and failed logins spread over both nodes count
 * against one throttle (the rate limits, and so the throttle's buckets, are in PostgreSQL).
 */
class MultiNodeSessionTest {

  private static final int ROTATION_SECONDS = 2;
  private static final int FAILED_LOGINS_PER_EMAIL = 4;

  private static Cluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = Cluster.start(2, Map.of(
        "MARK_SIGNING_KEY_ROTATION_SECONDS", Integer.toString(ROTATION_SECONDS),
        "MARK_RATE_LIMIT_BACKEND", "postgres",
        "MARK_LOGIN_ATTEMPTS_PER_EMAIL", Integer.toString(FAILED_LOGINS_PER_EMAIL)));
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aSessionWorksOnEveryNodeAcrossKeyRotations() throws Exception {
    String email = Sessions.newEmail();
    JsonNode before = signUp(0, email);
    assertThat(me(1, before).status()).isEqualTo(200);

    Thread.sleep(ROTATION_SECONDS * 1000L + 200);
    JsonNode after = login(1, email);

    assertThat(kid(after)).as("node 1 rotated the signing key").isNotEqualTo(kid(before));
    for (int node = 0; node < cluster.size(); node++) {
      assertThat(me(node, before).status()).as("old token on node " + node).isEqualTo(200);
      assertThat(me(node, after).status()).as("new token on node " + node).isEqualTo(200);
    }
  }

  @Test
  void aSessionEndedOnOneNodeEndsOnTheOtherWithinFiveSeconds() throws Exception {
    JsonNode session = signUp(0, Sessions.newEmail());
    assertThat(me(1, session).status()).isEqualTo(200);

    HttpResult out = anonymous(0).postJson("/v1/auth/logout",
        "{\"refresh_token\": \"" + session.get("refresh_token").asString() + "\"}");
    assertThat(out.status()).isEqualTo(204);
    assertProblem(me(0, session), 401, "invalid_token");

    long deadline = System.nanoTime() + 6_000_000_000L;
    int status = me(1, session).status();
    while (status == 200 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      status = me(1, session).status();
    }
    assertThat(status).as("the other node refuses the ended session").isEqualTo(401);
  }

  @Test
  void failedLoginsSpreadOverTheNodesCountAgainstOneThrottle() {
    String email = Sessions.newEmail();
    signUp(0, email);
    for (int attempt = 0; attempt < FAILED_LOGINS_PER_EMAIL; attempt++) {
      HttpResult failed = Sessions.login(anonymous(attempt % 2), email, "wrong guess " + attempt + "xx", "token");
      assertProblem(failed, 401, "invalid_credentials");
    }

    for (int node = 0; node < cluster.size(); node++) {
      HttpResult throttled = Sessions.login(anonymous(node), email, Sessions.PASSWORD, "token");
      assertProblem(throttled, 429, "login_throttled");
      assertThat(throttled.header("Retry-After")).isPresent();
    }
  }

  private static JsonNode signUp(int node, String email) {
    return Sessions.signedUp(Sessions.signUp(anonymous(node), cluster.mailbox(), email));
  }

  private static JsonNode login(int node, String email) {
    HttpResult result = Sessions.login(anonymous(node), email, Sessions.PASSWORD, "token");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }

  private static HttpResult me(int node, JsonNode session) {
    return anonymous(node)
        .withHeader("Authorization", "Bearer " + session.get("access_token").asString())
        .get("/v1/me");
  }

  private static String kid(JsonNode session) {
    return JWT.decode(session.get("access_token").asString()).getKeyId();
  }

  private static TestClient anonymous(int node) {
    return cluster.anonymousClient(node);
  }
}
