package dev.mark.sdk.core;

import static dev.mark.sdk.core.ScriptedExchange.bodyOf;
import static dev.mark.sdk.core.ScriptedExchange.json;
import static dev.mark.sdk.core.ScriptedExchange.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mark.sdk.model.LoginRequest;
import dev.mark.sdk.model.Session;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Automatic refresh over a scripted network: when it happens, what it sends, and when it must
 * not. LiveSessionRefreshTest runs it against a server whose access tokens expire in seconds.
 */
class SessionRefreshTest {
  private static final String USER = "{\"id\":\"usr_1\",\"email\":\"ada@example.com\",\"account_id\":\"acct_1\","
      + "\"plan\":\"free\",\"created_at\":\"2026-11-22T09:30:00Z\"}";
  private static final String DATASET = "{\"id\":\"ds_1\",\"name\":\"x\",\"columns\":[],\"row_count\":0,"
      + "\"created_at\":\"2026-11-22T09:30:00Z\",\"updated_at\":\"2026-11-22T09:30:00Z\"}";

  private final List<Session> heard = new CopyOnWriteArrayList<>();

  private static String tokens(int n) {
    return "{\"user\":" + USER + ",\"mode\":\"token\",\"token_type\":\"Bearer\",\"access_token\":\"jwt_" + n
        + "\",\"refresh_token\":\"mrt_" + n + "\",\"access_token_expires_at\":\"2026-11-22T09:45:00Z\","
        + "\"refresh_token_expires_at\":\"2026-12-22T09:30:00Z\"}";
  }

  private static Session session(int n) {
    return new Session().accessToken("jwt_" + n).refreshToken("mrt_" + n);
  }

  private MarkClient.Builder builderOver(Exchange exchange) {
    return MarkClient.builder().baseUrl("http://mark.test").exchange(exchange).sleeper(d -> { })
        .environmentVariables(name -> null).onSession(heard::add);
  }

  /** A client acting in the session {@code tokens(1)}, whose onSession fills {@link #heard}. */
  private MarkClient userOver(Exchange exchange) {
    return builderOver(exchange).build().withSession(session(1));
  }

  private static String describe(HttpRequest request) {
    return request.method() + " " + request.uri().getPath() + " "
        + request.headers().firstValue("Authorization").orElse("-");
  }

  @Test
  void aCallRefusedWithInvalidTokenRefreshesOnceAndIsSentAgainWithTheNewToken() {
    ScriptedExchange exchange = ScriptedExchange.of(
        problem(401, "invalid_token"), json(200, tokens(2)), json(200, DATASET), json(200, DATASET));
    MarkClient user = userOver(exchange);

    assertThat(user.datasets().retrieve("ds_1").data().getId()).isEqualTo("ds_1");
    user.datasets().retrieve("ds_1");

    assertThat(exchange.requests).extracting(SessionRefreshTest::describe).containsExactly(
        "GET /v1/datasets/ds_1 Bearer jwt_1",
        "POST /v1/auth/refresh -", // public: sent without credentials
        "GET /v1/datasets/ds_1 Bearer jwt_2",
        "GET /v1/datasets/ds_1 Bearer jwt_2");
    assertThat(bodyOf(exchange.requests.get(1))).isEqualTo("{\"refresh_token\":\"mrt_1\"}");
    assertThat(exchange.requests.get(1).headers().firstValue("Idempotency-Key")).isEmpty();
    assertThat(heard).extracting(Session::getRefreshToken).containsExactly("mrt_2");
  }

  @Test
  void callsThatFindTheTokenExpiredTogetherShareOneRefresh() throws Exception {
    int callers = 6;
    CountDownLatch allRefused = new CountDownLatch(callers);
    List<String> refreshes = Collections.synchronizedList(new ArrayList<>());
    // answers by what is asked, and refuses no caller until all have been refused, so that all
    // of them find the old token expired at the same time
    Exchange exchange = request -> {
      if (request.uri().getPath().equals("/v1/auth/refresh")) {
        refreshes.add(bodyOf(request));
        return json(200, tokens(2)).to(request);
      }
      if (request.headers().firstValue("Authorization").orElseThrow().equals("Bearer jwt_2")) {
        return json(200, DATASET).to(request);
      }
      allRefused.countDown();
      allRefused.await(5, TimeUnit.SECONDS);
      return problem(401, "invalid_token").to(request);
    };
    MarkClient user = userOver(exchange);
    MarkClient live = user.newBuilder().environment(Environment.LIVE).build();

    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        MarkClient client = i % 2 == 0 ? user : live;
        calls.add(pool.submit(() -> client.datasets().retrieve("ds_1")));
      }
      for (Future<?> call : calls) {
        call.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(refreshes).as("one refresh for all callers").containsExactly("{\"refresh_token\":\"mrt_1\"}");
    assertThat(heard).hasSize(1);
  }

