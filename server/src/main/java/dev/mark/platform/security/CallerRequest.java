package dev.mark.platform.security;

/** What authenticators may see of a request: its method, headers and cookies. */
public interface CallerRequest {

  /** Names the environment a session acts in; see the BearerAuth scheme in openapi.yaml. */
  String ENVIRONMENT_HEADER = "Mark-Environment";

  /** The HTTP method, upper case. */
  String method();

  /** A header by name (case-insensitive), or null. */
  String header(String name);

  /** A cookie by name, or null. */
  String cookie(String name);

  /** The client's address, as the server resolves it (the peer, or as trusted proxies say). */
  String clientAddress();

  /** Whether the method changes nothing ({@code GET}, {@code HEAD}, {@code OPTIONS}). */
  default boolean isSafeMethod() {
    return switch (method()) {
      case "GET", "HEAD", "OPTIONS" -> true;
      default -> false;
    };
  }
}
