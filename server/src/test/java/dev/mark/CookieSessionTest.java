package dev.mark;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.Sessions;
import dev.mark.support.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cookie mode of sessions, for Mark's web app: HttpOnly, Secure, SameSite=Strict cookies; a
 * CSRF token on every write; only allowed origins; and CORS with credentials for those only.
 */
@ExtendWith(RunningServer.Extension.class)
class CookieSessionTest {

  private static final String FOREIGN_ORIGIN = "https://evil.example";

  @Test
  void aCookieLoginSetsHardenedCookiesAndNoTokensInTheBody(RunningServer server) {
    String email = Sessions.newEmail();
    Sessions.signUp(server, email);

    HttpResult login = Sessions.login(fromApp(server), email, Sessions.PASSWORD, "cookie");

    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().has("access_token")).isFalse();
    assertThat(login.json().has("refresh_token")).isFalse();
    assertThat(login.json().get("csrf_token").asString()).hasSizeGreaterThan(30);
    assertThat(login.header("Cache-Control")).hasValue("no-store");
    assertThat(Sessions.setCookies(login)).hasSize(2).allSatisfy(cookie ->
        assertThat(cookie).contains("; HttpOnly").contains("; Secure").contains("; SameSite=Strict"));
    assertThat(Sessions.setCookies(login)).anySatisfy(c -> assertThat(c).startsWith("mark_session=").contains("Path=/;"));
    assertThat(Sessions.setCookies(login)).anySatisfy(c -> assertThat(c).startsWith("mark_refresh=").contains("Path=/v1/auth;"));
  }

  @Test
  void writesNeedTheCsrfTokenAndAnAllowedOrigin(RunningServer server) {
    CookieSession session = CookieSession.start(server);
    TestClient browser = session.client(server);

    HttpResult me = browser.get("/v1/me");
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().get("csrf_token").asString()).isEqualTo(session.csrf());

    assertProblem(browser.postJson("/v1/datasets", ORDERS), 403, "csrf_failed");
    assertProblem(browser.withHeader("X-CSRF-Token", session.csrf() + "x")
        .postJson("/v1/datasets", ORDERS), 403, "csrf_failed");
    assertProblem(browser.withHeader("X-CSRF-Token", session.csrf()).withHeader("Origin", FOREIGN_ORIGIN)
        .postJson("/v1/datasets", ORDERS), 403, "origin_not_allowed");
    assertThat(browser.get("/v1/datasets").json().get("data")).isEmpty();

    HttpResult created = browser.withHeader("X-CSRF-Token", session.csrf())
        .postJson("/v1/datasets", ORDERS);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    HttpResult sameOrigin = browser.withHeader("Origin", server.baseUrl())
        .withHeader("X-CSRF-Token", session.csrf())
        .delete("/v1/datasets/" + created.json().get("id").asString());
    assertThat(sameOrigin.status()).as(sameOrigin.body()).isEqualTo(204);
  }

  @Test
  void aForeignPageCannotLogABrowserIn(RunningServer server) {
    String email = Sessions.newEmail();
    Sessions.signUp(server, email);
    TestClient foreign = server.anonymousClient().withHeader("Origin", FOREIGN_ORIGIN);

    assertProblem(Sessions.login(foreign, email, Sessions.PASSWORD, "cookie"), 403, "origin_not_allowed");
  }

  @Test
  void refreshAndLogoutByCookieNeedTheCsrfTokenOrAnAllowedOrigin(RunningServer server) {
    CookieSession session = CookieSession.start(server);
    TestClient auth = fromApp(server).withHeader("Cookie", "mark_refresh=" + session.refresh());

    TestClient noOrigin = server.anonymousClient().withHeader("Cookie", "mark_refresh=" + session.refresh());
    assertProblem(noOrigin.send("POST", "/v1/auth/refresh", null, null), 403, "csrf_failed");
    assertProblem(auth.withHeader("X-CSRF-Token", "wrong").send("POST", "/v1/auth/refresh", null, null),
        403, "csrf_failed");
    assertProblem(auth.withHeader("Origin", FOREIGN_ORIGIN).send("POST", "/v1/auth/refresh", null, null),
        403, "origin_not_allowed");
    HttpResult refreshed = auth.withHeader("X-CSRF-Token", session.csrf())
        .send("POST", "/v1/auth/refresh", null, null);
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    String newRefresh = Sessions.cookie(refreshed, "mark_refresh").orElseThrow();
    assertThat(newRefresh).isNotEqualTo(session.refresh());
    assertThat(refreshed.json().get("csrf_token").asString()).isEqualTo(session.csrf());

    // a reloaded page has lost the CSRF token: its Origin lets it refresh and get the token back
    HttpResult reloaded = auth.withHeader("Cookie", "mark_refresh=" + newRefresh)
        .send("POST", "/v1/auth/refresh", null, null);
    assertThat(reloaded.status()).as(reloaded.body()).isEqualTo(200);
    assertThat(reloaded.json().get("csrf_token").asString()).isEqualTo(session.csrf());
    newRefresh = Sessions.cookie(reloaded, "mark_refresh").orElseThrow();

    TestClient next = fromApp(server).withHeader("Cookie", "mark_refresh=" + newRefresh);
    assertProblem(next.withHeader("Origin", null).send("POST", "/v1/auth/logout", null, null), 403, "csrf_failed");
    HttpResult out = next.withHeader("X-CSRF-Token", session.csrf()).send("POST", "/v1/auth/logout", null, null);
    assertThat(out.status()).isEqualTo(204);
    assertThat(Sessions.setCookies(out)).hasSize(2).allSatisfy(c -> assertThat(c).contains("Max-Age=0"));
    assertProblem(next.withHeader("X-CSRF-Token", session.csrf()).send("POST", "/v1/auth/refresh", null, null),
        401, "invalid_refresh_token");
  }

  @Test
  void tabsRefreshingWithOneCookieAtOnceKeepTheSessionButALaterReuseEndsIt(RunningServer server)
      throws InterruptedException {
    CookieSession session = CookieSession.start(server);
    TestClient tabs = fromApp(server).withHeader("Cookie", "mark_refresh=" + session.refresh());

    HttpResult firstTab = tabs.send("POST", "/v1/auth/refresh", null, null);
    HttpResult secondTab = tabs.send("POST", "/v1/auth/refresh", null, null);

    assertThat(firstTab.status()).as(firstTab.body()).isEqualTo(200);
    assertThat(secondTab.status()).as(secondTab.body()).isEqualTo(200);
    String firstAccess = Sessions.cookie(firstTab, "mark_session").orElseThrow();
    String secondAccess = Sessions.cookie(secondTab, "mark_session").orElseThrow();
    assertThat(Sessions.cookie(secondTab, "mark_refresh")).isNotEqualTo(Sessions.cookie(firstTab, "mark_refresh"));
    assertThat(new CookieSession(firstAccess, "", session.csrf()).client(server).get("/v1/me").status()).isEqualTo(200);
    assertThat(new CookieSession(secondAccess, "", session.csrf()).client(server).get("/v1/me").status()).isEqualTo(200);

    // past the grace, the same cookie is a reuse: the whole session ends, both forks with it
    Thread.sleep(RunningServer.REFRESH_REUSE_GRACE.plusMillis(500).toMillis());
    assertProblem(tabs.send("POST", "/v1/auth/refresh", null, null), 401, "refresh_token_reused");
    assertProblem(new CookieSession(secondAccess, "", session.csrf()).client(server).get("/v1/me"),
        401, "invalid_token");
    assertProblem(fromApp(server).withHeader("Cookie", "mark_refresh="
        + Sessions.cookie(firstTab, "mark_refresh").orElseThrow()).send("POST", "/v1/auth/refresh", null, null),
        401, "invalid_refresh_token");
  }

  @Test
  void corsAllowsCredentialsForTheConfiguredOriginOnly(RunningServer server) {
    HttpResult allowed = preflight(server, RunningServer.APP_ORIGIN);
    assertThat(allowed.status()).isBetween(200, 204);
    assertThat(allowed.header("Access-Control-Allow-Origin")).hasValue(RunningServer.APP_ORIGIN);
    assertThat(allowed.header("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(allowed.header("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
        .contains("x-csrf-token");

    HttpResult foreign = preflight(server, FOREIGN_ORIGIN);
    assertThat(foreign.header("Access-Control-Allow-Origin")).isEmpty();
    assertThat(foreign.header("Access-Control-Allow-Credentials")).isEmpty();

    HttpResult read = server.client().withHeader("Origin", RunningServer.APP_ORIGIN).get("/v1/datasets");
    assertThat(read.header("Access-Control-Allow-Origin")).hasValue(RunningServer.APP_ORIGIN);
    assertThat(read.header("Access-Control-Expose-Headers").orElseThrow())
        .contains("X-Request-Id").contains("RateLimit").contains("Retry-After");
  }

  private static HttpResult preflight(RunningServer server, String origin) {
    return server.anonymousClient()
        .withHeader("Origin", origin)
        .withHeader("Access-Control-Request-Method", "POST")
        .withHeader("Access-Control-Request-Headers", "content-type,x-csrf-token")
        .send("OPTIONS", "/v1/datasets", null, null);
  }

  private static TestClient fromApp(RunningServer server) {
    return server.anonymousClient().withHeader("Origin", RunningServer.APP_ORIGIN);
  }

  /** A session logged in by cookie, as Mark's web app holds it. */
  record CookieSession(String access, String refresh, String csrf) {

    static CookieSession start(RunningServer server) {
      String email = Sessions.newEmail();
      Sessions.signUp(server, email);
      HttpResult login = Sessions.login(fromApp(server), email, Sessions.PASSWORD, "cookie");
      return new CookieSession(Sessions.cookie(login, "mark_session").orElseThrow(),
          Sessions.cookie(login, "mark_refresh").orElseThrow(), login.json().get("csrf_token").asString());
    }

    TestClient client(RunningServer server) {
      return fromApp(server).withHeader("Cookie", "mark_session=" + access);
    }
  }
}