  @Test
  void whenTheRefreshIsRefusedTheCallerGetsItsOwn401AndTheDeadRefreshTokenIsNotTriedAgain() {
    ScriptedExchange exchange = ScriptedExchange.of(
        problem(401, "invalid_token"), problem(401, "refresh_token_reused"), problem(401, "invalid_token"));
    MarkClient user = userOver(exchange);

    AuthenticationException first = catchThrowableOfType(AuthenticationException.class, () -> user.datasets().retrieve("ds_1"));
    AuthenticationException second = catchThrowableOfType(AuthenticationException.class, () -> user.datasets().retrieve("ds_1"));

    assertThat(first.code()).contains("invalid_token");
    assertThat(second.code()).contains("invalid_token");
    assertThat(exchange.requests).extracting(r -> r.uri().getPath())
        .containsExactly("/v1/datasets/ds_1", "/v1/auth/refresh", "/v1/datasets/ds_1");
    assertThat(heard).isEmpty();
  }

  @Test
  void aRefreshThatFailsOtherwiseIsNotRetriedAndALaterCallMayRefreshAgain() {
    ScriptedExchange exchange = ScriptedExchange.of(
        problem(401, "invalid_token"), problem(503, "unavailable"),
        problem(401, "invalid_token"), json(200, tokens(2)), json(200, DATASET));
    MarkClient user = userOver(exchange);

    assertThatThrownBy(() -> user.datasets().retrieve("ds_1")).isInstanceOf(AuthenticationException.class);
    user.datasets().retrieve("ds_1");

    assertThat(exchange.requests).extracting(r -> r.uri().getPath()).containsExactly(
        "/v1/datasets/ds_1", "/v1/auth/refresh", "/v1/datasets/ds_1", "/v1/auth/refresh", "/v1/datasets/ds_1");
  }

  @Test
  void aCallSentAgainAfterARefreshIsNotRefreshedASecondTime() {
    ScriptedExchange exchange = ScriptedExchange.of(problem(401, "invalid_token"), json(200, tokens(2)), problem(401, "invalid_token"));
    assertThatThrownBy(() -> userOver(exchange).datasets().retrieve("ds_1")).isInstanceOf(AuthenticationException.class);
    assertThat(exchange.requests).hasSize(3);
  }

  @Test
  void anApiKeysClientABearerTokenAloneAndTheAuthCallsNeverRefresh() {
    ScriptedExchange exchange = ScriptedExchange.of(
        problem(401, "invalid_token"), problem(401, "invalid_token"), problem(401, "invalid_credentials"));
    MarkClient keyed = builderOver(exchange).apiKey("mk_test_x").bearerToken("jwt_1").refreshToken("mrt_1").build();
    MarkClient bearerOnly = builderOver(exchange).bearerToken("jwt_1").build();
    MarkClient user = userOver(exchange);

    assertThatThrownBy(() -> keyed.datasets().retrieve("ds_1")).isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> bearerOnly.datasets().retrieve("ds_1")).isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> user.auth().login(new LoginRequest().email("a@example.com").password("p")))
        .isInstanceOf(AuthenticationException.class);

    assertThat(exchange.requests).as("no refresh was sent").hasSize(3);
  }

  @Test
  void aClientGivenOnlyARefreshTokenGetsAnAccessTokenWithItsFirstCall() {
    ScriptedExchange exchange = ScriptedExchange.of(problem(401, "unauthorized"), json(200, tokens(2)), json(200, DATASET));
    builderOver(exchange).refreshToken("mrt_1").build().datasets().retrieve("ds_1");
    assertThat(exchange.requests).extracting(SessionRefreshTest::describe).containsExactly(
        "GET /v1/datasets/ds_1 -", "POST /v1/auth/refresh -", "GET /v1/datasets/ds_1 Bearer jwt_2");
  }

  @Test
  void refreshAndLogoutWithoutATokenActOnTheClientsOwnSession() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, tokens(2)), json(200, DATASET),
        new ScriptedExchange.Answer(204, ""), problem(401, "invalid_token"));
    MarkClient user = userOver(exchange);

    user.auth().refresh();
    user.datasets().retrieve("ds_1");
    user.auth().logout();
    assertThatThrownBy(() -> user.datasets().retrieve("ds_1")).isInstanceOf(AuthenticationException.class);

    assertThat(exchange.requests).extracting(r -> describe(r) + " " + bodyOf(r)).containsExactly(
        "POST /v1/auth/refresh - {\"refresh_token\":\"mrt_1\"}",
        "GET /v1/datasets/ds_1 Bearer jwt_2 ",
        "POST /v1/auth/logout - {\"refresh_token\":\"mrt_2\"}",
        "GET /v1/datasets/ds_1 Bearer jwt_2 ");
    assertThatThrownBy(() -> user.auth().refresh()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onSessionHearsOfLoginAndRefreshByHandAndWhatItThrowsIsTheCallers() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, tokens(1)), json(200, tokens(2)), json(200, tokens(3)));
    MarkClient mark = builderOver(exchange).apiKey("mk_test_x").build();

    mark.auth().login(new LoginRequest().email("a@example.com").password("p"));
    mark.auth().refresh("mrt_1");
    MarkClient failing = mark.newBuilder().onSession(s -> {
      throw new IllegalStateException("store is down");
    }).build();
    assertThatThrownBy(() -> failing.auth().login(new LoginRequest().email("a@example.com").password("p")))
        .hasMessage("store is down");

    assertThat(heard).extracting(Session::getRefreshToken).containsExactly("mrt_1", "mrt_2");
  }
}
