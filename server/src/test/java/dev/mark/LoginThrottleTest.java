package dev.mark;

import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.config.AuthConfig;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.Sessions;
import dev.mark.support.TestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One client address may sign up and log in only so often, whatever the emails it uses. */
class LoginThrottleTest {

  private static final int PER_ADDRESS = 4;

  @Test
  void oneAddressIsThrottledAcrossEmails() throws Exception {
    try (RunningServer server = RunningServer.builder()
        .config(config -> config.withAuth(
            AuthConfig.defaults().withLoginThrottle(100, PER_ADDRESS, Duration.ofMinutes(15))))
        .start()) {
      TestClient client = server.anonymousClient();
      String email = Sessions.newEmail();
      Sessions.signedUp(Sessions.signUp(client, email));
      for (int i = 1; i < PER_ADDRESS; i++) {
        assertProblem(Sessions.login(client, Sessions.newEmail(), "some guess or other", "token"), 401,
            "invalid_credentials");
      }

      HttpResult throttled = Sessions.login(client, email, Sessions.PASSWORD, "token");

      assertProblem(throttled, 429, "login_throttled");
      assertThat(throttled.header("Retry-After")).isPresent();
      assertProblem(Sessions.signUp(client, Sessions.newEmail()), 429, "login_throttled");
    }
  }
}
