package dev.mark.sdk.core;

/** 400 or 422: the request breaks the contract or does not fit the data; see {@link #errors()}. */
public class ValidationException extends MarkException {
  private static final long serialVersionUID = 1L;

  ValidationException(String message, ErrorParts problem, Throwable cause) {
    super(message, problem, cause);
  }
}
