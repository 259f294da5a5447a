package dev.mark.platform.errors;

import java.util.List;

/** The request matches the contract but cannot be carried out, e.g. duplicate column names. */
public final class Unprocessable extends ApiException {

  /** The HTTP status of every {@code Unprocessable}; its codes are those of this status. */
  public static final int STATUS = 422;

  public Unprocessable(ProblemCode code, String detail, List<FieldIssue> issues) {
    super(STATUS, code, detail, issues);
  }

  public Unprocessable(ProblemCode code, String detail) {
    this(code, detail, List.of());
  }
}
