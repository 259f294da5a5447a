package dev.mark.sdk.core;

import static dev.mark.sdk.core.ScriptedExchange.bodyOf;
import static dev.mark.sdk.core.ScriptedExchange.json;
import static dev.mark.sdk.core.ScriptedExchange.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mark.sdk.model.LoginRequest;
import dev.mark.sdk.model.Session;
import dev.mark.sdk.model.ConfirmSignupRequest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The auth resource over a scripted network: what is sent, what is retried, what is typed. */
class AuthTest {
  private static final String USER = "{\"id\":\"usr_1\",\"email\":\"ada@example.com\",\"account_id\":\"acct_1\","
      + "\"plan\":\"free\",\"created_at\":\"2026-11-22T09:30:00.123456Z\"}";
  private static final String EXPIRIES =
      "\"access_token_expires_at\":\"2026-11-22T09:45:00Z\",\"refresh_token_expires_at\":\"2026-12-22T09:30:00Z\"";
  private static final String TOKEN_SESSION = "{\"user\":" + USER + ",\"mode\":\"token\",\"token_type\":\"Bearer\","
      + "\"access_token\":\"jwt_1\",\"refresh_token\":\"mrt_1\"," + EXPIRIES + "}";
  private static final String DATASET =
      "{\"id\":\"ds_1\",\"name\":\"x\",\"columns\":[],\"row_count\":0,"
          + "\"created_at\":\"2026-11-22T09:30:00Z\",\"updated_at\":\"2026-11-22T09:30:00Z\"}";

  private static MarkClient clientOver(ScriptedExchange exchange) {
    return MarkClient.builder().baseUrl("http://mark.test").exchange(exchange).sleeper(d -> { })
        .environmentVariables(name -> null).build();
  }

  private static LoginRequest login() {
    return new LoginRequest().email("ada@example.com").password("correct horse battery");
  }

  @Test
  void logsInWithTheServersClientThenCallsAsTheUserWithWithSession() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, TOKEN_SESSION, "X-Request-Id", "req_1"), json(200, DATASET));
    MarkClient server = clientOver(exchange).newBuilder().apiKey("mk_test_server").build();

    MarkResponse<Session> session = server.auth().login(login());
    server.withSession(session.data()).datasets().retrieve("ds_1");

    assertThat(session.meta().requestId()).contains("req_1");
    assertThat(session.data().getUser().getEmail()).isEqualTo("ada@example.com");
    assertThat(bodyOf(exchange.requests.get(0))).isEqualTo("{\"email\":\"ada@example.com\",\"password\":\"correct horse battery\",\"session\":\"token\"}");
    HttpRequest asUser = exchange.requests.get(1);
    assertThat(asUser.headers().firstValue("Authorization")).contains("Bearer jwt_1");
    assertThat(asUser.headers().firstValue("X-API-Key")).as("the session replaces the API key").isEmpty();
  }

  @Test
  void aSignupConfirmationLoginAndRefreshAreSentOnceWithoutAnIdempotencyKey() {
    ScriptedExchange exchange = ScriptedExchange.of(
        new IOException("connection reset"), problem(503, "unavailable"), problem(502, "bad_gateway"));
    MarkClient client = clientOver(exchange);

    assertThatThrownBy(() -> client.auth().confirmSignup(new ConfirmSignupRequest().token("mst_1")))
        .isInstanceOf(ConnectionException.class);
    assertThatThrownBy(() -> client.auth().login(login())).isInstanceOf(InternalServerException.class);
    assertThatThrownBy(() -> client.auth().refresh("mrt_1")).isInstanceOf(InternalServerException.class);

    assertThat(exchange.requests).hasSize(3);
    assertThat(exchange.requests).allSatisfy(r -> assertThat(r.headers().firstValue("Idempotency-Key")).isEmpty());
  }

  @Test
  void aCallsOwnMaxRetriesMayRetryALogin() {
    ScriptedExchange exchange = ScriptedExchange.of(problem(503, "unavailable"), json(200, TOKEN_SESSION));
    clientOver(exchange).auth().login(login(), RequestOptions.builder().maxRetries(1).build());
    assertThat(exchange.requests).hasSize(2);
  }

  @Test
  void wrongCredentialsAndAThrottledLoginAreTypedExceptions() {
    ScriptedExchange exchange = ScriptedExchange.of(
        problem(401, "invalid_credentials"), problem(429, "login_throttled", "Retry-After", "900"));
    MarkClient client = clientOver(exchange);

    AuthenticationException wrong = catchThrowableOfType(AuthenticationException.class, () -> client.auth().login(login()));
    RateLimitException throttled = catchThrowableOfType(RateLimitException.class, () -> client.auth().login(login()));

    assertThat(wrong.code()).contains("invalid_credentials");
    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(900));
    assertThat(exchange.requests).hasSize(2);
  }

  @Test
  void refreshAndLogoutSendTheRefreshTokenAndLogoutIsRetriedLikeAnyCall() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, TOKEN_SESSION), problem(503, "unavailable"),
        new ScriptedExchange.Answer(204, ""));
    MarkClient client = clientOver(exchange);

    client.auth().refresh("mrt_1");
    ResponseMeta meta = client.auth().logout("mrt_2");

    assertThat(meta.status()).isEqualTo(204);
    assertThat(exchange.requests).extracting(r -> r.uri().getPath() + " " + bodyOf(r)).containsExactly(
        "/v1/auth/refresh {\"refresh_token\":\"mrt_1\"}",
        "/v1/auth/logout {\"refresh_token\":\"mrt_2\"}",
        "/v1/auth/logout {\"refresh_token\":\"mrt_2\"}");
  }

  @Test
  void withSessionRefusesACookieModeSession() {
    Session cookie = new Session().csrfToken("csrf");
    assertThatThrownBy(() -> clientOver(ScriptedExchange.of()).withSession(cookie))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cookie mode");
  }
}
