package dev.mark.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mark.sdk.core.AuthenticationException;
import dev.mark.sdk.core.Environment;
import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.model.Session;
import dev.mark.sdk.model.ConfirmSignupRequest;
import dev.mark.sdk.model.SignupRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Automatic refresh against a server whose access tokens last 4 seconds (so that a resend lands
 * well inside the new token's life, even on a slow machine): each test waits for its session's
 * token to expire, then calls. Also run by the TypeScript SDK
 * (test/session-refresh-live.test.ts).
 */
class LiveSessionRefreshTest {
  private static final String PASSWORD = "plum tulip 4 anchor violet";

  private static LiveServer server;
  private static MarkClient mark;

  @BeforeAll
  static void startAServerWithShortLivedTokens() throws Exception {
    server = LiveServer.start(Map.of("MARK_ACCESS_TOKEN_TTL_SECONDS", "4"));
    mark = server.client().apiKey(server.apiKey()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** A new user's session, and a client acting in it whose onSession fills {@code heard}. */
  private static final class NewUser {
    final List<Session> heard = new CopyOnWriteArrayList<>();
    final Session session;
    final MarkClient client;

    NewUser(String name) {
      String email = name + "+" + UUID.randomUUID() + "@example.com";
      mark.auth().signup(new SignupRequest().email(email).password(PASSWORD));
      session = mark.auth().confirmSignup(new ConfirmSignupRequest().token(server.signupToken(email))).data();
      client = mark.newBuilder().onSession(heard::add).build().withSession(session);
    }

    /** Waits until the access token has expired: JWT times are whole seconds, so 1 s more. */
    void waitForExpiry() throws InterruptedException {
      OffsetDateTime expired = session.getAccessTokenExpiresAt().plus(Duration.ofMillis(1_100));
      long millis = Duration.between(OffsetDateTime.now(), expired).toMillis();
      if (millis > 0) {
        Thread.sleep(millis);
      }
    }
  }

  @Test
  void aCallWithAnExpiredAccessTokenRefreshesTheSessionAndGoesThroughAndOnSessionGetsTheNewTokens() throws Exception {
    NewUser ada = new NewUser("ada");
    ada.waitForExpiry();

    assertThat(ada.client.auth().me().data().getUser().getId()).isEqualTo(ada.session.getUser().getId());

    assertThat(ada.heard).hasSize(1);
    Session renewed = ada.heard.get(0);
    assertThat(renewed.getRefreshToken()).isNotEqualTo(ada.session.getRefreshToken());
    MarkClient fromStore = server.client().bearerToken(renewed.getAccessToken())
        .refreshToken(renewed.getRefreshToken()).build();
    assertThat(fromStore.auth().me().data().getUser().getId()).as("the tokens handed to onSession act as the user")
        .isEqualTo(ada.session.getUser().getId());
  }

  @Test
  void callsThatAllFindTheAccessTokenExpiredShareOneRefreshAndTheSessionGoesOn() throws Exception {
    NewUser grace = new NewUser("grace");
    MarkClient live = grace.client.newBuilder().environment(Environment.LIVE).build();
    grace.waitForExpiry();

    List<Callable<Object>> calls = List.of(
        () -> grace.client.auth().me(), () -> live.datasets().list(), () -> grace.client.datasets().list(),
        () -> live.auth().me(), () -> grace.client.auth().me());
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (Callable<Object> call : calls) {
        results.add(pool.submit(call));
      }
      for (Future<Object> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isNotNull();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(grace.heard).as("one refresh for the five calls").hasSize(1);
    // Had a second refresh presented the spent token, the server would have ended the session.
    assertThat(grace.client.auth().refresh().data().getUser().getId()).isEqualTo(grace.session.getUser().getId());
    assertThat(grace.heard).hasSize(2);
  }

  @Test
  void whenTheSessionHasEndedTheCallerGetsItsOwnInvalidTokenNotTheRefreshsError() throws Exception {
    NewUser alan = new NewUser("alan");
    mark.auth().logout(alan.session.getRefreshToken());
    alan.waitForExpiry();

    AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> alan.client.auth().me());

    assertThat(e.code()).contains("invalid_token");
    assertThat(alan.heard).isEmpty();
  }
}
