package dev.mark;

import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.Sessions;
import dev.mark.support.TestClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One client address may sign up, confirm and log in only so often, whatever the emails it uses. */
class LoginThrottleTest {

  private static final int PER_ADDRESS = 4;

  @Test
  void oneAddressIsThrottledAcrossEmails() throws Exception {
    try (RunningServer server = RunningServer.builder()
        .environment(Map.of(
            "MARK_LOGIN_ATTEMPTS_PER_EMAIL", "100",
            "MARK_LOGIN_ATTEMPTS_PER_ADDRESS", Integer.toString(PER_ADDRESS)))
        .start()) {
      TestClient client = server.anonymousClient();
      String email = Sessions.newEmail();
      Sessions.signedUp(Sessions.signUp(client, server.mailbox(), email));
      // the signup and its confirmation counted two attempts
      for (int i = 2; i < PER_ADDRESS; i++) {
        assertProblem(Sessions.login(client, Sessions.newEmail(), "some guess or other", "token"), 401,
            "invalid_credentials");
      }

      HttpResult throttled = Sessions.login(client, email, Sessions.PASSWORD, "token");

      assertProblem(throttled, 429, "login_throttled");
      assertThat(throttled.header("Retry-After")).isPresent();
      assertProblem(Sessions.requestSignup(client, Sessions.newEmail()), 429, "login_throttled");
      assertProblem(Sessions.confirm(client, "mst_" + "x".repeat(43), "token"), 429, "login_throttled");
    }
  }
}
