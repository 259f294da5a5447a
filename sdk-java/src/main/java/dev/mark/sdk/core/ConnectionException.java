package dev.mark.sdk.core;

/** The request got no HTTP response (DNS, refused or reset connection, interruption). */
public class ConnectionException extends MarkException {
  private static final long serialVersionUID = 1L;

  ConnectionException(String message, ErrorParts problem, Throwable cause) {
    super(message, problem, cause);
  }
}
