package dev.mark.sdk.core;

/**
 * 401: no credentials, a malformed, unknown or revoked API key, or a session's access token that
 * is not valid ({@code invalid_token}) and that the client could not renew.
 */
public class AuthenticationException extends MarkException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(String message, ErrorParts problem, Throwable cause) {
    super(message, problem, cause);
  }
}
