package dev.mark.platform.errors;

import java.util.List;

/**
 * An error that the caller caused or must know about, answered as a problem+json document.
 * The subclasses are the whole family, one per HTTP status, so that code can catch a kind of
 * problem by type; the status and title answered are those the contract gives the
 * {@link ProblemCode}, and {@code ProblemResponder} writes them in one place. Anything that is
 * not an {@code ApiException} is a bug and becomes a generic 500.
 *
 * <p>No stack trace is captured: these are expected outcomes, not failures to debug.
 */
public abstract sealed class ApiException extends RuntimeException
    permits BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, Conflict,
        PayloadTooLarge, UnsupportedMediaType, Unprocessable, TooManyRequests, ServiceUnavailable,
        Timeout, UriTooLong, HeadersTooLarge {

  private final ProblemCode code;
  private final List<FieldIssue> issues;

  /**
   * @param status the status of the subclass, which must be the one the contract gives
   *     {@code code}
   * @throws IllegalArgumentException when the code belongs to another status: a bug at the
   *     throw site, which {@code ProblemCodeTest} looks for in every one
   */
  protected ApiException(int status, ProblemCode code, String detail, List<FieldIssue> issues) {
    super(detail, null, false, false);
    if (code.status() != status) {
      throw new IllegalArgumentException(code + " is a " + code.status()
          + " problem in openapi.yaml; " + getClass().getSimpleName() + " answers " + status);
    }
    this.code = code;
    this.issues = List.copyOf(issues);
  }

  /** The contract's code of this problem, which gives its status and title. */
  public ProblemCode code() {
    return code;
  }

  /** What went wrong in this occurrence, for a human. */
  public String detail() {
    return getMessage();
  }

  /**
   * Whether the call is charged its units all the same: a problem the caller caused is (a 4xx,
   * or a query stopped at its timeout, whose work was done), one on the server's side is not.
   */
  public boolean charged() {
    return code.status() < 500;
  }

  /** The invalid parts of the request; empty unless the problem is about input. */
  public List<FieldIssue> issues() {
    return issues;
  }
}
