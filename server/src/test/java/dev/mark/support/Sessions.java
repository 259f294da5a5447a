package dev.mark.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Signs up and logs in users of a test server, for the tests of sessions. A signup goes the way a
 * person's does: the token comes from the server's outbox ({@link Mailbox}).
 */
public final class Sessions {

  public static final String PASSWORD = "a long and unusual passphrase 7";

  private Sessions() {}

  public static String newEmail() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  /**
   * Asks for a signup through {@code client} (a server or a node of a cluster): answers the
   * {@code 202}, whose message is in the server's mailbox.
   */
  public static HttpResult requestSignup(TestClient client, String email) {
    return client.postJson("/v1/auth/signup",
        "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}");
  }

  /** Confirms a signup with the token of its message, in session {@code mode}. */
  public static HttpResult confirm(TestClient client, String token, String mode) {
    return client.postJson("/v1/auth/signup/confirm",
        "{\"token\": \"" + token + "\", \"session\": \"" + mode + "\"}");
  }

  /**
   * Signs a new user up through {@code client}, as a person does: asks, reads the token in
   * {@code mailbox}, confirms it in token mode. Answers the confirmation.
   */
  public static HttpResult signUp(TestClient client, Mailbox mailbox, String email) {
    HttpResult requested = requestSignup(client, email);
    assertThat(requested.status()).as(requested.body()).isEqualTo(202);
    return confirm(client, mailbox.signupToken(email), "token");
  }

  /** A new user in token mode, checked to be created; answers the Session. */
  public static JsonNode signUp(RunningServer server, String email) {
    return signedUp(signUp(server.anonymousClient(), server.mailbox(), email));
  }

  /** The Session of a signup's confirmation, checked to have succeeded. */
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
