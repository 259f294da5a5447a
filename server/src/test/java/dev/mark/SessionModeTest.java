package dev.mark;

import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.Sessions;
import dev.mark.support.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** A session keeps the mode it was started in: only cookie sessions get the reuse grace. */
@ExtendWith(RunningServer.Extension.class)
class SessionModeTest {

  @Test
  void aBodySessionsUsedTokenReplayedAsACookieWithinTheGraceEndsTheSession(RunningServer server) {
    JsonNode session = Sessions.signUp(server);
    String used = session.get("refresh_token").asString();
    HttpResult refreshed = Sessions.refresh(server, used);
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);

    // whoever holds a copy of the used token sends it as a browser would, within the grace
    TestClient asCookie = server.anonymousClient()
        .withHeader("Origin", RunningServer.APP_ORIGIN)
        .withHeader("Cookie", "mark_refresh=" + used);
    assertProblem(asCookie.send("POST", "/v1/auth/refresh", null, null), 401, "refresh_token_reused");

    // no fork: the session is over, for the rightful holder too
    assertProblem(Sessions.refresh(server, refreshed.json().get("refresh_token").asString()),
        401, "invalid_refresh_token");
  }
}
