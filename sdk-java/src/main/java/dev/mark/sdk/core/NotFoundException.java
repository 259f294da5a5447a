package dev.mark.sdk.core;

/** 404: no such resource in the caller's account. */
public class NotFoundException extends MarkException {
  private static final long serialVersionUID = 1L;

  NotFoundException(String message, ErrorParts problem, Throwable cause) {
    super(message, problem, cause);
  }
}
