package dev.mark.keys;

import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unauthorized;
import dev.mark.platform.security.CallerRequest;
import dev.mark.platform.security.Principal;
import dev.mark.platform.security.SchemeAuthenticator;
import java.util.Optional;

/** The {@code ApiKeyAuth} scheme: a Mark API key in the {@code X-API-Key} header. */
public final class ApiKeyAuthenticator implements SchemeAuthenticator {

  private static final String HEADER = "X-API-Key";

  private final ApiKeyService keys;
  private final AuthFailureThrottle failures;

  public ApiKeyAuthenticator(ApiKeyService keys, AuthFailureThrottle failures) {
    this.keys = keys;
    this.failures = failures;
  }

  @Override
  public String scheme() {
    return "ApiKeyAuth";
  }

  @Override
  public Optional<Principal> authenticate(CallerRequest request) {
    String presented = request.header(HEADER);
    if (presented == null || presented.isBlank()) {
      return Optional.empty();
    }
    if (ApiKeyFormat.environmentOf(presented.trim()).isEmpty()) {
      throw new Unauthorized(ProblemCode.INVALID_API_KEY,
          "The X-API-Key header does not hold a well-formed Mark API key; check it for typos.");
    }
    String address = request.clientAddress();
    Optional<Principal> principal = keys.authenticate(presented.trim(),
        () -> failures.requireFailuresLeft(address));
    if (principal.isEmpty()) {
      failures.failed(address);
      throw new Unauthorized(ProblemCode.INVALID_API_KEY, "The API key is not valid, or has been revoked.");
    }
    return principal;
  }

  @Override
  public String hint() {
    return "Send a Mark API key in the X-API-Key header.";
  }
}
