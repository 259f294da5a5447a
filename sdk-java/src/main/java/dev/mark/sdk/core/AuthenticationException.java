package dev.mark.sdk.core;

/** 401: no credentials, or a malformed, unknown or revoked API key. */
public class AuthenticationException extends MarkException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(String message, ErrorParts problem, Throwable cause) {
    super(message, problem, cause);
  }
}
