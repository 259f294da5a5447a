package dev.mark.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The cookies of a cookie-mode session: the access token in {@code mark_session} (sent on every
 * call) and the refresh token in {@code mark_refresh} (sent to {@code /v1/auth} only). Both are
 * HttpOnly (no script reads them), Secure and SameSite=Strict (no other site's page sends them).
 */
public final class SessionCookies {

  public static final String ACCESS = "mark_session";
  public static final String REFRESH = "mark_refresh";
  private static final String REFRESH_PATH = "/v1/auth";

  private SessionCookies() {}

  /** The {@code Set-Cookie} values that hand a session to the browser. */
  public static List<String> of(StartedSession session, Instant now) {
    return List.of(
        cookie(ACCESS, session.accessToken(), "/", Duration.between(now, session.accessTokenExpiresAt())),
        cookie(REFRESH, session.refreshToken(), REFRESH_PATH, Duration.between(now, session.refreshTokenExpiresAt())));
  }

  /** The {@code Set-Cookie} values that make the browser forget the session. */
  public static List<String> cleared() {
    return List.of(cookie(ACCESS, "", "/", Duration.ZERO), cookie(REFRESH, "", REFRESH_PATH, Duration.ZERO));
  }

  private static String cookie(String name, String value, String path, Duration maxAge) {
    return name + "=" + value + "; Path=" + path + "; Max-Age=" + Math.max(0, maxAge.toSeconds())
        + "; HttpOnly; Secure; SameSite=Strict";
  }
}
