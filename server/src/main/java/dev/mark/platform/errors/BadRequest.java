package dev.mark.platform.errors;

import java.util.List;

/** The request does not match the contract: malformed JSON, a wrong type, a broken constraint. */
public final class BadRequest extends ApiException {

  public BadRequest(String code, String detail, List<FieldIssue> issues) {
    super(code, detail, issues);
  }

  /** Every issue found while checking a request against the contract. */
  public static BadRequest validation(List<FieldIssue> issues) {
    String detail = issues.size() == 1
        ? "1 part of the request is not valid."
        : issues.size() + " parts of the request are not valid.";
    return new BadRequest("validation_failed", detail, issues);
  }
}
