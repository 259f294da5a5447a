package dev.mark;

import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.config.AppConfig;
import dev.mark.support.HttpResult;
import dev.mark.support.MovableClock;
import dev.mark.support.RunningServer;
import dev.mark.support.Sessions;
import dev.mark.support.TestClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A node remembers the access tokens it has verified and skips their signature check on later
 * calls; the refusals that must hold all the same: at the token's expiry, at once after a logout,
 * and for a token that differs from a remembered one in a single character.
 */
@ExtendWith(RunningServer.Extension.class)
class VerifiedTokenCacheTest {

  @Test
  void aRememberedTokenIsRefusedAtOnceWhenItsSessionLogsOut(RunningServer server) {
    JsonNode session = Sessions.signUp(server);
    String token = session.get("access_token").asString();
    assertAccepted(server.baseUrl(), token);

    HttpResult out = server.anonymousClient().postJson("/v1/auth/logout",
        "{\"refresh_token\": \"" + session.get("refresh_token").asString() + "\"}");
    assertThat(out.status()).as(out.body()).isEqualTo(204);

    assertRefused(server.baseUrl(), token);
  }

  @Test
  void aTokenWithOneSignatureCharacterFlippedIsRefusedAfterTheOriginalWasRemembered(RunningServer server) {
    String token = Sessions.signUp(server).get("access_token").asString();
    assertAccepted(server.baseUrl(), token);

    // the signature's first character: six whole bits of it (the last one may be only padding)
    int at = token.lastIndexOf('.') + 1;
    String flipped = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

    assertRefused(server.baseUrl(), flipped);
    assertAccepted(server.baseUrl(), token);
  }

  @Test
  void aRememberedTokenStopsWorkingAtItsExpiry() throws Exception {
    MovableClock clock = new MovableClock();
    Duration ttl = AppConfig.fromEnvironment(Map.of()).auth().accessTokenTtl();
    try (RunningServer server = RunningServer.builder().clock(clock).start()) {
      String baseUrl = server.baseUrl();
      String token = Sessions.signUp(server).get("access_token").asString();
      assertAccepted(baseUrl, token);

      clock.advance(ttl.minusMinutes(1));
      assertAccepted(baseUrl, token);

      clock.advance(Duration.ofMinutes(1).plusSeconds(1));
      assertRefused(baseUrl, token);
    }
  }

  /** Accepted as a bearer token and as a session cookie: both remember it. */
  private static void assertAccepted(String baseUrl, String token) {
    for (TestClient client : callersWith(baseUrl, token)) {
      HttpResult me = client.get("/v1/me");
      assertThat(me.status()).as(me.body()).isEqualTo(200);
    }
  }

  private static void assertRefused(String baseUrl, String token) {
    for (TestClient client : callersWith(baseUrl, token)) {
      assertProblem(client.get("/v1/me"), 401, "invalid_token");
    }
  }

  private static TestClient[] callersWith(String baseUrl, String token) {
    TestClient anonymous = new TestClient(baseUrl, Map.of());
    return new TestClient[] {
        anonymous.withHeader("Authorization", "Bearer " + token),
        anonymous.withHeader("Cookie", "mark_session=" + token)};
  }
}
