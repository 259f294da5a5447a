package dev.mark.sdk.core;

/** 403: the credentials are valid but may not do this. */
public class PermissionException extends MarkException {
  private static final long serialVersionUID = 1L;

  PermissionException(String message, ErrorParts problem, Throwable cause) {
    super(message, problem, cause);
  }
}
