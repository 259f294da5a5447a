package dev.mark.platform.errors;

import java.util.List;

/** Valid credentials that do not allow this operation, e.g. a key without the needed scope. */
public final class Forbidden extends ApiException {

  /** The HTTP status of every {@code Forbidden}; its codes are those of this status. */
  public static final int STATUS = 403;

  public Forbidden(ProblemCode code, String detail) {
    super(STATUS, code, detail, List.of());
  }

  /** A refusal that names the parts of the request it is about, e.g. {@code /scopes}. */
  public Forbidden(ProblemCode code, String detail, List<FieldIssue> issues) {
    super(STATUS, code, detail, issues);
  }
}
