package dev.mark;

import static dev.mark.BadInputTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.config.AppConfig;
import dev.mark.support.HttpResult;
import dev.mark.support.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One client address may sign up and log in only so often, whatever the emails it uses. */
class LoginThrottleTest {

  private static final int PER_ADDRESS = 4;

  @Test
  void oneAddressIsThrottledAcrossEmails() throws Exception {
    Path dataDir = Files.createTempDirectory("mark-throttle");
    AppConfig config = AppConfig.fromEnvironment(Map.of(
        "PORT", "0", "MARK_DATA_DIR", dataDir.toString(),
        "MARK_LOGIN_ATTEMPTS_PER_EMAIL", "100",
        "MARK_LOGIN_ATTEMPTS_PER_ADDRESS", Integer.toString(PER_ADDRESS)));
    try (App app = App.start(config)) {
      TestClient client = new TestClient("http://localhost:" + app.port(), Map.of());
      String email = Sessions.newEmail();
      HttpResult signup = client.postJson("/v1/auth/signup",
          "{\"email\": \"" + email + "\", \"password\": \"" + Sessions.PASSWORD + "\"}");
      assertThat(signup.status()).as(signup.body()).isEqualTo(201);
      for (int i = 1; i < PER_ADDRESS; i++) {
        assertProblem(Sessions.login(client, Sessions.newEmail(), "some guess or other", "token"), 401,
            "invalid_credentials");
      }

      HttpResult throttled = Sessions.login(client, email, Sessions.PASSWORD, "token");

      assertProblem(throttled, 429, "login_throttled");
      assertThat(throttled.header("Retry-After")).isPresent();
      assertProblem(client.postJson("/v1/auth/signup",
          "{\"email\": \"" + Sessions.newEmail() + "\", \"password\": \"" + Sessions.PASSWORD + "\"}"),
          429, "login_throttled");
    } finally {
      RunningServer.deleteRecursively(dataDir);
    }
  }
}
