package dev.mark;

import static dev.mark.db.Tables.PENDING_SIGNUPS;
import static dev.mark.db.Tables.USERS;
import static dev.mark.support.Problems.assertIssue;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.mark.support.HttpResult;
import dev.mark.support.LogCapture;
import dev.mark.support.Mailbox;
import dev.mark.support.MovableClock;
import dev.mark.support.RunningServer;
import dev.mark.support.Sessions;
import dev.mark.support.TestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Signup does not tell who is registered (issue 11, finding 7): it answers the same either way,
 * and only the mailbox learns the difference; the user is created when the mailed token comes
 * back, once, within its day.
 */
@ExtendWith(RunningServer.Extension.class)
class SignupTest {

  @Test
  void aRegisteredEmailAndANewOneGetTheSameAnswer(RunningServer server) {
    String registered = Sessions.newEmail();
    Sessions.signUp(server, registered);
    TestClient anonymous = server.anonymousClient();

    HttpResult again = Sessions.requestSignup(anonymous, registered.toUpperCase(Locale.ROOT));
    HttpResult fresh = Sessions.requestSignup(anonymous, Sessions.newEmail());

    assertThat(again.status()).as(again.body()).isEqualTo(202);
    assertThat(fresh.status()).as(fresh.body()).isEqualTo(202);
    assertThat(fieldNames(again.json())).isEqualTo(fieldNames(fresh.json()))
        .containsExactly("email", "expires_at", "status");
    assertThat(again.json().get("status").asString()).isEqualTo("verification_sent");
    assertThat(again.json().get("email").asString()).isEqualTo(registered);
    assertThat(Instant.parse(again.json().get("expires_at").asString()))
        .isAfter(Instant.now().plus(Duration.ofHours(23)));
    assertThat(headerNames(again)).isEqualTo(headerNames(fresh));
    for (String header : List.of("Cache-Control", "Content-Type")) {
      assertThat(again.header(header)).as(header).isEqualTo(fresh.header(header)).isPresent();
    }
    assertThat(server.sql().fetchCount(USERS, USERS.EMAIL.eq(registered))).isEqualTo(1);
  }

  @Test
  void theMailboxAloneLearnsWhetherTheEmailWasRegistered(RunningServer server) {
    String registered = Sessions.newEmail();
    Sessions.signUp(server, registered);
    String fresh = Sessions.newEmail();

    Sessions.requestSignup(server.anonymousClient(), registered);
    Sessions.requestSignup(server.anonymousClient(), fresh);

    Mailbox.Mail toRegistered = server.mailbox().last(registered);
    assertThat(toRegistered.subject()).isEqualTo("Someone tried to sign up to Mark with your address");
    assertThat(toRegistered.signupToken()).isEmpty();
    assertThat(toRegistered.text()).contains("log in").contains("reset");
    Mailbox.Mail toFresh = server.mailbox().last(fresh);
    assertThat(toFresh.subject()).isEqualTo("Confirm your Mark signup");
    assertThat(toFresh.signupToken()).isPresent();
    assertThat(server.mailbox().to(registered)).hasSize(2).allSatisfy(mail ->
        assertThat(mail.raw()).doesNotContain(Sessions.PASSWORD));
    assertThat(toFresh.raw()).doesNotContain(Sessions.PASSWORD);
  }

