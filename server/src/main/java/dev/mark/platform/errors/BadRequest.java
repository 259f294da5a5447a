package dev.mark.platform.errors;

import java.util.List;

/** The request does not match the contract: malformed JSON, a wrong type, a broken constraint. */
public final class BadRequest extends ApiException {

  /** The HTTP status of every {@code BadRequest}; its codes are those of this status. */
  public static final int STATUS = 400;

  public BadRequest(ProblemCode code, String detail, List<FieldIssue> issues) {
    super(STATUS, code, detail, issues);
  }

  /** Every issue found while checking a request against the contract. */
  public static BadRequest validation(List<FieldIssue> issues) {
    String detail = issues.size() == 1
        ? "1 part of the request is not valid."
        : issues.size() + " parts of the request are not valid.";
    return new BadRequest(ProblemCode.VALIDATION_FAILED, detail, issues);
  }
}
