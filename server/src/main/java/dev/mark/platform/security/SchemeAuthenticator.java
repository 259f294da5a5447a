package dev.mark.platform.security;

import java.util.Optional;

/**
 * Authenticates requests under one security scheme of the contract (e.g. {@code ApiKeyAuth}).
 * Implementations must be thread-safe.
 */
public interface SchemeAuthenticator {

  /** The scheme's name in {@code components.securitySchemes}. */
  String scheme();

  /**
   * The principal of a request, or empty when it carries no credentials of this scheme.
   *
   * @param request the request's method, headers and cookies
   * @throws dev.mark.platform.errors.Unauthorized when it carries credentials that are not valid
   */
  Optional<Principal> authenticate(CallerRequest request);

  /** What to tell a caller who sent no credentials, e.g. "Send an API key in X-API-Key." */
  String hint();
}