  @Test
  void noUserExistsUntilTheTokenIsConfirmedAndOnlyItsHashIsKept(RunningServer server) {
    String email = Sessions.newEmail();
    TestClient anonymous = server.anonymousClient();

    assertThat(Sessions.requestSignup(anonymous, email).status()).isEqualTo(202);

    assertThat(server.sql().fetchCount(USERS, USERS.EMAIL.eq(email))).isZero();
    assertProblem(Sessions.login(anonymous, email, Sessions.PASSWORD, "token"), 401, "invalid_credentials");
    String token = server.mailbox().signupToken(email);
    var pending = server.sql().selectFrom(PENDING_SIGNUPS).where(PENDING_SIGNUPS.EMAIL.eq(email)).fetchSingle();
    assertThat(pending.getPasswordHash()).startsWith("$argon2id$").doesNotContain(Sessions.PASSWORD);
    assertThat(new String(pending.getTokenHash(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token);

    HttpResult confirmed = Sessions.confirm(anonymous, token, "token");

    JsonNode session = Sessions.signedUp(confirmed);
    assertThat(confirmed.header("Cache-Control")).hasValue("no-store");
    assertThat(session.get("user").get("email").asString()).isEqualTo(email);
    assertThat(Sessions.bearer(server, session).get("/v1/me").status()).isEqualTo(200);
    assertThat(Sessions.login(anonymous, email, Sessions.PASSWORD, "token").status()).isEqualTo(200);
  }

  @Test
  void aTokenWorksOnce(RunningServer server) {
    String email = Sessions.newEmail();
    Sessions.requestSignup(server.anonymousClient(), email);
    String token = server.mailbox().signupToken(email);
    Sessions.signedUp(Sessions.confirm(server.anonymousClient(), token, "token"));

    assertInvalidToken(Sessions.confirm(server.anonymousClient(), token, "token"));
    assertThat(server.sql().fetchCount(USERS, USERS.EMAIL.eq(email))).isEqualTo(1);
  }

  @Test
  void anUnknownOrMalformedTokenIsRefusedNamingIt(RunningServer server) {
    TestClient anonymous = server.anonymousClient();

    assertInvalidToken(Sessions.confirm(anonymous, "mst_" + "A".repeat(43), "token"));
    assertInvalidToken(Sessions.confirm(anonymous, "anything at all", "token"));
    HttpResult tooLong = Sessions.confirm(anonymous, "x".repeat(201), "token");
    assertProblem(tooLong, 400, "validation_failed");
    assertIssue(tooLong.json(), "body", "/token", "max_length");
    HttpResult missing = anonymous.postJson("/v1/auth/signup/confirm", "{}");
    assertProblem(missing, 400, "validation_failed");
  }

  @Test
  void anExpiredTokenIsRefused() {
    MovableClock clock = new MovableClock();
    try (RunningServer server = RunningServer.builder().clock(clock).start()) {
      String email = Sessions.newEmail();
      Sessions.requestSignup(server.anonymousClient(), email);
      String token = server.mailbox().signupToken(email);

      clock.advance(Duration.ofHours(24).plusSeconds(1));

      assertInvalidToken(Sessions.confirm(server.anonymousClient(), token, "token"));
      assertThat(server.sql().fetchCount(USERS, USERS.EMAIL.eq(email))).isZero();
    }
  }

  @Test
  void aConfirmationStartsACookieSessionFromTheApp(RunningServer server) {
    String email = Sessions.newEmail();
    Sessions.requestSignup(server.anonymousClient(), email);
    String token = server.mailbox().signupToken(email);

    assertProblem(Sessions.confirm(server.anonymousClient().withHeader("Origin", "https://evil.example"),
        token, "cookie"), 403, "origin_not_allowed");
    HttpResult confirmed = Sessions.confirm(
        server.anonymousClient().withHeader("Origin", RunningServer.APP_ORIGIN), token, "cookie");

    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
    assertThat(confirmed.json().get("mode").asString()).isEqualTo("cookie");
    assertThat(confirmed.json().has("access_token")).isFalse();
    assertThat(confirmed.json().get("csrf_token").asString()).hasSizeGreaterThan(30);
    String access = Sessions.cookie(confirmed, "mark_session").orElseThrow();
    assertThat(Sessions.cookie(confirmed, "mark_refresh")).isPresent();
    HttpResult me = server.anonymousClient().withHeader("Origin", RunningServer.APP_ORIGIN)
        .withHeader("Cookie", "mark_session=" + access).get("/v1/me");
    assertThat(me.status()).as(me.body()).isEqualTo(200);
  }

  @Test
  void anEmailRegisteredMeanwhileSpendsTheOtherTokenAndMakesNoSecondUser(RunningServer server) {
    String email = Sessions.newEmail();
    TestClient anonymous = server.anonymousClient();
    Sessions.requestSignup(anonymous, email);
    String first = server.mailbox().signupToken(email);
    Sessions.requestSignup(anonymous, email);
    String second = server.mailbox().signupToken(email);
    assertThat(second).isNotEqualTo(first);

    Sessions.signedUp(Sessions.confirm(anonymous, second, "token"));

    HttpResult late = Sessions.confirm(anonymous, first, "token");
    assertInvalidToken(late);
    assertThat(server.sql().fetchCount(USERS, USERS.EMAIL.eq(email))).isEqualTo(1);
    assertThat(server.sql().fetchCount(PENDING_SIGNUPS,
        PENDING_SIGNUPS.EMAIL.eq(email).and(PENDING_SIGNUPS.USED_AT.isNull()))).isZero();
  }

  @Test
  void signupNoLongerAnswersEmailTaken(RunningServer server) {
    String email = Sessions.newEmail();
    Sessions.signUp(server, email);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      statuses.add(Sessions.requestSignup(server.anonymousClient(), email).status());
    }
    assertThat(statuses).containsOnly(202);
  }

  @Test
  void withoutAnOutboxTheMessagesAreLoggedWithoutThePassword() {
    try (RunningServer server = RunningServer.builder().environment(Map.of("MARK_MAIL_OUTBOX", " ")).start();
        LogCapture logs = new LogCapture()) {
      String email = Sessions.newEmail();

      assertThat(Sessions.requestSignup(server.anonymousClient(), email).status()).isEqualTo(202);

      assertThat(logs.messages(Level.INFO)).filteredOn(line -> line.startsWith("Mail to " + email))
          .singleElement().satisfies(line -> assertThat(line)
              .contains("Confirm your Mark signup").containsPattern("mst_[A-Za-z0-9_-]{43}")
              .doesNotContain(Sessions.PASSWORD));
      assertThat(logs.messages()).noneMatch(line -> line.contains(Sessions.PASSWORD));
    }
  }

  private static void assertInvalidToken(HttpResult result) {
    assertProblem(result, 422, "invalid_signup_token");
    assertIssue(result.json(), "body", "/token", "invalid_signup_token");
  }

  private static Set<String> fieldNames(JsonNode node) {
    return new TreeSet<>(node.propertyNames());
  }

  /** The names of the headers a response carries (their values may differ: Date, X-Request-Id). */
  private static Set<String> headerNames(HttpResult result) {
    return new TreeSet<>(result.response().headers().map().keySet());
  }
}
