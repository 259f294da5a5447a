package dev.mark.sessions;

import dev.mark.platform.errors.Forbidden;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.security.CallerRequest;
import dev.mark.platform.security.OriginPolicy;
import dev.mark.platform.security.Principal;
import dev.mark.platform.security.SchemeAuthenticator;
import dev.mark.platform.security.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The {@code SessionCookie} scheme: a session's access token in the {@code mark_session} cookie.
 * Because browsers attach cookies on their own, a write must also prove it comes from Mark's
 * app: an allowed {@code Origin}, and the session's CSRF token in {@code X-CSRF-Token}, which
 * another site's page cannot read.
 */
public final class CookieSessionAuthenticator implements SchemeAuthenticator {

  static final String CSRF_HEADER = "X-CSRF-Token";

  private final SessionService sessions;
  private final OriginPolicy origins;

  public CookieSessionAuthenticator(SessionService sessions, OriginPolicy origins) {
    this.sessions = sessions;
    this.origins = origins;
  }

  @Override
  public String scheme() {
    return "SessionCookie";
  }

  @Override
  public Optional<Principal> authenticate(CallerRequest request) {
    String token = request.cookie(SessionCookies.ACCESS);
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    SessionClaims claims = sessions.verify(token);
    if (!request.isSafeMethod()) {
      origins.requireAllowed(request);
      requireCsrf(claims, request.header(CSRF_HEADER));
    }
    return Optional.of(SessionPrincipals.of(claims, request));
  }

  private static void requireCsrf(SessionClaims claims, String presented) {
    boolean matches = presented != null && claims.csrfDigest().isPresent()
        && MessageDigest.isEqual(
            Sha256.hex(presented).getBytes(StandardCharsets.US_ASCII),
            claims.csrfDigest().get().getBytes(StandardCharsets.US_ASCII));
    if (!matches) {
      throw new Forbidden(ProblemCode.CSRF_FAILED,
          "A write with a cookie session needs the session's csrf_token in the X-CSRF-Token header.");
    }
  }

  @Override
  public String hint() {
    return "Log in; a browser sends the session cookie with credentials: 'include'.";
  }
}
