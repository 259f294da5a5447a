package dev.mark.platform.errors;

import java.util.List;

/**
 * An error that the caller caused or must know about, answered as a problem+json document.
 * The subclasses are the whole family; {@code ProblemResponder} maps each to its HTTP status in
 * one place. Anything that is not an {@code ApiException} is a bug and becomes a generic 500.
 *
 * <p>No stack trace is captured: these are expected outcomes, not failures to debug.
 */
public abstract sealed class ApiException extends RuntimeException
    permits BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, Conflict,
        PayloadTooLarge, UnsupportedMediaType, Unprocessable, TooManyRequests, ServiceUnavailable,
        Timeout {

  private final String code;
  private final List<FieldIssue> issues;

  protected ApiException(String code, String detail, List<FieldIssue> issues) {
    super(detail, null, false, false);
    this.code = code;
    this.issues = List.copyOf(issues);
  }

  /** A stable, machine-readable code, e.g. {@code validation_failed}. */
  public String code() {
    return code;
  }

  /** What went wrong in this occurrence, for a human. */
  public String detail() {
    return getMessage();
  }

  /** The invalid parts of the request; empty unless the problem is about input. */
  public List<FieldIssue> issues() {
    return issues;
  }
}
