package dev.mark.platform.security;

import dev.mark.platform.errors.Forbidden;
import dev.mark.platform.errors.ProblemCode;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser origins may use a cookie session: the server's own and those configured in
 * {@code MARK_CORS_ORIGINS}. A request without an {@code Origin} header is not from a browser's
 * cross-origin fetch (browsers send one on every cross-origin request and every POST), so it
 * passes; SameSite=Strict cookies and the CSRF token guard the rest.
 */
public final class OriginPolicy {

  private final Set<String> allowed;

  public OriginPolicy(List<String> allowedOrigins) {
    this.allowed = Set.copyOf(allowedOrigins);
  }

  /** The configured origins, as {@code scheme://host[:port]}. */
  public Set<String> allowedOrigins() {
    return allowed;
  }

  /** @throws Forbidden {@code origin_not_allowed} for a foreign origin */
  public void requireAllowed(CallerRequest request) {
    String origin = request.header("Origin");
    if (origin == null || isAllowed(origin, request)) {
      return;
    }
    throw new Forbidden(ProblemCode.ORIGIN_NOT_ALLOWED,
        "Cookie sessions may be used from Mark's own origins only, not from " + origin + ".");
  }

  /** Whether the request names its origin and the origin is allowed. */
  public boolean comesFromAllowedOrigin(CallerRequest request) {
    String origin = request.header("Origin");
    return origin != null && isAllowed(origin, request);
  }

  private boolean isAllowed(String origin, CallerRequest request) {
    return allowed.contains(origin.toLowerCase(Locale.ROOT)) || isSameOrigin(origin, request.header("Host"));
  }

  private static boolean isSameOrigin(String origin, String host) {
    if (host == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
