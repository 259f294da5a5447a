package dev.mark.sdk.core;

/** 409: conflicts with another request, e.g. one with the same Idempotency-Key still in progress. */
public class ConflictException extends MarkException {
  private static final long serialVersionUID = 1L;

  ConflictException(String message, ErrorParts problem, Throwable cause) {
    super(message, problem, cause);
  }
}
