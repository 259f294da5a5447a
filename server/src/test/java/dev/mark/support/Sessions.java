package dev.mark.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Signs up and logs in users of a test server, for the tests of sessions. */
public final class Sessions {

  public static final String PASSWORD = "a long and unusual passphrase 7";

  private Sessions() {}

  public static String newEmail() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  /** Signs a new user up through {@code client} (a server or a node of a cluster), in token mode. */
  public static HttpResult signUp(TestClient client, String email) {
    return client.postJson("/v1/auth/signup",
        "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}");
  }

  /** A new user in token mode, checked to be created; answers the Session. */
  public static JsonNode signUp(RunningServer server, String email) {
    return signedUp(signUp(server.anonymousClient(), email));
  }

  /** The Session of a sign-up, checked to have succeeded. */
  public static JsonNode signedUp(HttpResult result) {
    assertThat(result.status()).as(result.body()).isEqualTo(201);
    return result.json();
  }

  public static JsonNode signUp(RunningServer server) {
    return signUp(server, newEmail());
  }

  /** A client that calls with a session's access token. */
  public static TestClient bearer(RunningServer server, JsonNode session) {
    return server.anonymousClient()
        .withHeader("Authorization", "Bearer " + session.get("access_token").asString());
  }

  public static HttpResult login(TestClient client, String email, String password, String mode) {
    return client.postJson("/v1/auth/login", "{\"email\": \"" + email + "\", \"password\": \""
        + password + "\", \"session\": \"" + mode + "\"}");
  }

  public static HttpResult refresh(RunningServer server, String refreshToken) {
    return server.anonymousClient().postJson("/v1/auth/refresh",
        "{\"refresh_token\": \"" + refreshToken + "\"}");
  }

  /** The value a response sets for a cookie, if it sets one. */
  public static Optional<String> cookie(HttpResult result, String name) {
    return setCookies(result).stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
        .findFirst();
  }

  public static List<String> setCookies(HttpResult result) {
    return result.response().headers().allValues("Set-Cookie");
  }
}
