package dev.mark.sessions;

import dev.mark.keys.ApiKeyService;
import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.security.CallerRequest;
import dev.mark.platform.security.Principal;
import java.util.List;
import java.util.Set;

/** The principal of a session call: the user's account, in the environment it names. */
final class SessionPrincipals {

  /** A user may do everything on its account, as a key with every scope may. */
  private static final Set<String> ALL_SCOPES = Set.copyOf(ApiKeyService.ALL_SCOPES);

  private SessionPrincipals() {}

  static Principal of(SessionClaims claims, CallerRequest request) {
    String environment = request.header(CallerRequest.ENVIRONMENT_HEADER);
    if (environment == null) {
      environment = "test";
    } else if (!environment.equals("test") && !environment.equals("live")) {
      throw BadRequest.validation(List.of(new FieldIssue(FieldIssue.Location.HEADER,
          "/" + CallerRequest.ENVIRONMENT_HEADER, "enum", "must be test or live")));
    }
    String keyId = environment.equals("test") ? claims.testKeyId() : claims.liveKeyId();
    return new Principal(claims.accountId(), keyId, environment, claims.planId(), ALL_SCOPES,
        claims.userId());
  }
}
