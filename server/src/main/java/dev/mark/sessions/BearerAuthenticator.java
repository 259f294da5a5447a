package dev.mark.sessions;

import dev.mark.platform.security.CallerRequest;
import dev.mark.platform.security.Principal;
import dev.mark.platform.security.SchemeAuthenticator;
import java.util.Optional;

/** The {@code BearerAuth} scheme: a session's access token in {@code Authorization: Bearer}. */
public final class BearerAuthenticator implements SchemeAuthenticator {

  private static final String PREFIX = "bearer ";

  private final SessionService sessions;

  public BearerAuthenticator(SessionService sessions) {
    this.sessions = sessions;
  }

  @Override
  public String scheme() {
    return "BearerAuth";
  }

  @Override
  public Optional<Principal> authenticate(CallerRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Optional.empty();
    }
    SessionClaims claims = sessions.verify(authorization.substring(PREFIX.length()).strip());
    return Optional.of(SessionPrincipals.of(claims, request));
  }

  @Override
  public String hint() {
    return "Send an access token in Authorization: Bearer, or log in.";
  }
}
