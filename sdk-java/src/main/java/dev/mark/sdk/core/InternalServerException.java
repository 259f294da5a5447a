package dev.mark.sdk.core;

/** 5xx: something went wrong on Mark's side; quote {@link #requestId()} to support. */
public class InternalServerException extends MarkException {
  private static final long serialVersionUID = 1L;

  InternalServerException(String message, ErrorParts problem, Throwable cause) {
    super(message, problem, cause);
  }
}
