package dev.mark.platform.security;

import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unauthorized;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The authenticators of every scheme the server supports, tried in the operation's order. */
public final class Authenticators {

  private final Map<String, SchemeAuthenticator> byScheme = new LinkedHashMap<>();

  public Authenticators(List<SchemeAuthenticator> authenticators) {
    authenticators.forEach(a -> byScheme.put(a.scheme(), a));
  }

  /** Whether every scheme in {@code schemes} has an authenticator; checked at startup. */
  public void requireSupport(String operationId, List<String> schemes) {
    for (String scheme : schemes) {
      if (!byScheme.containsKey(scheme)) {
        throw new IllegalStateException(
            operationId + " declares security scheme " + scheme + ", which nothing authenticates");
      }
    }
  }

  /**
   * The principal of a request under the first of {@code schemes} it has credentials for.
   *
   * @throws Unauthorized when it has none, or invalid ones
   */
  public Principal authenticate(List<String> schemes, CallerRequest request) {
    for (String scheme : schemes) {
      var principal = byScheme.get(scheme).authenticate(request);
      if (principal.isPresent()) {
        return principal.get();
      }
    }
    throw new Unauthorized(ProblemCode.UNAUTHORIZED, byScheme.get(schemes.getFirst()).hint());
  }
}
