package dev.mark.platform.lifecycle;

/**
 * Something the server needs could not be opened (a port in use, a database that does not
 * answer). The message is one line: what, and the deepest cause's reason, which is the one
 * that tells an operator what to fix ("Address already in use", "Connection refused").
 */
public final class StartupException extends RuntimeException {

  StartupException(String what, Throwable cause) {
    super(what + ": " + reason(cause), cause);
  }

  /** The message of the deepest cause, on one line, or its class when it has none. */
  static String reason(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null || cause.getMessage().isBlank()
        ? cause.getClass().getSimpleName()
        : cause.getMessage();
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
