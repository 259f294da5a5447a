package dev.mark.sdk.core;

/** No response within the configured timeout. */
public class TimeoutException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  TimeoutException(String message, ErrorParts problem, Throwable cause) {
    super(message, problem, cause);
  }
}
